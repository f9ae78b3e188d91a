import type { Command } from 'commander';

/** Every CLI command, in the order `onrecord --help` lists them. Each file registers one. */
export const COMMANDS: ReadonlyArray<(program: Command) => void> = [];
