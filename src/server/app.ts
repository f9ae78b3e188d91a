import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { createExtractor, type Extractor } from '../ingest/extractor.js';
import type { Store } from '../store/store.js';
import { ApiError, handleError } from './errors.js';
import { registerAttributionRoutes } from './routes/attributions.js';
import { registerDocumentRoutes } from './routes/documents.js';
import { registerExtractRoutes } from './routes/extract.js';
import { registerHealthRoutes } from './routes/health.js';
import { registerSampleRoutes } from './routes/sample.js';
import { registerSpeakerRoutes } from './routes/speakers.js';
import { webUi } from './static.js';

/**
 * Request bodies larger than this get 413.
 * @example await createApp({store, maxBodyBytes: MAX_BODY_BYTES / 5}) // a 1 MB limit
 */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

export interface AppOptions {
  store: Store;
  /** Runs the engine (HTML to text, then extraction); default: in this thread. */
  extractor?: Extractor;
  /** The built web UI (`web/dist`); null or absent serves the API alone. */
  webRoot?: string | null;
  /** The sample corpus that `POST /api/sample` loads (JSONL); absent: the route is 404. */
  samplePath?: string | null;
  /** Host names the server answers to (DNS-rebinding guard for a loopback server); absent: any. */
  allowedHosts?: readonly string[] | null;
  maxBodyBytes?: number;
  /** Where unexpected errors are logged (never sent to the client); default stderr. */
  log?: (message: string) => void;
}

/** What every route needs. */
export interface AppDeps {
  store: Store;
  extractor: Extractor;
  samplePath: string | null;
}

/**
 * The onrecord HTTP app: the JSON API under `/api` (see `/api/openapi.json`) and the web UI.
 * Every failure is `{error: {code, message, field?}}`; bodies over 5 MB get 413.
 * @example const app = await createApp({store: openSqliteStore(':memory:')}); await app.request('/api/health')
 */
export async function createApp(options: AppOptions): Promise<Hono> {
  const deps: AppDeps = { store: options.store, extractor: options.extractor ?? (await createExtractor(1)), samplePath: options.samplePath ?? null };
  const log = options.log ?? ((message: string) => void process.stderr.write(`${message}\n`));
  const maxSize = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const app = new Hono();
  app.onError((err, c) => handleError(err, c, log));
  app.notFound((c) => c.json(ApiError.notFound(`no route for ${c.req.method} ${c.req.path}`).body(), 404));
  if (options.allowedHosts) app.use(hostGuard(options.allowedHosts));
  app.use(secureHeaders({ strictTransportSecurity: false, contentSecurityPolicy: CSP }));
  app.use('/api/*', bodyLimit({
    maxSize,
    onError: () => {
      throw new ApiError(413, 'payload_too_large', `body: larger than ${Math.round(maxSize / 1024 / 1024)} MB`, 'body');
    },
  }));
  const api = new Hono();
  for (const register of [registerHealthRoutes, registerExtractRoutes, registerDocumentRoutes, registerAttributionRoutes, registerSpeakerRoutes, registerSampleRoutes]) {
    register(api, deps);
  }
  app.route('/api', api);
  if (options.webRoot) app.get('*', webUi(options.webRoot));
  return app;
}

/** Scripts, styles and data from this server only; nothing inline, no plugins, no framing. */
const CSP = {
  defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'"], imgSrc: ["'self'", 'data:'], connectSrc: ["'self'"],
  objectSrc: ["'none'"], baseUri: ["'none'"], formAction: ["'self'"], frameAncestors: ["'none'"],
};

/** Refuses requests whose Host is not one of `hosts`: a page on another site cannot reach a loopback server by rebinding its DNS. */
function hostGuard(hosts: readonly string[]) {
  const allowed = new Set(hosts.map((h) => h.toLowerCase()));
  return async (c: { req: { header(name: string): string | undefined } }, next: () => Promise<void>): Promise<void> => {
    const host = (c.req.header('host') ?? '').toLowerCase().replace(/:\d+$/, '');
    if (!allowed.has(host)) throw new ApiError(403, 'forbidden', `host: this server does not answer to "${host}"`, 'host');
    await next();
  };
}
