import { describe, expect, it } from 'vitest';
import { csvRow } from './csv.js';
import { renderTable } from './table.js';

describe('csvRow', () => {
  it('csvRow: quotes what needs quoting', () => {
    expect(csvRow(['a', 'b,c', 'say "hi"', 'two\nlines', null, 3])).toBe('a,"b,c","say ""hi""","two\nlines",,3\r\n');
  });
});

describe('renderTable', () => {
  const columns = [{ key: 'who', heading: 'SPEAKER' }, { key: 'what', heading: 'CONTENT', flexible: true }];

  it('renderTable: aligns columns and cuts the flexible one to the width', () => {
    const out = renderTable([{ who: 'Okafor', what: '“We will not rush the harbour vote,” and more words' }, { who: 'Maria Okafor', what: 'short' }], columns, 40);
    expect(out.split('\n')).toEqual([
      'SPEAKER       CONTENT',
      '────────────  ──────────────────────────',
      'Okafor        “We will not rush the har…',
      'Maria Okafor  short',
      '',
    ]);
    expect(Math.max(...out.split('\n').map((l) => l.length))).toBeLessThanOrEqual(40);
  });

  it('renderTable: line breaks in a cell become spaces', () => {
    expect(renderTable([{ who: 'a\nb', what: 'c' }], columns, 40)).toContain('a b  ');
  });
});
