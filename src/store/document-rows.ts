import type { Attribution, AttributionKind, Diagnostic, EntityKind, ExtractResult, Span } from '../core/types.js';
import { normalizeDescription } from './name-matcher.js';
import { nameFromSource } from './speaker-name.js';

/** The separator between content pieces in an attribution's stored `content`. */
export const PIECE_SEPARATOR = ' … ';

/** An entity of one document, before it is merged into the corpus. */
export interface DocEntity {
  key: string;
  name: string;
  kind: EntityKind | null;
  role: string | null;
  affiliation: string | null;
  aliases: string[];
  mentions: Span[];
  /** A description standing in for a name ("officials"): merged only with the same words. */
  descriptive?: boolean;
}

/** An attribution as the store keeps it. */
export interface AttributionRow {
  localId: string;
  kind: AttributionKind;
  content: string;
  spans: { content: Span[]; cue: Span | null; source: Span | null };
  /** Key of the speaker among the document's entities, or null. */
  entityKey: string | null;
  date: string | null;
  confidence: number;
  provenance: string[];
}

export interface DocumentRows {
  entities: DocEntity[];
  attributions: AttributionRow[];
  diagnostics: Diagnostic[];
}

/**
 * What a store writes for one extraction result. Speakers come from `attribution.speaker`
 * when the engine resolved them; until it does (`speaker` absent), the name in the source
 * mention stands in (see {@link nameFromSource}), and pronouns ("he", "they") give no speaker.
 * @example documentRows(extract('“Yes,” Okafor said.'), '2025-03-13').entities[0].name // 'Okafor'
 */
export function documentRows(result: ExtractResult, articleDate?: string): DocumentRows {
  const entities = new Map<string, DocEntity>();
  for (const e of result.entities) {
    entities.set(e.id, { key: e.id, name: e.name, kind: e.kind, role: e.role ?? null, affiliation: e.affiliation ?? null, aliases: [...e.aliases], mentions: [...e.mentions] });
  }
  const attributions = result.attributions.map((a) => ({
    localId: a.id,
    kind: a.kind,
    content: a.content.map((s) => s.text).join(PIECE_SEPARATOR),
    spans: { content: a.content, cue: a.cue, source: a.source },
    entityKey: speakerKey(a, entities),
    date: a.saidAt?.date ?? articleDate ?? null,
    confidence: a.confidence,
    provenance: a.provenance,
  }));
  return { entities: [...entities.values()], attributions, diagnostics: result.diagnostics };
}

function speakerKey(a: Attribution, entities: Map<string, DocEntity>): string | null {
  if (a.speaker === null) return null; // resolution ran and found nobody
  if (a.speaker) {
    if (!entities.has(a.speaker.id)) {
      const { id, name, kind, role, affiliation } = a.speaker;
      entities.set(id, { key: id, name, kind, role: role ?? null, affiliation: affiliation ?? null, aliases: [], mentions: [] });
    }
    return a.speaker.id;
  }
  if (!a.source) return null;
  const found = nameFromSource(a.source.text);
  if (!found) return null;
  const key = `source:${found.descriptive ? 'd' : 'n'}:${normalizeDescription(found.name)}`;
  const entity = entities.get(key);
  if (entity) entity.mentions.push(a.source);
  else entities.set(key, { key, name: found.name, kind: null, role: null, affiliation: null, aliases: [], mentions: [a.source], descriptive: found.descriptive });
  return key;
}
