import type { Command } from 'commander';
import { createExtractor, type Extractor } from '../../ingest/extractor.js';
import { createApp } from '../../server/app.js';
import { isLoopback, listen, type Listening } from '../../server/listen.js';
import { loadSampleCorpus, samplePath } from '../../server/sample-corpus.js';
import { webRootPath } from '../../server/static.js';
import { describeDb } from '../../store/open.js';
import type { Store } from '../../store/store.js';
import { UsageError } from '../errors.js';
import { DB_HELP, DEFAULT_DB, openForWriting, positiveInt } from '../store-access.js';

const HELP = `
Serves the explorer (a web UI: analyse an article, search statements, follow a speaker) and its
JSON API (described at /api/openapi.json) from one process, on the corpus in --db (created if
missing). It listens on 127.0.0.1 only, unless --host says otherwise: the API can add to the
corpus, so think twice before --host 0.0.0.0.

With an empty corpus, the explorer offers to load a sample of twelve short fictional articles;
--load-sample loads it before serving. Ctrl-C stops the server.

Examples:
  onrecord serve --load-sample
  onrecord serve --db news.db --port 3000
  onrecord serve --db postgres://onrecord@db.internal/news --host 0.0.0.0`;

interface ServeFlags {
  db: string;
  port: string;
  host: string;
  loadSample?: boolean;
  jobs: string;
}

/**
 * Registers `onrecord serve`: the web explorer and the HTTP API on one port.
 * @example registerServe(new Command('onrecord'))
 */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the web explorer and the HTTP API on the corpus')
    .option('--db <path|url>', DB_HELP, DEFAULT_DB)
    .option('--port <n>', 'the port to listen on (0: any free one)', '8080')
    .option('--host <address>', 'the address to listen on', '127.0.0.1')
    .option('--load-sample', 'load the sample corpus first when the corpus is empty')
    .option('--jobs <n>', 'worker threads that extract (1: in the server thread)', '1')
    .addHelpText('after', HELP)
    .action(async (flags: ServeFlags) => {
      const server = await startServe(flags);
      const stop = (): void => void server.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}

/**
 * Opens the corpus, loads the sample if asked, and serves the app; resolves once listening.
 * The store is opened through one function, so a PostgreSQL `--db` can be added in one place.
 * @example const server = await startServe({db: ':memory:', port: '0', host: '127.0.0.1', jobs: '1'}); await server.close()
 */
export async function startServe(flags: ServeFlags, log: (line: string) => void = (line) => void process.stderr.write(`${line}\n`)): Promise<Listening> {
  const port = parsePort(flags.port);
  const host = flags.host.trim();
  if (!host) throw new UsageError('--host: expected an address such as 127.0.0.1');
  const jobs = positiveInt('--jobs', flags.jobs, 64);
  const store = await openServeStore(flags.db);
  let extractor: Extractor | undefined;
  try {
    extractor = await createExtractor(jobs);
    if (extractor.note) log(`onrecord: note: ${extractor.note}`);
    const sample = samplePath();
    let { documents } = await store.stats();
    if (flags.loadSample && documents === 0) {
      if (!sample) throw new UsageError('--load-sample: this installation has no sample corpus (examples/sample-corpus.jsonl)');
      const loaded = await loadSampleCorpus(store, extractor, sample);
      log(`onrecord: loaded the sample corpus: ${loaded.inserted} articles, ${loaded.attributions} statements`);
      documents = loaded.documents;
    }
    const app = await createApp({
      store, extractor, samplePath: sample, webRoot: webRootPath(),
      allowedHosts: isLoopback(host) ? ['localhost', '127.0.0.1', '[::1]', host] : null,
    });
    const server = await listen(app, { host, port }).catch((err: Error) => {
      throw new UsageError(err.message);
    });
    log(`onrecord: serving the explorer at ${server.url}/ (API: ${server.url}/api/openapi.json), corpus ${describeDb(flags.db)}: ${documents} articles`);
    if (documents === 0) log('onrecord: the corpus is empty: the explorer offers to load a sample corpus (or restart with --load-sample)');
    if (!isLoopback(host)) log(`onrecord: note: listening on ${host}: anyone who can reach this machine can read and add to the corpus`);
    const opened = extractor;
    return { ...server, close: async () => { await server.close(); await opened.close(); await store.close(); } };
  } catch (err) {
    await extractor?.close();
    await store.close();
    throw err;
  }
}

/** The one place `serve` opens its corpus: a SQLite file, or PostgreSQL for a `postgres://` URL (any number of servers can share one). */
function openServeStore(db: string): Promise<Store> {
  return openForWriting(db);
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n > 65535) throw new UsageError(`--port: expected a port number from 0 to 65535, got "${value}"`);
  return n;
}
