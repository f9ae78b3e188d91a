import type { EntityRecord } from './registry.js';
import { lowerAt, type DocView } from './view.js';

/** One reference to an entity at a place in the text, as pronoun resolution sees it. */
export interface Reference {
  pos: number;
  end: number;
  entity: EntityRecord;
  sentence: number;
  /** Index of the quotation holding it, or -1. */
  quote: number;
  possessive: boolean;
  /** After a preposition ("with Rusty Humphries", "under Obama"): rarely the subject a pronoun picks up. */
  oblique: boolean;
}

const PREPOSITIONS = new Set(['with', 'by', 'to', 'for', 'from', 'of', 'at', 'about', 'against', 'on', 'in', 'after', 'before',
  'under', 'over', 'between', 'among', 'toward', 'towards', 'than', 'like', 'into', 'via', 'behind', 'beside', 'near']);

/**
 * The references of a document in text order, searched backwards from a pronoun.
 * @example history.add(view, 4, 5, entity, false)
 */
export class History {
  readonly refs: Reference[] = [];
  /** Token ranges no antecedent may come from: the content of the attribution being resolved ("People like Scott, he said"). */
  exclude: ReadonlyArray<{ start: number; end: number }> = [];

  add(view: DocView, pos: number, end: number, entity: EntityRecord, possessive: boolean): void {
    const ref: Reference = {
      pos, end, entity, sentence: view.doc.sentenceOf[pos], quote: view.doc.quoteOf[pos], possessive,
      oblique: PREPOSITIONS.has(lowerAt(view, pos - 1)) || inOpeningClause(view, pos),
    };
    if (!this.refs.length || this.refs[this.refs.length - 1].pos <= pos) this.refs.push(ref); // the common case: text order
    else this.refs.splice(this.before(pos + 1) + 1, 0, ref);
  }

  /** Index of the last reference that starts before token `pos`, or -1. */
  before(pos: number): number {
    let lo = 0;
    let hi = this.refs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.refs[mid].pos < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  /**
   * The antecedent of a pronoun at `pos`: in its own sentence, then sentence by sentence
   * backwards (at most `maxSentences`), the leftmost compatible reference that is not inside
   * another quotation, preferring subjects to possessives and to objects of prepositions, then
   * an entity known to have the pronoun's `gender`:
   * "Trump told reporters that Putin’s statement … He said" → Trump.
   */
  antecedent(view: DocView, pos: number, ok: (e: EntityRecord) => boolean, maxSentences = 12, gender?: string): Reference | undefined {
    const quote = view.doc.quoteOf[pos];
    const sentence = view.doc.sentenceOf[pos];
    let i = this.before(pos);
    while (i >= 0 && sentence - this.refs[i].sentence <= maxSentences) {
      const s = this.refs[i].sentence;
      let best: Reference | undefined;
      for (; i >= 0 && this.refs[i].sentence === s; i--) {
        const r = this.refs[i];
        if ((r.quote >= 0 && r.quote !== quote) || !ok(r.entity) || this.exclude.some((x) => r.pos >= x.start && r.pos < x.end)) continue;
        const d = rank(r, gender) - (best ? rank(best, gender) : 0);
        if (!best || d < 0 || (d === 0 && (r.entity.gender === gender || best.entity.gender !== gender))) best = r;
      }
      if (best) return best;
    }
    return undefined;
  }
}

const SUBORDINATORS = new Set(['when', 'if', 'although', 'though', 'after', 'as', 'while', 'because', 'since', 'before', 'until', 'once', 'whenever', 'unless']);

/**
 * "When terrorists strike, Ruiz and Eder call them …": a name in a clause that opens the
 * sentence with a subordinator, before its comma, is no subject of the sentence.
 */
function inOpeningClause(view: DocView, pos: number): boolean {
  const start = view.doc.sentences[view.doc.sentenceOf[pos]].start;
  if (!SUBORDINATORS.has(lowerAt(view, start))) return false;
  for (let t = start + 1; t < pos; t++) if (lowerAt(view, t) === ',') return false;
  return true;
}

/**
 * Lower is a likelier antecedent: a subject, then an object of a preposition, then a possessive;
 * for "he" or "she", a name that nothing showed to be a person comes last ("Under Mr. Ban, the
 * assembly set up U.N. Women. He …" → Ban).
 */
function rank(r: Reference, gender: string | undefined): number {
  const unsure = gender !== undefined && r.entity.gender === undefined && !r.entity.confirmed;
  return (unsure ? 3 : 0) + (r.possessive ? 2 : 0) + (r.oblique ? 1 : 0);
}
