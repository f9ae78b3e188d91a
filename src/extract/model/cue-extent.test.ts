import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../text/document.js';
import { buildContext } from '../context.js';
import { findQuoteAttributions } from '../quote-layer.js';
import { cueScores, findCues, missExtent, prepare, type ScoredCue } from './attribution-model.js';
import { chooseExtents, extentChoices, extentFeatures } from './cue-extent.js';
import { defaultModel } from './default-model.js';
import { mix, mix3 } from './hash.js';
import { MaxMarginals, RULED_OUT } from './linear.js';
import { FeatureList } from './feature-list.js';
import { sameRanges, spansOf, type SpanChoice } from './span-reranker.js';

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

/** extentChoices as first written: every try traces the whole path and rescans the alternatives. */
function choicesByWholePaths(mm: MaxMarginals, labels: Uint8Array, start: number, end: number, lo: number, hi: number, offset: number, score: number): SpanChoice[] {
  const choices: SpanChoice[] = [{ spans: [{ start: offset + start, end: offset + end }], score }];
  const from = Math.max(lo, start - 4);
  const to = Math.min(hi, end + 5);
  const scores: number[] = [];
  for (let i = from; i < to; i++) for (let y = 0; y < 3; y++) scores.push(y === labels[i] ? -Infinity : mm.score(i, y));
  const runEnd = (path: Uint8Array, i: number): number => {
    let e = i + 1;
    while (e < path.length && path[e] === 2) e++;
    return e;
  };
  while (choices.length < 3) {
    let k = -1;
    for (let c = 0, top = RULED_OUT; c < scores.length; c++) if (scores[c] > top) { top = scores[c]; k = c; }
    if (k < 0) break;
    const alt = scores[k];
    scores[k] = -Infinity;
    const path = mm.path(from + Math.floor(k / 3), k % 3);
    let run = -1;
    for (let i = 0; i < end; i++) {
      if (path[i] !== 1) continue;
      if (start < runEnd(path, i)) { run = i; break; }
      i = runEnd(path, i) - 1;
    }
    if (run < lo || runEnd(path, run) > hi) continue;
    const spans = [{ start: offset + run, end: offset + runEnd(path, run) }];
    if (!choices.some((c) => sameRanges(c.spans, spans))) choices.push({ spans, score: alt });
  }
  return choices;
}

/** missExtent as first written, from whole traced paths. */
function missByWholePaths(mm: MaxMarginals, decoded: Uint8Array, labels: Uint8Array, k: number): { start: number; end: number } {
  const free = (i: number): boolean => decoded[i] === 0 && labels[i] === 0;
  const ends = (path: Uint8Array, start: number) => {
    let end = k + 1;
    while (end < path.length && path[end] === 2 && free(end)) end++;
    return { start, end };
  };
  if (mm.score(k, 2) > mm.score(k, 1)) {
    const path = mm.path(k, 2);
    let start = k;
    while (start > 0 && path[start] === 2 && path[start - 1] !== 0 && free(start - 1)) start--;
    if (path[start] === 1) return ends(path, start);
  }
  return ends(mm.path(k, 1), k);
}

/** Paths through sentences of random cue emissions, coarse (whole numbers, and whole transitions: many ties) or fine, with their max-marginals: the decoded path, and the best through a cue somewhere. */
function randomPaths(count: number): { mm: MaxMarginals; labels: Uint8Array; score: number }[] {
  const model = defaultModel();
  let seed = 12345;
  const rand = (): number => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
  // whole transition scores, so that paths tie
  const whole = { ...model.cue, transitions: model.cue.transitions.map((v) => Math.round(v)) };
  const out = [];
  for (let t = 0; t < count; t++) {
    const n = 1 + Math.floor(rand() * 40);
    const em = new Float32Array(n * 3);
    const coarse = t % 2 === 0;
    for (let i = 0; i < em.length; i++) em[i] = (coarse ? Math.floor(rand() * 4) * 2 - 3 : rand() * 12 - 8) + (i % 3 === 0 ? 0 : 6);
    const mm = new MaxMarginals(coarse ? whole : model.cue, new Uint8Array(n), em);
    const best = mm.best();
    out.push({ mm, labels: best.labels, score: best.score });
    // and a path the best one through a cue at some position, whose trace each way may leave
    // it (the cases where a detour's trace must go on past a decoded label)
    const i = Math.floor(rand() * n);
    if (mm.score(i, 1) > RULED_OUT) out.push({ mm, labels: mm.path(i, 1), score: mm.score(i, 1) });
  }
  return out;
}

describe('cue extents', () => {
  it('extentChoices and missExtent: the same as tracing every path whole (random emissions, with ties)', () => {
    let cues = 0;
    let misses = 0;
    for (const { mm, labels, score } of randomPaths(400)) {
      const runs = spansOf(labels, 0, 1);
      runs.forEach((r, k) => {
        const lo = k > 0 ? runs[k - 1].end : 0;
        const hi = k + 1 < runs.length ? runs[k + 1].start : labels.length;
        for (const [a, b] of [[lo, hi], [r.start, r.end], [Math.max(lo, r.start - 2), hi]]) {
          expect(extentChoices(mm, labels, r.start, r.end, a, b, 7, score)).toEqual(choicesByWholePaths(mm, labels, r.start, r.end, a, b, 7, score));
          cues++;
        }
      });
      // chooseExtents: each cue's choices (after the extent chosen before it) as traced whole
      let lo = 0;
      let k = 0;
      chooseExtents(mm, { labels, score }, { start: 7, end: 7 + labels.length }, (cue, choices) => {
        const hi = k + 1 < runs.length ? runs[k + 1].start : labels.length;
        expect(choices).toEqual(choicesByWholePaths(mm, labels, runs[k].start, runs[k].end, lo, hi, 7, score));
        const j = (cue.start + k++) % choices.length;
        lo = choices[j].spans[0].end - 7;
        return j;
      });
      expect(k).toBe(runs.length);
      // a token now and then taken by a chosen extent
      const chosen = labels.slice();
      for (let k = 3; k < labels.length; k += 7) if (chosen[k] === 0) chosen[k] = 2;
      for (let k = 0; k < labels.length; k++) {
        if (chosen[k] !== 0) continue;
        expect(missExtent(mm, labels, chosen, k)).toEqual(missByWholePaths(mm, labels, chosen, k));
        misses++;
      }
    }
    expect(cues).toBeGreaterThan(300);
    expect(misses).toBeGreaterThan(1000);
  });

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
    const features = (j: number): number[] => { const f = new FeatureList(); extentFeatures(p, cue, choices, j, f); return [...f.toArray()]; };
    const decoded = features(0);
    expect(decoded).toEqual(expect.arrayContaining([mix(82, 0), mix(83, 0), mix(84, 0), mix(81, 0)]));
    const longer = features(1);
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
