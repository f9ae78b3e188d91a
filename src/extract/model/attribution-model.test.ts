import { describe, expect, it } from 'vitest';
import { extract } from '../../index.js';

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
