import type { Writable } from 'node:stream';

/** What an ingest has done so far. */
export interface IngestCounts {
  documents: number;
  inserted: number;
  updated: number;
  unchanged: number;
  duplicate: number;
  attributions: number;
  problems: number;
}

/**
 * A one-line progress bar for a terminal: share of input bytes read, documents per second,
 * ETA and problems so far, redrawn at most ten times a second.
 * @example const bar = new ProgressBar(process.stderr, totalBytes); bar.update(counts, bytesRead); bar.clear()
 */
export class ProgressBar {
  private lastDraw = 0;
  private readonly started = Date.now();

  constructor(private readonly out: Writable & { columns?: number }, private readonly totalBytes: number) {}

  update(counts: IngestCounts, bytesRead: number, force = false): void {
    const now = Date.now();
    if (!force && now - this.lastDraw < 100) return;
    this.lastDraw = now;
    this.out.write(`\r${progressLine(counts, bytesRead, this.totalBytes, (now - this.started) / 1000, this.out.columns || 80)}\x1b[K`);
  }

  clear(): void {
    this.out.write('\r\x1b[K');
  }
}

/**
 * The text of the progress bar.
 * @example progressLine({documents: 50, problems: 1, …}, 500, 1000, 10, 80) // '[#####     ]  50% 50 docs 5.0 docs/s ETA 0:10 1 problem'
 */
export function progressLine(counts: IngestCounts, bytesRead: number, totalBytes: number, seconds: number, columns: number): string {
  const fraction = totalBytes > 0 ? Math.min(1, bytesRead / totalBytes) : 0;
  const rate = seconds > 0 ? counts.documents / seconds : 0;
  const eta = fraction > 0.01 ? (seconds / fraction) * (1 - fraction) : NaN;
  const tail = ` ${String(Math.floor(fraction * 100)).padStart(3)}% ${counts.documents} docs ${rate.toFixed(1)} docs/s ETA ${duration(eta)} ${plural(counts.problems, 'problem')}`;
  const width = Math.max(10, Math.min(30, columns - tail.length - 3));
  const filled = Math.round(fraction * width);
  return `[${'#'.repeat(filled)}${' '.repeat(width - filled)}]${tail}`.slice(0, Math.max(0, columns - 1));
}

/**
 * Seconds as `m:ss` (or `h:mm:ss`); `-:--` when unknown.
 * @example duration(75) // '1:15'
 */
export function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '-:--';
  const s = Math.round(seconds);
  const [h, m, r] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  return h ? `${h}:${String(m).padStart(2, '0')}:${String(r).padStart(2, '0')}` : `${m}:${String(r).padStart(2, '0')}`;
}

/**
 * `1 problem`, `3 problems`, with thousands separators.
 * @example plural(1200, 'document') // '1,200 documents'
 */
export function plural(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * The line an ingest always ends with.
 * @example summaryLine(counts, 12.5, 2) // 'ingested 924 documents in 12.5 s (73.9 docs/s, 2 threads): 923 new, …'
 */
export function summaryLine(c: IngestCounts, seconds: number, threads: number): string {
  const rate = seconds > 0 ? c.documents / seconds : 0;
  return `ingested ${plural(c.documents, 'document')} in ${seconds.toFixed(1)} s (${rate.toFixed(1)} docs/s, ${plural(threads, 'thread')}): `
    + `${c.inserted.toLocaleString('en-US')} new, ${c.updated.toLocaleString('en-US')} updated, ${c.unchanged.toLocaleString('en-US')} unchanged, `
    + `${plural(c.duplicate, 'duplicate')}; ${plural(c.attributions, 'attribution')} stored; ${plural(c.problems, 'problem')}`;
}
