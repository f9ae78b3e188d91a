import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { exitOnBrokenPipe, JsonOutput } from './output.js';

async function written(format: 'json' | 'jsonl', values: unknown[]): Promise<string> {
  let text = '';
  const sink = new Writable({ write(chunk, _enc, done) { text += String(chunk); done(); } });
  const out = new JsonOutput(sink, format);
  for (const v of values) await out.write(v);
  await out.end();
  return text;
}

describe('JsonOutput', () => {
  it('JsonOutput: pretty-prints a lone result in json mode', async () => {
    expect(await written('json', [{ a: 1 }])).toBe('{\n  "a": 1\n}\n');
  });

  it('JsonOutput: falls back to one line per result when json mode gets several', async () => {
    expect(await written('json', [{ a: 1 }, { a: 2 }, { a: 3 }])).toBe('{"a":1}\n{"a":2}\n{"a":3}\n');
  });

  it('JsonOutput: writes a lone result as one line in jsonl mode, and nothing for none', async () => {
    expect(await written('jsonl', [{ a: 1 }])).toBe('{"a":1}\n');
    expect(await written('json', [])).toBe('');
  });
});

describe('exitOnBrokenPipe', () => {
  it('exitOnBrokenPipe: guards a stream once, however many commands ask', () => {
    const stream = new Writable({ write: (_chunk, _encoding, done) => done() });
    const before = stream.listenerCount('error');
    for (let i = 0; i < 12; i++) exitOnBrokenPipe(stream);
    expect(stream.listenerCount('error')).toBe(before + 1);
  });

  it('exitOnBrokenPipe: an error other than a broken pipe still surfaces', () => {
    const stream = new Writable({ write: (_chunk, _encoding, done) => done() });
    exitOnBrokenPipe(stream);
    const err = Object.assign(new Error('disk full'), { code: 'ENOSPC' });
    expect(() => stream.emit('error', err)).toThrow('disk full');
  });
});
