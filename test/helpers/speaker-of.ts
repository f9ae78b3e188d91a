import type { Attribution } from '../../src/core/types.js';
import { resolveSpeakers } from '../../src/entities/index.js';
import { analyzeText } from '../../src/text/document.js';

/**
 * The speaker name resolved for an attribution whose source is the first occurrence of `source`
 * in `text` and whose content runs from there to the next period.
 * @example speakerOf('Ivan Petrov arrived. He said it was late.', 'He') // 'Ivan Petrov'
 */
export function speakerOf(text: string, source: string): string | null {
  const at = text.indexOf(source);
  const from = at + source.length;
  const end = text.indexOf('.', from);
  const a: Attribution = {
    id: 'a', kind: 'indirect', content: [{ start: from, end, text: text.slice(from, end) }], cue: null,
    source: { start: at, end: from, text: source }, confidence: 1, provenance: [],
  };
  resolveSpeakers(analyzeText(text), [a], []);
  return a.speaker?.name ?? null;
}
