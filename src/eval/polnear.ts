import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { GoldDoc, PredDoc } from './scorer.js';

/** A gold article as the PolNeAR JSONL files hold it (extra fields such as `title` are kept). */
export interface GoldRecord extends GoldDoc {
  date?: string;
  /** The writer, as PolNeAR names it (`byline` in other corpora): "I" in a column is the writer's. */
  author?: unknown;
  byline?: unknown;
}

/** A corpus file that cannot be read as the scorer needs it; the message names file and line. */
export class CorpusError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CorpusError';
  }
}

/**
 * Reads a gold JSONL file (PolNeAR format: `{id, text, date?, attributions}` a line).
 * Blank lines are skipped; any other bad line throws a {@link CorpusError}; a file that cannot
 * be opened rejects with the file system's error (`code` ENOENT, EISDIR, …).
 * @example const gold = await readGold('../shared/data/polnear/dev.jsonl'); gold.length // 84
 */
export async function readGold(path: string): Promise<GoldRecord[]> {
  return readRecords<GoldRecord>(path, (value) => {
    if (typeof value.text !== 'string') return 'no "text" string';
    if (!Array.isArray(value.attributions)) return 'no "attributions" list';
    if (value.date !== undefined && typeof value.date !== 'string') return '"date" is not a string';
    return null;
  });
}

/**
 * Reads predictions (`{id, attributions}` a line, as `onrecord extract --format jsonl` writes).
 * @example const preds = await readPredictions('pred.jsonl'); preds[0].attributions
 */
export async function readPredictions(path: string): Promise<PredDoc[]> {
  return readRecords<PredDoc>(path, () => null);
}

/** Parses each line; `problem` says what a well-formed object lacks to be a `T`, or null. */
async function readRecords<T>(path: string, problem: (value: Record<string, unknown>) => string | null): Promise<T[]> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  const out: T[] = [];
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (!line.trim()) continue;
    const value = parseLine(line, `${path}:${lineNo}`);
    const bad = problem(value);
    if (bad) throw new CorpusError(`${path}:${lineNo}: ${bad}`);
    out.push(value as T);
  }
  return out;
}

function parseLine(line: string, where: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    throw new CorpusError(`${where}: invalid JSON: ${(err as Error).message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new CorpusError(`${where}: not a JSON object`);
  return value as Record<string, unknown>;
}
