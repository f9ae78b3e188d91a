import { QUOTE_CUES } from '../lexicon.js';
import { isTerminalToken, quoteEnd, sentenceAt, type Candidate, type RuleContext, type TokenRange } from '../context.js';
import { QUOTE } from '../../text/tokens.js';
import words from '../data/function-words.json' with { type: 'json' };

/** True when token `t` is a verb that introduces a verbatim quote ("said", "insists"). */
export function isQuoteCue(ctx: RuleContext, t: number): boolean {
  return QUOTE_CUES.has(ctx.lower[t]) && !isInsideQuote(ctx, t) && !DETERMINERS.has(ctx.lower[t - 1] ?? '');
}

/** "a charge", "his claim": after a determiner a cue word is a noun. */
const DETERMINERS = new Set(words.determiners);

/** True when token `t` lies inside a quotation (not counting its marks). */
export function isInsideQuote(ctx: RuleContext, t: number): boolean {
  const q = ctx.doc.quoteOf[t];
  return q >= 0 && ctx.doc.quotes[q].open !== t && ctx.doc.quotes[q].close !== t;
}

/** The token range of quote `q`, marks included. */
export function quoteRange(ctx: RuleContext, q: number): TokenRange {
  return { start: ctx.doc.quotes[q].open, end: quoteEnd(ctx, q) + 1 };
}

/** The sentence tokens after quote `q` up to (not including) the sentence's final punctuation. */
export function afterQuote(ctx: RuleContext, q: number): TokenRange {
  const last = quoteEnd(ctx, q);
  const end = Math.max(last + 1, clauseEnds(ctx)[ctx.doc.sentenceOf[last]]);
  return { start: last + 1, end };
}

const CLAUSE_ENDS = new WeakMap<RuleContext, Int32Array>();

/** Per sentence: the end of its words, before the final run of sentence-ending marks and quote marks (computed once). */
function clauseEnds(ctx: RuleContext): Int32Array {
  let ends = CLAUSE_ENDS.get(ctx);
  if (ends) return ends;
  // a plain loop: Int32Array.from with a mapping function calls it through a slow generic path
  const { sentences } = ctx.doc;
  ends = new Int32Array(sentences.length);
  for (let k = 0; k < sentences.length; k++) {
    const s = sentences[k];
    let end = s.end;
    while (end > s.start && (isTerminalToken(ctx, end - 1) || ctx.doc.tokens.kind[end - 1] === QUOTE)) end--;
    ends[k] = end;
  }
  CLAUSE_ENDS.set(ctx, ends);
  return ends;
}

/** True when nothing but punctuation follows quote `q` in its sentence: the quote ends the sentence. */
export function endsSentence(ctx: RuleContext, q: number): boolean {
  const after = afterQuote(ctx, q);
  for (let t = after.start; t < after.end; t++) if (ctx.lower[t] !== ',' && ctx.lower[t] !== ')') return false;
  return true;
}

/** True when quote `q` opens its sentence (after connectives such as "And" at most). */
export function startsSentence(ctx: RuleContext, q: number): boolean {
  const open = ctx.doc.quotes[q].open;
  return sentenceAt(ctx, open).start === open;
}

/** A candidate for one quotation. */
export function quoteCandidate(ctx: RuleContext, q: number, cue: TokenRange | null, source: TokenRange | null, rule: string, confidence: number): Candidate {
  return { content: [quoteRange(ctx, q)], cue, source, confidence, provenance: [rule], quotes: [q] };
}
