import { WORD } from '../text/tokens.js';
import { tokenRange, type DocView } from './view.js';

/** What {@link isTitleCase} has worked out for a document. */
export interface TitleCaseMarks {
  /** Per token: 1 when its clause is in title case, -1 when not, 0 until worked out (colons stay 0). */
  marks: Int8Array;
  /** Per sentence: 1 when a colon divides it into clauses. */
  colons: Uint8Array;
}

/**
 * The clause (between colons) of sentence `sentence` around token `at` is in title case: at least
 * three capitalised words and almost no lower-case word longer than three letters ("if", "for",
 * "the" are allowed). Worked out once per sentence.
 * @example isTitleCase(view, 0, 0) // true for "Hillary Clinton Goes After Donald Trump"
 */
export function isTitleCase(view: DocView, sentence: number, at: number): boolean {
  view.titleCase ??= { marks: new Int8Array(view.cap.length), colons: colonSentences(view) };
  const { marks, colons } = view.titleCase;
  if (marks[at] === 0) {
    const range = view.doc.sentences[sentence];
    if (colons[sentence]) markClauses(view, range, marks);
    else marks.fill(isTitleCaseClause(view, range.start, range.end) ? 1 : -1, range.start, range.end);
  }
  return marks[at] === 1;
}

/** Marks each clause of a sentence that colons divide. */
function markClauses(view: DocView, range: { start: number; end: number }, marks: Int8Array): void {
  const { tokens, text } = view.doc;
  let from = range.start;
  for (let t = range.start; t <= range.end; t++) {
    if (t < range.end && !(tokens.kind[t] !== WORD && text.charCodeAt(tokens.start[t]) === 58)) continue;
    marks.fill(isTitleCaseClause(view, from, t) ? 1 : -1, from, t);
    from = t + 1;
  }
}

/** Counts the words of tokens `[s, e)`, stopping once the lower-case ones outweigh any count of capitalised ones. */
function isTitleCaseClause(view: DocView, s: number, e: number): boolean {
  const { kind, start, end } = view.doc.tokens;
  let capped = 0;
  let lower = 0;
  for (let t = s; t < e; t++) {
    if (kind[t] !== WORD) continue;
    if (view.cap[t]) capped++;
    else if (end[t] - start[t] > 3 && ++lower * 10 > e - s) return false; // capped ≤ e - s
  }
  return capped >= 3 && lower * 10 <= capped;
}

/** The sentences with a colon token, found from the colons of the text (most sentences have none). */
function colonSentences(view: DocView): Uint8Array {
  const { text, tokens, sentenceOf, sentences } = view.doc;
  const out = new Uint8Array(sentences.length);
  for (let c = text.indexOf(':'); c >= 0; c = text.indexOf(':', c + 1)) {
    const range = tokenRange(view, { start: c, end: c + 1 });
    if (range && tokens.start[range.start] === c && tokens.kind[range.start] !== WORD) out[sentenceOf[range.start]] = 1;
  }
  return out;
}
