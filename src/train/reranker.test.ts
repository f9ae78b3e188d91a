import { describe, expect, it } from 'vitest';
import type { RoleTagging } from '../extract/model/attribution-model.js';
import { analyzeText } from '../text/document.js';
import { buildContext } from '../extract/context.js';
import { findQuoteAttributions } from '../extract/quote-layer.js';
import { prepare } from '../extract/model/attribution-model.js';
import { defaultModel } from '../extract/model/default-model.js';
import { choiceExample, extentExamples, goldFor, isRight, nearMissExamples, trainReranker, type RerankExample } from './reranker.js';
import { candidates } from '../extract/model/attribution-model.js';
import { DROP } from '../extract/model/near-miss.js';
import { analyzeGold } from './examples.js';
import { cueScores } from '../extract/model/attribution-model.js';
import { extentChoices } from '../extract/model/cue-extent.js';
import { MaxMarginals } from '../extract/model/linear.js';
import { contentFeatures, spansOf } from '../extract/model/span-reranker.js';
import { seededRandom } from './random.js';

describe('reranker training', () => {
  it('trainReranker: learns to pick the gold choice of separable lists', () => {
    // the gold choice always carries feature 7; the others carry 3 or 5 (and all share 11)
    const examples: RerankExample[] = Array.from({ length: 40 }, (_, k) => {
      const gold = k % 3;
      const features = [0, 1, 2].map((j) => Int32Array.of(11, j === gold ? 7 : j % 2 ? 3 : 5));
      return { features, gold };
    });
    const r = trainReranker(examples, 4, 3, seededRandom(1));
    expect(r.weights.length).toBe(16);
    for (const ex of examples) {
      const scores = ex.features.map((f) => f.reduce((s, h) => s + r.weights[h & r.mask], 0));
      expect(scores.indexOf(Math.max(...scores))).toBe(ex.gold);
    }
  });

  it('trainReranker: with runs, the mean of that many perceptrons on consecutive shuffles of the same stream', () => {
    const examples: RerankExample[] = Array.from({ length: 30 }, (_, k) => ({
      features: [0, 1, 2, 3].map((j) => Int32Array.of(j, (k * 7 + j * 3) % 11, 20 + ((k + j) % 5))),
      gold: (k * 5) % 4,
    }));
    const stream = seededRandom(9);
    const ones = [0, 1, 2].map(() => trainReranker(examples, 5, 2, stream));
    const mean = trainReranker(examples, 5, 2, seededRandom(9), 3);
    expect(ones[0].weights).not.toEqual(ones[1].weights); // the shuffles differ
    mean.weights.forEach((x, k) => expect(x).toBeCloseTo((ones[0].weights[k] + ones[1].weights[k] + ones[2].weights[k]) / 3, 5));
  });

  it('choiceExample: the gold spans’ index among the choices, features for each; null with one choice or no gold among them', () => {
    const model = defaultModel();
    const ctx = buildContext(analyzeText('The mayor said the bridge would reopen by June.'));
    const p = prepare(ctx, model.lexicon, findQuoteAttributions(ctx, []), model.pos);
    const cue = { start: 2, end: 3, margin: 5 };
    const choice = (start: number, end: number, score: number) => ({ spans: [{ start, end }], score });
    const choices = [choice(3, 9, 9), choice(3, 7, 8)];
    const ex = choiceExample(p, cue, choices, [{ start: 3, end: 7 }], contentFeatures)!;
    expect(ex.gold).toBe(1);
    expect(ex.features).toHaveLength(2);
    expect(ex.features[0].length).toBeGreaterThan(10);
    expect(choiceExample(p, cue, choices.slice(0, 1), [{ start: 3, end: 9 }], contentFeatures)).toBeNull();
    expect(choiceExample(p, cue, choices, [{ start: 4, end: 9 }], contentFeatures)).toBeNull();
    expect(choiceExample(p, cue, undefined, [{ start: 3, end: 7 }], contentFeatures)).toBeNull();
  });

  it('nearMissExamples: each near miss\'s tagging as keep or drop, keep the gold one when the tagging is right', () => {
    const { nearMissFilter: _f, nearMissThreshold: _t, ...model } = { ...defaultModel(), cueSlack: 80 };
    const text = 'The mayor said the bridge would reopen. The council chose a new design for the span, and engineers favoured steel over concrete. Drivers grumbled about the delays.';
    const at = (s: string): [number, number] => [text.indexOf(s), text.indexOf(s) + s.length];
    const d = analyzeGold({ id: 'n', text, attributions: [{ source: [at('engineers')], cue: [at('favoured')], content: [at('steel over concrete')] }] });
    const p = prepare(d.ctx, model.lexicon, d.quotes, model.pos);
    const misses = candidates(p, model).filter((t) => t.cue.nearMiss);
    expect(misses.map((t) => d.ctx.raw[t.cue.start])).toEqual(['chose', 'favoured']);
    const examples = nearMissExamples(d, prepare(d.ctx, model.lexicon, d.quotes, model.pos), model);
    expect(examples.map((e) => e.gold)).toEqual([1, 0]);
    for (const e of examples) expect([...e.features[1]]).toEqual(DROP);
    expect(misses.map((t) => isRight(d, t))).toEqual([false, true]);
  });

  it('isRight: the cue overlaps a gold cue and the content that gold attribution\'s content', () => {
    const text = 'Officials said the plan would work.';
    const d = analyzeGold({ id: 'r', text, attributions: [{ source: [[0, 9]], cue: [[10, 14]], content: [[15, 34]] }] });
    const cue = { start: 1, end: 2, margin: 1 };
    const tagging = (content: { start: number; end: number }[], c = cue): RoleTagging => ({ cue: c, pathScore: 0, nullScore: 0, candidate: { content, cue: c, source: null, confidence: 0.5, provenance: [], quotes: [] } });
    expect(isRight(d, tagging([{ start: 4, end: 6 }]))).toBe(true);
    expect(isRight(d, tagging([{ start: 0, end: 1 }]))).toBe(false);
    expect(isRight(d, tagging([{ start: 4, end: 6 }], { start: 0, end: 1, margin: 1 }))).toBe(false);
  });

  it('goldFor: the gold attribution whose cue overlaps the tagging’s cue', () => {
    const cue = { start: 2, end: 3, margin: 5 };
    const t: RoleTagging = { cue, pathScore: 0, nullScore: 0, candidate: { content: [], cue, source: null, confidence: 0.5, provenance: [], quotes: [] } };
    const gold = [{ cue: null, id: 'a' }, { cue: { start: 5, end: 6 }, id: 'b' }, { cue: { start: 1, end: 3 }, id: 'c' }];
    expect(goldFor(t, gold)?.id).toBe('c');
    expect(goldFor(t, gold.slice(0, 2))).toBeUndefined();
  });

  it('extentExamples: a found cue whose extents hold the gold cue (punctuation aside) is an example, with the gold one\'s index; other cues are not', () => {
    const model = defaultModel();
    const text = 'The senator spoke of a betrayal on Monday and warned that the vote would fail.';
    const doc = (cue: [number, number]) => analyzeGold({ id: 'x', text, attributions: [{ source: [[0, 11]], cue: [cue], content: [[56, 77]] }] });
    const d = doc([0, 1]);
    const p = prepare(d.ctx, model.lexicon, d.quotes, model.pos);
    const s = d.ctx.doc.sentences[0];
    const mm = new MaxMarginals(model.cue, new Uint8Array(s.end - s.start), cueScores(p, model.cue).subarray(s.start * 3, s.end * 3));
    const best = mm.best();
    const [first, next] = spansOf(best.labels, 0, 1);
    const choices = extentChoices(mm, best.labels, first.start, first.end, 0, next?.start ?? best.labels.length, s.start, best.score);
    const tokens = d.ctx.doc.tokens;
    const chars = (j: number): [number, number] => [tokens.start[choices[j].spans[0].start], tokens.end[choices[j].spans[0].end - 1]];
    for (const j of [0, 1]) {
      const g = doc(chars(j));
      const examples = extentExamples(g, prepare(g.ctx, model.lexicon, g.quotes, model.pos), model.cue);
      expect(examples).toHaveLength(1);
      expect(examples[0].gold).toBe(j);
      expect(examples[0].features).toHaveLength(choices.length);
    }
    const colon = 'The senator warned: the vote would fail.';
    const withColon = analyzeGold({ id: 'y', text: colon, attributions: [{ source: [[0, 11]], cue: [[12, 19]], content: [[20, 40]] }] });
    const found = extentExamples(withColon, prepare(withColon.ctx, model.lexicon, withColon.quotes, model.pos), model.cue);
    expect(found.map((e) => e.gold)).toEqual([0]); // "warned:" is the decoded "warned"
    const none = doc([0, 3]); // "The": over no found cue
    expect(extentExamples(none, prepare(none.ctx, model.lexicon, none.quotes, model.pos), model.cue)).toEqual([]);
  });
});
