import type { Hono } from 'hono';
import type { Extractor } from '../../ingest/extractor.js';
import type { Processed } from '../../ingest/process.js';
import type { RawDocument } from '../../ingest/types.js';
import type { AppDeps } from '../app.js';
import { ApiError } from '../errors.js';
import { optionalDate, optionalString, readJsonObject, requiredString } from '../validate.js';

/**
 * `POST /api/extract {text, date?, id?, byline?}`: who said what in a text, without storing it.
 * @example registerExtractRoutes(api, deps)
 */
export function registerExtractRoutes(api: Hono, { extractor }: AppDeps): void {
  api.post('/extract', async (c) => {
    const body = await readJsonObject(c, ['text', 'date', 'id', 'byline']);
    const text = requiredString(body, 'text');
    const date = optionalDate(body, 'date');
    const id = optionalString(body, 'id', 200);
    const byline = optionalString(body, 'byline', 500);
    const raw = { text, ...(date ? { date } : {}), ...(id ? { id } : {}), ...(byline ? { byline } : {}), source: { path: 'POST /api/extract' } };
    const { result } = await runEngine(extractor, raw, 'text');
    return c.json(result);
  });
}

/**
 * Runs the engine on one document; a document it cannot use (an HTML page with no article
 * text) is a 400 on `field`.
 * @example const {doc, result} = await runEngine(extractor, {text: '“Yes,” she said.', source: {path: 'api'}}, 'text')
 */
export async function runEngine(extractor: Extractor, raw: RawDocument, field: string): Promise<Extract<Processed, { doc: unknown }>> {
  const processed = await extractor.run(raw);
  if ('problem' in processed) {
    if (processed.problem.reason.startsWith('extraction failed')) throw new Error(processed.problem.reason);
    throw ApiError.field(field, processed.problem.reason);
  }
  return processed;
}
