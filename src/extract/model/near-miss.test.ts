import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../text/document.js';
import { buildContext } from '../context.js';
import { findQuoteAttributions } from '../quote-layer.js';
import { candidates, passesScreen, prepare, tagRoles, type AttributionModel, type PreparedDoc, type RoleTagging } from './attribution-model.js';
import { defaultModel } from './default-model.js';
import { mix } from './hash.js';
import type { HashedWeights } from './linear.js';
import { FeatureList } from './feature-list.js';
import { DROP, foundRoles, nearMissFeatures, nearMissKeeper } from './near-miss.js';

const TEXT = 'The mayor said the bridge would reopen. The council chose a new design for the span, and engineers favoured steel over concrete. Drivers grumbled about the delays.';

/** The shipped model without its near-miss filter (every near miss stays), at a wide slack. */
function unfiltered(): AttributionModel {
  const { nearMissFilter: _f, nearMissThreshold: _t, ...rest } = defaultModel();
  return { ...rest, cueSlack: 80 };
}

function tagged(text = TEXT): { p: PreparedDoc; all: RoleTagging[] } {
  const model = unfiltered();
  const ctx = buildContext(analyzeText(text));
  const p = prepare(ctx, model.lexicon, findQuoteAttributions(ctx, []), model.pos);
  return { p, all: candidates(p, model) };
}

/** A filter of 2^10 zero weights but for the given features. */
function filter(weights: [number, number][] = []): HashedWeights {
  const w = new Float32Array(1024);
  for (const [h, v] of weights) w[h & 1023] += v;
  return { labels: 1, mask: 1023, weights: w, scale: 1 };
}

describe('near-miss filter', () => {
  it('fixture: the text gives found cues and near misses', () => {
    const { all } = tagged();
    expect(all.some((t) => t.cue.nearMiss)).toBe(true);
    expect(all.some((t) => !t.cue.nearMiss)).toBe(true);
  });

  it('foundRoles: marks the found cues\' contents, sources and cues, not the near misses\'', () => {
    const { p, all } = tagged();
    const roles = foundRoles(all, p.attrs.count);
    for (const t of all) {
      if (t.cue.nearMiss) continue;
      for (const r of t.candidate.content) for (let i = r.start; i < r.end; i++) expect(roles[i]).toBe(1);
      for (let i = t.cue.start; i < t.cue.end; i++) expect(roles[i]).toBe(3);
    }
    const miss = all.find((t) => t.cue.nearMiss)!;
    expect(foundRoles([miss], p.attrs.count).every((r) => r === 0)).toBe(true);
  });

  it('nearMissFeatures: the same features each time, one per cue word on top of a fixed set', () => {
    const { p, all } = tagged();
    const roles = foundRoles(all, p.attrs.count);
    const miss = all.find((t) => t.cue.nearMiss)!;
    const a = new FeatureList();
    const b = new FeatureList();
    nearMissFeatures(p, miss, roles, a);
    nearMissFeatures(p, miss, roles, b);
    expect(a.toArray()).toEqual(b.toArray());
    const longer = { ...miss, cue: { ...miss.cue, end: miss.cue.end + 1 } };
    const c = new FeatureList();
    nearMissFeatures(p, longer, roles, c);
    expect(c.length).toBe(a.length + 1);
  });

  it('nearMissKeeper: a near miss\'s margin is its score above the drop\'s, less the threshold; it stays above 0', () => {
    const { p, all } = tagged();
    const found = all.filter((t) => !t.cue.nearMiss);
    const misses = all.filter((t) => t.cue.nearMiss);
    const kept = (f: HashedWeights, threshold: number) => {
      const margin = nearMissKeeper(p, found, f, threshold);
      return misses.filter((t) => margin(t) > 0).length;
    };
    // all weights zero: keep and drop both score 0
    expect(kept(filter(), 0)).toBe(0);
    expect(kept(filter(), -0.5)).toBe(misses.length);
    // the bias feature every near miss has, and the drop's
    expect(kept(filter([[mix(200, 0), 3]]), 2)).toBe(misses.length);
    expect(kept(filter([[mix(200, 0), 3], [DROP[0], 2]]), 2)).toBe(0);
  });

  it('nearMissKeeper: reads the quantised weights with their scale', () => {
    const { p, all } = tagged();
    const misses = all.filter((t) => t.cue.nearMiss);
    const q: HashedWeights = { labels: 1, mask: 1023, weights: new Int8Array(1024), scale: 0.5 };
    q.weights[mix(200, 0) & 1023] = 10; // 5 once scaled
    for (const t of misses) expect(nearMissKeeper(p, [], q, 4.5)(t)).toBeCloseTo(0.5, 9);
    for (const t of misses) expect(nearMissKeeper(p, [], q, 5.5)(t)).toBeCloseTo(-0.5, 9);
  });

  it('candidates: with a filter in the model, the near misses it drops are gone, and the rest are tagged as without it', () => {
    const model = unfiltered();
    const ctx = buildContext(analyzeText(TEXT));
    const p = prepare(ctx, model.lexicon, findQuoteAttributions(ctx, []), model.pos);
    const all = candidates(p, model);
    const dropAll = candidates(p, { ...model, nearMissFilter: filter(), nearMissThreshold: 0 });
    expect(dropAll.map((t) => t.cue)).toEqual(all.filter((t) => !t.cue.nearMiss).map((t) => t.cue));
    // decoded first, reranked when kept: the same taggings as with no filter
    const keepAll = candidates(p, { ...model, nearMissFilter: filter(), nearMissThreshold: -1 });
    expect(keepAll.map((t) => t.candidate)).toEqual(all.map((t) => t.candidate));
    expect(keepAll.map((t) => [t.pathScore, t.nullScore])).toEqual(all.map((t) => [t.pathScore, t.nullScore]));
    expect(keepAll.map((t) => t.filterMargin)).toEqual(all.map((t) => (t.cue.nearMiss ? 1 : undefined)));
  });

  it('tagRoles: hands the decoded tagging to keep before the rerankers: null unless its margin is above 0, which the tagging keeps', () => {
    const model = unfiltered();
    const { p, all } = tagged();
    const miss = all.find((t) => t.cue.nearMiss)!;
    const seen: RoleTagging[] = [];
    expect(tagRoles(p, model, miss.cue, false, (d) => { seen.push(d); return 0; })).toBeNull();
    const { reranker: _r, sourceReranker: _s, ...decoding } = model;
    expect(seen.map((t) => t.candidate)).toEqual([tagRoles(p, decoding, miss.cue)!.candidate]);
    expect(tagRoles(p, model, miss.cue, false, () => 2.5)).toEqual({ ...tagRoles(p, model, miss.cue), filterMargin: 2.5 });
  });

  it('passesScreen: the filter reads the near miss\'s tagging over its sentence alone, and its margin decides', () => {
    const model = unfiltered();
    const { p, all } = tagged();
    const miss = all.find((t) => t.cue.nearMiss)!;
    const sentence = p.ctx.doc.sentences[p.ctx.doc.sentenceOf[miss.cue.start]];
    expect(p.ctx.doc.paragraphs[p.ctx.doc.paragraphOf[miss.cue.start]].end).toBeGreaterThan(sentence.end); // the window is wider
    const seen: RoleTagging[] = [];
    expect(passesScreen(p, model, miss.cue, (d) => { seen.push(d); return 0; })).toBe(false);
    expect(seen.length).toBe(1);
    const { candidate } = seen[0];
    for (const r of [...candidate.content, ...(candidate.source ? [candidate.source] : [])]) expect(r.start >= sentence.start && r.end <= sentence.end).toBe(true);
    expect(passesScreen(p, model, miss.cue, () => 0.5)).toBe(true);
  });

  it('passesScreen: true without asking the filter when the window is the sentence', () => {
    const model = unfiltered();
    const { p, all } = tagged('Engineers favoured steel over concrete for the new span across the river.\n\nThe mayor said the bridge would reopen.');
    const miss = all.find((t) => t.cue.nearMiss && p.ctx.doc.sentenceOf[t.cue.start] === 0);
    expect(miss).toBeDefined();
    expect(passesScreen(p, model, miss!.cue, () => { throw new Error('asked'); })).toBe(true);
  });
});
