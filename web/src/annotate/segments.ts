/**
 * Turns highlight marks (offsets into a text) into the flat run of segments the article view
 * draws: each segment is a stretch of text with the marks that cover it. Pure, so it is
 * tested without a DOM; the renderer only ever writes the segments' text as text.
 */

/** What a highlight stands for. */
export type MarkRole = 'content' | 'cue' | 'source' | 'diagnostic';

/** One highlight: a half-open UTF-16 range of the text, its role, and what it belongs to (an attribution id, a diagnostic index). */
export interface Mark {
  start: number;
  end: number;
  role: MarkRole;
  ref: string;
}

/** A stretch of text and the marks over it (none for plain text). */
export interface Segment {
  start: number;
  end: number;
  text: string;
  marks: Mark[];
}

/**
 * Cuts `text` at every mark boundary. Marks outside the text are clipped, empty ones dropped;
 * segments cover the text exactly, in order.
 * @example segmentText('“Yes,” she said.', [{start: 0, end: 6, role: 'content', ref: 'a1'}]).map((s) => s.text) // ['“Yes,”', ' she said.']
 */
export function segmentText(text: string, marks: readonly Mark[]): Segment[] {
  const valid = marks
    .map((m) => ({ ...m, start: Math.max(0, m.start), end: Math.min(text.length, m.end) }))
    .filter((m) => m.end > m.start);
  const cuts = new Set<number>([0, text.length]);
  for (const m of valid) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const byStart = [...valid].sort((a, b) => a.start - b.start);
  const segments: Segment[] = [];
  let open: Mark[] = [];
  let next = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    open = open.filter((m) => m.end > start);
    while (next < byStart.length && byStart[next].start <= start) open.push(byStart[next++]);
    segments.push({ start, end, text: text.slice(start, end), marks: open.filter((m) => m.start <= start && m.end >= end) });
  }
  return segments;
}

/**
 * The attribution a click on a segment means: a cue or source beats content (they are
 * smaller, so more precise), then the first mark.
 * @example primaryRef([{role: 'content', ref: 'a1'}, {role: 'cue', ref: 'a2'}] as Mark[]) // 'a2'
 */
export function primaryRef(marks: readonly Mark[]): string | null {
  const attribution = marks.filter((m) => m.role !== 'diagnostic');
  return (attribution.find((m) => m.role !== 'content') ?? attribution[0])?.ref ?? null;
}
