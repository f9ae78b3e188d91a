#!/usr/bin/env node
import { Command } from 'commander';
import { COMMANDS } from './commands/index.js';
import { UsageError } from './errors.js';
import { packageVersion } from './version.js';
import { raiseInliningBudget } from './v8-tuning.js';

/** Builds the `onrecord` program with every command registered. */
export function buildProgram(): Command {
  const program = new Command('onrecord')
    .description('Who said what: find attributions in news, store them, search them.')
    .version(packageVersion())
    .showHelpAfterError();
  for (const register of COMMANDS) register(program);
  return program;
}

async function main(): Promise<void> {
  try {
    await buildProgram().parseAsync(process.argv);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`onrecord: ${err.message}\n`);
      process.exitCode = err.exitCode;
      return;
    }
    throw err;
  }
}

raiseInliningBudget();
await main();
