import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../train/random.js';
import { TextIds } from './text-ids.js';

describe('TextIds', () => {
  it('gives one id per distinct string, found by a range of any text, across growth and clearing', () => {
    const ids = new TextIds();
    const text = 'the cat and the hat';
    expect(ids.idOf(text, 0, 3)).toBe(0);
    expect(ids.idOf(text, 4, 7)).toBe(1);
    expect(ids.idOf(text, 12, 15)).toBe(0);
    expect(ids.idOf('xthe', 1, 4)).toBe(0);
    const words = Array.from({ length: 5000 }, (_, k) => `w${k}`);
    const many = words.join(' ');
    let at = 0;
    const got = words.map((w) => { const id = ids.idOf(many, at, at + w.length); at += w.length + 1; return id; });
    expect(got).toEqual(words.map((_, k) => k + 2));
    expect(ids.idOf('w4999', 0, 5)).toBe(5001);
    expect(ids.idOf(text, 16, 19)).toBe(5002);
    ids.clear();
    expect(ids.size).toBe(0);
    expect(ids.idOf(text, 16, 19)).toBe(0);
  });

  it('keeps the text of a long form, across a chunk boundary and with surrogates, read back by its id', () => {
    const ids = new TextIds();
    const long = `x${'é😀'.repeat(3000)}y`;
    const text = `a ${long} b`;
    expect(ids.idOf(text, 2, 2 + long.length)).toBe(0);
    expect(ids.idOf(long, 0, long.length)).toBe(0);
    expect(ids.idOf(`${long}z`, 0, long.length + 1)).toBe(1);
  });

  it('reads back each id\'s text and lower case, and a clearing starts a new epoch', () => {
    const ids = new TextIds();
    const text = 'Yes, YES and yes';
    const id = ids.idOf(text, 0, 3);
    expect([ids.textOf(id), ids.lowerOf(id)]).toEqual(['Yes', 'yes']);
    expect(ids.lowerOf(ids.idOf(text, 5, 8))).toBe('yes');
    expect(ids.epoch).toBe(0);
    ids.clear();
    expect(ids.epoch).toBe(1);
  });

  it('agrees with a Map of strings on short and long texts, any code units, the empty one too', () => {
    const ids = new TextIds();
    const seen = new Map<string, number>();
    const rand = seededRandom(7);
    for (let n = 0; n < 20_000; n++) {
      const length = Math.floor(rand() * 6);
      let w = '';
      for (let k = 0; k < length; k++) w += String.fromCharCode(rand() < 0.5 ? 97 + Math.floor(rand() * 3) : Math.floor(rand() * 0x10000));
      if (!seen.has(w)) seen.set(w, seen.size);
      const text = `x${w}y`;
      const id = ids.idOf(text, 1, 1 + w.length);
      expect(id).toBe(seen.get(w));
      expect(ids.textOf(id)).toBe(w);
    }
  });
});
