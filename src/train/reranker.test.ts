import { describe, expect, it } from 'vitest';
import type { RoleTagging } from '../extract/model/attribution-model.js';
import { analyzeText } from '../text/document.js';
import { buildContext } from '../extract/context.js';
import { findQuoteAttributions } from '../extract/quote-layer.js';
import { prepare } from '../extract/model/attribution-model.js';
import { defaultModel } from '../extract/model/default-model.js';
import { choiceExample, goldFor, trainReranker, type RerankExample } from './reranker.js';
import { contentFeatures } from '../extract/model/span-reranker.js';
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

  it('goldFor: the gold attribution whose cue overlaps the tagging’s cue', () => {
    const cue = { start: 2, end: 3, margin: 5 };
    const t: RoleTagging = { cue, pathScore: 0, nullScore: 0, candidate: { content: [], cue, source: null, confidence: 0.5, provenance: [], quotes: [] } };
    const gold = [{ cue: null, id: 'a' }, { cue: { start: 5, end: 6 }, id: 'b' }, { cue: { start: 1, end: 3 }, id: 'c' }];
    expect(goldFor(t, gold)?.id).toBe('c');
    expect(goldFor(t, gold.slice(0, 2))).toBeUndefined();
  });
});
