import { createWriteStream, type WriteStream } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';

/** One record to write: an HTTP response by default. */
export interface WarcRecordSpec {
  url: string;
  body: string | Uint8Array;
  /** `response` (default), `request`, `resource`, `warcinfo`, `metadata`. */
  type?: string;
  date?: string;
  status?: number;
  contentType?: string;
}

/**
 * Serialises one WARC/1.1 record (HTTP response records carry an HTTP header block).
 * @example warcRecord({url: 'https://x/a', body: '<p>Hi</p>'}).toString().startsWith('WARC/1.1') // true
 */
export function warcRecord(spec: WarcRecordSpec): Buffer {
  const type = spec.type ?? 'response';
  const body = typeof spec.body === 'string' ? Buffer.from(spec.body, 'utf8') : Buffer.from(spec.body);
  let block = body;
  let blockType = spec.contentType ?? 'text/html; charset=utf-8';
  if (type === 'response') {
    const status = spec.status ?? 200;
    const http = `HTTP/1.1 ${status} ${status === 200 ? 'OK' : 'Status'}\r\nContent-Type: ${blockType}\r\nContent-Length: ${body.length}\r\n\r\n`;
    block = Buffer.concat([Buffer.from(http, 'latin1'), body]);
    blockType = 'application/http; msgtype=response';
  }
  const head = [
    'WARC/1.1', `WARC-Type: ${type}`, `WARC-Record-ID: <urn:uuid:${randomUUID()}>`, `WARC-Date: ${spec.date ?? '2025-03-13T12:00:00Z'}`,
    ...(spec.url ? [`WARC-Target-URI: ${spec.url}`] : []), `Content-Type: ${blockType}`, `Content-Length: ${block.length}`,
  ].join('\r\n');
  return Buffer.concat([Buffer.from(`${head}\r\n\r\n`, 'latin1'), block, Buffer.from('\r\n\r\n', 'latin1')]);
}

/** Writes records to a file one at a time; `gzip` compresses each record as its own member, as CC-NEWS does. */
export class WarcWriter {
  private readonly out: WriteStream;
  bytes = 0;

  constructor(path: string, private readonly gzip = false) {
    this.out = createWriteStream(path);
  }

  /** Appends a record; resolves once the stream can take more. */
  async write(spec: WarcRecordSpec | Buffer): Promise<void> {
    const raw = Buffer.isBuffer(spec) ? spec : warcRecord(spec);
    const chunk = this.gzip ? gzipSync(raw) : raw;
    this.bytes += chunk.length;
    if (!this.out.write(chunk)) await new Promise<void>((r) => this.out.once('drain', () => r()));
  }

  /** Flushes and closes the file. */
  close(): Promise<void> {
    return new Promise((resolve, reject) => this.out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  }
}
