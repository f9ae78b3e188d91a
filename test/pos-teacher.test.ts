import { describe, expect, it } from 'vitest';
import { winkTags } from '../scripts/pos-teacher.js';
import { POS_TAGS } from '../src/extract/model/pos-tagger.js';
import { analyzeGold } from '../src/train/examples.js';

describe('winkTags (the teacher of npm run train)', () => {
  it("moves wink-nlp's tags onto our tokens, clitics and curly quotes included", () => {
    const text = '“We won’t sign it,” Mayor Ines Okafor said on Tuesday. The council’s vote was delayed.';
    const d = analyzeGold({ id: 't', text, attributions: [] });
    const tags = [...winkTags(d)].map((t) => POS_TAGS[t]);
    const of = (word: string) => tags[d.ctx.raw.indexOf(word)];
    expect(tags).toHaveLength(d.ctx.raw.length);
    expect(of('said')).toBe('VERB');
    expect(of('Okafor')).toBe('PROPN');
    expect(of('council')).toBe('NOUN');
    expect(of('We')).toBe('PRON');
    expect(of('.')).toBe('PUNCT');
    expect(tags.filter((t) => t === 'X').length).toBeLessThanOrEqual(1);
  });
});
