/// <reference lib="webworker" />
/**
 * The engine in a worker: decoding the model and extracting never freeze the page. Imported
 * only by the Analyse view, so the engine and its model are a chunk no other view loads.
 */
import { extract } from '../../src/index.js';
import type { EngineReply, EngineRequest } from './engine.js';

self.onmessage = (event: MessageEvent<EngineRequest>) => {
  const { seq, text, date } = event.data;
  let reply: EngineReply;
  try {
    reply = { seq, result: extract(text, date ? { date } : {}) };
  } catch (err) {
    reply = { seq, error: err instanceof Error ? err.message : String(err) };
  }
  (self as unknown as Worker).postMessage(reply);
};
