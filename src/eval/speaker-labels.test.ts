import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CorpusError } from './polnear.js';
import { readSpeakerLabels } from './speaker-labels.js';

const LABELS = fileURLToPath(new URL('../../test/fixtures/speakers/polnear-dev-speakers.jsonl', import.meta.url));

describe('readSpeakerLabels', () => {
  it('readSpeakerLabels: reads the PolNeAR dev labels (30 articles, 693 attributions)', async () => {
    const labels = await readSpeakerLabels(LABELS);
    expect(labels).toHaveLength(30);
    expect(labels.reduce((n, l) => n + Object.keys(l.speakers).length, 0)).toBe(693);
  });

  it('readSpeakerLabels: a bad line names the file and line', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'labels-')), 'bad.jsonl');
    writeFileSync(path, '{"id": "a", "speakers": {"E1": "X"}}\n{"id": "b", "speakers": {"E1": 3}}\n');
    await expect(readSpeakerLabels(path)).rejects.toThrow(new CorpusError(`${path}:2: expected {"id", "speakers": {id: name | null}}`));
  });
});
