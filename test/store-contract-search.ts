import { beforeEach, describe, expect, it } from 'vitest';
import type { AttributionHit, Store } from '../src/store/store.js';
import { resultFor } from './helpers/results.js';

/** A small corpus: four outlets' worth of statements over three weeks. */
export async function seedCorpus(store: Store): Promise<void> {
  const docs = [
    ['d1', 'Gazette', '2025-03-03', '“The harbour plan is dead,” said Maria Okafor.', '“The harbour plan is dead,”', 'Maria Okafor'],
    ['d2', 'Ledger', '2025-03-05', '“Ferry fares will rise,” said Greta Sundqvist.', '“Ferry fares will rise,”', 'Greta Sundqvist'],
    ['d3', 'Gazette', '2025-03-10', '“We will review the harbour levy,” Okafor said.', '“We will review the harbour levy,”', 'Okafor'],
    ['d4', 'Courier', '2025-03-12', '“Harbour fees are too high,” he said.', '“Harbour fees are too high,”', 'he'],
    ['d5', 'Ledger', '2025-03-17', '“The harbour must stay public,” said Maria Okafor.', '“The harbour must stay public,”', 'Maria Okafor'],
    ['d6', 'Gazette', '2025-03-18', 'The council will rush the harbour vote, Derek Lund said.', 'The council will rush the harbour vote', 'Derek Lund'],
  ];
  await store.putDocuments(docs.map(([id, outlet, date, text, content, source]) => ({
    doc: { id, outlet, date, text, title: `Story ${id}` },
    result: resultFor(text, [{ content, source, cue: 'said', kind: content.startsWith('“') ? 'direct' : 'indirect' }]),
  })));
}

const docIds = (items: AttributionHit[]): string[] => items.map((i) => i.documentId);

export function storeContractSearch(getStore: () => Store): void {
  describe('search', () => {
    beforeEach(async () => {
      await seedCorpus(getStore());
    });

    it('search: words, newest first, with the document metadata', async () => {
      const { items, nextCursor } = await getStore().searchAttributions({ q: 'harbour' });
      expect(docIds(items)).toEqual(['d6', 'd5', 'd4', 'd3', 'd1']);
      expect(items[0]).toMatchObject({ kind: 'indirect', speaker: { name: 'Derek Lund' }, date: '2025-03-18', document: { id: 'd6', outlet: 'Gazette', title: 'Story d6' } });
      expect(nextCursor).toBeNull();
    });

    it('search: stems, phrases, prefixes and operators', async () => {
      const s = getStore();
      expect(docIds((await s.searchAttributions({ q: 'rushing' })).items)).toEqual(['d6']);
      expect(docIds((await s.searchAttributions({ q: '"harbour plan"' })).items)).toEqual(['d1']);
      expect(docIds((await s.searchAttributions({ q: 'fa*' })).items)).toEqual(['d2']);
      expect(docIds((await s.searchAttributions({ q: 'harbour NOT levy' })).items)).toEqual(['d6', 'd5', 'd4', 'd1']);
      expect(docIds((await s.searchAttributions({ q: 'fees OR fares' })).items)).toEqual(['d4', 'd2']);
    });

    it('search: by speaker, whole name or part, with a word or without', async () => {
      const s = getStore();
      expect(docIds((await s.searchAttributions({ speaker: 'Maria Okafor' })).items)).toEqual(['d5', 'd3', 'd1']);
      expect(docIds((await s.searchAttributions({ speaker: 'okafor' })).items)).toEqual(['d5', 'd3', 'd1']);
      expect(docIds((await s.searchAttributions({ speaker: 'Lund' })).items)).toEqual(['d6']);
      expect(docIds((await s.searchAttributions({ q: 'harbour', speaker: 'Okafor' })).items)).toEqual(['d5', 'd3', 'd1']);
      expect(docIds((await s.searchAttributions({ q: 'ferry', speaker: 'Okafor' })).items)).toEqual([]);
      expect(docIds((await s.searchAttributions({ speaker: 'Nobody Atall' })).items)).toEqual([]);
    });

    it('search: a pronoun source is no speaker', async () => {
      const { items } = await getStore().searchAttributions({ q: 'fees' });
      expect(items[0].speaker).toBeNull();
      expect(items[0].source?.text).toBe('he');
    });

    it('search: outlet, kind and date filters', async () => {
      const s = getStore();
      const undated = '“Harbour talk,” said Ann Undated.';
      await s.putDocument({ id: 'u1', text: undated, outlet: 'Gazette' }, resultFor(undated, [{ content: '“Harbour talk,”', source: 'Ann Undated', cue: 'said' }]));
      expect(docIds((await s.searchAttributions({ q: 'harbour' })).items)).toEqual(['d6', 'd5', 'd4', 'd3', 'd1', 'u1']);
      expect(docIds((await s.searchAttributions({ q: 'harbour', to: '2025-03-05' })).items)).toEqual(['d1']);
      expect(docIds((await s.searchAttributions({ outlet: 'gazette' })).items)).toEqual(['d6', 'd3', 'd1', 'u1']);
      expect(docIds((await s.searchAttributions({ q: 'harbour', kind: 'indirect' })).items)).toEqual(['d6']);
      expect(docIds((await s.searchAttributions({ from: '2025-03-05', to: '2025-03-12' })).items)).toEqual(['d4', 'd3', 'd2']);
      expect(docIds((await s.searchAttributions({ q: 'harbour', speaker: 'okafor', outlet: 'Ledger', to: '2025-03-31' })).items)).toEqual(['d5']);
    });

    it('search: pages with a cursor, each item once', async () => {
      const s = getStore();
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let i = 0; i < 10; i++) {
        const page = await s.searchAttributions({ q: 'harbour', limit: 2, cursor });
        seen.push(...docIds(page.items));
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      expect(seen).toEqual(['d6', 'd5', 'd4', 'd3', 'd1']);
    });

    it('search: bad filters are query errors', async () => {
      const s = getStore();
      await expect(s.searchAttributions({ kind: 'rumour' as never })).rejects.toThrow(/kind/);
      await expect(s.searchAttributions({ from: 'March' })).rejects.toThrow(/YYYY-MM-DD/);
      await expect(s.searchAttributions({ limit: 0 })).rejects.toThrow(/limit/);
      await expect(s.searchAttributions({ q: '""' })).rejects.toThrow(/no words/);
    });
  });
}
