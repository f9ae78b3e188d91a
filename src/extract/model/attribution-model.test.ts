import { describe, expect, it } from 'vitest';
import { extract } from '../../index.js';
import { analyzeText } from '../../text/document.js';
import { buildContext } from '../context.js';
import { findQuoteAttributions } from '../quote-layer.js';
import { candidates, findCues, prepare } from './attribution-model.js';
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
});
