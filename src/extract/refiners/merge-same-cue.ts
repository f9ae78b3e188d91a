import type { Candidate } from '../context.js';

/**
 * `“…,” she said, “…”`: two quotes that found the same cue are one attribution whose content
 * has two pieces.
 * @example mergeSameCue([a, b]) // one candidate when a.cue and b.cue are the same tokens
 */
export function mergeSameCue(candidates: Candidate[]): Candidate[] {
  const byCue = new Map<string, Candidate>();
  const out: Candidate[] = [];
  for (const c of candidates) {
    const key = c.cue ? `${c.cue.start}:${c.cue.end}` : '';
    const first = key ? byCue.get(key) : undefined;
    if (!first) {
      if (key) byCue.set(key, c);
      out.push(c);
      continue;
    }
    first.content.push(...c.content);
    first.content.sort((a, b) => a.start - b.start);
    first.quotes.push(...c.quotes);
    first.source ??= c.source;
    for (const p of c.provenance) if (!first.provenance.includes(p)) first.provenance.push(p);
    first.confidence = Math.max(first.confidence, c.confidence);
  }
  return out;
}
