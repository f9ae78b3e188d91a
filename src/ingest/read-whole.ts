import { readFile } from 'node:fs/promises';
import type { InputProblem } from './types.js';

/**
 * A whole file's bytes, or the problem (named by its path) that kept it from being read.
 * @example const read = await readWhole('a.txt'); if ('problem' in read) yield read
 */
export async function readWhole(path: string): Promise<{ bytes: Buffer } | { problem: InputProblem }> {
  try {
    return { bytes: await readFile(path) };
  } catch (err) {
    return { problem: { source: { path }, reason: (err as Error).message } };
  }
}
