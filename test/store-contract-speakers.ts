import { beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../src/store/store.js';
import { resultFor } from './helpers/results.js';
import { seedCorpus } from './store-contract-search.js';

export function storeContractSpeakers(getStore: () => Store): void {
  describe('speakers', () => {
    beforeEach(async () => {
      await seedCorpus(getStore());
    });

    it('speakers: most quoted first, with counts and the short forms merged in', async () => {
      const { items } = await getStore().listSpeakers({});
      expect(items.map((s) => [s.name, s.attributions, s.aliases])).toEqual([['Maria Okafor', 3, ['Okafor']], ['Greta Sundqvist', 1, []], ['Derek Lund', 1, []]]);
    });

    it('speakers: filtered by the start of a name, paged', async () => {
      const s = getStore();
      expect((await s.listSpeakers({ q: 'oka' })).items.map((x) => x.name)).toEqual(['Maria Okafor']);
      const first = await s.listSpeakers({ limit: 2 });
      const second = await s.listSpeakers({ limit: 2, cursor: first.nextCursor ?? undefined });
      expect([...first.items, ...second.items].map((x) => x.name)).toEqual(['Maria Okafor', 'Greta Sundqvist', 'Derek Lund']);
      expect(second.nextCursor).toBeNull();
    });

    it('speakers: one speaker in detail', async () => {
      const s = getStore();
      const [okafor] = (await s.listSpeakers({ q: 'maria' })).items;
      const detail = await s.getSpeaker(okafor.id);
      expect(detail).toMatchObject({
        name: 'Maria Okafor', attributions: 3, documents: 3,
        statementsPerWeek: [{ week: '2025-W10', count: 1 }, { week: '2025-W11', count: 1 }, { week: '2025-W12', count: 1 }],
        outlets: [{ outlet: 'Gazette', count: 2 }, { outlet: 'Ledger', count: 1 }],
      });
      expect(detail?.latest.map((a) => a.documentId)).toEqual(['d5', 'd3', 'd1']);
      expect(await s.getSpeaker('999999')).toBeNull();
      expect(await s.getSpeaker('not-an-id')).toBeNull();
    });

    it('speakers: resolved speakers merge across documents by name, keeping aliases', async () => {
      const s = getStore();
      const text = '“No deal,” said the Russian leader.';
      const entity = { id: 'e1', name: 'Vladimir Putin', kind: 'person' as const, aliases: ['Putin', 'the Russian leader'], mentions: [], role: 'President' };
      const speaker = { id: 'e1', name: 'Vladimir Putin', kind: 'person' as const };
      await s.putDocument({ id: 'p1', text, date: '2025-03-20' }, resultFor(text, [{ content: '“No deal,”', source: 'the Russian leader', cue: 'said', speaker }], [entity]));
      const text2 = '“Maybe later,” Putin said.';
      await s.putDocument({ id: 'p2', text: text2, date: '2025-03-21' }, resultFor(text2, [{ content: '“Maybe later,”', source: 'Putin', cue: 'said', speaker: { ...speaker, name: 'VLADIMIR PUTIN' } }]));
      const [putin] = (await s.listSpeakers({ q: 'putin' })).items;
      expect(putin).toMatchObject({ name: 'Vladimir Putin', kind: 'person', attributions: 2, aliases: ['Putin', 'the Russian leader'] });
      expect((await s.getSpeaker(putin.id))?.role).toBe('President');
      expect((await s.searchAttributions({ speaker: 'Putin' })).items.map((a) => a.speaker?.name)).toEqual(['Vladimir Putin', 'Vladimir Putin']);
    });

    it('speakers: spelling variants merge; a short form shared by two speakers does not', async () => {
      const s = getStore();
      const say = async (id: string, who: string): Promise<void> => {
        const text = `“Talks go on,” said ${who}.`;
        await s.putDocument({ id, text, date: '2025-04-01' }, resultFor(text, [{ content: '“Talks go on,”', source: who, cue: 'said' }]));
      };
      await say('w1', 'Steve Witkoff');
      await say('w2', 'Witkov');
      await say('w3', 'special envoy Steve Witkov');
      await say('w4', 'Chidi Okafor');
      await say('w5', 'Okafor');
      const names = (await s.listSpeakers({})).items.map((x) => [x.name, x.attributions, [...x.aliases, ...x.variants].sort()]);
      expect(names).toContainEqual(['Steve Witkoff', 3, ['Steve Witkov', 'Witkov']]);
      expect(names).toContainEqual(['Chidi Okafor', 1, []]);
      expect(names).toContainEqual(['Okafor', 1, []]);
      expect(names).toContainEqual(['Maria Okafor', 3, ['Okafor']]);
    });

    it('speakers: a speaker is named by the name documents use most', async () => {
      const s = getStore();
      const say = async (id: string, name: string): Promise<void> => {
        const text = `“Enough,” ${name} said (${id}).`;
        const speaker = { id: 'e1', name, kind: 'person' as const };
        await s.putDocument({ id, text }, resultFor(text, [{ content: '“Enough,”', source: name, cue: 'said', speaker }]));
      };
      await say('h1', 'Hillary Clinton');
      await say('h2', 'Crooked Hillary Clinton');
      await say('h3', 'Crooked Hillary Clinton');
      expect((await s.listSpeakers({ q: 'hillary' })).items.map((x) => [x.name, x.attributions])).toEqual([['Crooked Hillary Clinton', 3]]);
      await say('h4', 'Hillary Clinton');
      await say('h5', 'Hillary Clinton');
      await say('h6', 'Donald J. Trump');
      await say('h7', 'Trump');
      await say('h8', 'Donald Trump');
      const names = (await s.listSpeakers({})).items.map((x) => [x.name, x.attributions]);
      expect(names).toContainEqual(['Hillary Clinton', 5]);
      expect(names).toContainEqual(['Donald J. Trump', 3]);
    });

    it('speakers: descriptions stand for speakers but merge only with themselves', async () => {
      const s = getStore();
      for (const [id, who] of [['r1', 'the Russian leader'], ['r2', 'The Russian leader'], ['r3', 'officials']]) {
        const text = `“Enough,” said ${who}.`;
        await s.putDocument({ id, text }, resultFor(text, [{ content: '“Enough,”', source: who, cue: 'said' }]));
      }
      const names = (await s.listSpeakers({ q: 'russian' })).items.map((x) => [x.name, x.attributions]);
      expect(names).toEqual([['the Russian leader', 2]]);
    });

    it('speakers: an unresolved speaker (null) is no speaker', async () => {
      const s = getStore();
      const text = '“Later,” officials said.';
      await s.putDocument({ id: 'o1', text }, resultFor(text, [{ content: '“Later,”', source: 'officials', cue: 'said', speaker: null }]));
      expect((await s.searchAttributions({ q: 'later' })).items[0].speaker).toBeNull();
    });
  });
}
