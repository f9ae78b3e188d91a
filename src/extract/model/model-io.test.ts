import { describe, expect, it } from 'vitest';
import { base64ToBytes } from './base64.js';
import { defaultModel } from './default-model.js';
import { bioAllowed, type LinearModel } from './linear.js';
import { decodeModel, encodeModel } from './model-io.js';

function tagger(labels: number, seed: number): LinearModel {
  const weights = new Float32Array(16 * labels).map((_, k) => Math.sin(k * seed) * 10);
  return { labels, mask: 15, weights, scale: 1, transitions: new Float32Array(((labels + 1) * labels) * 2).map((_, k) => k / 7), allowed: bioAllowed((labels - 1) / 2) };
}

/** The same bytes with another version number in the header. */
function withVersion(bytes: Uint8Array, version: number): Uint8Array {
  const at = new TextDecoder().decode(bytes.subarray(8, 40)).indexOf('"version":6');
  expect(at).toBeGreaterThanOrEqual(0);
  bytes[8 + at + '"version":'.length] = String(version).charCodeAt(0);
  return bytes;
}

describe('model-io', () => {
  it('encodeModel/decodeModel: round trip keeps weights to within one quantisation step', () => {
    const model = { cue: tagger(3, 1), role: tagger(5, 2), lexicon: new Map([[7, 3], [99, 10]]), cueSlack: 15, sourceSlack: 20, calibration: { weights: [0.5, 1, 2, 3] } };
    const back = decodeModel(encodeModel(model, { note: 'test' }));
    expect(back.meta).toEqual({ note: 'test' });
    expect([...back.lexicon]).toEqual([[7, 3], [99, 10]]);
    expect(back.cueSlack).toBe(15);
    expect(back.calibration?.weights).toEqual([0.5, 1, 2, 3]);
    for (const [a, b] of [[model.cue, back.cue], [model.role, back.role]] as const) {
      expect(b.labels).toBe(a.labels);
      for (let k = 0; k < a.weights.length; k++) expect(Math.abs(b.weights[k] * b.scale - a.weights[k])).toBeLessThanOrEqual(b.scale / 2 + 1e-6);
      expect([...b.transitions]).toEqual([...Float32Array.from(a.transitions)]);
    }
  });

  it('encodeModel/decodeModel: the part-of-speech tagger rides along, quantised; a model without one has none', () => {
    const pos = { labels: 17, mask: 15, weights: new Float32Array(16 * 17).map((_, k) => Math.cos(k) * 4), scale: 1 };
    const base = { cue: tagger(3, 1), role: tagger(5, 2), lexicon: new Map([[7, 3]]), cueSlack: 15 };
    const back = decodeModel(encodeModel({ ...base, pos }));
    expect(back.pos?.labels).toBe(17);
    expect(back.pos?.weights).toBeInstanceOf(Int8Array);
    for (let k = 0; k < pos.weights.length; k++) expect(Math.abs(back.pos!.weights[k] * back.pos!.scale - pos.weights[k])).toBeLessThanOrEqual(back.pos!.scale / 2 + 1e-6);
    expect(decodeModel(encodeModel(base)).pos).toBeUndefined();
  });

  it('encodeModel/decodeModel: the content, source and cue extents\' rerankers ride along after the tagger, quantised; a model without them has none', () => {
    const pos = { labels: 17, mask: 15, weights: new Float32Array(16 * 17).map((_, k) => Math.cos(k) * 4), scale: 1 };
    const reranker = { labels: 1, mask: 31, weights: new Float32Array(32).map((_, k) => Math.sin(k) * 3), scale: 1 };
    const sourceReranker = { labels: 1, mask: 63, weights: new Float32Array(64).map((_, k) => Math.cos(k * 3) * 2), scale: 1 };
    const cueReranker = { labels: 1, mask: 15, weights: new Float32Array(16).map((_, k) => Math.sin(k * 5) * 7), scale: 1 };
    const base = { cue: tagger(3, 1), role: tagger(5, 2), lexicon: new Map([[7, 3]]), cueSlack: 15, pos };
    const back = decodeModel(encodeModel({ ...base, reranker, sourceReranker, cueReranker }));
    expect(back.reranker?.mask).toBe(31);
    expect(back.sourceReranker?.mask).toBe(63);
    expect(back.cueReranker?.mask).toBe(15);
    expect(back.pos?.weights[3]).toBe(decodeModel(encodeModel(base)).pos?.weights[3]);
    for (const [a, b] of [[reranker, back.reranker!], [sourceReranker, back.sourceReranker!], [cueReranker, back.cueReranker!]] as const) {
      for (let k = 0; k < a.weights.length; k++) expect(Math.abs(b.weights[k] * b.scale - a.weights[k])).toBeLessThanOrEqual(b.scale / 2 + 1e-6);
    }
    expect(decodeModel(encodeModel(base)).reranker).toBeUndefined();
    expect(decodeModel(encodeModel({ ...base, reranker })).sourceReranker).toBeUndefined();
    expect(decodeModel(encodeModel({ ...base, reranker, sourceReranker })).cueReranker).toBeUndefined();
  });

  it('encodeModel/decodeModel: the near-miss filter rides along after the rerankers, quantised, with its threshold; a model without one has neither', () => {
    const reranker = { labels: 1, mask: 31, weights: new Float32Array(32).map((_, k) => Math.sin(k) * 3), scale: 1 };
    const nearMissFilter = { labels: 1, mask: 63, weights: new Float32Array(64).map((_, k) => Math.cos(k * 2) * 9), scale: 1 };
    const base = { cue: tagger(3, 1), role: tagger(5, 2), lexicon: new Map([[7, 3]]), cueSlack: 80, reranker };
    const back = decodeModel(encodeModel({ ...base, nearMissFilter, nearMissThreshold: -6 }));
    expect(back.nearMissThreshold).toBe(-6);
    expect(back.nearMissFilter?.mask).toBe(63);
    for (let k = 0; k < 64; k++) expect(Math.abs(back.nearMissFilter!.weights[k] * back.nearMissFilter!.scale - nearMissFilter.weights[k])).toBeLessThanOrEqual(back.nearMissFilter!.scale / 2 + 1e-6);
    expect([...back.reranker!.weights]).toEqual([...decodeModel(encodeModel(base)).reranker!.weights]);
    const without = decodeModel(encodeModel(base));
    expect(without.nearMissFilter).toBeUndefined();
    expect(without.nearMissThreshold).toBeUndefined();
  });

  it('decodeModel: rejects bytes that are not a model, naming the problem', () => {
    expect(() => decodeModel(new Uint8Array(16))).toThrow(/not an onrecord model/);
  });

  it('decodeModel: rejects a model of an older version, whose weights lack features this version reads', () => {
    const bytes = withVersion(encodeModel({ cue: tagger(3, 1), role: tagger(5, 2), lexicon: new Map(), cueSlack: 15 }), 3);
    expect(() => decodeModel(bytes)).toThrow(/unsupported model version 3: this onrecord reads versions 4, 5 and 6/);
  });

  it('decodeModel: reads a version-4 model, which has no cue extents\' reranker', () => {
    const reranker = { labels: 1, mask: 31, weights: new Float32Array(32).map((_, k) => Math.sin(k) * 3), scale: 1 };
    const back = decodeModel(withVersion(encodeModel({ cue: tagger(3, 1), role: tagger(5, 2), lexicon: new Map(), cueSlack: 15, reranker }), 4));
    expect(back.reranker?.mask).toBe(31);
    expect(back.cueReranker).toBeUndefined();
  });

  it('decodeModel: reads a version-5 model, which has no near-miss filter', () => {
    const cueReranker = { labels: 1, mask: 15, weights: new Float32Array(16).map((_, k) => Math.sin(k * 5) * 7), scale: 1 };
    const back = decodeModel(withVersion(encodeModel({ cue: tagger(3, 1), role: tagger(5, 2), lexicon: new Map(), cueSlack: 15, cueReranker }), 5));
    expect(back.cueReranker?.mask).toBe(15);
    expect(back.nearMissFilter).toBeUndefined();
  });

  it('base64ToBytes: decodes with and without padding', () => {
    expect([...base64ToBytes('aGk=')]).toEqual([104, 105]);
    expect([...base64ToBytes('aGk')]).toEqual([104, 105]);
    expect([...base64ToBytes('aGVsbG8=')]).toEqual([...new TextEncoder().encode('hello')]);
  });

  it('defaultModel: the shipped model loads, with both taggers, the rerankers and a calibration', () => {
    const m = defaultModel();
    expect(m.cue.labels).toBe(3);
    expect(m.role.labels).toBe(5);
    expect(m.lexicon.size).toBeGreaterThan(1000);
    expect(m.calibration?.weights.length).toBe(6);
    expect(m.pos?.labels).toBe(17);
    for (const r of [m.reranker, m.sourceReranker, m.cueReranker]) expect(r?.weights.length).toBe(1 << 17);
    expect(m.nearMissFilter?.weights.length).toBe(1 << 16);
    expect(m.nearMissThreshold).toBeLessThan(0);
  });
});
