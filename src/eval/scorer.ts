import { Prf, type PrfResult } from './prf.js';
import { pyRound, pyStr } from './python-text.js';
import { attType, normSpans, type QuoteType } from './roles.js';
import { intersectionSize, sameTokens, TokenIndex, type TokenSet } from './token-index.js';

/** A gold article: `attributions[].source|cue|content` are lists of `[start, end]` or null. */
export interface GoldDoc {
  id: unknown;
  text: string;
  attributions: readonly unknown[];
}

/** A system's output for one article; each role as {@link RoleSpans}. Extra fields are ignored. */
export interface PredDoc {
  id?: unknown;
  attributions?: unknown;
}

/** The metrics with P/R/F1, in the order the reference scorer prints them. */
export const METRICS = ['detect', 'content_exact', 'content_soft', 'source_exact', 'source_soft', 'cue_exact', 'cue_soft',
  'span_source', 'span_cue', 'span_content'] as const;
export type MetricName = (typeof METRICS)[number];

/** Recall of one kind of gold attribution, and how often its source and cue were exact when found. */
export interface TypeRecall {
  found: number;
  gold: number;
  r: number;
  source_exact_when_found: number;
  cue_exact_when_found: number;
}

export const QUOTE_TYPES: readonly QuoteType[] = ['direct', 'mixed', 'indirect'];

/** What `score_attributions.py --json` prints. */
export type ScoreReport = { docs: number } & Record<MetricName, PrfResult> & { recall_by_type: Record<QuoteType, TypeRecall> };

interface Scored { c: TokenSet; s: TokenSet; q: TokenSet; t: QuoteType }
type TypeTally = { found: number; gold: number; srcOk: number; srcN: number; cueOk: number; cueN: number };
interface Tally { m: Record<MetricName, Prf>; byType: Record<QuoteType, TypeTally> }

const ROLES = ['source', 'cue', 'content'] as const;

/**
 * Scores predicted attributions against gold ones, exactly as `score_attributions.py` does
 * (same tokens, pairing, metrics and rounding). Articles missing from `preds` predict nothing;
 * when an id repeats in `preds` the last one counts.
 * @example score([{id: 'a', text: 'He said “no.”', attributions: [{source: [[0, 2]], cue: [[3, 7]], content: [[8, 13]]}]}],
 *   [{id: 'a', attributions: [{content: {start: 9, end: 11}}]}]).detect.f1 // 1
 */
export function score(gold: Iterable<GoldDoc>, preds: Iterable<PredDoc>): ScoreReport {
  const byId = new Map<string, unknown[]>();
  for (const p of preds) byId.set(pyStr(p.id), Array.isArray(p.attributions) ? p.attributions : []);
  const tally: Tally = {
    m: Object.fromEntries(METRICS.map((k) => [k, new Prf()])) as Record<MetricName, Prf>,
    byType: Object.fromEntries(QUOTE_TYPES.map((t) => [t, { found: 0, gold: 0, srcOk: 0, srcN: 0, cueOk: 0, cueN: 0 }])) as Tally['byType'],
  };
  let docs = 0;
  for (const g of gold) {
    docs++;
    scoreDoc(g, objects(byId.get(pyStr(g.id)) ?? []), tally);
  }
  const report = { docs } as ScoreReport;
  for (const k of METRICS) report[k] = tally.m[k].result();
  report.recall_by_type = Object.fromEntries(QUOTE_TYPES.map((t) => [t, typeRecall(tally.byType[t])])) as ScoreReport['recall_by_type'];
  return report;
}

function objects(list: readonly unknown[]): Record<string, unknown>[] {
  return list.filter((a): a is Record<string, unknown> => a !== null && typeof a === 'object' && !Array.isArray(a));
}

function scoreDoc(g: GoldDoc, pred: Record<string, unknown>[], tally: Tally): void {
  const doc = new TokenIndex(g.text);
  const goldAtts = objects(g.attributions ?? []);
  for (const role of ROLES) scoreSpans(doc, role, goldAtts, pred, tally.m[`span_${role}`]);
  const G = scoredAttributions(doc, goldAtts, true);
  const P = scoredAttributions(doc, pred, false);
  const { m, byType } = tally;
  for (const k of ['detect', 'content_exact', 'content_soft'] as const) { m[k].np += P.length; m[k].ng += G.length; }
  for (const [role, key] of [['source', 's'], ['cue', 'q']] as const) {
    for (const kind of ['exact', 'soft'] as const) {
      m[`${role}_${kind}`].np += P.filter((p) => p[key].size > 0).length;
      m[`${role}_${kind}`].ng += G.filter((x) => x[key].size > 0).length;
    }
  }
  for (const ga of G) byType[ga.t].gold++;
  for (const [i, j] of pairUp(G, P)) creditPair(G[i], P[j], tally);
}

/** Unlinked span metric for one role: pieces compared by first and last word token. */
function scoreSpans(doc: TokenIndex, role: string, gold: Record<string, unknown>[], pred: Record<string, unknown>[], prf: Prf): void {
  const count = (atts: Record<string, unknown>[]): Map<string, number> => {
    const out = new Map<string, number>();
    for (const a of atts) {
      for (const r of normSpans(a[role])) {
        const piece = doc.piece(r);
        if (piece) out.set(piece.join(','), (out.get(piece.join(',')) ?? 0) + 1);
      }
    }
    return out;
  };
  const gs = count(gold);
  const ps = count(pred);
  let hit = 0;
  for (const [key, n] of ps) hit += Math.min(n, gs.get(key) ?? 0);
  for (const n of ps.values()) prf.np += n;
  for (const n of gs.values()) prf.ng += n;
  prf.credit(hit);
}

/** Attributions with at least one content word, as token sets; only gold ones are typed. */
function scoredAttributions(doc: TokenIndex, atts: Record<string, unknown>[], typed: boolean): Scored[] {
  const out: Scored[] = [];
  for (const a of atts) {
    const content = normSpans(a.content);
    const c = doc.toks(content);
    if (c.size === 0) continue;
    out.push({ c, s: doc.toks(normSpans(a.source)), q: doc.toks(normSpans(a.cue)), t: typed ? attType(doc.text, content) : 'indirect' });
  }
  return out;
}

/**
 * Greedy one-to-one pairing by content Jaccard, largest first. Python sorts `(jaccard, i, j)`
 * in reverse, so ties go to the later gold, then the later prediction.
 */
function pairUp(G: Scored[], P: Scored[]): Array<[number, number]> {
  const cands: Array<[number, number, number]> = [];
  G.forEach((ga, i) => P.forEach((pa, j) => {
    const inter = intersectionSize(ga.c, pa.c);
    if (inter) cands.push([inter / (ga.c.size + pa.c.size - inter), i, j]);
  }));
  cands.sort((x, y) => y[0] - x[0] || y[1] - x[1] || y[2] - x[2]);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  const pairs: Array<[number, number]> = [];
  for (const [, i, j] of cands) {
    if (usedG.has(i) || usedP.has(j)) continue;
    usedG.add(i); usedP.add(j); pairs.push([i, j]);
  }
  return pairs;
}

function creditPair(ga: Scored, pa: Scored, { m, byType }: Tally): void {
  const bt = byType[ga.t];
  bt.found++;
  if (ga.s.size) { bt.srcN++; bt.srcOk += Number(sameTokens(ga.s, pa.s)); }
  if (ga.q.size) { bt.cueN++; bt.cueOk += Number(sameTokens(ga.q, pa.q)); }
  m.detect.credit(1);
  const inter = intersectionSize(ga.c, pa.c);
  m.content_soft.tpP += inter / pa.c.size;
  m.content_soft.tpR += inter / ga.c.size;
  if (sameTokens(ga.c, pa.c)) m.content_exact.credit(1);
  for (const [role, key] of [['source', 's'], ['cue', 'q']] as const) {
    if (!ga[key].size || !pa[key].size) continue;
    const shared = intersectionSize(ga[key], pa[key]);
    m[`${role}_soft`].tpP += shared / pa[key].size;
    m[`${role}_soft`].tpR += shared / ga[key].size;
    if (sameTokens(ga[key], pa[key])) m[`${role}_exact`].credit(1);
  }
}

function typeRecall(v: TypeTally): TypeRecall {
  const ratio = (a: number, b: number): number => (b ? pyRound(a / b, 4) : 0);
  return { found: v.found, gold: v.gold, r: ratio(v.found, v.gold), source_exact_when_found: ratio(v.srcOk, v.srcN), cue_exact_when_found: ratio(v.cueOk, v.cueN) };
}
