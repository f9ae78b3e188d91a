import type { AttributionModel } from './attribution-model.js';
import { bioAllowed, type HashedWeights, type LinearModel } from './linear.js';

const MAGIC = 0x4d524e4f; // "ONRM"
/** 6: the near-miss filter (5: the cue extents' reranker; 4: the content and source rerankers). */
const VERSION = 6;
/** Versions this build reads: a version-5 file is a model without the near-miss filter, a version-4 one without the cue extents' reranker either. */
const READS = [4, 5, 6];

interface Header {
  version: number;
  bits: number;
  cue: { labels: number; types: number; groups: number; scale: number };
  role: { labels: number; types: number; groups: number; scale: number };
  lexicon: number;
  cueSlack: number;
  sourceSlack: number;
  calibration: number[] | null;
  /** The part-of-speech tagger's labels, buckets (log2) and scale; null without one. */
  pos: { labels: number; bits: number; scale: number } | null;
  /** The content, source and cue extents' rerankers' and the near-miss filter's buckets (log2) and scales; null without them. */
  reranker: { bits: number; scale: number } | null;
  sourceReranker?: { bits: number; scale: number } | null;
  cueReranker?: { bits: number; scale: number } | null;
  nearMissFilter?: { bits: number; scale: number } | null;
  nearMissThreshold?: number;
  meta: Record<string, unknown>;
}

/**
 * Serialises a model to bytes: weights quantised to int8 per tagger (scale in the header),
 * transitions as float32, the lexicon as parallel hash and bucket arrays.
 * @example decodeModel(encodeModel(model)).role.labels === model.role.labels // true
 */
export function encodeModel(model: AttributionModel, meta: Record<string, unknown> = {}): Uint8Array {
  const bits = Math.log2(model.cue.mask + 1);
  const cueScale = scaleOf(model.cue);
  const roleScale = scaleOf(model.role);
  const header: Header = {
    version: VERSION, bits,
    cue: { labels: model.cue.labels, types: (model.cue.labels - 1) / 2, groups: model.cue.transitions.length / ((model.cue.labels + 1) * model.cue.labels), scale: cueScale },
    role: { labels: model.role.labels, types: (model.role.labels - 1) / 2, groups: model.role.transitions.length / ((model.role.labels + 1) * model.role.labels), scale: roleScale },
    lexicon: model.lexicon.size, cueSlack: model.cueSlack, sourceSlack: model.sourceSlack ?? 0,
    calibration: model.calibration?.weights ?? null,
    pos: model.pos ? { labels: model.pos.labels, bits: Math.log2(model.pos.mask + 1), scale: scaleOf(model.pos) } : null,
    reranker: rerankerSpec(model.reranker),
    sourceReranker: rerankerSpec(model.sourceReranker),
    cueReranker: rerankerSpec(model.cueReranker),
    nearMissFilter: rerankerSpec(model.nearMissFilter), nearMissThreshold: model.nearMissThreshold ?? 0, meta,
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const parts: Uint8Array[] = [
    u32s(MAGIC, headerBytes.length), pad4(headerBytes),
    quantise(model.cue, cueScale), bytesOf(model.cue.transitions),
    quantise(model.role, roleScale), bytesOf(model.role.transitions),
    bytesOf(Uint32Array.from(model.lexicon.keys())), pad4(Uint8Array.from(model.lexicon.values())),
    ...(model.pos && header.pos ? [quantise(model.pos, header.pos.scale)] : []),
    ...RERANKERS.flatMap((which) => {
      const m = model[which];
      const spec = header[which];
      return m && spec ? [quantise(m, spec.scale)] : [];
    }),
  ];
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

/**
 * Reads a model written by {@link encodeModel}. Throws on bytes that are not a model.
 * @example decodeModel(bytes).lexicon.size
 */
export function decodeModel(input: Uint8Array): AttributionModel & { meta: Record<string, unknown> } {
  // A plain view: Node Buffers' slice() shares memory, Uint8Array's copies.
  const bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 8 || view.getUint32(0, true) !== MAGIC) throw new Error('not an onrecord model file (bad magic number)');
  const headerLength = view.getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as Header;
  if (!READS.includes(header.version)) throw new Error(`unsupported model version ${header.version}: this onrecord reads versions ${READS.slice(0, -1).join(', ')} and ${READS[READS.length - 1]} (retrain with npm run train)`);
  let at = 8 + align4(headerLength);
  const buckets = 1 << header.bits;
  const read = (spec: Header['cue']): LinearModel => {
    const n = buckets * spec.labels;
    const weights = new Int8Array(bytes.buffer, bytes.byteOffset + at, n);
    at += align4(n);
    const t = spec.groups * (spec.labels + 1) * spec.labels;
    const transitions = new Float32Array(bytes.slice(at, at + t * 4).buffer);
    at += t * 4;
    return { labels: spec.labels, mask: buckets - 1, weights, scale: spec.scale, transitions, allowed: bioAllowed(spec.types) };
  };
  const cue = read(header.cue);
  const role = read(header.role);
  const keys = new Uint32Array(bytes.slice(at, at + header.lexicon * 4).buffer);
  at += header.lexicon * 4;
  const values = bytes.subarray(at, at + header.lexicon);
  at += align4(header.lexicon);
  const lexicon = new Map<number, number>();
  for (let k = 0; k < keys.length; k++) lexicon.set(keys[k], values[k]);
  const model: AttributionModel & { meta: Record<string, unknown> } = { cue, role, lexicon, cueSlack: header.cueSlack, sourceSlack: header.sourceSlack, meta: header.meta };
  if (header.pos) {
    const n = (1 << header.pos.bits) * header.pos.labels;
    model.pos = { labels: header.pos.labels, mask: (1 << header.pos.bits) - 1, weights: new Int8Array(bytes.buffer, bytes.byteOffset + at, n), scale: header.pos.scale };
    at += align4(n);
  }
  for (const which of RERANKERS) {
    const spec = header[which];
    if (!spec) continue;
    const n = 1 << spec.bits;
    model[which] = { labels: 1, mask: n - 1, weights: new Int8Array(bytes.buffer, bytes.byteOffset + at, n), scale: spec.scale };
    at += align4(n);
  }
  if (model.nearMissFilter) model.nearMissThreshold = header.nearMissThreshold ?? 0;
  if (header.calibration) model.calibration = { weights: header.calibration };
  return model;
}

/** The rerankers and the near-miss filter, in their order in the file. */
const RERANKERS = ['reranker', 'sourceReranker', 'cueReranker', 'nearMissFilter'] as const;

function rerankerSpec(m: HashedWeights | undefined): { bits: number; scale: number } | null {
  return m ? { bits: Math.log2(m.mask + 1), scale: scaleOf(m) } : null;
}

function scaleOf(m: HashedWeights): number {
  let max = 0;
  for (let k = 0; k < m.weights.length; k++) max = Math.max(max, Math.abs(m.weights[k]));
  return max > 0 ? (max * m.scale) / 127 : 1;
}

function quantise(m: HashedWeights, scale: number): Uint8Array {
  const q = new Int8Array(align4(m.weights.length));
  const factor = m.scale / scale;
  for (let k = 0; k < m.weights.length; k++) q[k] = Math.max(-127, Math.min(127, Math.round(m.weights[k] * factor)));
  return new Uint8Array(q.buffer);
}

function bytesOf(a: Float32Array | Uint32Array): Uint8Array {
  return new Uint8Array(a.buffer.slice(a.byteOffset, a.byteOffset + a.byteLength));
}

function u32s(...values: number[]): Uint8Array {
  return new Uint8Array(Uint32Array.from(values).buffer);
}

function pad4(b: Uint8Array): Uint8Array {
  const out = new Uint8Array(align4(b.length));
  out.set(b);
  return out;
}

function align4(n: number): number {
  return (n + 3) & ~3;
}
