import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../text/document.js';
import { buildContext, formsOf } from './context.js';
import { FORMS } from './forms.js';

function ownLowerCase(text: string): void {
  const { raw, lower } = buildContext(analyzeText(text));
  expect(lower).toEqual(raw.map((w) => w.toLowerCase()));
}

describe('buildContext', () => {
  it('buildContext: raw tokens as written, lower-cased alongside', () => {
    const ctx = buildContext(analyzeText('“Yes,” Mr. McCAIN said.'));
    expect(ctx.raw).toEqual(['“', 'Yes', ',', '”', 'Mr.', 'McCAIN', 'said', '.']);
    expect(ctx.lower).toEqual(['“', 'yes', ',', '”', 'mr.', 'mccain', 'said', '.']);
  });

  it('buildContext: every BMP code unit is lower-cased as in its token alone, inside a word, at its ends and by itself', () => {
    const units: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if ((c >= 0xd800 && c <= 0xdfff) || c === 0x130 || c === 0x3a3) continue;
      const u = String.fromCharCode(c);
      units.push(`A${u}a ${u}A a${u} ${u}`);
    }
    ownLowerCase(units.join(' '));
  });

  it.each([
    ['İ, which lower-cases to two units', 'İSTANBUL and İzmir'],
    ['Σ, which lower-cases by its place in the word', 'ΟΔΥΣΣΕΑΣ ΣΑΣ Σ ΑΣ.Β ΑΣ’Β'],
    ['astral-plane letters', '𐐀𐐁 said 𝐀BC'],
  ])('buildContext: tokens with %s keep their own lower case', (_, text) => {
    ownLowerCase(text);
  });

  it('buildContext: lower is each raw token lower-cased, for any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => ownLowerCase(text)), { numRuns: 300 });
  });

  it('buildContext: tokens with the same text share a form id, looked up again once the forms are forgotten', () => {
    const ctx = buildContext(analyzeText('Yes, yes and Yes.'));
    const form = [...ctx.form];
    expect(form[0]).toBe(form[4]);
    expect(form[0]).not.toBe(form[2]);
    FORMS.clear();
    FORMS.idOf('new', 0, 3);
    const again = [...formsOf(ctx)];
    expect(again[0]).toBe(again[4]);
    expect(again[0]).toBe(FORMS.idOf('Yes', 0, 3));
    expect(ctx.raw[4]).toBe('Yes');
  });
});
