/** One text to run the extractor on. */
export interface TextInput {
  id?: string;
  text: string;
  /** `YYYY-MM-DD` from a JSONL line; overrides `--date`. */
  date?: string;
  /** The writer, from a JSONL line's `byline` (or `author`, as in PolNeAR). */
  byline?: string;
}

/**
 * Reads one JSONL line `{"id", "text", "date"?, "byline"?}`; a number id becomes a string (as the scorer
 * compares ids with Python's `str()`). Returns the input, or a sentence saying what is wrong.
 * @example parseRecord('{"id": 7, "text": "Hi."}') // {id: '7', text: 'Hi.'}
 */
export function parseRecord(line: string): TextInput | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    return `invalid JSON: ${(err as Error).message}`;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'not a JSON object';
  const { id, text, date } = value as Record<string, unknown>;
  if (typeof text !== 'string') return 'no "text" string';
  if (id !== undefined && id !== null && typeof id !== 'string' && typeof id !== 'number') return '"id" is neither a string nor a number';
  if (date !== undefined && date !== null && typeof date !== 'string') return '"date" is not a string';
  const input: TextInput = { text };
  if (id !== undefined && id !== null) input.id = String(id);
  if (typeof date === 'string') input.date = date;
  const byline = bylineOf(value as Record<string, unknown>);
  if (byline !== undefined) input.byline = byline;
  return input;
}

/**
 * A record's writer: its `byline`, or its `author` as PolNeAR names it, when a string.
 * @example bylineOf({author: 'Ana Ruiz'}) // 'Ana Ruiz'
 */
export function bylineOf(record: { byline?: unknown; author?: unknown }): string | undefined {
  const v = record.byline ?? record.author;
  return typeof v === 'string' ? v : undefined;
}
