import type { Hono } from 'hono';
import type { AppDeps } from '../app.js';
import { ApiError } from '../errors.js';
import { optionalLimit, optionalString, singleQuery } from '../validate.js';

/**
 * `GET /api/speakers?q&limit&cursor` (who is quoted, most first) and `GET /api/speakers/:id`
 * (aliases, variants, counts, statements per week, outlets, latest statements).
 * @example registerSpeakerRoutes(api, deps)
 */
export function registerSpeakerRoutes(api: Hono, { store }: AppDeps): void {
  api.get('/speakers', async (c) => {
    const params = singleQuery(c, ['q', 'limit', 'cursor']);
    const q = optionalString(params, 'q', 200)?.trim();
    const cursor = optionalString(params, 'cursor', 500)?.trim();
    const limit = optionalLimit(params, 'limit', 100) ?? 50;
    return c.json(await store.listSpeakers({ limit, ...(q ? { q } : {}), ...(cursor ? { cursor } : {}) }));
  });

  api.get('/speakers/:id', async (c) => {
    const id = c.req.param('id');
    const speaker = await store.getSpeaker(id);
    if (!speaker) throw ApiError.notFound(`no speaker with id "${id}"`);
    return c.json(speaker);
  });
}
