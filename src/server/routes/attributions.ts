import type { Hono } from 'hono';
import type { SearchQuery } from '../../store/store.js';
import type { AppDeps } from '../app.js';
import { optionalChoice, optionalDate, optionalLimit, optionalString, singleQuery } from '../validate.js';

const PARAMS = ['q', 'speaker', 'speakerId', 'outlet', 'kind', 'from', 'to', 'cursor', 'limit'] as const;

/**
 * `GET /api/attributions?q&speaker&speakerId&outlet&kind&from&to&cursor&limit`: search what
 * was said, newest first, a page at a time.
 * @example registerAttributionRoutes(api, deps)
 */
export function registerAttributionRoutes(api: Hono, { store }: AppDeps): void {
  api.get('/attributions', async (c) => {
    const params = singleQuery(c, PARAMS);
    const query: SearchQuery = { limit: optionalLimit(params, 'limit', 100) ?? 20 };
    for (const name of ['q', 'speaker', 'speakerId', 'outlet', 'cursor'] as const) {
      const value = optionalString(params, name, 500)?.trim();
      if (value) query[name] = value;
    }
    const kind = optionalChoice(params, 'kind', ['direct', 'indirect', 'mixed'] as const);
    if (kind) query.kind = kind;
    for (const name of ['from', 'to'] as const) {
      const value = optionalDate(params, name);
      if (value) query[name] = value;
    }
    return c.json(await store.searchAttributions(query));
  });
}
