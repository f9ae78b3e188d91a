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
   * Open addressing, linear probing, at most half full: per slot, the hash of a text, its id + 1
   * (0 where empty), where its code units start in `units` (a text of at most two: the units
   * themselves) and how many there are, side by side so that a probe reads one cache line.
   */
  private slots = new Int32Array(SLOT * 2048);
  /**
   * The code units of every id's text, one after another: a lookup compares the range with
   * them, not with the id's string (strings lie all over the heap, and reading them was most of
   * a lookup's time in `extract()`, where the other stages leave little of them in the cache).
   */
  private units = new Uint16Array(INITIAL_UNITS);
  private unitsEnd = 0;

  /** How many ids are given out: the next id. */
  get size(): number {
    return this.texts.length;
  }

  /**
   * The id of `text[start, end)`, given out now if the string is new.
   * @example new TextIds().idOf('a b a', 4, 5) // 0, as for idOf('a b a', 0, 1)
   */
  idOf(text: string, start: number, end: number): number {
    const length = end - start;
    if (length <= 2) return this.shortId(text, start, length);
    const h = hashRange(text, start, end);
    const { slots, units } = this;
    const mask = slots.length - SLOT;
    let slot = (h * SLOT) & mask;
    for (let id = slots[slot + 1] - 1; id >= 0; id = slots[slot + 1] - 1) {
      if (slots[slot] === h && slots[slot + 3] === length && spells(units, slots[slot + 2], text, start, length)) return id;
      slot = (slot + SLOT) & mask;
    }
    return this.add(text, start, end, h);
  }

  /**
   * {@link idOf} for a text of at most two code units (",", "he": a third of news tokens): its
   * slot holds the units themselves, so a lookup compares one integer, with no loop.
   */
  private shortId(text: string, start: number, length: number): number {
    const key = shortKey(text, start, length);
    // hashRange of the units, unrolled
    let h = length > 0 ? Math.imul(0x811c9dc5 ^ (key & 0xffff), 0x01000193) : 0x811c9dc5 | 0;
    if (length > 1) h = Math.imul(h ^ (key >>> 16), 0x01000193);
    const { slots } = this;
    const mask = slots.length - SLOT;
    let slot = (h * SLOT) & mask;
    for (let id = slots[slot + 1] - 1; id >= 0; id = slots[slot + 1] - 1) {
      if (slots[slot] === h && slots[slot + 3] === length && slots[slot + 2] === key) return id;
      slot = (slot + SLOT) & mask;
    }
    return this.add(text, start, start + length, h);
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
    this.units = new Uint16Array(INITIAL_UNITS);
    this.unitsEnd = 0;
    this.epoch++;
  }

  private add(text: string, start: number, end: number, h: number): number {
    const id = this.texts.length;
    const s = copyOf(text, start, end);
    this.texts.push(s);
    this.lowers.push(s.toLowerCase());
    // a short text's slot holds its units (see shortId), a longer one's where they are kept
    const at = end - start <= 2 ? shortKey(text, start, end - start) : this.keepUnits(text, start, end);
    if (2 * SLOT * (id + 1) > this.slots.length) {
      const old = this.slots;
      this.slots = new Int32Array(old.length * 2);
      for (let k = 0; k < old.length; k += SLOT) if (old[k + 1]) this.insert(old[k], old[k + 1] - 1, old[k + 2], old[k + 3]);
    }
    this.insert(h, id, at, end - start);
    return id;
  }

  /** Appends `text[start, end)` to `units`; returns where it starts. */
  private keepUnits(text: string, start: number, end: number): number {
    const at = this.unitsEnd;
    if (at + end - start > this.units.length) {
      const grown = new Uint16Array(Math.max(2 * this.units.length, at + end - start));
      grown.set(this.units);
      this.units = grown;
    }
    const { units } = this;
    for (let k = start; k < end; k++) units[at + k - start] = text.charCodeAt(k);
    this.unitsEnd = at + end - start;
    return at;
  }

  private insert(h: number, id: number, at: number, length: number): void {
    const { slots } = this;
    const mask = slots.length - SLOT;
    let slot = (h * SLOT) & mask;
    while (slots[slot + 1] !== 0) slot = (slot + SLOT) & mask;
    slots[slot] = h;
    slots[slot + 1] = id + 1;
    slots[slot + 2] = at;
    slots[slot + 3] = length;
  }
}

/** The code units of a text of at most two, in one integer (the first in the low 16 bits). */
function shortKey(text: string, start: number, length: number): number {
  const c0 = length > 0 ? text.charCodeAt(start) : 0;
  return length > 1 ? c0 | (text.charCodeAt(start + 1) << 16) : c0;
}

/** Integers per slot of {@link TextIds}. */
const SLOT = 4;
/** Code units kept for texts at first (grown as needed, back to this when the ids are forgotten). */
const INITIAL_UNITS = 1 << 16;

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

/** True when `length` code units of `units` from `at` are those of `text` from `start`. */
function spells(units: Uint16Array, at: number, text: string, start: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (units[at + k] !== text.charCodeAt(start + k)) return false;
  return true;
}
