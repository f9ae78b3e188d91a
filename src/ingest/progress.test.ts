import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { duration, progressLine, ProgressBar, summaryLine, type IngestCounts } from './progress.js';

const counts: IngestCounts = { documents: 50, inserted: 40, updated: 1, unchanged: 8, duplicate: 1, attributions: 1234, problems: 1 };

describe('progress', () => {
  it('progressLine: share read, docs/s, ETA and problems, within the width', () => {
    expect(progressLine(counts, 500, 1000, 10, 80)).toBe('[###############               ]  50% 50 docs 5.0 docs/s ETA 0:10 1 problem');
    expect(progressLine(counts, 0, 1000, 0, 40).length).toBeLessThanOrEqual(39);
  });

  it('duration: m:ss, h:mm:ss, or unknown', () => {
    expect([duration(75), duration(3725), duration(NaN)]).toEqual(['1:15', '1:02:05', '-:--']);
  });

  it('summaryLine: every count, always', () => {
    expect(summaryLine(counts, 10, 2)).toBe('ingested 50 documents in 10.0 s (5.0 docs/s, 2 threads): 40 new, 1 updated, 8 unchanged, 1 duplicate; 1,234 attributions stored; 1 problem');
  });

  it('ProgressBar: redraws one line in place, and clears it', () => {
    const out = new PassThrough();
    let written = '';
    out.on('data', (c) => (written += String(c)));
    const bar = new ProgressBar(Object.assign(out, { columns: 0 }), 1000);
    bar.update(counts, 500, true);
    bar.clear();
    expect(written).toMatch(/^\r\[#+ +\] +50% 50 docs .*\x1b\[K\r\x1b\[K$/);
  });
});
