import { describe, expect, it } from 'vitest';
import { summarize } from '../../../test/helpers/quote-layer.js';
import { analyzeText } from '../../text/document.js';
import { assemble } from '../assemble.js';
import { combine } from '../combine.js';
import { buildContext, type Candidate } from '../context.js';
import { extractWith } from '../extract.js';
import { findQuoteAttributions } from '../quote-layer.js';
import { withLabelledSpeakers } from '../pipeline.js';
import { speakerTurns } from './speaker-turns.js';

/** The rule layer without the model: quote rules and speaker turns, with the diagnostics left. */
function rules(text: string) {
  const doc = analyzeText(text);
  const diagnostics = [...doc.diagnostics];
  const ctx = buildContext(doc);
  const candidates = withLabelledSpeakers(ctx, findQuoteAttributions(ctx, diagnostics), diagnostics);
  return { attributions: assemble(ctx, candidates).map((a) => summarize(text, a)), diagnostics, ctx, candidates };
}

const QUOTED = [
  'Partial transcript as follows:',
  '"HOLLOWAY: Let us start with the bridge vote. Will you back it?',
  '"OKAFOR: Well, look, the bridge is a serious matter for the county.',
  '"And we will vote when the engineers report.',
  '"(CROSSTALK.)',
  '"HOLLOWAY: Thank you, commissioner.',
].join('\n\n');

describe('speaker turns', () => {
  it('a transcript whose paragraphs open with a quote mark: label, colon, the rest of the turn', () => {
    expect(rules(QUOTED).attributions).toEqual([
      { kind: 'direct', source: 'HOLLOWAY', cue: ':', content: ['Let us start with the bridge vote. Will you back it?'] },
      { kind: 'direct', source: 'OKAFOR', cue: ':', content: ['Well, look, the bridge is a serious matter for the county.', 'And we will vote when the engineers report.'] },
      { kind: 'direct', source: 'HOLLOWAY', cue: ':', content: ['Thank you, commissioner.'] },
    ]);
  });

  it('the quote layer’s speaker-less quotes give way to the turns, and so do their diagnostics', () => {
    const doc = analyzeText(QUOTED);
    const ctx = buildContext(doc);
    const diagnostics = [...doc.diagnostics];
    const quoted = findQuoteAttributions(ctx, diagnostics);
    expect(quoted.length).toBeGreaterThan(0);
    expect(diagnostics.some((d) => d.code === 'quote-no-speaker')).toBe(true);
    withLabelledSpeakers(ctx, quoted, diagnostics);
    expect(diagnostics.filter((d) => d.code === 'quote-no-speaker')).toEqual([]);
  });

  it('a transcript without quote marks; a label of several words; a title before the name', () => {
    const text = 'JANE MARLOWE: Why not debate him on Monday night?\n\nSEN. ABERNATHY: Because the schedule is full this month.\n\nMARLOWE: Then when?';
    expect(rules(text).attributions).toEqual([
      { kind: 'direct', source: 'JANE MARLOWE', cue: ':', content: ['Why not debate him on Monday night?'] },
      { kind: 'direct', source: 'SEN. ABERNATHY', cue: ':', content: ['Because the schedule is full this month.'] },
      { kind: 'direct', source: 'MARLOWE', cue: ':', content: ['Then when?'] },
    ]);
  });

  it('a single label counts when the name also appears in ordinary case', () => {
    const text = 'Mr. Abernathy spoke to the station on Sunday.\n\nABERNATHY: The schedule is full this month.';
    expect(rules(text).attributions).toEqual([
      { kind: 'direct', source: 'ABERNATHY', cue: ':', content: ['The schedule is full this month.'] },
    ]);
    expect(rules('The station aired the debate.\n\nABERNATHY: The schedule is full this month.').attributions).toEqual([]);
  });

  it('section labels, single letters and title-case headlines are not speakers', () => {
    for (const text of [
      'UPDATE: The senator has left the building now.\n\nUPDATE: The senator has come back again.',
      'CORRECTION: An earlier version misstated the date. The Correction was made.',
      'Q: What did you find there?\n\nA: Nothing that we expected at all.',
      'Abernathy: Schedule Is Full, Debate Must Wait\n\nMr. Abernathy said so on Sunday.',
      'DEAL IS IN: Council Passes the Budget\n\nIn the end the council passed it. It was in the news.',
    ]) expect(speakerTurns(buildContext(analyzeText(text)))).toEqual([]);
  });
});

describe('combining turns with the model', () => {
  const text = 'HOLLOWAY: After the mayor announced that the bridge would close, what did you do?\n\nOKAFOR: We waited for the report.\n\nHOLLOWAY: And then?  What next?';
  const ctx = buildContext(analyzeText(text));
  const [turn] = speakerTurns(ctx);
  const token = (w: string) => ctx.lower.indexOf(w);
  const modelCandidate = (cue: number, content: { start: number; end: number }): Candidate => ({
    content: [content], cue: { start: cue, end: cue + 1 }, source: null, confidence: 0.8, provenance: ['model.cue-role'], quotes: [],
  });

  it('a statement the model finds inside a turn is another statement: both are kept', () => {
    const nested = modelCandidate(token('announced'), { start: token('announced') + 1, end: token('close') + 1 });
    expect(combine([turn], [nested], ctx.doc.tokens.count)).toHaveLength(2);
  });

  it('the model’s attribution on the same colon is the same statement: one is kept, with the turn’s spans and both provenances', () => {
    const same = modelCandidate(turn.cue!.start, { start: turn.content[0].start, end: turn.content[0].start + 3 });
    const out = combine([turn], [same], ctx.doc.tokens.count);
    expect(out).toHaveLength(1);
    expect(out[0].provenance).toEqual(['model.cue-role', 'rule.speaker-turn']);
    expect([out[0].source, out[0].content, out[0].kind]).toEqual([turn.source, turn.content, 'direct']);
  });

  it('through extract: a turn appears once, with its speaker', () => {
    const result = extractWith(null, QUOTED);
    const turns = result.attributions.filter((a) => a.provenance.includes('rule.speaker-turn'));
    expect(turns.map((a) => [a.source?.text, a.speaker?.name])).toEqual([['HOLLOWAY', 'HOLLOWAY'], ['OKAFOR', 'OKAFOR'], ['HOLLOWAY', 'HOLLOWAY']]);
    expect(result.attributions).toHaveLength(3);
  });
});
