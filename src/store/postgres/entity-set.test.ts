import { describe, expect, it } from 'vitest';
import { variantBlock } from '../name-matcher.js';
import { EntityWorkingSet, UNSTORED, type EntityRow, type NameRow } from './entity-set.js';

const entity = (id: number, name: string, norm: string, attributions = 0): EntityRow =>
  ({ id, name, norm, kind: null, role: null, affiliation: null, attributions, block: variantBlock(norm) });
const name = (id: number, entityId: number, norm: string, text: string, how: NameRow['how'], seen: number): NameRow =>
  ({ id, entity_id: entityId, norm, name: text, how, seen });

/** Two stored Okafors: Maria (most quoted) and Chidi, both also known as "Okafor". */
function okafors(): EntityWorkingSet {
  const set = new EntityWorkingSet(['okafor', 'maria okafor']);
  set.addStored([entity(1, 'Chidi Okafor', 'chidi okafor', 2), entity(2, 'Maria Okafor', 'maria okafor', 9)], [
    name(10, 1, 'chidi okafor', 'Chidi Okafor', 'name', 3), name(11, 1, 'okafor', 'Okafor', 'alias', 1),
    name(12, 2, 'maria okafor', 'Maria Okafor', 'name', 3), name(13, 2, 'okafor', 'Okafor', 'alias', 1),
    name(14, 2, 'mayor', 'the mayor', 'description', 7),
  ], [1, 2]);
  return set;
}

describe('entity working set', () => {
  it('byNorm: the most seen name wins, then the most quoted entity, then the oldest; descriptions never match', () => {
    const set = okafors();
    expect(set.byNorm('okafor')).toBe(2);
    set.see(1, 'okafor');
    expect(set.byNorm('okafor')).toBe(1);
    expect(set.byNorm('mayor')).toBeUndefined();
  });

  it('insertName: a norm the entity has already stays as it is (ON CONFLICT DO NOTHING); new rows come back in the order made', () => {
    const set = okafors();
    set.insertName(2, 'mayor', 'Mayor', 'alias');
    const id = set.insertEntity({ name: 'Ana Okafor', norm: 'ana okafor', kind: null, role: null, affiliation: null, block: 'kfr' });
    set.insertName(id, 'ana okafor', 'Ana Okafor', 'name');
    set.insertName(2, 'm okafor', 'M. Okafor', 'variant');
    const c = set.changes();
    expect(id).toBeGreaterThanOrEqual(UNSTORED);
    expect(c.newEntities.map((e) => e.name)).toEqual(['Ana Okafor']);
    expect(c.newNames.map((n) => [n.entity_id === id ? 'new' : n.entity_id, n.name, n.how])).toEqual([['new', 'Ana Okafor', 'name'], [2, 'M. Okafor', 'variant']]);
    expect(() => new EntityWorkingSet([]).insertName(5, 'x', 'X', 'alias')).toThrow(/not loaded/);
  });

  it('showMostSeen: the entity takes its most seen name (the fuller one on a tie) and the old name becomes an alias', () => {
    const set = okafors();
    set.see(2, 'okafor');
    set.see(2, 'okafor');
    set.showMostSeen(2);
    expect(set.entity(2)).toMatchObject({ name: 'Maria Okafor' }); // 3 against 3: the fuller name stays
    set.see(2, 'okafor');
    set.showMostSeen(2);
    expect(set.entity(2)).toMatchObject({ name: 'Okafor', norm: 'okafor', block: variantBlock('okafor') });
    const c = set.changes();
    expect(c.changedEntities.map((e) => e.id)).toEqual([2]);
    expect(c.changedNames.sort((a, b) => a.id - b.id)).toEqual([{ id: 12, how: 'alias', seenBy: 0 }, { id: 13, how: 'name', seenBy: 3 }]);
  });

  it('inBlock: oldest first, at most the limit, new entities last', () => {
    const set = okafors();
    set.insertEntity({ name: 'Okafor', norm: 'okafor', kind: null, role: null, affiliation: null, block: variantBlock('okafor') });
    expect(set.inBlock(variantBlock('okafor'), 10).map((e) => e.name)).toEqual(['Chidi Okafor', 'Maria Okafor', 'Okafor']);
    expect(set.inBlock(variantBlock('okafor'), 1).map((e) => e.id)).toEqual([1]);
  });
});
