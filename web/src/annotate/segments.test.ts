import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { primaryRef, segmentText, type Mark } from './segments.js';

describe('segmentText', () => {
  it('segmentText: cuts at mark boundaries, marks kept on the pieces they cover', () => {
    const text = '“We agree,” Okafor said.';
    const marks: Mark[] = [
      { start: 0, end: 11, role: 'content', ref: 'a1' },
      { start: 12, end: 18, role: 'source', ref: 'a1' },
      { start: 19, end: 23, role: 'cue', ref: 'a1' },
    ];
    expect(segmentText(text, marks).map((s) => [s.text, s.marks.map((m) => m.role).join('+')])).toEqual([
      ['“We agree,”', 'content'], [' ', ''], ['Okafor', 'source'], [' ', ''], ['said', 'cue'], ['.', ''],
    ]);
  });

  it('segmentText: overlapping marks split into pieces carrying both', () => {
    const segments = segmentText('abcdef', [{ start: 0, end: 4, role: 'content', ref: 'a1' }, { start: 2, end: 6, role: 'diagnostic', ref: 'd0' }]);
    expect(segments.map((s) => [s.text, s.marks.length])).toEqual([['ab', 1], ['cd', 2], ['ef', 1]]);
  });

  it('segmentText: out-of-range and empty marks are clipped or dropped', () => {
    expect(segmentText('abc', [{ start: -5, end: 1, role: 'cue', ref: 'a1' }, { start: 2, end: 2, role: 'cue', ref: 'a2' }, { start: 2, end: 99, role: 'source', ref: 'a3' }])
      .map((s) => [s.text, s.marks.map((m) => m.ref).join()])).toEqual([['a', 'a1'], ['b', ''], ['c', 'a3']]);
  });

  it('segmentText: the segments always spell the text, astral characters and all', () => {
    const mark = fc.record({ start: fc.integer({ min: -3, max: 40 }), end: fc.integer({ min: -3, max: 40 }), role: fc.constantFrom('content', 'cue', 'source', 'diagnostic'), ref: fc.string() });
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.array(mark, { maxLength: 8 }), (text, marks) => {
      const segments = segmentText(text, marks as Mark[]);
      expect(segments.map((s) => s.text).join('')).toBe(text);
      for (const s of segments) {
        expect(text.slice(s.start, s.end)).toBe(s.text);
        for (const m of s.marks) expect(m.start <= s.start && m.end >= s.end).toBe(true);
      }
    }));
  });
});

describe('primaryRef', () => {
  it('primaryRef: a cue or source wins over content, diagnostics never count', () => {
    expect(primaryRef([{ start: 0, end: 1, role: 'content', ref: 'a1' }, { start: 0, end: 1, role: 'source', ref: 'a2' }])).toBe('a2');
    expect(primaryRef([{ start: 0, end: 1, role: 'diagnostic', ref: 'd1' }])).toBeNull();
  });
});
