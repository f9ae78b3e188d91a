import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REFERS_BACK, refersBack } from './refers-back.js';

describe('refersBack', () => {
  it.each([
    ['he', true], ['The Russian leader', true], ['These officials', true], ['Its', true], ['A', true],
    ['Putin', false], ['Theresa May', false], ['“Analysts', false], ['“the source', true], ['Italy', false], ['élan', true],
  ])('refersBack: %s → %s', (text, expected) => {
    expect(refersBack(text)).toBe(expected);
  });

  it('refersBack: same answer as the regular expression', () => {
    const unit = fc.constantFrom('He', 'The', 'These', 'It', 'Its', 'A', 'An', 'Another', 'I', 'Putin', 'e', 'T', 's', '_', '1', ' ', '“', '—', 'é', 'É', '𝐚');
    fc.assert(fc.property(fc.string({ unit, maxLength: 5 }), (s) => refersBack(s) === REFERS_BACK.test(s)), { numRuns: 3000 });
  });
});
