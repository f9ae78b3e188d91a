import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { Processed } from './process.js';
import type { RawDocument } from './types.js';

/** Runs {@link processDocument}, in worker threads or in this thread. */
export interface Extractor {
  run(raw: RawDocument): Promise<Processed>;
  close(): Promise<void>;
  /** How many threads extract: 1 means in-process. */
  readonly threads: number;
  /** Why there are fewer threads than asked for, if there are. */
  readonly note?: string;
}

/**
 * An extractor with `jobs` worker threads (a piscina pool), or in-process for `jobs` 1. The
 * pool loads the compiled `worker.js` next to this module; running from TypeScript sources
 * (tsx, vitest) it loads `worker.ts` through tsx. When no pool can start, extraction runs
 * in-process and `note` says why.
 * @example const x = await createExtractor(2); await x.run(doc); await x.close()
 */
export async function createExtractor(jobs: number, worker: WorkerScript | undefined = workerFile()): Promise<Extractor> {
  if (jobs <= 1) return inProcess();
  if (!worker) return inProcess('no worker script found next to the ingest module');
  let pool: Piscina | undefined;
  try {
    pool = new Piscina({
      filename: worker.url, minThreads: jobs, maxThreads: jobs, execArgv: worker.execArgv, idleTimeout: 60_000,
      // V8 lets a busy heap grow lazily; capping it keeps each thread's memory flat (a page that
      // needs more than this is reported as a problem, and the pool replaces the thread).
      resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 128 },
    });
    // A thread that dies outside a task (it failed to load, or ran out of memory between tasks)
    // is an 'error' event on the pool; piscina replaces the thread, and a task that depended
    // on it is rejected on its own, so the event itself must not crash the process.
    pool.on('error', () => undefined);
    // A first task proves the workers can load the engine before any document depends on it.
    await pool.run({ text: '', source: { path: '(warm-up)' } } satisfies RawDocument);
  } catch (err) {
    await pool?.destroy().catch(() => undefined);
    return inProcess(`worker threads could not start (${(err as Error).message.split('\n')[0]})`);
  }
  const running = pool;
  return {
    threads: jobs,
    run: (raw) => running.run(raw) as Promise<Processed>,
    close: () => running.destroy(),
  };
}

/** Extraction in this thread; the engine and the HTML parser are loaded only then (not with a pool). */
async function inProcess(note?: string): Promise<Extractor> {
  const { processDocument } = await import('./process.js');
  return { threads: 1, run: async (raw) => processDocument(raw), close: async () => undefined, ...(note ? { note: `extracting in-process: ${note}` } : {}) };
}

/** A worker script and the Node options it needs. */
export interface WorkerScript {
  url: string;
  execArgv: string[];
}

/** The worker script: compiled JS when present, else the TypeScript source loaded through tsx. */
function workerFile(): WorkerScript | undefined {
  const js = new URL('./worker.js', import.meta.url);
  if (existsSync(js)) return { url: js.href, execArgv: [] };
  const ts = new URL('./worker.ts', import.meta.url);
  if (!existsSync(ts)) return undefined;
  try {
    createRequire(import.meta.url).resolve('tsx');
  } catch {
    return undefined;
  }
  return { url: ts.href, execArgv: ['--import', 'tsx'] };
}

/**
 * The default `--jobs`: one thread per core, keeping one for reading and writing.
 * @example defaultJobs() // 3 on a 4-core machine
 */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism() - 1);
}
