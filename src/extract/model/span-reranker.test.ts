import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../text/document.js';
import { buildContext } from '../context.js';
import { findQuoteAttributions } from '../quote-layer.js';
import { findCues, prepare, tagRoles } from './attribution-model.js';
import { argmax, bestChoice, choiceScores, contentFeatures, contentScores, disjointPair, overlaps, sourceFeatures, spanChoices, spansOf, withPieces, withRunOn, type SpanChoice } from './span-reranker.js';
import { defaultModel } from './default-model.js';
import { mix } from './hash.js';
import { applyForced, bioAllowed, MaxMarginals, RULED_OUT, viterbi, viterbiRequiring, type LinearModel } from './linear.js';
import { FeatureList } from './feature-list.js';
import { roleEmissions } from './role-emissions.js';
import { ROLE, roleGroups, roleWindow } from './role-features.js';

const TEXT = 'The mayor told residents at a packed meeting on Tuesday that the bridge would reopen by June, which few believed.';

function setup() {
  const model = defaultModel();
  const ctx = buildContext(analyzeText(TEXT));
  const p = prepare(ctx, model.lexicon, findQuoteAttributions(ctx, []), model.pos);
  const cue = findCues(p, model.cue, model.cueSlack).find((c) => ctx.raw[c.start] === 'told')!;
  const w = roleWindow(ctx, cue);
  const em = roleEmissions(p, model.role, cue, w);
  const groups = roleGroups(cue, w, p.attrs);
  const forced = new Int8Array(w.end - w.start).fill(-1);
  for (let i = cue.start; i < cue.end; i++) forced[i - w.start] = ROLE.O;
  applyForced(em, forced, model.role.labels);
  const best = viterbi(model.role, groups, em);
  const decoded: SpanChoice = { spans: spansOf(best.labels, w.start, ROLE.BC), score: best.score };
  return { model, ctx, p, cue, w, em, groups, decoded, labels: best.labels };
}

describe('span reranker', () => {
  it('spansOf: the ranges of B…I runs of one role, offset into the document', () => {
    expect(spansOf(Uint8Array.of(0, 3, 4, 0, 1, 3), 10, ROLE.BC)).toEqual([{ start: 11, end: 13 }, { start: 15, end: 16 }]);
    expect(spansOf(Uint8Array.of(0, 3, 4, 0, 1, 3), 10, ROLE.BS)).toEqual([{ start: 14, end: 15 }]);
  });

  it('spanChoices: the decoded content first, then distinct contents of the best paths that change one token’s part in it, in the window, scores not above the best', () => {
    const { model, w, em, groups, decoded, labels } = setup();
    const choices = spanChoices(new MaxMarginals(model.role, groups, em), w, labels, decoded.score, ROLE.BC, null);
    expect(choices[0]).toEqual(decoded);
    expect(choices.length).toBeGreaterThan(1);
    expect(choices.length).toBeLessThanOrEqual(5);
    const keys = choices.map((c) => JSON.stringify(c.spans));
    expect(new Set(keys).size).toBe(keys.length);
    for (const c of choices) {
      expect(c.score).toBeLessThanOrEqual(decoded.score + 1e-6);
      for (const r of c.spans) expect(r.start >= w.start && r.end <= w.end && r.start < r.end).toBe(true);
    }
  });

  it('withPieces: a decoded content in pieces adds each piece alone, scored with the other pieces labelled O', () => {
    const role = { labels: 5, mask: 0, weights: new Float32Array(5), scale: 1, transitions: new Float32Array(30), allowed: bioAllowed(2) };
    const em = Float32Array.from({ length: 30 }, (_, k) => (k * 7) % 5);
    const mm = new MaxMarginals(role, new Uint8Array(6), em);
    const w = { start: 10, end: 16 };
    const labels = Uint8Array.of(ROLE.BC, ROLE.IC, ROLE.O, ROLE.BS, ROLE.BC, ROLE.IC);
    const left = { start: 10, end: 12 };
    const right = { start: 14, end: 16 };
    const choices = withPieces(mm, w, labels, [{ spans: [left, right], score: mm.scoreOf(labels) }, { spans: [right], score: -1 }]);
    // the right piece alone was a choice already
    expect(choices.map((c) => c.spans)).toEqual([[left, right], [right], [left]]);
    expect(choices[2].score).toBe(mm.scoreOf(Uint8Array.of(ROLE.BC, ROLE.IC, ROLE.O, ROLE.BS, ROLE.O, ROLE.O)));
    const single = [{ spans: [left], score: 0 }];
    expect(withPieces(mm, w, labels, single)).toEqual([{ spans: [left], score: 0 }]);
    const full = Array.from({ length: 8 }, (_, k) => ({ spans: k ? [{ start: 10 + (k % 6), end: 11 + (k % 6) }] : [left, right], score: -k }));
    expect(withPieces(mm, w, labels, full.slice())).toHaveLength(8);
  });

  it('withRunOn: the decoded content run on to the next comma or the sentence’s end, never over the cue, another found cue or another role', () => {
    const { model, ctx, p, cue, w, em, groups } = setup();
    const at = (word: string): number => ctx.raw.indexOf(word);
    const mm = new MaxMarginals(model.role, groups, em);
    const labelled = (spans: { start: number; end: number }[], source?: number): Uint8Array => {
      const labels = new Uint8Array(w.end - w.start);
      for (const r of spans) { labels[r.start - w.start] = ROLE.BC; labels.fill(ROLE.IC, r.start - w.start + 1, r.end - w.start); }
      if (source !== undefined) labels[source - w.start] = ROLE.BS;
      return labels;
    };
    const choose = (spans: { start: number; end: number }[], source?: number) => {
      const labels = labelled(spans, source);
      return withRunOn(mm, w, cue, labels, [{ spans, score: mm.scoreOf(labels) }], p);
    };
    // "the bridge would reopen" runs on to the comma after "June"
    const short = { start: at('the'), end: at('reopen') + 1 };
    const [, runOn] = choose([short]);
    expect(runOn.spans).toEqual([{ start: short.start, end: at(',') }]);
    expect(runOn.score).toBe(mm.scoreOf(labelled([runOn.spans[0]])));
    // past the comma, to the sentence's end, its full stop left out
    const toJune = { start: at('the'), end: at('June') + 1 };
    expect(choose([toJune])[1].spans).toEqual([{ start: toJune.start, end: at('.') }]);
    // nothing to add at the sentence's end; nothing over a source; nothing over the cue
    expect(choose([{ start: at('the'), end: at('.') }])).toHaveLength(1);
    expect(choose([short], at('by'))).toHaveLength(1);
    expect(choose([{ start: at('The'), end: at('mayor') + 1 }])).toHaveLength(1);
    // nor over another statement's cue
    p.index.inFoundCue[at('believed')] = 1;
    expect(choose([toJune])).toHaveLength(1);
    expect(choose([short])).toHaveLength(2);
  });

  it('contentFeatures: a choice that drops a piece of the decoded content reads it (three features per piece)', () => {
    const { p, cue, decoded } = setup();
    const [first] = decoded.spans;
    const extra = { start: first.end + 1, end: first.end + 3 };
    const choices = [{ spans: [first, extra], score: 0 }, { spans: [first], score: -1 }, { spans: [extra], score: -2 }];
    const count = (j: number): number => { const f = new FeatureList(); contentFeatures(p, cue, choices, j, f); return f.length; };
    expect(count(1)).toBe(count(0) + 3);
    expect(count(2)).toBe(count(0) + 3);
  });

  it('contentFeatures: the same features for every choice, and three per decoded piece it drops; the decoded one has no shift from itself', () => {
    const { model, p, cue, w, em, groups, decoded, labels } = setup();
    const choices = spanChoices(new MaxMarginals(model.role, groups, em), w, labels, decoded.score, ROLE.BC, null);
    const sizes = choices.map((_, j) => { const f = new FeatureList(); contentFeatures(p, cue, choices, j, f); return [...f.toArray()]; });
    const dropped = (c: SpanChoice): number => decoded.spans.filter((r) => !c.spans.some((x) => x.start < r.end && r.start < x.end)).length;
    choices.forEach((c, j) => expect(sizes[j].length).toBe(sizes[0].length + 3 * dropped(c)));
    expect(sizes[0]).toContain(mix(29, 0));
    expect(sizes[0]).toContain(mix(1, 0));
    expect(sizes[1]).toContain(mix(1, 1));
  });

  it('bestChoice: the first choice on a tie; the choice whose features weigh most otherwise', () => {
    const { model, p, cue, w, em, groups, decoded, labels } = setup();
    const choices = spanChoices(new MaxMarginals(model.role, groups, em), w, labels, decoded.score, ROLE.BC, null);
    const zero = { labels: 1, mask: 1023, weights: new Float32Array(1024), scale: 1 };
    expect(bestChoice(zero, p, cue, choices, contentFeatures)).toBe(0);
    const second = { ...zero, weights: new Float32Array(1024) };
    second.weights[mix(1, 1) & 1023] = 10; // rank 1
    expect(bestChoice(second, p, cue, choices, contentFeatures)).toBe(1);
  });

  it('choiceScores: each choice’s summed feature weights; argmax takes the first of equal scores', () => {
    const { model, p, cue, w, em, groups, decoded, labels } = setup();
    const choices = spanChoices(new MaxMarginals(model.role, groups, em), w, labels, decoded.score, ROLE.BC, null);
    const weights = new Float32Array(1024);
    weights[mix(1, 0) & 1023] = 2; // rank 0
    weights[mix(1, 2) & 1023] = 3; // rank 2
    const scores = choiceScores({ labels: 1, mask: 1023, weights, scale: 1 }, p, cue, choices, contentFeatures);
    expect(scores).toHaveLength(choices.length);
    expect(scores[2] - scores[0]).toBeCloseTo(1 + weightOfRest(weights, p, cue, choices, 2) - weightOfRest(weights, p, cue, choices, 0), 5);
    expect(argmax(scores)).toBe(bestChoice({ labels: 1, mask: 1023, weights, scale: 1 }, p, cue, choices, contentFeatures));
    expect(argmax([1, 3, 3])).toBe(1);
    expect(argmax([0])).toBe(0);
  });

  it('contentScores: choiceScores with contentFeatures, for integer weights', () => {
    const { model, p, cue, w, em, groups, decoded, labels } = setup();
    const mm = new MaxMarginals(model.role, groups, em);
    const choices = withPieces(mm, w, labels, spanChoices(mm, w, labels, decoded.score, ROLE.BC, null));
    // choices sharing a start or an end with an earlier one, on either side of the cue
    const [first] = choices[0].spans;
    choices.push({ spans: [{ start: first.start, end: first.end + 1 }], score: -1 }, { spans: [{ start: first.start - 1, end: first.end }], score: -2 });
    choices.push({ spans: [{ start: cue.start - 2, end: cue.start - 1 }, { start: cue.end + 1, end: first.end }], score: -3 });
    const weights = Int8Array.from({ length: 1 << 12 }, (_, k) => ((k * 7919) % 255) - 127);
    const reranker = { labels: 1, mask: (1 << 12) - 1, weights, scale: 0.1 };
    expect(contentScores(reranker, p, cue, choices)).toEqual(choiceScores(reranker, p, cue, choices, contentFeatures));
  });

  it('disjointPair: the best-scoring content and source that share no token; null when every pair overlaps', () => {
    const a = { start: 10, end: 14 };
    const b = { start: 12, end: 13 };
    const c = { start: 2, end: 4 };
    const contents = { choices: [{ spans: [a], score: 0 }, { spans: [{ start: 13, end: 14 }], score: -1 }], scores: [5, 1] };
    // the best pair (a with b) overlaps: the next best without overlap
    expect(disjointPair(contents, { choices: [{ spans: [b], score: 0 }, { spans: [c], score: -1 }], scores: [4, 0] })).toEqual({ content: [a], source: c });
    expect(disjointPair(contents, { choices: [{ spans: [b], score: 0 }, { spans: [], score: -1 }], scores: [4, 3] })).toEqual({ content: [a], source: null });
    const cut = { choices: [{ spans: [a], score: 0 }, { spans: [{ start: 10, end: 12 }], score: -1 }], scores: [5, 1] };
    expect(disjointPair(cut, { choices: [{ spans: [{ start: 13, end: 14 }], score: 0 }], scores: [1] })).toEqual({ content: [{ start: 10, end: 12 }], source: { start: 13, end: 14 } });
    expect(disjointPair({ choices: [contents.choices[0]], scores: [1] }, { choices: [{ spans: [b], score: 0 }], scores: [1] })).toBeNull();
    expect(overlaps([a], b)).toBe(true);
    expect(overlaps([a, c], { start: 4, end: 10 })).toBe(false);
  });

  it('tagRoles: with a content reranker, the content is its choice; withChoices keeps the choices', () => {
    const { model, p, cue } = setup();
    const plain = tagRoles(p, { ...model, reranker: undefined }, cue, true)!;
    expect(plain.choices!.length).toBeGreaterThan(1);
    expect(plain.candidate.content).toEqual(plain.choices![0].spans);
    expect(plain.candidate.source ? [plain.candidate.source] : []).toEqual(plain.sourceChoices![0].spans);
    const weights = new Float32Array(1024);
    weights[mix(1, 1) & 1023] = 10;
    // without the source reranker, no source and content are chosen together
    const reranked = tagRoles(p, { ...model, reranker: { labels: 1, mask: 1023, weights, scale: 1 }, sourceReranker: undefined }, cue, true)!;
    expect(reranked.candidate.content).toEqual(plain.choices![1].spans);
    expect(reranked.candidate.source).toEqual(plain.sourceChoices![0].spans[0] ?? null);
    expect(tagRoles(p, { ...model, reranker: undefined }, cue)!.choices).toBeUndefined();
  });

  it('tagRoles: with both rerankers, a content over the source gives way to the best pair that shares no token', () => {
    const { model, p, cue } = setup();
    const plain = tagRoles(p, { ...model, reranker: undefined }, cue, true)!;
    const source = plain.candidate.source!;
    const k = plain.choices!.findIndex((c) => overlaps(c.spans, source));
    expect(k).toBeGreaterThan(0); // this sentence has one: "The mayor" in a content
    const weights = new Float32Array(1024);
    weights[mix(1, Math.min(k, 4)) & 1023] = 10;
    const t = tagRoles(p, { ...model, reranker: { labels: 1, mask: 1023, weights, scale: 1 } }, cue, true)!;
    expect(overlaps(t.candidate.content, t.candidate.source ?? { start: 0, end: 0 })).toBe(false);
    expect(t.candidate.content).not.toEqual(plain.choices![k].spans);
  });

  it('spanChoices for sources: one span each (the nearest to the cue) or none, distinct, the decoded source first', () => {
    const { model, p, cue, w, em, groups, labels } = setup();
    const choices = spanChoices(new MaxMarginals(model.role, groups, em), w, labels, 0, ROLE.BS, cue);
    const distance = (s: { start: number; end: number }): number => (s.end <= cue.start ? cue.start - s.end : s.start - cue.end);
    const decoded = spansOf(labels, w.start, ROLE.BS);
    expect(choices[0].spans).toEqual(decoded.length ? [decoded.reduce((a, b) => (distance(b) < distance(a) ? b : a))] : []);
    expect(choices.length).toBeGreaterThan(1);
    for (const c of choices) expect(c.spans.length).toBeLessThanOrEqual(1);
    const keys = choices.map((c) => JSON.stringify(c.spans));
    expect(new Set(keys).size).toBe(keys.length);
    const sizes = choices.map((_, j) => { const f = new FeatureList(); sourceFeatures(p, cue, choices, j, f); return f.length; });
    for (const [j, c] of choices.entries()) expect(sizes[j]).toBe(c.spans.length ? 22 : 4);
  });

  it('spanChoices: the choices of tracing every path over the whole window and scanning it (ties among the scores too)', () => {
    fc.assert(fc.property(roleLattices, ({ m, g, em, cue, withSource, begin, near }) => {
      const mm = new MaxMarginals(m, g, em);
      const decoded = (withSource && viterbiRequiring(m, g, em, ROLE.BS)) || mm.best();
      const w = { start: 100, end: 100 + g.length };
      const at = near ? { start: w.start + cue, end: w.start + cue + 1 } : null;
      expect(spanChoices(mm, w, decoded.labels, decoded.score, begin, at)).toEqual(traceEveryPath(mm, w, decoded.labels, decoded.score, begin, at));
    }), { numRuns: 500 });
  });

  it('tagRoles: with a source reranker, the source is its choice, and may be none', () => {
    const { model, p, cue } = setup();
    const plain = tagRoles(p, { ...model, reranker: undefined, sourceReranker: undefined }, cue, true)!;
    const pickNone = plain.sourceChoices!.findIndex((c) => c.spans.length === 0);
    const weights = new Float32Array(1024);
    weights[mix(53, 1) & 1023] = 10; // no source
    const reranked = tagRoles(p, { ...model, reranker: undefined, sourceReranker: { labels: 1, mask: 1023, weights, scale: 1 } }, cue)!;
    expect(reranked.candidate.source).toEqual(pickNone >= 0 ? null : plain.candidate.source);
    expect(reranked.candidate.content).toEqual(plain.candidate.content);
  });
});

/** The weight of choice j's features other than its rank's. */
function weightOfRest(weights: Float32Array, p: Parameters<typeof contentFeatures>[0], cue: { start: number; end: number }, choices: SpanChoice[], j: number): number {
  const f = new FeatureList();
  contentFeatures(p, cue, choices, j, f);
  return [...f.toArray()].slice(1).reduce((s, h) => s + weights[h & 1023], 0);
}

/** Role-tagger lattices of 1–60 positions, small integer scores (many ties), one forced-O cue token. */
const roleLattices = fc.record({
  n: fc.integer({ min: 1, max: 60 }),
  cue: fc.nat(),
  withSource: fc.boolean(),
  begin: fc.constantFrom(ROLE.BC, ROLE.BS),
  near: fc.boolean(),
  seed: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 200, maxLength: 200 }),
}).map(({ n, cue, withSource, begin, near, seed }) => {
  const L = 5;
  let k = 0;
  const next = (): number => seed[k++ % seed.length];
  const m: LinearModel = { labels: L, mask: 0, weights: new Float32Array(L), scale: 1, transitions: Float32Array.from({ length: 2 * (L + 1) * L }, next), allowed: bioAllowed(2) };
  const g = Uint8Array.from({ length: n }, (_, i) => seed[i % seed.length] & 1);
  const em = Float32Array.from({ length: n * L }, next);
  const forced = new Int8Array(n).fill(-1);
  forced[cue % n] = ROLE.O;
  applyForced(em, forced, L);
  return { m, g, em, cue: cue % n, withSource, begin, near };
});

/**
 * {@link spanChoices} the plain way: every try traces its whole path, covers over the whole
 * window and finds the best position left by scanning it.
 */
function traceEveryPath(mm: MaxMarginals, w: { start: number; end: number }, labels: Uint8Array, score: number, begin: number, near: { start: number; end: number } | null): SpanChoice[] {
  const n = labels.length;
  const best = new Float64Array(n);
  const label = new Uint8Array(n);
  for (let j = 0; j < n; j++) {
    const inRole = labels[j] === begin || labels[j] === begin + 1;
    best[j] = -Infinity;
    for (let y = 0; y < 5; y++) {
      if (y === labels[j] || (!inRole && y !== begin && y !== begin + 1)) continue;
      if (mm.score(j, y) > best[j]) { best[j] = mm.score(j, y); label[j] = y; }
    }
  }
  const distance = (s: { start: number; end: number }): number => (s.end <= near!.start ? near!.start - s.end : s.start - near!.end);
  const spans = (path: Uint8Array) => {
    const all = spansOf(path, w.start, begin);
    if (!near || !all.length) return all;
    return [all.reduce((a, b) => (distance(b) < distance(a) ? b : a))];
  };
  const choices: SpanChoice[] = [{ spans: spans(labels), score }];
  for (let tries = 0; choices.length < 5 && tries < 15; tries++) {
    let i = -1;
    for (let j = 0, top = RULED_OUT; j < n; j++) if (best[j] > top) { top = best[j]; i = j; }
    if (i < 0) break;
    const top = best[i];
    const path = mm.path(i, label[i]);
    for (let j = 0; j < n; j++) if (best[j] === top && path[j] === label[j]) best[j] = -Infinity;
    const found = spans(path);
    const key = JSON.stringify(found);
    if ((found.length || begin === ROLE.BS) && !choices.some((c) => JSON.stringify(c.spans) === key)) choices.push({ spans: found, score: top });
  }
  return choices;
}
