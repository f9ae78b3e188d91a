import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameKey } from './registry.js';

describe('nameKey', () => {
  it('nameKey: initials of the capitalised words but of/and/the/for', () => {
    expect(nameKey('Securities and Exchange Commission').acronym).toBe('sec');
    expect(nameKey('Department Of Justice').acronym).toBe('dj');
    expect(nameKey('Putin').acronym).toBe('');
  });

  it('nameKey: initials as the regular expressions give them, on any text', () => {
    const reference = (name: string): string => {
      const words = name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w) && !/^(of|and|the|for)$/i.test(w));
      return words.length > 1 ? words.map((w) => w[0].toLowerCase()).join('') : '';
    };
    const unit = fc.constantFrom(...'aAoOfFnNdDtThHeErR  \t\u00a0\u2009.-ÉéİK𝐀'.split(''), 'Of', 'AND', 'The', 'for', '𝐀');
    fc.assert(fc.property(fc.string({ unit, maxLength: 20 }), (s) => nameKey(s).acronym === reference(s)), { numRuns: 3000 });
  });
});
