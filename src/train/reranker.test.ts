import { describe, expect, it } from 'vitest';
import type { RoleTagging } from '../extract/model/attribution-model.js';
import { analyzeText } from '../text/document.js';
import { buildContext } from '../extract/context.js';
import { findQuoteAttributions } from '../extract/quote-layer.js';
import { prepare } from '../extract/model/attribution-model.js';
import { defaultModel } from '../extract/model/default-model.js';
import { rerankExample, trainReranker, type RerankExample } from './reranker.js';
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

  it('rerankExample: the gold content’s index among the choices, features for each; null with one choice or no gold content among them', () => {
    const model = defaultModel();
    const ctx = buildContext(analyzeText('The mayor said the bridge would reopen by June.'));
    const p = prepare(ctx, model.lexicon, findQuoteAttributions(ctx, []), model.pos);
    const cue = { start: 2, end: 3, margin: 5 };
    const choice = (start: number, end: number, score: number) => ({ content: [{ start, end }], score });
    const t: RoleTagging = {
      cue, pathScore: 9, nullScore: 0, choices: [choice(3, 9, 9), choice(3, 7, 8)],
      candidate: { content: [{ start: 3, end: 9 }], cue, source: { start: 0, end: 2 }, confidence: 0.9, provenance: ['model.cue-role'], quotes: [] },
    };
    const gold = [{ cue: { start: 2, end: 3 }, content: [{ start: 3, end: 7 }] }];
    const ex = rerankExample(p, t, gold)!;
    expect(ex.gold).toBe(1);
    expect(ex.features).toHaveLength(2);
    expect(ex.features[0].length).toBeGreaterThan(10);
    expect(rerankExample(p, { ...t, choices: t.choices!.slice(0, 1) }, gold)).toBeNull();
    expect(rerankExample(p, t, [{ cue: { start: 2, end: 3 }, content: [{ start: 4, end: 9 }] }])).toBeNull();
    expect(rerankExample(p, t, [{ cue: { start: 5, end: 6 }, content: [{ start: 3, end: 7 }] }])).toBeNull();
  });
});
