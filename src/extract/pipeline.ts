import type { Attribution, Diagnostic } from '../core/types.js';
import { assemble } from './assemble.js';
import { combine } from './combine.js';
import type { Candidate, RuleContext } from './context.js';
import { predict, prepare, type AttributionModel } from './model/attribution-model.js';
import { findQuoteAttributions } from './quote-layer.js';
import { headlineSpeaker } from './rules/headline-speaker.js';
import { speakerTurns } from './rules/speaker-turns.js';

/**
 * The extraction pipeline over a segmented text: the quote layer, a transcript's speaker turns
 * and a headline's speaker, then the trained model (when given), combined without duplicates and
 * assembled into attributions.
 * @example findAttributions(buildContext(analyzeText(text)), model, [])
 */
export function findAttributions(ctx: RuleContext, model: AttributionModel | null, diagnostics: Diagnostic[]): Attribution[] {
  const quotes = findQuoteAttributions(ctx, diagnostics);
  const rules = withLabelledSpeakers(ctx, quotes, diagnostics);
  if (!model) return assemble(ctx, rules);
  const predicted = predict(prepare(ctx, model.lexicon, quotes, model.pos), model);
  return assemble(ctx, combine(rules, predicted, ctx.doc.tokens.count));
}

/**
 * The rule candidates with the statements that a label and a colon give: a transcript's turns
 * and a headline's speaker. The quote layer's candidates for a quotation they hold give way to
 * them (a speaker-less `“PENCE: …` becomes PENCE's), and so do their `quote-no-speaker`
 * diagnostics. The trained model keeps reading the quote layer's own candidates, as in training.
 * @example withLabelledSpeakers(ctx, findQuoteAttributions(ctx, diagnostics), diagnostics)
 */
export function withLabelledSpeakers(ctx: RuleContext, quoted: Candidate[], diagnostics: Diagnostic[]): Candidate[] {
  const labelled = speakerTurns(ctx);
  const first = ctx.doc.paragraphs[0];
  const headline = first && !labelled.some((c) => c.cue && c.cue.start < first.end) ? headlineSpeaker(ctx) : null;
  if (headline) labelled.push(headline);
  if (!labelled.length) return quoted;
  const taken = new Set(labelled.flatMap((c) => c.quotes));
  const opens = new Set([...taken].map((q) => ctx.doc.tokens.start[ctx.doc.quotes[q].open]));
  for (let k = diagnostics.length - 1; k >= 0; k--) {
    const d = diagnostics[k];
    if (d.code === 'quote-no-speaker' && d.span && opens.has(d.span.start)) diagnostics.splice(k, 1);
  }
  return [...labelled, ...quoted.filter((c) => !c.quotes.some((q) => taken.has(q)))];
}
