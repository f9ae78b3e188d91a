import { mapPacked } from '../core/arrays.js';
import { diagnostic } from '../core/diagnostics.js';
import type { Attribution, Diagnostic, Entity, Span, Speaker } from '../core/types.js';
import type { TextDoc } from '../text/document.js';
import { buildResolveContext, spanOf, type ResolveContext } from './context.js';
import { PRONOUNS } from './lexicon.js';
import type { EntityRecord } from './registry.js';
import { resolveSource } from './resolve-source.js';
import { resolvePronoun } from './pronouns.js';
import { refersBack } from './refers-back.js';
import { buildView, lowerAt, tokenRange, type DocView } from './view.js';

export { areNameVariants, normalizeName, spellingKey } from './name-variants.js';

/**
 * Resolves the speaker of every attribution to one entity per person, organisation, group or
 * place, across all the ways the text refers to it ("Putin", "he", "the Russian leader"), and
 * returns the entities that speak. Fills `attribution.speaker` (null when it cannot be resolved)
 * and adds a `name-variant` diagnostic for each name spelled two ways (Jabari / Jabbari).
 * `lower`, the lower-cased tokens when the caller has them, spares computing them again.
 * @example resolveSpeakers(doc, attributions, diagnostics)[0].name // 'Vladimir Putin'
 */
export function resolveSpeakers(doc: TextDoc, attributions: Attribution[], diagnostics: Diagnostic[], lower?: readonly string[], byline?: string): Entity[] {
  if (!attributions.length) return [];
  const view = buildView(doc, lower);
  const ranges = mapPacked(attributions, (a) => attributionTokens(view, a));
  const near = nearSources(view, attributions, ranges);
  const ctx = buildResolveContext(view, near);
  const speakerOf = new Array<EntityRecord | undefined>(attributions.length);
  // Sources and sentence-opening pronouns in text order, so that "She … She said" chains.
  const events: Array<[number, number, number]> = []; // [start token, end token, attribution index or -1]
  ranges.forEach(({ source }, i) => { if (source) events.push([source.start, source.end, i]); });
  for (const t of openingPronouns(view, near)) events.push([t, t + 1, -1]);
  events.sort((a, b) => a[0] - b[0]);
  let sourceEnd = -1;
  for (const event of events) {
    const s = event[0];
    const e = event[1];
    const i = event[2];
    if (i >= 0) {
      ctx.history.exclude = ranges[i].inside;
      speakerOf[i] = resolveSource(ctx, s, e);
      ctx.history.exclude = [];
      sourceEnd = Math.max(sourceEnd, e);
    }
    else if (s >= sourceEnd) resolvePronoun(ctx, s, PRONOUNS.get(lowerAt(view, s))!);
  }
  firstPersonSpeakers(attributions, speakerOf);
  if (byline) writerSpeakers(ctx, attributions, speakerOf, byline);
  transcriptSpeakers(ctx, attributions, speakerOf);
  continuedQuotes(view, attributions, speakerOf);
  sentenceSubjects(ctx, attributions, ranges, speakerOf);
  const entities = output(ctx, speakerOf);
  attributions.forEach((a, i) => { a.speaker = speakerOf[i] ? speakerObject(entities.get(speakerOf[i]!)!) : null; });
  diagnostics.push(...nameVariants(ctx));
  return [...entities.values()];
}

/** How many sentences before a source its pronoun or description may find its antecedent in. */
const REACH = 4;

/**
 * Per sentence: 1 when a source is in it, or when a source that refers back (a pronoun, a
 * description: "he", "the Russian leader") is up to {@link REACH} sentences after it. Names
 * elsewhere are still read when they have two words or more ({@link findNameMentions}).
 */
function nearSources(view: DocView, attributions: Attribution[], ranges: AttributionTokens[]): Uint8Array {
  const near = new Uint8Array(view.doc.sentences.length);
  for (let i = 0; i < attributions.length; i++) {
    const a = attributions[i];
    const range = a.source ? ranges[i].source : a.content[0] && tokenRange(view, a.content[0]);
    if (!range) continue;
    const s = view.doc.sentenceOf[range.start];
    const back = !a.source || refersBack(a.source.text) ? REACH : 0;
    near.fill(1, Math.max(0, s - back), view.doc.sentenceOf[range.end - 1] + 1);
  }
  return near;
}

type TokenSpan = { start: number; end: number };

/** The token ranges of an attribution's source (null when it covers no token) and content, worked out once. */
interface AttributionTokens {
  source: TokenSpan | null;
  /** The content pieces that cover tokens. */
  inside: TokenSpan[];
}

function attributionTokens(view: DocView, a: Attribution): AttributionTokens {
  const inside: TokenSpan[] = [];
  for (const c of a.content) {
    const r = tokenRange(view, c);
    if (r) inside.push(r);
  }
  return { source: a.source && tokenRange(view, a.source), inside };
}

/** "He", "She", "They" opening a sentence near a source, outside quotations: subjects a later pronoun refers through. */
function openingPronouns(view: DocView, near: Uint8Array): number[] {
  const out: number[] = [];
  view.doc.sentences.forEach((range, i) => {
    const t = range.start;
    if (!near[i] || !view.cap[t] || view.doc.quoteOf[t] >= 0) return;
    const w = lowerAt(view, t);
    if (w === 'he' || w === 'she' || w === 'they') out.push(t);
  });
  return out;
}

/**
 * A quotation with no source that opens the paragraph after a quoted speaker's words continues
 * them (a transcript answer over several paragraphs, a quote broken by a paragraph).
 */
function continuedQuotes(view: DocView, attributions: Attribution[], speakerOf: Array<EntityRecord | undefined>): void {
  const order = mapPacked(attributions, (_, i) => i).sort((a, b) => (attributions[a].content[0]?.start ?? 0) - (attributions[b].content[0]?.start ?? 0));
  for (let k = 1; k < order.length; k++) {
    const a = attributions[order[k]];
    const prev = attributions[order[k - 1]];
    const first = a.content[0];
    const last = prev.content[prev.content.length - 1];
    if (a.source || speakerOf[order[k]] || !first || !last || prev.kind === 'indirect' || !speakerOf[order[k - 1]]) continue;
    if (!/^["“]/.test(first.text)) continue;
    const here = tokenRange(view, first);
    const there = tokenRange(view, last);
    if (!here || !there) continue;
    const gap = view.doc.paragraphOf[here.start] - view.doc.paragraphOf[there.end - 1];
    if (gap === 1 && here.start === view.doc.paragraphs[view.doc.paragraphOf[here.start]].start) speakerOf[order[k]] = speakerOf[order[k - 1]];
  }
}

/**
 * "Trump was defensive …, saying, “Maybe he didn’t do a good job”", "Putin supports the plan, but
 * insists on …": with no source, a cue in -ing, or a verb that a coordination joins to what
 * comes before, takes the subject of its sentence — the first name or pronoun before the cue that
 * is not a possessive, an object of a preposition or inside the content.
 */
function sentenceSubjects(ctx: ResolveContext, attributions: Attribution[], ranges: AttributionTokens[], speakerOf: Array<EntityRecord | undefined>): void {
  const { view, history } = ctx;
  attributions.forEach((a, i) => {
    if (a.source || speakerOf[i] || !a.cue) return;
    const cue = tokenRange(view, a.cue);
    if (!cue) return;
    const participle = /ing$/i.test(a.cue.text);
    if (!participle && (!coordinated(view, cue.start) || /\bbeen\b/i.test(a.cue.text))) return; // "and has been mentioned": not the subject's words
    const sentence = view.doc.sentenceOf[cue.start];
    const { inside } = ranges[i];
    let subject: EntityRecord | undefined;
    let at = cue.start;
    for (let k = history.before(cue.start); k >= 0 && history.refs[k].sentence === sentence; k--) {
      const r = history.refs[k];
      if (!r.possessive && !r.oblique && !inside.some((x) => r.pos >= x.start && r.pos < x.end)) { subject = r.entity; at = r.pos; } // the leftmost wins
    }
    // "a best seller, which explored … and discussed": the second verb's subject is the relative pronoun's
    if (subject && (participle || !relativeBetween(view, at, cue.start))) speakerOf[i] = subject;
  });
}

/** Words that join a second verb to the first one's subject: "supports …, but insists". */
const COORDINATORS = new Set(['and', 'but', 'yet']);
/** Words that may stand between the coordination and the verb: "but also insists", "and then said". */
const BETWEEN_COORDINATION = new Set(['also', 'then', 'later', 'still', 'again', 'further', 'even', 'has', 'have', 'had', 'was', 'is']);

/** True when the verb at token t follows "and", "but" or "yet" (an adverb or auxiliary or two between). */
function coordinated(view: DocView, t: number): boolean {
  const first = view.doc.sentences[view.doc.sentenceOf[t]].start;
  for (let k = t - 1; k > first && k >= t - 3; k--) {
    const w = lowerAt(view, k);
    if (COORDINATORS.has(w)) return true;
    if (!BETWEEN_COORDINATION.has(w) && !/ly$/.test(w)) return false;
  }
  return false;
}

/**
 * True when "which" or "that" opens the clause that token `to` ends, after token `from`: no comma
 * closes it before `to` ("a best seller, which explored … and discussed", but not "Schultz
 * supported Democrats on MSNBC, which let him go, and said").
 */
function relativeBetween(view: DocView, from: number, to: number): boolean {
  for (let t = to - 1; t > from; t--) {
    const w = lowerAt(view, t);
    if (w === ',') return false;
    if (w === 'which' || w === 'that') return true;
  }
  return false;
}

/** Lower-casing never shortens a text, so a longer source is no pronoun. */
const LONGEST_PRONOUN = Math.max(...[...PRONOUNS.keys()].map((w) => w.length));

/** "I", "me": a source that is the speaker of the quotation around it. */
function firstPersonSingular(source: Span | null): boolean {
  const p = source && source.text.length <= LONGEST_PRONOUN && PRONOUNS.get(source.text.toLowerCase());
  return !!p && p.person === 1 && p.number === 'singular';
}

/** `“I said …,” Smith recalled`: "I" inside a quotation is its speaker. */
function firstPersonSpeakers(attributions: Attribution[], speakerOf: Array<EntityRecord | undefined>): void {
  if (!attributions.some((a) => firstPersonSingular(a.source))) return;
  const pieces: Array<[number, number, number]> = []; // [start, end, attribution] of content pieces, by start
  attributions.forEach((a, i) => { if (speakerOf[i]) for (const c of a.content) pieces.push([c.start, c.end, i]); });
  pieces.sort((x, y) => x[0] - y[0]);
  attributions.forEach((a, i) => {
    if (!firstPersonSingular(a.source)) return;
    const at = a.source!.start;
    let lo = 0;
    let hi = pieces.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pieces[mid][0] <= at) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo - 1; k >= 0 && k >= lo - 8; k--) {
      if (pieces[k][2] !== i && pieces[k][1] > at) { speakerOf[i] = speakerOf[pieces[k][2]]; return; }
    }
  });
}

/**
 * "I" outside quotations, in a column or a letter, is its writer: the person the byline names
 * ({@link writerName}), when it names one.
 */
function writerSpeakers(ctx: ResolveContext, attributions: Attribution[], speakerOf: Array<EntityRecord | undefined>, byline: string): void {
  const name = writerName(byline);
  if (!name || isInterview(ctx.view)) return;
  attributions.forEach((a, i) => {
    if (speakerOf[i] || !firstPersonSingular(a.source)) return;
    const t = tokenRange(ctx.view, a.source!);
    if (!t || ctx.view.doc.quoteOf[t.start] >= 0) return;
    speakerOf[i] = ctx.registry.describe('person', name, t.start, t.end);
  });
}

/**
 * The one person a byline names ("By Ana Ruiz" → "Ana Ruiz"; "Jean-Luc de la Mare"), or null:
 * for several writers ("Ana Ruiz and Tom Eder"), an outlet or a desk ("Breitbart News", "Staff
 * reports"), or anything that is not two to five capitalised words.
 * @example writerName('By Ana Ruiz') // 'Ana Ruiz'
 */
export function writerName(byline: string): string | null {
  let name = byline.trim().replace(/^by\s+/i, '').replace(/\s+/g, ' ');
  const words = name.split(' ');
  if (words.length < 2 || words.length > 5) return null;
  for (const w of words) {
    if (NAME_PARTICLES.has(w)) continue;
    if (!/^\p{Lu}[\p{L}'’.-]*$/u.test(w) || NOT_WRITERS.has(w.toLowerCase())) return null;
  }
  // "ANDREW ROSS SORKIN" → "Andrew Ross Sorkin"
  if (name === name.toUpperCase()) name = name.toLowerCase().replace(/(^|[\s'’-])(\p{Ll})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
  return name;
}

/** A question-and-answer interview ("Q: …" paragraphs): there "I" may be either side. */
function isInterview(view: DocView): boolean {
  const { text, paragraphs, tokens } = view.doc;
  return paragraphs.some((p) => /^["“]?Q[:.]/.test(text.slice(tokens.start[p.start], tokens.start[p.start] + 3)));
}

const NAME_PARTICLES = new Set(['de', 'da', 'del', 'della', 'di', 'du', 'la', 'le', 'van', 'von', 'der', 'den', 'bin', 'al']);
/** Words that make a byline an outlet or a desk, not a person. */
const NOT_WRITERS = new Set(['news', 'staff', 'editors', 'editorial', 'board', 'desk', 'wire', 'wires', 'reports', 'press', 'service', 'team', 'agency', 'associated', 'reuters', 'and', 'with']);

/** `"WALLACE: Let’s start with …"`: a transcript names the speaker in capitals before a colon. */
function transcriptSpeakers(ctx: ResolveContext, attributions: Attribution[], speakerOf: Array<EntityRecord | undefined>): void {
  attributions.forEach((a, i) => {
    const first = a.content[0];
    if (a.source || speakerOf[i] || !first) return;
    const label = TRANSCRIPT_LABEL.exec(first.text);
    if (!label) return;
    const at = first.start + label.index + label[0].indexOf(label[1]);
    const range = tokenRange(ctx.view, { start: at, end: at + label[1].length });
    if (range) speakerOf[i] = resolveSource(ctx, range.start, range.end);
  });
}

const TRANSCRIPT_LABEL = /^\W{0,3}(\p{Lu}[\p{Lu}.'’-]+(?: \p{Lu}[\p{Lu}.'’-]+){0,2}):/u;

/** The speaking entities, numbered `e1`, `e2`, … in order of their first mention. */
function output(ctx: ResolveContext, speakerOf: Array<EntityRecord | undefined>): Map<EntityRecord, Entity> {
  const speaking = [...new Set(speakerOf.filter((e): e is EntityRecord => !!e))];
  const firstAt = new Map<EntityRecord, number>();
  for (const e of speaking) {
    let first = Infinity;
    for (let k = 0; k < e.refs.length; k += 2) first = Math.min(first, e.refs[k]);
    firstAt.set(e, first);
  }
  speaking.sort((a, b) => firstAt.get(a)! - firstAt.get(b)!);
  const out = new Map<EntityRecord, Entity>();
  speaking.forEach((e, i) => {
    const mentions: Span[] = [];
    for (let k = 0; k < e.refs.length; k += 2) mentions.push(spanOf(ctx, e.refs[k], e.refs[k + 1]));
    if (!inOrder(mentions)) mentions.sort((a, b) => a.start - b.start || a.end - b.end);
    const entity: Entity = { id: `e${i + 1}`, name: e.name, kind: e.kind, aliases: aliases(e, mentions), mentions };
    if (e.role) entity.role = e.role;
    if (e.affiliation && e.affiliation !== e.name) entity.affiliation = e.affiliation;
    out.set(e, entity);
  });
  return out;
}

/** Mentions are mostly recorded in text order: checking spares sorting them. */
function inOrder(spans: Span[]): boolean {
  for (let k = 1; k < spans.length; k++) if (spans[k].start < spans[k - 1].start || (spans[k].start === spans[k - 1].start && spans[k].end < spans[k - 1].end)) return false;
  return true;
}

/** The other forms of the name the text writes, in order of first use, without pronouns. */
function aliases(e: EntityRecord, mentions: Span[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const { text } of mentions) {
    if (seen.has(text)) continue;
    seen.add(text);
    if (text !== e.name && !(text.length <= LONGEST_PRONOUN && PRONOUNS.has(text.toLowerCase()))) out.push(text);
  }
  return out;
}

function speakerObject(e: Entity): Speaker {
  const s: Speaker = { id: e.id, name: e.name, kind: e.kind };
  if (e.role) s.role = e.role;
  if (e.affiliation) s.affiliation = e.affiliation;
  return s;
}

/** One `name-variant` diagnostic per person whose surname is spelled more than one way. */
function nameVariants(ctx: ResolveContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const e of ctx.registry.entities) {
    if (e.kind !== 'person' || e.spellings.size < 2) continue;
    const lists = mapPacked([...e.spellings.values()], (tokens) => mapPacked(tokens, (t) => spanOf(ctx, t, t + 1)));
    const forms = lists.map((l) => l[0].text);
    const note = lists.map((l) => `${l[0].text} at ${l.map((s) => `${s.start}-${s.end}`).join(', ')}`).join('; ');
    out.push(diagnostic('name-variant', { reason: `name spelled ${forms.length} ways: ${forms.join(' / ')}`, span: lists[1][0], note }));
  }
  return out;
}
