import type { Hono } from 'hono';
import type { AppDeps } from '../app.js';
import { ApiError } from '../errors.js';
import { loadSampleCorpus } from '../sample-corpus.js';
import { readJsonObject } from '../validate.js';

/**
 * `POST /api/sample {}`: loads the sample corpus into the store (idempotent), so a newcomer's
 * empty explorer fills up with one click.
 * @example registerSampleRoutes(api, deps)
 */
export function registerSampleRoutes(api: Hono, { store, extractor, samplePath }: AppDeps): void {
  api.post('/sample', async (c) => {
    await readJsonObject(c, []);
    if (!samplePath) throw ApiError.notFound('this installation has no sample corpus');
    return c.json(await loadSampleCorpus(store, extractor, samplePath));
  });
}
