import { once } from 'node:events';
import type { Writable } from 'node:stream';

/**
 * Writes a string, waiting for the stream to drain when its buffer is full (so exporting a
 * million rows into a slow pipe does not fill memory).
 * @example await put(process.stdout, 'a,b\r\n')
 */
export async function put(stream: Writable, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}
