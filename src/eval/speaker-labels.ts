import { readFile } from 'node:fs/promises';
import { CorpusError } from './polnear.js';
import type { SpeakerLabels } from './speakers.js';

/**
 * Reads speaker labels (`{"id": …, "speakers": {"E1": "Hillary Clinton", "E2": null}}` a line).
 * A bad line throws a {@link CorpusError} naming the file and line.
 * @example (await readSpeakerLabels('test/fixtures/speakers/polnear-dev-speakers.jsonl')).length // 30
 */
export async function readSpeakerLabels(path: string): Promise<SpeakerLabels[]> {
  const out: SpeakerLabels[] = [];
  (await readFile(path, 'utf8')).split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new CorpusError(`${path}:${i + 1}: not JSON`);
    }
    const v = value as Partial<SpeakerLabels>;
    const ok = v && typeof v === 'object' && v.speakers && typeof v.speakers === 'object' &&
      Object.values(v.speakers).every((s) => s === null || typeof s === 'string');
    if (!ok || v.id === undefined) throw new CorpusError(`${path}:${i + 1}: expected {"id", "speakers": {id: name | null}}`);
    out.push({ id: String(v.id), speakers: v.speakers! });
  });
  return out;
}
