import { createExtractor, type Extractor } from '../ingest/extractor.js';
import { createApp } from '../server/app.js';
import { isLoopback, listen, type Listening } from '../server/listen.js';
import { loadSampleCorpus, samplePath } from '../server/sample-corpus.js';
import { webRootPath } from '../server/static.js';
import { describeDb } from '../store/open.js';
import type { Store } from '../store/store.js';
import { UsageError } from './errors.js';
import { openForWriting, positiveInt } from './store-access.js';

/** `onrecord serve`'s flags, as commander gives them. */
export interface ServeFlags {
  db: string;
  port: string;
  host: string;
  loadSample?: boolean;
  jobs: string;
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
