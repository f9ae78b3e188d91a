import type { Hono } from 'hono';
import { packageVersion } from '../../cli/version.js';
import type { AppDeps } from '../app.js';
import { OPENAPI } from '../openapi.js';

/**
 * `GET /api/health` (the process answers), `GET /api/stats` (what the corpus holds) and
 * `GET /api/openapi.json` (the API described).
 * @example registerHealthRoutes(api, deps)
 */
export function registerHealthRoutes(api: Hono, { store, samplePath }: AppDeps): void {
  const version = packageVersion();
  api.get('/health', (c) => c.json({ status: 'ok', version }));
  api.get('/openapi.json', (c) => c.json(OPENAPI));
  api.get('/stats', async (c) => {
    return c.json({ ...(await store.stats()), sampleAvailable: samplePath !== null });
  });
}
