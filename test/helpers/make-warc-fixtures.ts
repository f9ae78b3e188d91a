/**
 * Rebuilds the WARC fixtures: `node --import tsx test/helpers/make-warc-fixtures.ts`.
 * news.warc and news.warc.gz hold the same records (one of each kind ingest must handle or pass
 * over); truncated.warc.gz is news.warc.gz cut off inside its fourth record.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { warcRecord } from './warc.js';

const dir = new URL('../fixtures/ingest/', import.meta.url);
const page = readFileSync(new URL('harbour-vote.html', dir), 'utf8');
const latin1 = readFileSync(new URL('latin1-page.htm', dir));
const records = [
  warcRecord({ type: 'warcinfo', url: '', body: 'software: onrecord test fixture\r\n', contentType: 'application/warc-fields' }),
  warcRecord({ type: 'request', url: 'https://gazette.example/news/2025/03/13/harbour-vote', body: 'GET /news/2025/03/13/harbour-vote HTTP/1.1\r\n\r\n', contentType: 'application/http; msgtype=request' }),
  warcRecord({ url: 'https://gazette.example/news/2025/03/13/harbour-vote', body: page, date: '2025-03-14T02:00:00Z' }),
  warcRecord({ url: 'https://gazette.example/old-link', body: '', status: 301 }),
  warcRecord({ url: 'https://gazette.example/logo.png', body: new Uint8Array([0x89, 0x50, 0x4e, 0x47]), contentType: 'image/png' }),
  warcRecord({ url: 'https://courrier.example/cafes', body: latin1, contentType: 'text/html; charset=ISO-8859-1', date: '2025-03-10T08:00:00Z' }),
  warcRecord({ url: 'https://courrier.example/empty', body: '<html><body><nav>Home</nav></body></html>' }),
];
// The record IDs are random; fix them so the fixtures do not change on every rebuild.
const fixed = records.map((r, i) => Buffer.from(r.toString('latin1').replace(/urn:uuid:[0-9a-f-]+/, `urn:uuid:00000000-0000-4000-8000-00000000000${i}`), 'latin1'));
writeFileSync(new URL('news.warc', dir), Buffer.concat(fixed));
const members = fixed.map((r) => gzipSync(r));
writeFileSync(new URL('news.warc.gz', dir), Buffer.concat(members));
const cut = members.slice(0, 3).reduce((n, m) => n + m.length, 0) + Math.floor(members[3].length / 2);
writeFileSync(new URL('truncated.warc.gz', dir), Buffer.concat(members).subarray(0, cut));
