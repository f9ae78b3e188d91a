import { mapPacked } from '../../core/arrays.js';
import { WORD, QUOTE } from '../../text/tokens.js';
import type { Candidate, RuleContext, TokenRange } from '../context.js';

/** Labels that head a paragraph or a title but name no speaker ("UPDATE: …", "CORRECTION: …"). */
export const SECTION_LABELS: ReadonlySet<string> = new Set([
  'update', 'updated', 'updates', 'correction', 'corrections', 'clarification', 'note', "editor's", 'editor’s', 'video', 'watch',
  'photo', 'photos', 'read', 'related', 'breaking', 'exclusive', 'byline', 'email', 'source', 'sources', 'transcript', 'also',
  'more', 'previously', 'advertisement', 'dateline', 'disclosure', 'listen', 'see', 'warning', 'bottom', 'line', 'question',
  'answer', 'q', 'a',
]);

/** The provenance of a transcript turn. */
export const SPEAKER_TURN = 'rule.speaker-turn';

const MAX_LABEL_WORDS = 4;
/** Words a following paragraph needs to continue a turn (not a stage note such as "(CROSSTALK.)"). */
const MIN_CONTINUATION_WORDS = 3;

/**
 * Turns of a transcript: a paragraph that opens, after an optional quote mark, with a speaker's
 * name in capitals and a colon (`WALLACE: Let's start …`, `“SEN. SANDERS: …`). The label is the
 * source, the colon the cue, and the rest of the paragraph the content, verbatim (direct) though
 * no quote mark closes it; where the turn's quotation runs on into the next paragraphs (which
 * open with a quote mark and no label), so does the turn, one content piece per paragraph. A
 * label counts as a speaker when the text is a transcript (some label heads two or more
 * paragraphs) or when its last word also appears in ordinary case in the text (`TAPPER:` beside
 * "Jake Tapper"), and it is not a section label such as `UPDATE:`.
 * @example speakerTurns(buildContext(analyzeText('PENCE: We will win it.\n\nMr. Pence left.'))).length // 1
 */
export function speakerTurns(ctx: RuleContext): Candidate[] {
  const { paragraphs } = ctx.doc;
  const labels = mapPacked(paragraphs, (p) => speakerLabel(ctx, p));
  const heads = new Map<string, number>();
  for (const l of labels) if (l) heads.set(l.key, (heads.get(l.key) ?? 0) + 1);
  const transcript = [...heads.values()].some((n) => n >= 2);
  const out: Candidate[] = [];
  labels.forEach((l, k) => {
    if (!l || !(transcript || inOrdinaryCase(ctx, l.key))) return;
    const quotes: number[] = [];
    const content: TokenRange[] = [{ start: l.cue.end, end: paragraphs[k].end }];
    let q = openingQuote(ctx, k);
    if (q >= 0) {
      quotes.push(q);
      // “PENCE: …¶“But the truth is …: the turn goes on in the paragraphs its quotation runs into
      for (let next = k + 1; ctx.doc.quotes[q].continues && next < paragraphs.length && !labels[next]; next++) {
        const p = paragraphs[next];
        const nq = openingQuote(ctx, next);
        if (nq < 0 || words(ctx, p) < MIN_CONTINUATION_WORDS) break;
        quotes.push(nq);
        content.push({ start: p.start + 1, end: p.end });
        q = nq;
      }
      const last = content[content.length - 1];
      if (!ctx.doc.quotes[q].continues && ctx.doc.quotes[q].close === last.end - 1) last.end--; // the turn's closing mark
    }
    out.push({ content, cue: l.cue, source: l.source, confidence: 0.9, provenance: [SPEAKER_TURN], quotes, kind: 'direct', unreadByModel: true });
  });
  return out;
}

/** The quotation that paragraph k opens with (its first token a quote mark), or −1. */
function openingQuote(ctx: RuleContext, k: number): number {
  const start = ctx.doc.paragraphs[k].start;
  const q = ctx.doc.quoteOf[start];
  return q >= 0 && ctx.doc.quotes[q].open === start ? q : -1;
}

/** How many word tokens `r` holds. */
function words(ctx: RuleContext, r: TokenRange): number {
  let n = 0;
  for (let t = r.start; t < r.end; t++) if (ctx.doc.tokens.kind[t] === WORD) n++;
  return n;
}

interface Label {
  source: TokenRange;
  cue: TokenRange;
  /** The label's last word, lower-cased: "tapper" for `JAKE TAPPER:` and `TAPPER:`. */
  key: string;
}

/** The capitalised label and colon that open paragraph `p`, with words after them, or null. */
function speakerLabel(ctx: RuleContext, p: TokenRange): Label | null {
  const { kind } = ctx.doc.tokens;
  let t = p.start;
  if (kind[t] === QUOTE) t++;
  const start = t;
  while (t < p.end && t - start < MAX_LABEL_WORDS && kind[t] === WORD && isCapitals(ctx.raw[t], ctx.lower[t])) t++;
  if (t === start || t >= p.end || ctx.raw[t] !== ':') return null;
  const key = ctx.lower[t - 1].replace(/\.$/, '');
  if (letters(ctx.raw.slice(start, t).join('')) < 2 || ctx.lower.slice(start, t).some((w) => SECTION_LABELS.has(w.replace(/\.$/, '')))) return null;
  if (words(ctx, { start: t + 1, end: p.end }) === 0) return null;
  return { source: { start, end: t }, cue: { start: t, end: t + 1 }, key };
}

/**
 * All letters capital, at least one letter: "WALLACE", "SEN.", "O'ROURKE". `lower` is `w`
 * lower-cased; an ASCII word is in capitals when it holds no a-z (no string made).
 */
function isCapitals(w: string, lower: string): boolean {
  if (w === lower) return false;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 128) return w === w.toUpperCase();
    if (c >= 97 && c <= 122) return false;
  }
  return true;
}

/** How many letters `s` holds: "SEN." has 3. */
function letters(s: string): number {
  return s.replace(/[^\p{L}]/gu, '').length;
}

/**
 * True when `key` ("tapper") appears in the text capitalised as a name is, inside a sentence
 * ("Jake Tapper"): not in capitals, not lower case, not a sentence's first word ("In").
 */
function inOrdinaryCase(ctx: RuleContext, key: string): boolean {
  const { sentences, sentenceOf, tokens } = ctx.doc;
  for (let t = 0; t < ctx.lower.length; t++) {
    if (ctx.lower[t] !== key) continue;
    const w = ctx.raw[t];
    const first = sentences[sentenceOf[t]].start;
    const initial = t === first || (t === first + 1 && tokens.kind[first] === QUOTE);
    if (!initial && w !== w.toUpperCase() && w[0] === w[0].toUpperCase()) return true;
  }
  return false;
}
