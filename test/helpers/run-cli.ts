import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root, where the CLI runs from in tests. */
export const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** What a CLI run printed and how it ended. */
export interface CliRun {
  stdout: string;
  stderr: string;
  code: number | null;
}

/**
 * Runs `onrecord` from source (`node --import tsx src/cli/main.ts …`) in the repository root,
 * with `input` on stdin.
 * @example const {stdout, code} = await runCli(['extract', 'test/fixtures/cli/quote.txt'])
 */
export function runCli(args: string[], input: string | Buffer = ''): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: REPO });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), code }));
    child.stdin.on('error', () => {});
    child.stdin.end(input);
  });
}
