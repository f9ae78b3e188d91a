import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../text/document.js';
import { buildContext } from '../context.js';
import { findQuoteAttributions } from '../quote-layer.js';
import { prepare } from './attribution-model.js';
import { cueFeatures } from './cue-features.js';
import { defaultModel } from './default-model.js';
import { EmissionSink, FeatureBuffer } from './feature-buffer.js';
import { emissions } from './linear.js';
import { StaticRoleEmissions } from './role-features.js';

// Words repeat on purpose: the second time a form comes, its cached group is used.
const TEXT = `The mayor said the vote would wait. “It will wait,” the mayor said, and the council said so too.
Critics said the plan — “a mess,” they said — would fail; the mayor said it would not.`;

describe('EmissionSink groups', () => {
  it('EmissionSink: cached per-form groups give the scores of the features one by one', () => {
    const model = defaultModel();
    const ctx = buildContext(analyzeText(TEXT));
    const p = prepare(ctx, model.lexicon, findQuoteAttributions(ctx, []));
    for (const s of ctx.doc.sentences) {
      const buf = new FeatureBuffer(model.cue.mask);
      cueFeatures(ctx, p.attrs, s, buf);
      const generic = emissions(model.cue, buf.finish());
      for (let round = 0; round < 2; round++) {
        const sink = new EmissionSink(model.cue, s.end - s.start);
        cueFeatures(ctx, p.attrs, s, sink);
        expect(Array.from(sink.scores)).toEqual(Array.from(generic));
      }
    }
  });

  it('StaticRoleEmissions: the same scores for a form on each side, however often it comes', () => {
    const model = defaultModel();
    const ctx = buildContext(analyzeText(TEXT));
    const p = prepare(ctx, model.lexicon, []);
    const first: number[] = [];
    const again: number[] = [];
    const one = new StaticRoleEmissions(ctx, p.attrs, model.role);
    const other = new StaticRoleEmissions(ctx, p.attrs, model.role);
    const L = model.role.labels;
    for (let i = 0; i < ctx.doc.tokens.count; i++) {
      for (let d = 0; d < 2; d++) {
        first.push(...one.sideScores(i, i + 1, d).subarray(i * L, i * L + L));
        again.push(...other.sideScores(i, i + 1, d).subarray(i * L, i * L + L));
      }
    }
    expect(again).toEqual(first);
    expect(first.some((x) => x !== 0)).toBe(true);
  });

  it('EmissionSink: a form id past the cache tables grows them, and its group is cached from then on', () => {
    const model = defaultModel();
    const form = 5000; // past the first tables' 1,024 ids (this file's texts have a few dozen forms)
    const score = (): number[] => {
      const sink = new EmissionSink(model.cue, 1);
      const cached = sink.beginGroup(form, 1);
      if (!cached) {
        sink.add(0x1234567);
        sink.add(0x7654321);
        sink.endGroup();
      }
      sink.next();
      return [cached ? 1 : 0, ...sink.scores];
    };
    const first = score();
    const again = score();
    expect(first[0]).toBe(0);
    expect(again[0]).toBe(1);
    expect(again.slice(1)).toEqual(first.slice(1));
    expect(first.slice(1).some((x) => x !== 0)).toBe(true);
  });

  it('FeatureBuffer: never caches, so training sees every feature', () => {
    const buf = new FeatureBuffer(255);
    expect(buf.beginGroup(3)).toBe(false);
    buf.add(7);
    buf.endGroup();
    buf.next();
    expect(Array.from(buf.finish().feats)).toEqual([7]);
  });
});
