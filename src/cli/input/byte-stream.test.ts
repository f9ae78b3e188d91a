import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { byteLines } from './byte-stream.js';

const chunks = (...parts: string[]): Readable => Readable.from(parts.map((p) => Buffer.from(p)));
async function lines(stream: Readable): Promise<Array<[string, string, number, number]>> {
  const out: Array<[string, string, number, number]> = [];
  for await (const l of byteLines(stream)) out.push([l.bytes.toString(), l.eol.toString(), l.lineNo, l.offset]);
  return out;
}

describe('byteLines', () => {
  it('byteLines: splits on LF and CRLF across chunk boundaries, with offsets', async () => {
    expect(await lines(chunks('ab\r', '\ncd', 'e\n\nf'))).toEqual([
      ['ab', '\r\n', 1, 0], ['cde', '\n', 2, 4], ['', '\n', 3, 8], ['f', '', 4, 9],
    ]);
  });

  it('byteLines: yields nothing for an empty stream and no empty last line after a final LF', async () => {
    expect(await lines(chunks())).toEqual([]);
    expect(await lines(chunks('a\n'))).toEqual([['a', '\n', 1, 0]]);
  });
});
