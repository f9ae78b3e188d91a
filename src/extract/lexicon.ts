import cueVerbs from './data/cue-verbs.json' with { type: 'json' };

const IRREGULAR: Record<string, string[]> = cueVerbs.irregular;

/**
 * The regular inflections of an English verb, or the listed irregular ones, with the base form.
 * @example inflect('claim') // ['claim', 'claims', 'claimed', 'claiming']
 */
export function inflect(base: string): string[] {
  const listed = IRREGULAR[base];
  if (listed) return [base, ...listed];
  if (base.endsWith('e')) return [base, `${base}s`, `${base}d`, `${base.slice(0, -1)}ing`];
  if (base.endsWith('y') && !/[aeiou]y$/.test(base)) return [base, `${base.slice(0, -1)}ies`, `${base.slice(0, -1)}ied`, `${base}ing`];
  if (/(s|sh|ch|x|z)$/.test(base)) return [base, `${base}es`, `${base}ed`, `${base}ing`];
  return [base, `${base}s`, `${base}ed`, `${base}ing`];
}

function formsOf(bases: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const b of bases) for (const f of inflect(b)) if (!out.has(f)) out.set(f, b);
  return out;
}

/** Inflected form → base, for verbs that introduce a verbatim quote ("said", "insists", "tweeted"). */
export const QUOTE_CUES: ReadonlyMap<string, string> = formsOf(cueVerbs.quoteOnly);
/** Inflected form → base, for every verb that can report speech, thought or belief. */
export const REPORTING_VERBS: ReadonlyMap<string, string> = formsOf(cueVerbs.speech);
/** Multi-word cues, lower case: "according to". */
export const MULTIWORD_CUES: readonly (readonly string[])[] = cueVerbs.multiword;
