import type { TokenRange } from '../extract/context.js';
import { bestTag, POS_FEATURES, POS_TAGS, posFeatures, type PosModel } from '../extract/model/pos-tagger.js';
import type { TokenAttributes } from '../extract/model/token-attributes.js';
import type { Tokens } from '../text/tokens.js';
import { shuffle } from './random.js';

/** A document's tokens with the tags a teacher tagger gave them. */
export interface PosExample {
  sentences: readonly TokenRange[];
  attrs: TokenAttributes;
  tags: Uint8Array;
}

/**
 * Trains the greedy tagger of {@link tagPos} to reproduce a teacher's tags: an averaged
 * perceptron over each token's features, the tags before it being the ones it chose itself (as
 * when tagging).
 * @example trainPosTagger(examples, 16, 5, seededRandom(1))
 */
export function trainPosTagger(examples: readonly PosExample[], bits: number, epochs: number, rand: () => number): PosModel {
  const L = POS_TAGS.length;
  const size = (1 << bits) * L;
  const model: PosModel = { labels: L, mask: (1 << bits) - 1, weights: new Float32Array(size), scale: 1 };
  const w = model.weights as Float32Array;
  const sum = new Float64Array(size);
  let clock = 1;
  const bump = (k: number, delta: number): void => { w[k] += delta; sum[k] += clock * delta; };
  const feats = new Int32Array(POS_FEATURES);
  const scores = new Float32Array(L);
  const sentences = examples.flatMap((e) => e.sentences.map((s) => ({ s, e })));
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffle(sentences, rand);
    for (const { s, e } of sentences) {
      const chosen = new Uint8Array(s.end - s.start);
      for (let i = s.start; i < s.end; i++) {
        const k = i - s.start;
        posFeatures(e.attrs, s, i, k >= 1 ? chosen[k - 1] : L, feats);
        const guess = bestTag(model, feats, scores);
        const gold = e.tags[i];
        if (guess !== gold) {
          for (let f = 0; f < POS_FEATURES; f++) {
            const b = (feats[f] & model.mask) * L;
            bump(b + gold, 1);
            bump(b + guess, -1);
          }
        }
        chosen[k] = guess;
        clock++;
      }
    }
  }
  for (let k = 0; k < size; k++) w[k] -= sum[k] / clock;
  return model;
}

/**
 * A teacher's tags moved onto our tokens: each token takes the tag of the teacher's token that
 * holds its first character (`X` where none does). `spans` are the teacher's tokens in text order.
 * @example teacherTags(tokens, [{start: 0, end: 5, tag: 'PROPN'}])[0] // POS_TAGS.indexOf('PROPN')
 */
export function teacherTags(tokens: Tokens, spans: readonly { start: number; end: number; tag: string }[]): Uint8Array {
  const out = new Uint8Array(tokens.count);
  let k = 0;
  for (let i = 0; i < tokens.count; i++) {
    const at = tokens.start[i];
    while (k < spans.length && spans[k].end <= at) k++;
    const tag = k < spans.length && spans[k].start <= at ? POS_TAGS.indexOf(spans[k].tag as (typeof POS_TAGS)[number]) : 0;
    out[i] = Math.max(0, tag);
  }
  return out;
}
