import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../text/document.js';
import { seededRandom } from '../../train/random.js';
import { buildContext } from '../context.js';
import { POS_TAGS, tagPos, type PosModel } from './pos-tagger.js';
import { tokenAttributes } from './token-attributes.js';

const TEXT = [
  'The mayor of Oakridge said on Tuesday that the bridge would reopen in May.',
  '"We will not wait," she told reporters. Critics argued the repairs were rushed, and a council member called for an inquiry.',
  'Prices rose 3.5 percent, officials said.',
].join('\n\n');

/** A model with pseudo-random integer weights: what a quantised model looks like to the tagger. */
function quantised(seed: number, bits = 10): PosModel {
  const rand = seededRandom(seed);
  const weights = Int8Array.from({ length: (1 << bits) * POS_TAGS.length }, () => Math.floor(rand() * 255) - 127);
  return { labels: POS_TAGS.length, mask: (1 << bits) - 1, weights, scale: 0.01 };
}

describe('tagPos', () => {
  it('the cached rows of a loaded model give the tags of hashing every feature, and tokenAttributes uses them', () => {
    const ctx = buildContext(analyzeText(TEXT));
    for (const seed of [1, 2, 3]) {
      const m = quantised(seed);
      const a = tokenAttributes(ctx, new Map(), m);
      const plain = tagPos(ctx.doc.sentences, a, { ...m, weights: Float32Array.from(m.weights) });
      expect([...a.pos]).toEqual([...plain]);
      expect(new Set(a.pos).size).toBeGreaterThan(3);
    }
  });

  it('the tags stay those of hashing every feature across the clearing of the cache of forms', () => {
    const m = quantised(4);
    const many = Array.from({ length: 199_990 }, (_, k) => `w${k}`).join(' ');
    tokenAttributes(buildContext(analyzeText(many)), new Map(), m);
    const ctx = buildContext(analyzeText(`${TEXT} ${Array.from({ length: 50 }, (_, k) => `v${k}`).join(' ')}`));
    for (let round = 0; round < 2; round++) {
      const a = tokenAttributes(ctx, new Map(), m);
      expect([...a.pos]).toEqual([...tagPos(ctx.doc.sentences, a, { ...m, weights: Float32Array.from(m.weights) })]);
    }
  });

  it('without a tagger every token is 0 (X)', () => {
    const ctx = buildContext(analyzeText(TEXT));
    expect(tokenAttributes(ctx, new Map()).pos.every((t) => t === 0)).toBe(true);
  });
});
