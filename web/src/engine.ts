import type { ExtractResult } from '../../src/core/types.js';

/** A text for the engine worker. */
export interface EngineRequest {
  seq: number;
  text: string;
  date?: string;
}

/** The engine worker's answer to request `seq`. */
export type EngineReply = { seq: number; result: ExtractResult } | { seq: number; error: string };

let worker: Worker | null = null;
let seq = 0;
const waiting = new Map<number, { resolve(r: ExtractResult): void; reject(e: Error): void }>();

/**
 * Runs `extract(text, {date})` in the browser, in a worker started on first use (loading the
 * engine and its model, a few MB, once).
 * @example const result = await extractInBrowser('“Yes,” she said.', '2025-03-13')
 */
export function extractInBrowser(text: string, date?: string): Promise<ExtractResult> {
  worker ??= startWorker();
  const id = ++seq;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    (worker as Worker).postMessage({ seq: id, text, ...(date ? { date } : {}) } satisfies EngineRequest);
  });
}

function startWorker(): Worker {
  const w = new Worker(new URL('./engine-worker.ts', import.meta.url), { type: 'module' });
  w.onmessage = (event: MessageEvent<EngineReply>) => {
    const pending = waiting.get(event.data.seq);
    waiting.delete(event.data.seq);
    if (!pending) return;
    if ('error' in event.data) pending.reject(new Error(event.data.error));
    else pending.resolve(event.data.result);
  };
  w.onerror = (event) => {
    event.preventDefault();
    for (const p of waiting.values()) p.reject(new Error(`the engine could not start: ${event.message || 'worker error'}`));
    waiting.clear();
    worker = null;
  };
  return w;
}
