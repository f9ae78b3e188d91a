import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../../test/helpers/run-command.js';
import { seedCorpus } from '../../../test/store-contract-search.js';
import { openSqliteStore } from '../../store/sqlite/sqlite-store.js';
import { registerExport } from './export.js';
import { registerSearch } from './search.js';
import { registerSpeakers } from './speakers.js';

const dir = mkdtempSync(join(tmpdir(), 'onrecord-search-'));
const db = join(dir, 'corpus.db');
beforeAll(async () => {
  const store = openSqliteStore(db);
  await seedCorpus(store);
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('onrecord search', () => {
  it('search: JSONL when not on a terminal, one hit a line', async () => {
    const { stdout, exitCode } = await runCommand(registerSearch, ['search', 'harbour', '--speaker', 'Okafor', '--db', db]);
    expect(exitCode).toBe(0);
    expect(stdout.trim().split('\n').map((l) => JSON.parse(l).documentId)).toEqual(['d5', 'd3', 'd1']);
  });

  it('search: a readable table, and the cursor for the next page', async () => {
    const { stdout, stderr } = await runCommand(registerSearch, ['search', 'harbour', '--limit', '2', '--format', 'table', '--db', db]);
    expect(stdout.split('\n')[0]).toMatch(/^DATE\s+SPEAKER\s+OUTLET\s+KIND\s+CONTENT$/);
    expect(stdout).toContain('2025-03-18  Derek Lund');
    const cursor = /--cursor (\S+)/.exec(stderr)?.[1];
    const next = await runCommand(registerSearch, ['search', 'harbour', '--limit', '2', '--cursor', cursor as string, '--format', 'json', '--db', db]);
    expect(JSON.parse(next.stdout).items.map((i: { documentId: string }) => i.documentId)).toEqual(['d4', 'd3']);
  });

  it('search: CSV with the document metadata', async () => {
    const { stdout } = await runCommand(registerSearch, ['search', '--outlet', 'Ledger', '--format', 'csv', '--db', db]);
    const lines = stdout.trim().split('\r\n');
    expect(lines[0]).toBe('attribution_id,date,speaker,speaker_id,source,cue,kind,content,confidence,document_id,outlet,title,url,published');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('"“The harbour must stay public,”"');
  });

  it('search: bad input is a one-line usage error', async () => {
    expect((await runCommand(registerSearch, ['search', 'x', '--from', 'March', '--db', db])).error).toBe('--from "March" is not a YYYY-MM-DD date');
    expect((await runCommand(registerSearch, ['search', 'x', '--cursor', 'zzz', '--db', db])).error).toMatch(/^invalid cursor/);
    expect((await runCommand(registerSearch, ['search', 'x', '--limit', 'lots', '--db', db])).error).toMatch(/^--limit: expected a whole number/);
    expect((await runCommand(registerSearch, ['search', 'x', '--db', join(dir, 'none.db')])).error).toMatch(/^no corpus at .*none\.db: run "onrecord ingest/);
  });
});

describe('onrecord speakers', () => {
  it('speakers: a table of speakers with counts and aliases', async () => {
    const { stdout } = await runCommand(registerSpeakers, ['speakers', '--format', 'table', '--db', db]);
    expect(stdout).toMatch(/Maria Okafor\s+3\s+Okafor/);
  });

  it('speakers: one speaker in detail', async () => {
    const list = await runCommand(registerSpeakers, ['speakers', 'maria', '--db', db]);
    const { id } = JSON.parse(list.stdout.trim().split('\n')[0]);
    const { stdout } = await runCommand(registerSpeakers, ['speakers', '--id', id, '--db', db]);
    expect(JSON.parse(stdout)).toMatchObject({ name: 'Maria Okafor', documents: 3 });
    expect((await runCommand(registerSpeakers, ['speakers', '--id', '9999', '--db', db])).exitCode).toBe(1);
  });
});

describe('onrecord export', () => {
  it('export: every attribution, as JSONL or CSV', async () => {
    const jsonl = await runCommand(registerExport, ['export', '--db', db]);
    expect(jsonl.stdout.trim().split('\n').map((l) => JSON.parse(l).document.id)).toEqual(['d1', 'd2', 'd3', 'd4', 'd5', 'd6']);
    const csv = await runCommand(registerExport, ['export', '--format', 'csv', '--db', db]);
    expect(csv.stdout.trim().split('\r\n')).toHaveLength(7);
  });
});
