import type { Attribution, Entity, ExtractResult, Span } from '../../src/core/types.js';

/** The span of the `nth` occurrence of `needle` in `text`. */
export function spanOf(text: string, needle: string, nth = 0): Span {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(needle, start + 1);
  if (start < 0) throw new Error(`"${needle}" not in text`);
  return { start, end: start + needle.length, text: needle };
}

/** A statement to build: the content (one piece or several), its source and cue as they appear in the text. */
export interface StatementSpec {
  content: string | string[];
  source?: string;
  cue?: string;
  kind?: Attribution['kind'];
  speaker?: Attribution['speaker'];
  saidAt?: string;
}

/**
 * An extraction result built by hand, so store tests do not depend on what the engine finds.
 * @example resultFor('“Yes,” Okafor said.', [{content: '“Yes,”', source: 'Okafor', cue: 'said'}])
 */
export function resultFor(text: string, statements: StatementSpec[], entities: Entity[] = []): ExtractResult {
  const attributions = statements.map((s, i): Attribution => {
    const a: Attribution = {
      id: `a${i + 1}`,
      kind: s.kind ?? 'direct',
      content: ([] as string[]).concat(s.content).map((c) => spanOf(text, c)),
      cue: s.cue ? spanOf(text, s.cue) : null,
      source: s.source ? spanOf(text, s.source) : null,
      confidence: 0.9,
      provenance: ['test.hand-made'],
    };
    if (s.speaker !== undefined) a.speaker = s.speaker;
    if (s.saidAt) a.saidAt = { date: s.saidAt, span: null, implied: false };
    return a;
  });
  return { attributions, entities, diagnostics: [] };
}
