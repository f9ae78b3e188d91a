import type { Command } from 'commander';
import { registerBench } from './bench.js';
import { registerEval } from './eval.js';
import { registerExtract } from './extract.js';

/** Every CLI command, in the order `onrecord --help` lists them. Each file registers one. */
export const COMMANDS: ReadonlyArray<(program: Command) => void> = [
  registerExtract,
  registerEval,
  registerBench,
];
