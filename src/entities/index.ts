import { diagnostic } from '../core/diagnostics.js';
import type { Attribution, Diagnostic, Entity, Span, Speaker } from '../core/types.js';
import type { TextDoc } from '../text/document.js';
import { buildResolveContext, spanOf, type ResolveContext } from './context.js';
import { PRONOUNS } from './lexicon.js';
import type { EntityRecord } from './registry.js';
import { resolveSource } from './resolve-source.js';
import { buildView, tokenRange } from './view.js';

export { areNameVariants, normalizeName, spellingKey } from './name-variants.js';

/**
 * Resolves the speaker of every attribution to one entity per person, organisation, group or
 * place, across all the ways the text refers to it ("Putin", "he", "the Russian leader"), and
 * returns the entities that speak. Fills `attribution.speaker` (null when it cannot be resolved)
 * and adds a `name-variant` diagnostic for each name spelled two ways (Jabari / Jabbari).
 * @example resolveSpeakers(doc, attributions, diagnostics)[0].name // 'Vladimir Putin'
 */
export function resolveSpeakers(doc: TextDoc, attributions: Attribution[], diagnostics: Diagnostic[]): Entity[] {
  if (!attributions.length) return [];
  const view = buildView(doc);
  const ctx = buildResolveContext(view);
  const speakerOf = new Array<EntityRecord | undefined>(attributions.length);
  const bySource = attributions.map((_, i) => i).filter((i) => attributions[i].source)
    .sort((a, b) => attributions[a].source!.start - attributions[b].source!.start);
  for (const i of bySource) {
    const range = tokenRange(view, attributions[i].source!);
    if (range) speakerOf[i] = resolveSource(ctx, range.start, range.end);
  }
  firstPersonSpeakers(attributions, speakerOf);
  transcriptSpeakers(ctx, attributions, speakerOf);
  const entities = output(ctx, speakerOf);
  attributions.forEach((a, i) => { a.speaker = speakerOf[i] ? speakerObject(entities.get(speakerOf[i]!)!) : null; });
  diagnostics.push(...nameVariants(ctx));
  return [...entities.values()];
}

/** `“I said …,” Smith recalled`: "I" inside a quotation is its speaker. */
function firstPersonSpeakers(attributions: Attribution[], speakerOf: Array<EntityRecord | undefined>): void {
  attributions.forEach((a, i) => {
    const p = a.source && PRONOUNS.get(a.source.text.toLowerCase());
    if (!p || p.person !== 1 || p.number !== 'singular') return;
    const at = a.source!.start;
    const outer = attributions.findIndex((b, j) => j !== i && speakerOf[j] && b.content.some((c) => c.start <= at && at < c.end));
    if (outer >= 0) speakerOf[i] = speakerOf[outer];
  });
}

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
  const firstAt = (e: EntityRecord): number => Math.min(...e.refs.filter((_, k) => k % 2 === 0));
  speaking.sort((a, b) => firstAt(a) - firstAt(b));
  const out = new Map<EntityRecord, Entity>();
  speaking.forEach((e, i) => {
    const mentions: Span[] = [];
    for (let k = 0; k < e.refs.length; k += 2) mentions.push(spanOf(ctx, e.refs[k], e.refs[k + 1]));
    mentions.sort((a, b) => a.start - b.start || a.end - b.end);
    const aliases = [...new Set(mentions.map((m) => m.text))].filter((f) => f !== e.name && !PRONOUNS.has(f.toLowerCase()));
    const entity: Entity = { id: `e${i + 1}`, name: e.name, kind: e.kind, aliases, mentions };
    if (e.role) entity.role = e.role;
    if (e.affiliation && e.affiliation !== e.name) entity.affiliation = e.affiliation;
    out.set(e, entity);
  });
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
    const lists = [...e.spellings.values()].map((tokens) => tokens.map((t) => spanOf(ctx, t, t + 1)));
    const forms = lists.map((l) => l[0].text);
    const note = lists.map((l) => `${l[0].text} at ${l.map((s) => `${s.start}-${s.end}`).join(', ')}`).join('; ');
    out.push(diagnostic('name-variant', { reason: `name spelled ${forms.length} ways: ${forms.join(' / ')}`, span: lists[1][0], note }));
  }
  return out;
}
