import { isValidDate } from '../core/dates.js';
import { diagnostic } from '../core/diagnostics.js';
import { makeSpan } from '../core/span.js';
import type { Diagnostic, ExtractOptions, ExtractResult } from '../core/types.js';
import { resolveSpeakers } from '../entities/index.js';
import { analyzeText } from '../text/document.js';
import { resolveSaidAt } from '../time/index.js';
import { buildContext } from './context.js';
import type { AttributionModel } from './model/attribution-model.js';
import { defaultModel } from './model/default-model.js';
import { findAttributions } from './pipeline.js';

/**
 * Finds the attributions in a news text: who said what, with the cue, the content pieces and
 * their character offsets. Pure: runs in Node and in browsers.
 * @example extract('“We agree,” Putin said.').attributions[0].source?.text // 'Putin'
 */
export function extract(text: string, options: ExtractOptions = {}): ExtractResult {
  return extractWith(defaultModel(), text, options);
}

/**
 * {@link extract} with a given model (another build of `npm run train`), or `null` for the
 * quote layer alone.
 * @example extractWith(null, '“No,” he said.').attributions.length // 1
 */
export function extractWith(model: AttributionModel | null, text: string, options: ExtractOptions = {}): ExtractResult {
  if (typeof text !== 'string') {
    throw new TypeError(`extract: text must be a string, got ${text === null ? 'null' : typeof text}${options.id ? ` (document ${options.id})` : ''}`);
  }
  const diagnostics = inputDiagnostics(text, options);
  const result: ExtractResult = { attributions: [], entities: [], diagnostics };
  if (options.id !== undefined) result.id = options.id;
  if (!text.trim()) return result;
  const doc = analyzeText(text);
  diagnostics.push(...doc.diagnostics);
  const ctx = buildContext(doc);
  result.attributions = findAttributions(ctx, model, diagnostics);
  result.entities = resolveSpeakers(doc, result.attributions, diagnostics, ctx.lower, options.byline);
  resolveSaidAt(doc, result.attributions, options.date !== undefined && isValidDate(options.date) ? options.date : undefined);
  diagnostics.sort((a, b) => (a.span?.start ?? -1) - (b.span?.start ?? -1));
  return result;
}

function inputDiagnostics(text: string, options: ExtractOptions): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!text.trim()) out.push(diagnostic('empty-input'));
  const control = /[\u0000-\u0008\u000e-\u001f\u007f]/.exec(text);
  if (control) out.push(diagnostic('control-characters', { span: makeSpan(text, control.index, control.index + 1) }));
  const replacement = text.indexOf('\ufffd');
  if (replacement >= 0) out.push(diagnostic('replacement-characters', { span: makeSpan(text, replacement, replacement + 1) }));
  if (options.date !== undefined && !isValidDate(options.date)) {
    out.push(diagnostic('date-invalid', { reason: `the article date "${options.date}" is not a valid YYYY-MM-DD date; times were not resolved` }));
  }
  return out;
}
