import { areWordVariants, normalizeName } from '../entities/name-variants.js';
import { normSpans } from './roles.js';
import { intersectionSize, TokenIndex, type TokenSet } from './token-index.js';

/** Canonical speaker names for the gold attributions of one article: `{id, speakers: {E1: "Hillary Clinton", E2: null}}`. */
export interface SpeakerLabels {
  id: string;
  speakers: Record<string, string | null>;
}

/** A gold article: its text and attributions with `id` and `content` ranges (PolNeAR format). */
export interface SpeakerGoldDoc {
  id: unknown;
  text: string;
  /** Objects with `id` and `content`; anything else is skipped, as the scorer does. */
  attributions: readonly unknown[];
}

/** A system's article: attributions with `content` and `speaker` (`{name}` or null). */
export interface SpeakerPredDoc {
  id?: unknown;
  attributions?: ReadonlyArray<{ content?: unknown; speaker?: { name?: unknown } | null }>;
}

/** One labelled attribution whose content was found but whose speaker does not match. */
export interface SpeakerMiss {
  article: string;
  attribution: string;
  gold: string | null;
  predicted: string | null;
}

/** What {@link scoreSpeakers} reports. */
export interface SpeakerScore {
  articles: number;
  /** Labelled gold attributions in the scored articles. */
  labelled: number;
  /** Of those, the ones paired with a prediction (their content was found). */
  found: number;
  correct: number;
  /** `correct / found`. */
  accuracy: number;
  misses: SpeakerMiss[];
}

/**
 * Speaker accuracy: for every labelled gold attribution that pairs with a predicted one (the
 * scorer's content pairing: shared word tokens, greedy by Jaccard, one to one), whether the
 * predicted speaker's name matches the label ({@link speakerNamesMatch}). Only articles with
 * labels are scored. Plain JSON in, plain JSON out.
 * @example scoreSpeakers(gold, labels, preds).accuracy // 0.9
 */
export function scoreSpeakers(gold: Iterable<SpeakerGoldDoc>, labels: Iterable<SpeakerLabels>, preds: Iterable<SpeakerPredDoc>): SpeakerScore {
  const byId = new Map<string, SpeakerPredDoc>();
  for (const p of preds) byId.set(String(p.id), p);
  const labelled = new Map<string, SpeakerLabels>();
  for (const l of labels) labelled.set(String(l.id), l);
  const out: SpeakerScore = { articles: 0, labelled: 0, found: 0, correct: 0, accuracy: 0, misses: [] };
  for (const g of gold) {
    const labels = labelled.get(String(g.id));
    if (!labels) continue;
    out.articles++;
    out.labelled += Object.keys(labels.speakers).length;
    scoreArticle(g, labels, byId.get(String(g.id))?.attributions ?? [], out);
  }
  out.accuracy = out.found ? Math.round((out.correct / out.found) * 10_000) / 10_000 : 0;
  return out;
}

function scoreArticle(g: SpeakerGoldDoc, labels: SpeakerLabels, pred: NonNullable<SpeakerPredDoc['attributions']>, out: SpeakerScore): void {
  const doc = new TokenIndex(g.text);
  const atts = g.attributions.filter((a): a is { id?: unknown; content?: unknown } => a !== null && typeof a === 'object' && !Array.isArray(a));
  const G = atts.map((a) => doc.toks(normSpans(a.content)));
  const P = pred.map((a) => doc.toks(normSpans(a.content)));
  for (const [i, j] of pairByContent(G, P)) {
    const id = String(atts[i].id);
    if (!(id in labels.speakers)) continue;
    const want = labels.speakers[id];
    const speaker = pred[j].speaker;
    const got = speaker && typeof speaker.name === 'string' ? speaker.name : null;
    out.found++;
    if (speakerNamesMatch(got, want)) out.correct++;
    else out.misses.push({ article: String(g.id), attribution: id, gold: want, predicted: got });
  }
}

/**
 * The scorer's pairing (`pairUp` in scorer.ts, which it does not export): candidate pairs that
 * share a word token, largest Jaccard first, ties to the later gold then the later prediction.
 */
function pairByContent(G: TokenSet[], P: TokenSet[]): Array<[number, number]> {
  const cands: Array<[number, number, number]> = [];
  G.forEach((g, i) => P.forEach((p, j) => {
    const inter = g.size && p.size ? intersectionSize(g, p) : 0;
    if (inter) cands.push([inter / (g.size + p.size - inter), i, j]);
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

/**
 * True when a predicted speaker name matches the labelled one: both null; or equal once
 * normalised ({@link normalizeName}: case, diacritics, punctuation, titles, a leading "the";
 * initials, leading determiners and quantifiers are ignored, so "Donald J. Trump" = "Donald
 * Trump" and "two Democratic speechwriters" = "Democratic speechwriters"); or one is the other's acronym
 * ("S.E.C." = "Securities and Exchange Commission"); or the same number of words that are
 * spelling variants ("Jabbari" = "Jabari"); coordinated names match as sets ("A and B" = "B
 * and A"). A shorter form does not match a fuller label: "Clinton" ≠ "Hillary Clinton".
 * @example speakerNamesMatch('Mr. Obama', 'Obama') // true
 */
export function speakerNamesMatch(predicted: string | null, gold: string | null): boolean {
  if (predicted === null || gold === null) return predicted === gold;
  if (sameName(predicted, gold)) return true;
  const p = members(predicted);
  const g = members(gold);
  const key = (list: string[]) => list.map((m) => comparable(m).join(' ')).sort().join('|');
  return p.length > 1 && p.length === g.length && key(p) === key(g);
}

function sameName(a: string, b: string): boolean {
  const wa = comparable(a);
  const wb = comparable(b);
  if (wa.join(' ') === wb.join(' ')) return true;
  if (wa.length === 1 && wa[0] === acronym(b)) return true;
  if (wb.length === 1 && wb[0] === acronym(a)) return true;
  return wa.length === wb.length && areWordVariants(wa, wb);
}

const QUANTIFIERS = new Set(['a', 'an', 'the', 'some', 'many', 'most', 'several', 'few', 'other', 'all', 'both', 'one', 'another', 'each',
  'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'dozens', 'hundreds', 'thousands']);

/** Normalised words without leading determiners and quantifiers ("Twelve percent" = "percent") or initials. */
function comparable(name: string): string[] {
  const raw = name.trim().split(/\s+/);
  let from = 0;
  while (from < raw.length - 1 && (QUANTIFIERS.has(raw[from].toLowerCase()) || /^\d+$/.test(raw[from]))) from++;
  const all = normalizeName(raw.slice(from).join(' ')).split(' ');
  const words = all.filter((w) => w.length > 1);
  return words.length ? words : all;
}

/** "Securities and Exchange Commission" → "sec". */
function acronym(name: string): string {
  const words = name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
  return words.length > 1 ? words.map((w) => w[0].toLowerCase()).join('') : '';
}

/** "Jon Tester and David Vitter" → two names; "Jeff Merkley, Sherrod Brown and Robert Menendez" → three. */
function members(name: string): string[] {
  return name.split(/\s*,\s*(?:and\s+)?|\s+and\s+/).filter(Boolean);
}

/**
 * The speaker figures as the text report prints them.
 * @example formatSpeakerScore(scoreSpeakers(gold, labels, preds)) // 'speakers  accuracy 0.8584 …'
 */
export function formatSpeakerScore(s: SpeakerScore): string {
  return `speakers  accuracy ${s.accuracy.toFixed(4)} (${s.correct}/${s.found} labelled attributions whose content was found; ` +
    `${s.labelled} labelled in ${s.articles} articles)\n`;
}
