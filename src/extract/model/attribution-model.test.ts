import { describe, expect, it } from 'vitest';
import { extract } from '../../index.js';
import { analyzeText } from '../../text/document.js';
import { buildContext } from '../context.js';
import { findQuoteAttributions } from '../quote-layer.js';
import { candidates, findCues, predict, prepare, sourcesOutsideContents, tagRoles, withoutNested, type RoleTagging } from './attribution-model.js';
import { defaultModel } from './default-model.js';

describe('attribution model', () => {
  it('predict: finds reported speech with its source, cue and content', () => {
    const [a] = extract('Ukraine said it would accept the proposal.').attributions;
    expect(a).toMatchObject({ kind: 'indirect', source: { text: 'Ukraine' }, cue: { text: 'said' }, content: [{ text: 'it would accept the proposal' }] });
    expect(a.provenance).toContain('model.cue-role');
  });

  it('predict: finds a belief attributed to a group', () => {
    const r = extract('Analysts said Ukraine had hoped to control the territory and use it as leverage.');
    expect(r.attributions[0]).toMatchObject({ source: { text: 'Analysts' }, cue: { text: 'said' } });
    expect(r.attributions[0].content[0].text.startsWith('Ukraine had hoped')).toBe(true);
  });

  it('predict: finds nothing in a sentence that reports no one', () => {
    expect(extract('The bridge opened in 1931 and carries forty thousand cars a day.').attributions).toEqual([]);
  });

  it('confidence: a probability, higher for a plain "said" than for a weak cue', () => {
    const strong = extract('The mayor said the budget would be balanced by June.').attributions[0];
    expect(strong.confidence).toBeGreaterThan(0.5);
    expect(strong.confidence).toBeLessThanOrEqual(1);
  });

  it('combine: a quotation found by the rules and the model is one attribution with both provenances', () => {
    const r = extract('“We agree with the proposal,” Putin told reporters.');
    expect(r.attributions).toHaveLength(1);
    expect(r.attributions[0].provenance).toEqual(expect.arrayContaining(['model.cue-role', 'quote.quote-source-said']));
    expect(r.attributions[0]).toMatchObject({ kind: 'direct', source: { text: 'Putin' }, cue: { text: 'told' } });
  });
});

describe('candidates', () => {
  it('candidates: marks the cues the cue tagger found, not its near misses, before the role tagger reads them', () => {
    const model = defaultModel();
    const ctx = buildContext(analyzeText('The mayor said the bridge would reopen. Residents fretted that tolls would rise, and the council pledged to cut fees while critics doubted the plan.'));
    const p = prepare(ctx, model.lexicon, findQuoteAttributions(ctx, []), model.pos);
    const cues = findCues(p, model.cue, model.cueSlack);
    expect(cues.some((c) => c.nearMiss) && cues.some((c) => !c.nearMiss)).toBe(true);
    candidates(p, model);
    for (const c of cues) for (let t = c.start; t < c.end; t++) expect(p.index.inFoundCue[t]).toBe(c.nearMiss ? 0 : 1);
    expect(p.index.foundCues[p.attrs.count]).toBe(cues.filter((c) => !c.nearMiss).length);
  });

  it('candidates: skips the near misses in a found cue’s content, and keeps what tagging every cue and dropping the nested ones keeps', () => {
    const model = defaultModel();
    const ctx = buildContext(analyzeText('The company said customers who complained about the delays would receive refunds. She told reporters that the council ignored residents who objected to the tower and who feared the noise.'));
    const p = prepare(ctx, model.lexicon, findQuoteAttributions(ctx, []), model.pos);
    const kept = candidates(p, model);
    const every = findCues(p, model.cue, model.cueSlack).flatMap((cue) => tagRoles(p, model, cue) ?? []);
    const inFoundContent = (t: RoleTagging): boolean =>
      every.some((o) => !o.cue.nearMiss && o.candidate.content.some((r) => t.cue.start >= r.start && t.cue.start < r.end));
    expect(every.some((t) => t.cue.nearMiss && inFoundContent(t))).toBe(true);
    expect(kept).toEqual(withoutNested(every, p.attrs.count));
  });
});

describe('withoutNested', () => {
  const tagging = (cue: number, content: [number, number], nearMiss = false): RoleTagging => ({
    cue: { start: cue, end: cue + 1, margin: nearMiss ? -3 : 5, ...(nearMiss ? { nearMiss: true as const } : {}) },
    candidate: { content: [{ start: content[0], end: content[1] }], cue: { start: cue, end: cue + 1 }, source: null, confidence: 0.5, provenance: ['model.cue-role'], quotes: [] },
    pathScore: 0,
    nullScore: 0,
  });

  it('withoutNested: drops a candidate whose cue lies in the content of a found cue, found or near miss; a near miss’s content nests nothing', () => {
    const outer = tagging(2, [3, 15]);
    const nestedFound = tagging(6, [7, 12]);
    const nestedNear = tagging(9, [10, 14], true);
    const after = tagging(16, [17, 20]);
    const underNear = tagging(22, [23, 25]);
    const near = tagging(20, [21, 26], true);
    expect(withoutNested([outer, nestedFound, nestedNear, after, near, underNear], 30)).toEqual([outer, after, near, underNear]);
  });

  it('sourcesOutsideContents: a source in another candidate’s content gives way to its reranker’s best choice in no content; others stay', () => {
    const choice = (start: number, end: number) => ({ spans: start < end ? [{ start, end }] : [], score: 0 });
    const a = { ...tagging(6, [7, 9]), scoredSources: { choices: [choice(5, 6), choice(3, 4), choice(0, 0), choice(10, 11), choice(8, 9)], scores: [4, 3, 0, 1, 2] } };
    a.candidate.source = { start: 5, end: 6 };
    const b = tagging(12, [0, 6]); // holds a's source and its runner-up
    const c = { ...tagging(20, [21, 25]), scoredSources: { choices: [choice(18, 19), choice(26, 27)], scores: [1, 2] } };
    c.candidate.source = { start: 18, end: 19 }; // in no content: stays, whatever its scores
    const d = tagging(30, [31, 33]);
    d.candidate.source = { start: 22, end: 23 }; // in c's content, but chosen without a reranker: stays
    sourcesOutsideContents([a, b, c, d], 40);
    expect(a.candidate.source).toEqual({ start: 10, end: 11 }); // not 8–9, a's own content
    expect(c.candidate.source).toEqual({ start: 18, end: 19 });
    expect(d.candidate.source).toEqual({ start: 22, end: 23 });
    const lone = { ...tagging(6, [7, 9]), scoredSources: { choices: [choice(5, 6), choice(0, 0)], scores: [4, 0] } };
    lone.candidate.source = { start: 5, end: 6 };
    sourcesOutsideContents([lone, tagging(12, [0, 6])], 40);
    expect(lone.candidate.source).toBeNull(); // no source is the best left
  });

  it('predict: no statement’s cue lies in another’s content', () => {
    const model = defaultModel();
    const ctx = buildContext(analyzeText('The mayor said he plans to spend the $18 million he says he raised on the new bridge. Critics argued that the council, which officials insist is neutral, had already decided to approve it.'));
    const p = prepare(ctx, model.lexicon, findQuoteAttributions(ctx, []), model.pos);
    const found = predict(p, model);
    expect(found.map((c) => ctx.raw[c.cue!.start])).toEqual(['said', 'argued']);
    for (const a of found) for (const b of found) for (const r of b.content) expect(a.cue!.start >= r.start && a.cue!.start < r.end).toBe(false);
  });
});
