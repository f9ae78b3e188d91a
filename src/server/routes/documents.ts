import type { Hono } from 'hono';
import type { DocumentInput, StoredDocument } from '../../store/store.js';
import type { AppDeps } from '../app.js';
import { ApiError } from '../errors.js';
import { optionalDate, optionalString, readJsonObject } from '../validate.js';
import { runEngine } from './extract.js';

const METADATA = ['id', 'url', 'outlet', 'title', 'byline'] as const;

/**
 * `POST /api/documents` (extract and store one article, given as `text` or as a page's
 * `html`) and `GET /api/documents/:id` (its text, attributions, speakers and diagnostics).
 * @example registerDocumentRoutes(api, deps)
 */
export function registerDocumentRoutes(api: Hono, { store, extractor }: AppDeps): void {
  api.post('/documents', async (c) => {
    const body = await readJsonObject(c, ['text', 'html', 'date', ...METADATA]);
    const text = optionalString(body, 'text', Infinity);
    const html = optionalString(body, 'html', Infinity);
    if ((text === undefined) === (html === undefined)) throw ApiError.field('text', 'give the article as "text" or as "html", one of the two');
    if (text !== undefined && !text.trim()) throw ApiError.field('text', 'empty');
    const meta: Partial<DocumentInput> = {};
    for (const name of METADATA) {
      const value = optionalString(body, name, name === 'url' ? 2000 : 500);
      if (value?.trim()) meta[name] = value.trim();
    }
    const date = optionalDate(body, 'date');
    if (date) meta.date = date;
    const source = { path: 'POST /api/documents' };
    const { doc, result } = await runEngine(extractor, text !== undefined ? { ...meta, text, source } : { ...meta, html: html as string, source }, html !== undefined ? 'html' : 'text');
    const { source: _source, ...input } = doc;
    const put = await store.putDocument(input, result);
    c.header('Location', `/api/documents/${encodeURIComponent(put.id)}`);
    return c.json(put, put.status === 'inserted' ? 201 : 200);
  });

  api.get('/documents/:id', async (c) => {
    const id = c.req.param('id');
    const doc = await store.getDocument(id);
    if (!doc) throw ApiError.notFound(`no document with id "${id}"`);
    return c.json(documentView(doc));
  });
}

/** A speaker of the document: the corpus-wide entity its attributions resolve to. */
export interface DocumentSpeaker {
  id: string;
  name: string;
  attributions: number;
}

/**
 * A stored document as the API shows it: without where the server read it from, with the
 * speakers of its attributions (most statements first).
 * @example documentView(await store.getDocument('d1')).entities[0] // {id: '3', name: 'Maria Okafor', attributions: 2}
 */
export function documentView(doc: StoredDocument): Omit<StoredDocument, 'sourcePath'> & { entities: DocumentSpeaker[] } {
  const { sourcePath: _path, ...rest } = doc;
  const speakers = new Map<string, DocumentSpeaker>();
  for (const a of doc.attributions) {
    if (!a.speaker) continue;
    const s = speakers.get(a.speaker.id) ?? { ...a.speaker, attributions: 0 };
    s.attributions++;
    speakers.set(a.speaker.id, s);
  }
  return { ...rest, entities: [...speakers.values()].sort((a, b) => b.attributions - a.attributions || a.name.localeCompare(b.name)) };
}
