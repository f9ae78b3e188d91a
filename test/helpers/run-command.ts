import { Command } from 'commander';
import { vi } from 'vitest';
import { UsageError } from '../../src/cli/errors.js';

/**
 * Runs one CLI command in-process, as `onrecord <args>` would, capturing stdout and stderr.
 * Usage errors come back as `{error}` (main.ts prints them in one line).
 */
export async function runCommand(register: (program: Command) => void, args: string[]): Promise<{ stdout: string; stderr: string; exitCode: number; error?: string }> {
  const program = new Command('onrecord').exitOverride();
  register(program);
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  const before = process.exitCode;
  process.exitCode = undefined;
  try {
    await program.parseAsync(['node', 'onrecord', ...args]);
    return { stdout, stderr, exitCode: Number(process.exitCode ?? 0) };
  } catch (e) {
    if (e instanceof UsageError) return { stdout, stderr, exitCode: e.exitCode, error: e.message };
    throw e;
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.exitCode = before;
  }
}
