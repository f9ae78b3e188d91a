import type { TokenRange } from '../extract/context.js';
import { hashString } from '../extract/model/hash.js';
import { lemmaKey, lemmaOf } from '../extract/model/token-attributes.js';

/** Counts of how often each lower-cased word is (part of) a cue. */
export class LexiconCounts {
  private readonly cue = new Map<number, number>();
  private readonly total = new Map<number, number>();

  /** Adds one document: its lower-cased tokens and gold cue ranges. */
  add(lower: string[], isNumber: (i: number) => boolean, cues: TokenRange[]): void {
    const inCue = new Uint8Array(lower.length);
    for (const c of cues) inCue.fill(1, c.start, c.end);
    for (let i = 0; i < lower.length; i++) {
      const form = isNumber(i) ? lower[i].replace(/\d/g, '0') : lower[i];
      for (const h of [hashString(form), lemmaKey(hashString(lemmaOf(form)))]) {
        this.total.set(h, (this.total.get(h) ?? 0) + 1);
        if (inCue[i]) this.cue.set(h, (this.cue.get(h) ?? 0) + 1);
      }
    }
  }

  /** Adds another set of counts (for jackknifed lexicons). */
  merge(other: LexiconCounts): void {
    for (const [h, n] of other.total) this.total.set(h, (this.total.get(h) ?? 0) + n);
    for (const [h, n] of other.cue) this.cue.set(h, (this.cue.get(h) ?? 0) + n);
  }

  /**
   * The lexicon: word hash → bucket of the smoothed rate cue/(total+2), 0–10; words never seen
   * as a cue are left out (bucket 0 is implied by absence only for seen words, so we keep them
   * when frequent enough to be informative).
   */
  toLexicon(minCount = 2): Map<number, number> {
    const out = new Map<number, number>();
    for (const [h, n] of this.total) {
      if (n < minCount) continue;
      const c = this.cue.get(h) ?? 0;
      out.set(h, Math.min(10, Math.round((10 * c) / (n + 2))));
    }
    return out;
  }
}
