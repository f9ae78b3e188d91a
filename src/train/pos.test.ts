import { describe, expect, it } from 'vitest';
import { buildContext } from '../extract/context.js';
import { POS_TAGS, tagPos } from '../extract/model/pos-tagger.js';
import { tokenAttributes } from '../extract/model/token-attributes.js';
import { analyzeText } from '../text/document.js';
import { teacherTags, trainPosTagger } from './pos.js';
import { seededRandom } from './random.js';

const tag = (name: (typeof POS_TAGS)[number]) => POS_TAGS.indexOf(name);

/** A toy teacher: determiners, capitalised words, "-ed" words and punctuation, the rest nouns. */
function toyTags(text: string): { ctx: ReturnType<typeof buildContext>; tags: Uint8Array } {
  const ctx = buildContext(analyzeText(text));
  const tags = Uint8Array.from(ctx.lower, (w, i) => {
    if (w === 'the' || w === 'a') return tag('DET');
    if (/^\p{P}+$/u.test(w)) return tag('PUNCT');
    if (w.endsWith('ed')) return tag('VERB');
    return /^\p{Lu}/u.test(ctx.raw[i]) ? tag('PROPN') : tag('NOUN');
  });
  return { ctx, tags };
}

describe('trainPosTagger', () => {
  it('learns to reproduce a teacher, including on sentences it did not see', () => {
    const train = [
      'The council approved a budget. Marta Vance welcomed the vote.',
      'A court rejected the appeal. The senator criticized the ruling.',
      'The union demanded a raise. Lopez announced a strike.',
      'The minister denied the report. A spokesman declined comment.',
    ].map(toyTags);
    const examples = train.map(({ ctx, tags }) => ({ sentences: ctx.doc.sentences, attrs: tokenAttributes(ctx, new Map()), tags }));
    const model = trainPosTagger(examples, 12, 8, seededRandom(5));
    const test = toyTags('The mayor rejected a plan. Okafor praised the decision.');
    const got = tagPos(test.ctx.doc.sentences, tokenAttributes(test.ctx, new Map()), model);
    const agree = [...got].filter((t, i) => t === test.tags[i]).length / got.length;
    expect(agree).toBeGreaterThanOrEqual(0.9);
  });

  it('is deterministic for a seed', () => {
    const { ctx, tags } = toyTags('The board approved a merger. Reyes opposed the deal.');
    const examples = [{ sentences: ctx.doc.sentences, attrs: tokenAttributes(ctx, new Map()), tags }];
    const a = trainPosTagger(examples, 10, 3, seededRandom(9));
    const b = trainPosTagger(examples, 10, 3, seededRandom(9));
    expect([...a.weights]).toEqual([...b.weights]);
  });
});

describe('teacherTags', () => {
  it("each token takes the tag of the teacher's token holding its first character; none or an unknown tag is X", () => {
    const text = 'Ana said: no.';
    const ctx = buildContext(analyzeText(text));
    const spans = [
      { start: 0, end: 3, tag: 'PROPN' },
      { start: 4, end: 9, tag: 'VERB' }, // 'said:' as one teacher token
      { start: 12, end: 13, tag: 'SPACE' },
    ];
    const got = [...teacherTags(ctx.doc.tokens, spans)].map((t) => POS_TAGS[t]);
    expect(ctx.raw).toEqual(['Ana', 'said', ':', 'no', '.']);
    expect(got).toEqual(['PROPN', 'VERB', 'VERB', 'X', 'X']);
  });
});
