-- The corpus: documents, attributions with full-text search over their contents, speakers
-- (entities merged across documents) with the names they go by, mentions and diagnostics.

CREATE TABLE documents (
  id           TEXT PRIMARY KEY,
  url          TEXT,
  outlet       TEXT,
  title        TEXT,
  byline       TEXT,
  published    TEXT,                  -- YYYY-MM-DD
  text         TEXT NOT NULL,
  content_hash TEXT NOT NULL,         -- sha256 of the whitespace-normalised text
  source_path  TEXT,
  ingested_at  TEXT NOT NULL
);
CREATE INDEX documents_content_hash ON documents (content_hash);
CREATE INDEX documents_outlet ON documents (outlet COLLATE NOCASE);

-- Every way a document is known (id:…, url:…), so a re-ingest finds it again. A duplicate
-- (same text under another id or URL) adds its keys here, pointing at the stored copy.
CREATE TABLE document_keys (
  key         TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  own         INTEGER NOT NULL      -- 1: the document's own key; 0: a duplicate's
);
CREATE INDEX document_keys_document ON document_keys (document_id);

CREATE TABLE entities (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL,
  norm         TEXT NOT NULL,
  kind         TEXT,
  role         TEXT,
  affiliation  TEXT,
  attributions INTEGER NOT NULL DEFAULT 0,
  block        TEXT                 -- candidate key for the name-variant matcher; null for descriptions
);
CREATE INDEX entities_by_attributions ON entities (attributions DESC, id);
CREATE INDEX entities_block ON entities (block);

-- The names an entity goes by, normalised: its name (the one documents use most), aliases and
-- spelling variants, which later documents' names merge into, and descriptions ("the Russian
-- leader"), which they don't.
CREATE TABLE entity_names (
  id        INTEGER PRIMARY KEY,
  entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  norm      TEXT NOT NULL,
  name      TEXT NOT NULL,
  how       TEXT NOT NULL CHECK (how IN ('name', 'alias', 'variant', 'description')),
  seen      INTEGER NOT NULL DEFAULT 0, -- documents that called the entity by this name
  UNIQUE (entity_id, norm)
);
CREATE INDEX entity_names_norm ON entity_names (norm);

CREATE VIRTUAL TABLE entity_names_fts USING fts5 (
  name, content = 'entity_names', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER entity_names_ai AFTER INSERT ON entity_names BEGIN
  INSERT INTO entity_names_fts (rowid, name) VALUES (new.id, new.name);
END;
CREATE TRIGGER entity_names_ad AFTER DELETE ON entity_names BEGIN
  INSERT INTO entity_names_fts (entity_names_fts, rowid, name) VALUES ('delete', old.id, old.name);
END;

-- An attribution's id orders it in time: (day of said_on + 2^19) * 2^32 + a running number
-- (see attribution-ids.ts). So "newest first" is rowid order, which FTS5 walks natively and
-- stops after a page, and a date range is a rowid range.
CREATE TABLE attributions (
  id          INTEGER PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  local_id    TEXT NOT NULL,
  kind        TEXT NOT NULL,
  content     TEXT NOT NULL,
  spans       TEXT NOT NULL,          -- JSON, see span-codec.ts
  speaker_id  INTEGER REFERENCES entities (id),
  said_on     TEXT NOT NULL,          -- YYYY-MM-DD, or '' when unknown
  confidence  REAL NOT NULL,
  provenance  TEXT NOT NULL,          -- JSON array
  -- Filter tokens indexed beside the content ("s12 kdirect o3f9a…": speaker, kind, outlet),
  -- so a word query with filters is one FTS5 query
  tags        TEXT NOT NULL
);
CREATE INDEX attributions_document ON attributions (document_id);
CREATE INDEX attributions_speaker ON attributions (speaker_id);

-- The running number of attribution ids, shared by every writer.
CREATE TABLE counters (
  name  TEXT PRIMARY KEY,
  value INTEGER NOT NULL
);
INSERT INTO counters VALUES ('attribution', 0);

CREATE VIRTUAL TABLE attributions_fts USING fts5 (
  content, tags, content = 'attributions', content_rowid = 'id', tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER attributions_ai AFTER INSERT ON attributions BEGIN
  INSERT INTO attributions_fts (rowid, content, tags) VALUES (new.id, new.content, new.tags);
END;
CREATE TRIGGER attributions_ad AFTER DELETE ON attributions BEGIN
  INSERT INTO attributions_fts (attributions_fts, rowid, content, tags) VALUES ('delete', old.id, old.content, old.tags);
END;

CREATE TABLE mentions (
  id          INTEGER PRIMARY KEY,
  entity_id   INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  start       INTEGER NOT NULL,
  end         INTEGER NOT NULL,
  text        TEXT NOT NULL
);
CREATE INDEX mentions_entity ON mentions (entity_id);
CREATE INDEX mentions_document ON mentions (document_id);

CREATE TABLE diagnostics (
  id          INTEGER PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  code        TEXT NOT NULL,
  severity    TEXT NOT NULL,
  reason      TEXT NOT NULL,
  start       INTEGER,
  end         INTEGER,
  note        TEXT
);
CREATE INDEX diagnostics_document ON diagnostics (document_id);
