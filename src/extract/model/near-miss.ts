import type { TokenRange } from '../context.js';
import type { PreparedDoc, RoleTagging } from './attribution-model.js';
import { FeatureList } from './feature-list.js';
import { mix, mix3 } from './hash.js';
import { weightSum, type HashedWeights } from './linear.js';
import { bucket, cueHead } from './role-features.js';

/** What a token is in the found cues' taggings ({@link foundRoles}). */
const IN = { nothing: 0, content: 1, source: 2, cue: 3 } as const;
const NONE = 0x5bd1e995;

/**
 * Per token, its part in the taggings of the cues found (near misses aside): 1 content, 2 source,
 * 3 cue, 0 none (a later tagging's part wins).
 * @example foundRoles(taggings, prepared.attrs.count)[cue.start] === 3 // a found cue
 */
export function foundRoles(tagged: readonly RoleTagging[], tokenCount: number): Uint8Array {
  const roles = new Uint8Array(tokenCount);
  for (const t of tagged) {
    if (t.cue.nearMiss) continue;
    for (const r of t.candidate.content) roles.fill(IN.content, r.start, r.end);
    const s = t.candidate.source;
    if (s) roles.fill(IN.source, s.start, s.end);
    roles.fill(IN.cue, t.cue.start, t.cue.end);
  }
  return roles;
}

/**
 * Features of a near miss's tagging for the near-miss filter: its cue (words, head lemma and part
 * of speech, length, the tagger's margin below O, the learned cue rates), what is around the cue,
 * the content the role tagger gave it (side, first token, length, gap to the cue, quote state)
 * and the source (its first token's class), the role path's margin over all-O, and the found
 * cues' taggings around (`roles`, {@link foundRoles}): whether the cue, the source or the content
 * lie in them, how far the nearest found cue is, how many found cues its sentence holds.
 * @example nearMissFeatures(prepared, tagging, foundRoles(taggings, n), out)
 */
export function nearMissFeatures(p: PreparedDoc, t: RoleTagging, roles: Uint8Array, out: FeatureList): void {
  const a = p.attrs;
  const { cue } = t;
  const { content, source } = t.candidate;
  const head = cueHead(a, cue);
  const lemma = a.lemma[head];
  const before = cue.start > 0 ? a.cls[cue.start - 1] : NONE;
  const after = cue.end < a.count ? a.cls[cue.end] : NONE;
  const cs = content[0].start;
  const ce = content[content.length - 1].end;
  const side = ce <= cue.start ? 0 : cs >= cue.end ? 1 : 2;
  const gap = side === 0 ? cue.start - ce : side === 1 ? cs - cue.end : 0;
  const length = tokensIn(content);
  let covered = 0;
  for (const r of content) for (let i = r.start; i < r.end; i++) if (roles[i] === IN.content) covered++;
  // 27 features, and one per cue word
  const h = out.room(27 + cue.end - cue.start);
  let n = out.length;
  h[n++] = mix(200, 0);
  h[n++] = mix(201, lemma);
  h[n++] = mix(203, Math.min(cue.end - cue.start, 4));
  h[n++] = mix(204, a.pos[head]);
  h[n++] = mix3(205, a.pos[head], after);
  h[n++] = mix(206, Math.max(0, Math.min(12, Math.floor(-cue.margin / 3))));
  h[n++] = mix(207, Math.max(-5, Math.min(15, Math.floor((t.pathScore - t.nullScore) / 4))));
  h[n++] = mix3(208, side, a.cls[cs]);
  h[n++] = mix(209, bucket(length));
  h[n++] = mix(210, bucket(gap));
  h[n++] = mix3(211, source ? 1 : 0, source ? a.cls[source.start] : NONE);
  h[n++] = mix3(212, lemma, side);
  h[n++] = mix3(213, lemma, after);
  h[n++] = mix3(214, a.cueRate[head], a.lemmaRate[head]);
  h[n++] = mix(215, Math.min(foundInSentence(p, roles, cue.start), 3));
  h[n++] = mix(216, a.quote[cs]);
  h[n++] = mix(217, cue.start > 0 ? a.word[cue.start - 1] : NONE);
  h[n++] = mix(218, cue.end < a.count ? a.word[cue.end] : NONE);
  h[n++] = mix3(219, before, after);
  h[n++] = mix3(220, a.pos[head], side);
  h[n++] = mix(221, roles[head]);
  h[n++] = mix(222, covered === 0 ? 0 : covered * 2 < length ? 1 : 2);
  h[n++] = mix(223, source ? roles[source.start] : NONE);
  h[n++] = mix(224, bucket(nearestFoundCue(roles, cue)));
  h[n++] = mix(225, a.suffix[head]);
  h[n++] = mix(226, a.shape[head]);
  h[n++] = mix(227, p.ctx.doc.paragraphOf[cue.start] === 0 ? 1 : 0);
  for (let i = cue.start; i < cue.end; i++) h[n++] = mix(202, a.word[i]);
  out.close(n);
}

/** The feature that stands for dropping a near miss: the filter is trained as a reranker of two choices, keep and drop. */
export const DROP: readonly number[] = [mix(299, 0)];

/**
 * The near-miss filter's margin for the decoded tagging of a near miss (before the rerankers:
 * `tagRoles` asks first): how far its features' score is above the drop's, less `threshold`
 * ({@link nearMissFeatures}); the near miss stays when it is above 0. `found` are the found cues'
 * taggings, which the features read.
 * @example tagRoles(prepared, model, nearMiss, false, nearMissKeeper(prepared, found, model.nearMissFilter, -6))
 */
export function nearMissKeeper(p: PreparedDoc, found: readonly RoleTagging[], filter: HashedWeights, threshold: number): (decoded: RoleTagging) => number {
  const roles = foundRoles(found, p.attrs.count);
  const drop = weightSum(filter, DROP) * filter.scale;
  const feats = new FeatureList();
  return (t) => {
    feats.length = 0;
    nearMissFeatures(p, t, roles, feats);
    return weightSum(filter, feats.hashes, 0, feats.length) * filter.scale - drop - threshold;
  };
}

function tokensIn(ranges: readonly TokenRange[]): number {
  let n = 0;
  for (const r of ranges) n += r.end - r.start;
  return n;
}

/** Distinct found cues in token i's sentence. */
function foundInSentence(p: PreparedDoc, roles: Uint8Array, i: number): number {
  const s = p.ctx.doc.sentences[p.ctx.doc.sentenceOf[i]];
  let n = 0;
  for (let k = s.start; k < s.end; k++) if (roles[k] === IN.cue && (k === s.start || roles[k - 1] !== IN.cue)) n++;
  return n;
}

/** Tokens from the cue to the nearest found cue within 40 on either side (99 when none). */
function nearestFoundCue(roles: Uint8Array, cue: TokenRange): number {
  let best = 99;
  for (let i = Math.max(0, cue.start - 40); i < Math.min(roles.length, cue.end + 40); i++) {
    if (roles[i] === IN.cue) best = Math.min(best, i < cue.start ? cue.start - i : i - cue.end + 1);
  }
  return best;
}
