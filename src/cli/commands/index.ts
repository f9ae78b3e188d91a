import type { Command } from 'commander';
import { registerBench } from './bench.js';
import { registerEval } from './eval.js';
import { registerExport } from './export.js';
import { registerExtract } from './extract.js';
import { registerIngest } from './ingest.js';
import { registerQueue } from './queue.js';
import { registerSearch } from './search.js';
import { registerServe } from './serve.js';
import { registerSpeakers } from './speakers.js';
import { registerWorker } from './worker.js';

/** Every CLI command, in the order `onrecord --help` lists them. Each file registers one. */
export const COMMANDS: ReadonlyArray<(program: Command) => void> = [
  registerExtract,
  registerEval,
  registerBench,
  registerIngest,
  registerSearch,
  registerSpeakers,
  registerExport,
  registerServe,
  registerWorker,
  registerQueue,
];
