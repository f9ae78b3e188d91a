import { hashRange } from './hash.js';

/**
 * Sequential ids for distinct strings, looked up by a range of a larger text in place: finding
 * a token's id makes no string (a `Map` keyed by each token's slice made one string per token,
 * then hashed and compared it: most of the token attributes' time outside the tagger).
 */
export class TextIds {
  /** Per id, its text. */
  private texts: string[] = [];
  /** Per id, its text lower-cased. */
  private lowers: string[] = [];
  /** How many times the ids were forgotten: ids given out before are of an older epoch. */
  epoch = 0;
  /**
   * Open addressing, linear probing, at most half full: per slot, the hash of a text and its
   * id + 1 (0 where empty), side by side so that a probe reads one cache line.
   */
  private slots = new Int32Array(4096);

  /** How many ids are given out: the next id. */
  get size(): number {
    return this.texts.length;
  }

  /**
   * The id of `text[start, end)`, given out now if the string is new.
   * @example new TextIds().idOf('a b a', 4, 5) // 0, as for idOf('a b a', 0, 1)
   */
  idOf(text: string, start: number, end: number): number {
    const h = hashRange(text, start, end);
    const { slots, texts } = this;
    const mask = slots.length - 2;
    let slot = (h << 1) & mask;
    for (let id = slots[slot + 1] - 1; id >= 0; id = slots[slot + 1] - 1) {
      if (slots[slot] === h && spells(texts[id], text, start, end)) return id;
      slot = (slot + 2) & mask;
    }
    return this.add(copyOf(text, start, end), h);
  }

  /**
   * The text of an id: one string shared by every range that spells it.
   * @example ids.textOf(ids.idOf('a b a', 4, 5)) // 'a'
   */
  textOf(id: number): string {
    return this.texts[id];
  }

  /**
   * The text of an id lower-cased (once, when the id was given out).
   * @example ids.lowerOf(ids.idOf('Yes', 0, 3)) // 'yes'
   */
  lowerOf(id: number): string {
    return this.lowers[id];
  }

  /**
   * Forgets every id: they start again from 0, in the next epoch.
   * @example ids.clear()
   */
  clear(): void {
    this.texts = [];
    this.lowers = [];
    this.slots.fill(0);
    this.epoch++;
  }

  private add(s: string, h: number): number {
    const id = this.texts.length;
    this.texts.push(s);
    this.lowers.push(s.toLowerCase());
    if (4 * (id + 1) > this.slots.length) {
      const old = this.slots;
      this.slots = new Int32Array(old.length * 2);
      for (let k = 0; k < old.length; k += 2) if (old[k + 1]) this.insert(old[k], old[k + 1] - 1);
    }
    this.insert(h, id);
    return id;
  }

  private insert(h: number, id: number): void {
    const { slots } = this;
    const mask = slots.length - 2;
    let slot = (h << 1) & mask;
    while (slots[slot + 1] !== 0) slot = (slot + 2) & mask;
    slots[slot] = h;
    slots[slot + 1] = id + 1;
  }
}

/**
 * `text[start, end)` as a string of its own. V8 makes a slice of 13 or more code units a view
 * into the string it was cut from, which then lives as long as the slice: kept ids would keep
 * every document that gave a long word (20 such words from 5 MB texts kept 95 MB).
 */
function copyOf(text: string, start: number, end: number): string {
  if (end - start < 13) return text.slice(start, end);
  let s = '';
  for (let k = start; k < end; k += 4096) s += String.fromCharCode(...codes(text, k, Math.min(end, k + 4096)));
  return s;
}

function codes(text: string, start: number, end: number): number[] {
  const out: number[] = [];
  for (let k = start; k < end; k++) out.push(text.charCodeAt(k));
  return out;
}

/** True when `s` is `text[start, end)`. */
function spells(s: string, text: string, start: number, end: number): boolean {
  if (s.length !== end - start) return false;
  for (let k = 0; k < s.length; k++) if (s.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}
