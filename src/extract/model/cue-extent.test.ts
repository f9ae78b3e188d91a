import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../text/document.js';
import { buildContext } from '../context.js';
import { findQuoteAttributions } from '../quote-layer.js';
import { cueScores, findCues, prepare, type ScoredCue } from './attribution-model.js';
import { chooseExtents, extentChoices, extentFeatures } from './cue-extent.js';
import { defaultModel } from './default-model.js';
import { mix, mix3 } from './hash.js';
import { MaxMarginals } from './linear.js';
import { spansOf } from './span-reranker.js';

const TEXT = 'The senator spoke of a betrayal on Monday and warned that the vote would fail.';

function setup() {
  const model = defaultModel();
  const ctx = buildContext(analyzeText(TEXT));
  const p = prepare(ctx, model.lexicon, findQuoteAttributions(ctx, []), model.pos);
  const s = ctx.doc.sentences[0];
  const mm = new MaxMarginals(model.cue, new Uint8Array(s.end - s.start), cueScores(p, model.cue).subarray(s.start * 3, s.end * 3));
  const best = mm.best();
  const runs = spansOf(best.labels, 0, 1); // the decoded cues, in sentence positions
  return { model, ctx, p, s, mm, best, runs };
}

describe('cue extents', () => {
  it('extentChoices: the decoded extent first, then distinct extents over the cue from the best paths, at most 3, inside the free tokens', () => {
    const { s, mm, best, runs } = setup();
    expect(runs.length).toBeGreaterThan(0);
    for (const r of runs) {
      const choices = extentChoices(mm, best.labels, r.start, r.end, 0, best.labels.length, s.start, best.score);
      expect(choices[0]).toEqual({ spans: [{ start: s.start + r.start, end: s.start + r.end }], score: best.score });
      expect(choices.length).toBeGreaterThan(1);
      expect(choices.length).toBeLessThanOrEqual(3);
      expect(new Set(choices.map((c) => `${c.spans[0].start}:${c.spans[0].end}`)).size).toBe(choices.length);
      for (const c of choices) {
        const x = c.spans[0];
        expect(x.start < s.start + r.end && s.start + r.start < x.end).toBe(true);
        expect(c.score).toBeLessThanOrEqual(best.score + 1e-6);
      }
      // no extent reaches past the bounds it is given
      const bounded = extentChoices(mm, best.labels, r.start, r.end, r.start, r.end, s.start, best.score);
      expect(bounded[0]).toEqual(choices[0]);
      for (const c of bounded) expect(c.spans[0].start >= s.start + r.start && c.spans[0].end <= s.start + r.end).toBe(true);
    }
  });

  it('extentFeatures: rank, shifts and the tokens an extent adds on the right', () => {
    const { ctx, p } = setup();
    const spoke = ctx.raw.indexOf('spoke');
    const cue = { start: spoke, end: spoke + 1 };
    const choices = [{ spans: [cue], score: 0 }, { spans: [{ start: spoke, end: spoke + 2 }], score: -4 }];
    const decoded: number[] = [];
    extentFeatures(p, cue, choices, 0, decoded);
    expect(decoded).toEqual(expect.arrayContaining([mix(82, 0), mix(83, 0), mix(84, 0), mix(81, 0)]));
    const longer: number[] = [];
    extentFeatures(p, cue, choices, 1, longer);
    expect(longer).toEqual(expect.arrayContaining([mix(82, 1), mix(84, 1), mix(81, 2), mix(105, p.attrs.word[spoke + 1])]));
    expect(longer).not.toContain(mix(105, p.attrs.word[spoke + 2]));
    expect(longer.length).toBe(decoded.length + 4);
    expect(longer).toContain(mix3(93, p.attrs.lemma[spoke], p.attrs.word[spoke + 2]));
  });

  it('chooseExtents: picking the decoded extent keeps the decoded labels; picking another relabels that cue only', () => {
    const { s, mm, best, runs } = setup();
    expect([...chooseExtents(mm, best, s, () => 0)]).toEqual([...best.labels]);
    const r = runs[0];
    const other = extentChoices(mm, best.labels, r.start, r.end, 0, runs[1]?.start ?? best.labels.length, s.start, best.score)[1].spans[0];
    const labels = chooseExtents(mm, best, s, (cue) => (cue.start === s.start + r.start ? 1 : 0));
    for (let i = 0; i < labels.length; i++) {
      const t = s.start + i;
      const expected = t === other.start ? 1 : t > other.start && t < other.end ? 2 : t >= s.start + r.start && t < s.start + r.end ? 0 : best.labels[i];
      expect(labels[i]).toBe(expected);
    }
  });

  it('findCues: with an extent reranker, a found cue takes its chosen extent (the decoded one on a tie), and no token of the decoded cue becomes a near miss', () => {
    const { model, ctx, p, s, mm, best, runs } = setup();
    const r = runs[0];
    const other = extentChoices(mm, best.labels, r.start, r.end, 0, runs[1]?.start ?? best.labels.length, s.start, best.score)[1].spans[0];
    const second = { labels: 1, mask: 1023, weights: new Float32Array(1024), scale: 1 };
    second.weights[mix(82, 1) & 1023] = 1e6; // always the runner-up extent
    const plain = findCues(prepare(ctx, model.lexicon, [], model.pos), model.cue, 30);
    const reranked = findCues(p, model.cue, 30, second);
    expect(plain.some((c) => !c.nearMiss && c.start === s.start + r.start && c.end === s.start + r.end)).toBe(true);
    expect(reranked.some((c) => !c.nearMiss && c.start === other.start && c.end === other.end)).toBe(true);
    for (const c of reranked) if (c.nearMiss) expect(c.start >= s.start + r.start && c.start < s.start + r.end).toBe(false);
    const zero = { ...second, weights: new Float32Array(1024) };
    const found = (cues: ScoredCue[]) => cues.filter((c) => !c.nearMiss);
    expect(found(findCues(prepare(ctx, model.lexicon, [], model.pos), model.cue, 30, zero))).toEqual(found(plain));
  });

  it('findCues: with an extent reranker, a near miss takes the cue run of the best path that makes it part of a cue; without one, a single token', () => {
    const model = defaultModel();
    const text = 'Critics took aim at the governor over the delays. The council signalled support for a second bridge, and several members pushed for an audit of the contract.';
    const ctx = buildContext(analyzeText(text));
    const p = prepare(ctx, model.lexicon, [], model.pos);
    const zero = { labels: 1, mask: 1023, weights: new Float32Array(1024), scale: 1 };
    const misses = findCues(p, model.cue, 30, zero).filter((c) => c.nearMiss);
    const single = findCues(p, model.cue, 30).filter((c) => c.nearMiss);
    expect(single.length).toBeGreaterThan(0);
    for (const c of single) expect(c.end).toBe(c.start + 1);
    // the same words, each within its extent, with the same margins
    expect(misses.length).toBe(single.length);
    misses.forEach((c, n) => {
      expect(c.margin).toBe(single[n].margin);
      expect(c.start <= single[n].start && single[n].start < c.end).toBe(true);
    });
    expect(misses.some((c) => c.end - c.start > 1)).toBe(true);
    for (const [n, c] of misses.entries()) {
      const k = single[n].start;
      const s = ctx.doc.sentences[ctx.doc.sentenceOf[k]];
      const mm = new MaxMarginals(model.cue, new Uint8Array(s.end - s.start), cueScores(p, model.cue).subarray(s.start * 3, s.end * 3));
      const decoded = mm.best().labels;
      const [a, b] = [c.start - s.start, c.end - s.start];
      // a cue run over k, in no decoded cue, as far right as the path goes: in the best path with
      // k inside a cue when that one scores higher, else in the best path with a cue starting at k
      const runIn = (path: Uint8Array): boolean =>
        path[a] === 1 && path.subarray(a + 1, b).every((y) => y === 2) && decoded.subarray(a, b).every((y) => y === 0) &&
        !(b < path.length && path[b] === 2 && decoded[b] === 0);
      const at = k - s.start;
      const inside = mm.score(at, 2) > mm.score(at, 1);
      expect(runIn(mm.path(at, 1)) || (inside && runIn(mm.path(at, 2)))).toBe(true);
      if (!inside) expect(a).toBe(at);
    }
  });
});
