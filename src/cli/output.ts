import type { Writable } from 'node:stream';
import { put } from './format/put.js';

/**
 * Writes results as JSONL, one a line; in `json` mode a lone result is pretty-printed instead,
 * so it holds the first result back until a second one (or the end) decides.
 * @example const out = new JsonOutput(process.stdout, 'json'); await out.write(result); await out.end()
 */
export class JsonOutput {
  private held: unknown;
  private holding = false;
  private count = 0;

  constructor(private readonly stream: Writable, private readonly format: 'json' | 'jsonl') {}

  /** Queues one result; resolves when the stream can take more. */
  async write(value: unknown): Promise<void> {
    this.count++;
    if (this.format === 'json' && this.count === 1) {
      this.held = value;
      this.holding = true;
      return;
    }
    if (this.holding) await this.flushHeld();
    await put(this.stream, JSON.stringify(value) + '\n');
  }

  /** Writes what is held back. */
  async end(): Promise<void> {
    if (this.holding && this.count === 1) {
      this.holding = false;
      await put(this.stream, JSON.stringify(this.held, null, 2) + '\n');
    }
  }

  private async flushHeld(): Promise<void> {
    this.holding = false;
    await put(this.stream, JSON.stringify(this.held) + '\n');
    this.held = undefined;
  }
}

/**
 * Ends the process quietly when the reader of `stream` goes away (`onrecord extract … | head`),
 * instead of dying on EPIPE with a stack trace. Once per stream: commands run again in one
 * process (the tests run the CLI in-process) do not pile up listeners on stdout.
 * @example exitOnBrokenPipe(process.stdout)
 */
export function exitOnBrokenPipe(stream: Writable): void {
  if (GUARDED.has(stream)) return;
  GUARDED.add(stream);
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(process.exitCode ?? 0);
  });
}

/** The streams {@link exitOnBrokenPipe} guards already. */
const GUARDED = new WeakSet<Writable>();
