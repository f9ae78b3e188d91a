import { describe, expect, it } from 'vitest';
import { compareInterleaved } from './bench-ab.js';

/** Busy for `ms` milliseconds of wall time (on an idle core, as much CPU time). */
function spin(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

const texts = [{ id: 'one', text: 'He said so.' }, { text: 'She did not.', date: '2025-03-13' }];

describe('compareInterleaved', () => {
  it('compareInterleaved: finds the faster extractor and by how much', () => {
    const slow = (text: string) => { spin(6); return text.length; };
    const fast = (text: string) => { spin(2); return text.length; };
    const c = compareInterleaved(slow, fast, texts, 3);
    expect(c.differing).toEqual([]);
    expect(c.a).toBeGreaterThan(c.b);
    expect(c.speedup).toBeGreaterThan(1.5);
  });

  it('compareInterleaved: names the texts whose outputs differ, by id or line number', () => {
    const a = (text: string) => ({ n: text.length });
    const b = (text: string, options: { date?: string }) => ({ n: options.date ? 0 : text.length });
    expect(compareInterleaved(a, b, texts, 1).differing).toEqual(['2']);
  });

  it('compareInterleaved: runs each text through both in every round, passing id and date', () => {
    const seen: string[] = [];
    const record = (name: string) => (text: string, options: { id?: string; date?: string }) => seen.push(`${name} ${options.id ?? '-'} ${options.date ?? '-'}`);
    compareInterleaved(record('a'), record('b'), texts, 2);
    // one call each to compare the outputs, then two rounds
    expect(seen.filter((s) => s.startsWith('a one -'))).toHaveLength(3);
    expect(seen.filter((s) => s.startsWith('b - 2025-03-13'))).toHaveLength(3);
    expect(seen).toHaveLength(12);
  });
});
