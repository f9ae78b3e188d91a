import { open } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { byteLines, readAll, type ByteLine } from './byte-stream.js';
import { parseRecord, type TextInput } from './record.js';
import { decodeUtf8, looksBinary } from './utf8.js';

/** Something to tell the user about an input; an error also makes the command exit 1 at the end. */
export interface InputProblem {
  severity: 'error' | 'warning';
  /** `<file>[:<line>]: <problem>`. */
  message: string;
}

/** What {@link readTexts} yields, in input order. */
export type InputItem = { input: TextInput } | { problem: InputProblem };

export interface ReadTextsOptions {
  /** Read stdin as JSONL when its first non-blank line is a JSON object with a "text" string. */
  stdinJsonl?: boolean;
  stdin?: AsyncIterable<Buffer>;
}

/** Name used for stdin in messages. */
export const STDIN_NAME = '<stdin>';

/**
 * Reads the texts in `paths` (`-` is stdin): a `.jsonl`/`.ndjson` file gives one text a line,
 * streamed; any other file is one text, its id the file name without extension. Never throws for
 * a bad file or line: it yields a problem and goes on.
 * @example for await (const item of readTexts(['a.txt', 'b.jsonl'])) if ('input' in item) console.log(item.input.id)
 */
export async function* readTexts(paths: readonly string[], options: ReadTextsOptions = {}): AsyncGenerator<InputItem> {
  for (const path of paths) {
    if (path === '-') yield* readStdin(options.stdin ?? process.stdin, options.stdinJsonl ?? false);
    else yield* readFile(path);
  }
}

/**
 * True for the file names read as JSONL.
 * @example isJsonlPath('dev.ndjson') // true
 */
export function isJsonlPath(path: string): boolean {
  return /\.(jsonl|ndjson)$/i.test(path);
}

async function* readFile(path: string): AsyncGenerator<InputItem> {
  let handle;
  try {
    handle = await open(path, 'r');
    const head = Buffer.alloc(8192);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    if (looksBinary(head.subarray(0, bytesRead))) {
      yield binarySkipped(path);
    } else if (isJsonlPath(path)) {
      yield* jsonlItems(byteLines(handle.createReadStream({ start: 0, autoClose: false })), path);
    } else {
      yield* wholeText(await handle.readFile(), path, basename(path, extname(path)));
    }
  } catch (err) {
    yield problem('error', `${path}: ${describeFsError(err)}`);
  } finally {
    await handle?.close();
  }
}

async function* readStdin(stdin: AsyncIterable<Buffer>, jsonl: boolean): AsyncGenerator<InputItem> {
  if (!jsonl) {
    yield* wholeText(await readAll(stdin), STDIN_NAME, undefined);
    return;
  }
  // "--format jsonl" with stdin: JSONL when the first non-blank line is a record, else one text.
  const lines = byteLines(stdin)[Symbol.asyncIterator]();
  const seen: ByteLine[] = [];
  for (let next = await lines.next(); !next.done; next = await lines.next()) {
    seen.push(next.value);
    if (next.value.bytes.toString('utf8').trim()) break;
  }
  const first = seen.at(-1);
  if (first && typeof parseRecord(first.bytes.toString('utf8')) !== 'string') {
    yield* jsonlItems(chain(seen, lines), STDIN_NAME);
    return;
  }
  const parts: Buffer[] = [];
  for await (const line of chain(seen, lines)) parts.push(line.bytes, line.eol);
  yield* wholeText(Buffer.concat(parts), STDIN_NAME, undefined);
}

async function* chain<T>(first: T[], rest: AsyncIterator<T>): AsyncGenerator<T> {
  yield* first;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

function* wholeText(bytes: Uint8Array, where: string, id: string | undefined): Generator<InputItem> {
  if (looksBinary(bytes)) {
    yield binarySkipped(where);
    return;
  }
  const { text, invalidAt } = decodeUtf8(bytes);
  if (invalidAt !== undefined) yield problem('warning', `${where}: invalid UTF-8 at byte ${invalidAt}; decoded with replacement characters`);
  yield { input: id === undefined ? { text } : { id, text } };
}

async function* jsonlItems(lines: AsyncIterable<ByteLine>, where: string): AsyncGenerator<InputItem> {
  for await (const line of lines) {
    const { text, invalidAt } = decodeUtf8(line.bytes);
    if (!text.trim()) continue;
    const at = `${where}:${line.lineNo}`;
    if (invalidAt !== undefined) yield problem('warning', `${at}: invalid UTF-8 at byte ${line.offset + invalidAt}; decoded with replacement characters`);
    const record = parseRecord(text);
    yield typeof record === 'string' ? problem('error', `${at}: ${record}`) : { input: record };
  }
}

function binarySkipped(where: string): InputItem {
  return problem('error', `${where}: ${where === STDIN_NAME ? 'binary input' : 'binary file'}, skipped`);
}

function problem(severity: InputProblem['severity'], message: string): InputItem {
  return { problem: { severity, message } };
}

/**
 * A file-system error as a few words: `no such file`, `is a directory`, `permission denied`.
 * @example describeFsError(Object.assign(new Error('…'), {code: 'ENOENT'})) // 'no such file'
 */
export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (err as Error).message;
}
