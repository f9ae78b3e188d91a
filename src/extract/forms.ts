import type { TextDoc } from '../text/document.js';
import { TextIds } from './model/text-ids.js';

/**
 * The ids of token texts (forms), shared by the rule context, which takes each token's strings
 * from here (one string per form, not two slices per token), and the token attributes, which
 * cache by id what a form's text decides.
 */
export const FORMS = new TextIds();

/** Forms kept before the ids are forgotten, at the start of a document (one document may add more). */
const MAX_FORMS = 200_000;

/**
 * Forgets the forms when they are too many; called only where a document's work starts, so
 * that a document's ids stay those of its texts while it is worked on.
 * @example forgetFormsIfFull()
 */
export function forgetFormsIfFull(): void {
  if (FORMS.size >= MAX_FORMS) FORMS.clear();
}

/**
 * The form id of every token of a document, in the current epoch of {@link FORMS}.
 * @example formIds(analyzeText('a b a')) // Int32Array [0, 1, 0] in an empty table
 */
export function formIds(doc: TextDoc): Int32Array {
  const { tokens, text } = doc;
  const ids = new Int32Array(tokens.count);
  for (let i = 0; i < tokens.count; i++) ids[i] = FORMS.idOf(text, tokens.start[i], tokens.end[i]);
  return ids;
}
