import { describe, expect, it } from 'vitest';
import { summarize } from '../../../test/helpers/quote-layer.js';
import { analyzeText } from '../../text/document.js';
import { assemble } from '../assemble.js';
import { buildContext } from '../context.js';
import { extractWith } from '../extract.js';
import { findQuoteAttributions } from '../quote-layer.js';
import { headlineSpeaker } from './headline-speaker.js';
import { withLabelledSpeakers } from '../pipeline.js';

const BODY = '\n\nThe county board met on Tuesday evening to discuss the plan.';

function headline(text: string) {
  const ctx = buildContext(analyzeText(text));
  const c = headlineSpeaker(ctx);
  return c ? summarize(text, assemble(ctx, [c])[0]) : null;
}

describe('headline speaker', () => {
  it.each([
    ['a surname', 'Okafor: The Bridge Will Close in May.', { source: 'Okafor', content: 'The Bridge Will Close in May' }],
    ['a full name', 'Dana Whitfield: I Am Not Running Again', { source: 'Dana Whitfield', content: 'I Am Not Running Again' }],
    ['a name holding a lower-case word', 'Whitfield camp: Rival’s plan would raise taxes.', { source: 'Whitfield camp', content: 'Rival’s plan would raise taxes' }],
    ['a quoted statement', 'Okafor: ‘We Will Not Wait for the State.’', { source: 'Okafor', content: '‘We Will Not Wait for the State.’' }],
  ])('%s', (_, title, expected) => {
    expect(headline(title + BODY)).toMatchObject({ ...expected, cue: ':', content: [expected.content] });
  });

  it.each([
    ['a label that names no speaker', 'The Latest: County board votes on the bridge.'],
    ['clickbait', 'Revealed: What the County Board Did Not Tell You.'],
    ['a phrase, not a name', 'Board Caves In: Bridge Plan Is Dropped for Good.'],
    ['two names', 'Okafor and Whitfield: A Long Rivalry Over Bridges.'],
    ['too few words after the colon', 'Okafor: Yes.'],
    ['a first paragraph too long to be a title', `Okafor: ${'the board will meet again soon '.repeat(8)}`],
  ])('not: %s', (_, title) => {
    expect(headline(title + BODY)).toBeNull();
  });

  it('takes over the quote layer’s speaker-less quote of the same headline, and its diagnostic', () => {
    const text = 'Whitfield: ‘Our county deserves a better bridge than this one.’' + BODY;
    const doc = analyzeText(text);
    const diagnostics = [...doc.diagnostics];
    const ctx = buildContext(doc);
    const candidates = withLabelledSpeakers(ctx, findQuoteAttributions(ctx, diagnostics), diagnostics);
    expect(assemble(ctx, candidates).map((a) => summarize(text, a))).toEqual([
      { kind: 'direct', source: 'Whitfield', cue: ':', content: ['‘Our county deserves a better bridge than this one.’'] },
    ]);
    expect(diagnostics.filter((d) => d.code === 'quote-no-speaker')).toEqual([]);
  });

  it('through extract: the headline’s statement has the speaker the article names', () => {
    const text = 'Whitfield: Bridge Tolls Must Go Up Next Year.\n\nCommissioner Dana Whitfield spoke to the county board on Tuesday.';
    const a = extractWith(null, text).attributions.find((x) => x.provenance.includes('rule.headline-speaker'));
    expect([a?.source?.text, a?.speaker?.name]).toEqual(['Whitfield', 'Dana Whitfield']);
  });
});
