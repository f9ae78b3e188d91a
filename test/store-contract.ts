/**
 * The behaviour every Store implementation owes, written against the interface only:
 * `storeContract('sqlite', () => openSqliteStore(':memory:'))`. A PostgreSQL store runs the same.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreQueryError, type Store } from '../src/store/store.js';
import { storeContractSearch } from './store-contract-search.js';
import { storeContractSpeakers } from './store-contract-speakers.js';
import { resultFor, spanOf } from './helpers/results.js';

export const HARBOUR = '“We will not rush the harbour vote,” Maria Okafor said on Thursday. The mayor, Derek Lund, said the plan was sound.';

export function storeContract(name: string, factory: () => Promise<Store> | Store): void {
  describe(`${name} store`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await factory();
    });
    afterEach(async () => {
      await store.close();
    });

    const harbour = resultFor(HARBOUR, [
      { content: '“We will not rush the harbour vote,”', source: 'Maria Okafor', cue: 'said' },
      { content: 'the plan was sound', source: 'The mayor, Derek Lund', cue: 'said', kind: 'indirect' },
    ]);
    const doc = { id: 'gz-1', url: 'https://gazette.example/harbour', outlet: 'The Gazette', title: 'Vote delayed', byline: 'Jo Whitfield', date: '2025-03-13', text: HARBOUR };

    it('store: keeps a document with its attributions and diagnostics', async () => {
      const result = { ...harbour, diagnostics: [{ code: 'quote-no-speaker', severity: 'info' as const, reason: 'r', span: spanOf(HARBOUR, 'mayor') }] };
      expect(await store.putDocument({ ...doc, sourcePath: 'a.jsonl:1' }, result)).toEqual({ id: 'gz-1', status: 'inserted', attributions: 2 });
      const stored = await store.getDocument('gz-1');
      expect(stored).toMatchObject({ ...doc, sourcePath: 'a.jsonl:1', contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(stored?.attributions.map((a) => [a.localId, a.kind, a.content, a.speaker?.name, a.date])).toEqual([
        ['a1', 'direct', '“We will not rush the harbour vote,”', 'Maria Okafor', '2025-03-13'],
        ['a2', 'indirect', 'the plan was sound', 'Derek Lund', '2025-03-13'],
      ]);
      expect(stored?.attributions[0]).toMatchObject({ contentSpans: harbour.attributions[0].content, cue: harbour.attributions[0].cue, source: harbour.attributions[0].source, provenance: ['test.hand-made'] });
      expect(stored?.diagnostics).toEqual(result.diagnostics);
      expect(await store.getDocument('nope')).toBeNull();
    });

    it('store: the same document twice is stored once', async () => {
      await store.putDocument(doc, harbour);
      expect(await store.putDocument(doc, harbour)).toEqual({ id: 'gz-1', status: 'unchanged', attributions: 0 });
      expect(await store.putDocument({ ...doc, id: undefined }, harbour)).toMatchObject({ id: 'gz-1', status: 'unchanged' });
      expect(await store.stats()).toMatchObject({ documents: 1, attributions: 2 });
    });

    it('store: the same text under another id or URL is a duplicate, not a second copy', async () => {
      await store.putDocument(doc, harbour);
      const copy = { ...doc, id: 'syndicated-9', url: 'https://other.example/story', text: `  ${HARBOUR.replace(/ /g, '  ')}\n` };
      expect(await store.putDocument(copy, harbour)).toEqual({ id: 'gz-1', status: 'duplicate', attributions: 0 });
      expect(await store.putDocument(copy, harbour)).toEqual({ id: 'gz-1', status: 'duplicate', attributions: 0 });
      expect(await store.stats()).toMatchObject({ documents: 1, attributions: 2 });
      expect((await store.getDocument('syndicated-9'))?.id).toBe('gz-1');
    });

    it('store: a changed text replaces the old attributions', async () => {
      await store.putDocument(doc, harbour);
      const text = '“The ferry fares must fall,” said Greta Sundqvist.';
      const changed = resultFor(text, [{ content: '“The ferry fares must fall,”', source: 'Greta Sundqvist', cue: 'said' }]);
      expect(await store.putDocument({ ...doc, text }, changed)).toEqual({ id: 'gz-1', status: 'updated', attributions: 1 });
      expect((await store.getDocument('gz-1'))?.attributions.map((a) => a.content)).toEqual(['“The ferry fares must fall,”']);
      expect((await store.searchAttributions({ q: 'harbour' })).items).toEqual([]);
      expect((await store.searchAttributions({ q: 'ferry' })).items).toHaveLength(1);
      expect((await store.listSpeakers({})).items.map((s) => [s.name, s.attributions])).toEqual([['Greta Sundqvist', 1]]);
    });

    it('store: peeks at what a put would do, without doing it', async () => {
      expect(await store.peekDocument(doc)).toBe('inserted');
      await store.putDocument(doc, harbour);
      expect(await store.peekDocument(doc)).toBe('unchanged');
      expect(await store.peekDocument({ ...doc, text: `${HARBOUR} More.` })).toBe('updated');
      expect(await store.peekDocument({ id: 'other', text: HARBOUR })).toBe('duplicate');
      expect(await store.peekDocument({ id: 'other', text: 'Something else.' })).toBe('inserted');
      expect(await store.stats()).toMatchObject({ documents: 1 });
    });

    it('store: re-extracting replaces the attributions of an unchanged text', async () => {
      await store.putDocument(doc, harbour);
      const better = resultFor(HARBOUR, [{ content: '“We will not rush the harbour vote,”', source: 'Maria Okafor', cue: 'said' }]);
      expect(await store.putDocument(doc, better, { reextract: true })).toEqual({ id: 'gz-1', status: 'updated', attributions: 1 });
      expect(await store.stats()).toMatchObject({ documents: 1, attributions: 1 });
      expect(await store.putDocument({ ...doc, id: 'copy', url: undefined }, better, { reextract: true })).toMatchObject({ status: 'duplicate' });
    });

    it('store: a batch is stored whole or not at all', async () => {
      const bad = { doc: { id: 'bad', text: null as unknown as string }, result: harbour };
      await expect(store.putDocuments([{ doc, result: harbour }, bad])).rejects.toThrow();
      expect(await store.stats()).toMatchObject({ documents: 0, attributions: 0 });
      expect(await store.putDocuments([{ doc, result: harbour }, { doc: { ...doc, id: 'gz-2', url: undefined, text: `${HARBOUR} More.` }, result: harbour }]))
        .toEqual([{ id: 'gz-1', status: 'inserted', attributions: 2 }, { id: 'gz-2', status: 'inserted', attributions: 2 }]);
    });

    it('store: documents without id or URL get one from their text', async () => {
      const { id } = await store.putDocument({ text: HARBOUR }, harbour);
      expect(id).toMatch(/^h-[0-9a-f]{16}$/);
      expect((await store.getDocument(id))?.text).toBe(HARBOUR);
    });

    it('store: exports every attribution with its document', async () => {
      await store.putDocument(doc, harbour);
      const rows = [];
      for await (const row of store.exportAttributions()) rows.push(row);
      expect(rows.map((r) => [r.content, r.document])).toEqual([
        ['“We will not rush the harbour vote,”', { id: 'gz-1', url: doc.url, outlet: 'The Gazette', title: 'Vote delayed', date: '2025-03-13' }],
        ['the plan was sound', { id: 'gz-1', url: doc.url, outlet: 'The Gazette', title: 'Vote delayed', date: '2025-03-13' }],
      ]);
    });

    it('store: counts what it holds', async () => {
      await store.putDocument(doc, harbour);
      expect(await store.stats()).toMatchObject({ documents: 1, attributions: 2, speakers: 2, mentions: 2, diagnostics: 0, outlets: 1, firstDate: '2025-03-13', lastDate: '2025-03-13' });
    });

    it('store: a bad cursor is a query error', async () => {
      await expect(store.searchAttributions({ cursor: 'garbage' })).rejects.toThrow(StoreQueryError);
      await expect(store.listSpeakers({ cursor: 'garbage' })).rejects.toThrow(StoreQueryError);
    });

    storeContractSearch(() => store);
    storeContractSpeakers(() => store);
  });
}
