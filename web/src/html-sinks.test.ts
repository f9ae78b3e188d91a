import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const WEB = fileURLToPath(new URL('.', import.meta.url));
const files = readdirSync(WEB, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
  .map((e) => join(e.parentPath, e.name));

describe('web UI source', () => {
  it('html sinks: no code path parses a string as HTML or code', () => {
    const sinks = /\b(innerHTML|outerHTML|insertAdjacentHTML|createContextualFragment|document\.write|eval|new Function|setAttribute\(\s*['"]on)/;
    const found = files.flatMap((f) => readFileSync(f, 'utf8').split('\n').map((line, i) => [f, i + 1, line] as const))
      .filter(([, , line]) => sinks.test(line)).map(([f, n, line]) => `${relative(WEB, f)}:${n}: ${line.trim()}`);
    expect(found).toEqual([]);
    expect(files.length).toBeGreaterThan(10);
  });

  it('imports: the UI reaches the engine, types and the HTML text reader, nothing else of src', () => {
    const allowed = /^(\.\.\/)+src\/(index|core\/types|store\/store|ingest\/html-text)\.js$/;
    const outside = files.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/from '((?:\.\.\/)+src\/[^']+)'/g)].map((m) => [relative(WEB, f), m[1]]))
      .filter(([, spec]) => !allowed.test(spec));
    expect(outside).toEqual([]);
  });
});
