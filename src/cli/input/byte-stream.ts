/** One line of a byte stream. */
export interface ByteLine {
  /** The line without its end-of-line bytes. */
  bytes: Buffer;
  /** The end-of-line bytes that followed: `\n`, `\r\n`, or nothing at the end of the stream. */
  eol: Buffer;
  /** 1-based. */
  lineNo: number;
  /** Byte offset of the line's first byte in the stream. */
  offset: number;
}

const LF = Buffer.from('\n');
const CRLF = Buffer.from('\r\n');
const NONE = Buffer.alloc(0);

/**
 * Splits a byte stream into lines, keeping line numbers, byte offsets and the exact line ends
 * (so the bytes can be put back together); a long line costs its own size and no more.
 * @example for await (const line of byteLines(createReadStream('a.jsonl'))) console.log(line.lineNo)
 */
export async function* byteLines(chunks: AsyncIterable<Buffer>): AsyncGenerator<ByteLine> {
  let pending: Buffer[] = [];
  let lineNo = 1;
  let offset = 0;
  let lineStart = 0;
  for await (const chunk of chunks) {
    let from = 0;
    for (let nl = chunk.indexOf(10); nl >= 0; nl = chunk.indexOf(10, from)) {
      pending.push(chunk.subarray(from, nl));
      const whole = Buffer.concat(pending);
      const cr = whole.length > 0 && whole[whole.length - 1] === 13;
      yield { bytes: cr ? whole.subarray(0, -1) : whole, eol: cr ? CRLF : LF, lineNo: lineNo++, offset: lineStart };
      pending = [];
      from = nl + 1;
      lineStart = offset + from;
    }
    if (from < chunk.length) pending.push(chunk.subarray(from));
    offset += chunk.length;
  }
  if (pending.length) yield { bytes: Buffer.concat(pending), eol: NONE, lineNo, offset: lineStart };
}

/**
 * Reads a whole stream into one buffer.
 * @example const bytes = await readAll(process.stdin)
 */
export async function readAll(chunks: AsyncIterable<Buffer | string>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(parts);
}
