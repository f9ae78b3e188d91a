import type { Attribution, Diagnostic } from '../core/types.js';
import { assemble } from './assemble.js';
import { combine } from './combine.js';
import type { RuleContext } from './context.js';
import { predict, prepare, type AttributionModel } from './model/attribution-model.js';
import { findQuoteAttributions } from './quote-layer.js';
import { withLabelledSpeakers } from './rules/speaker-turns.js';

/**
 * The extraction pipeline over a segmented text: the quote layer, a transcript's speaker turns
 * and a headline's speaker, then the trained model (when given), combined without duplicates and assembled into
 * attributions.
 * @example findAttributions(buildContext(analyzeText(text)), model, [])
 */
export function findAttributions(ctx: RuleContext, model: AttributionModel | null, diagnostics: Diagnostic[]): Attribution[] {
  const quotes = findQuoteAttributions(ctx, diagnostics);
  const rules = withLabelledSpeakers(ctx, quotes, diagnostics);
  if (!model) return assemble(ctx, rules);
  const predicted = predict(prepare(ctx, model.lexicon, quotes), model);
  return assemble(ctx, combine(rules, predicted, ctx.doc.tokens.count));
}
