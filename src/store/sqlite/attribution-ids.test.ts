import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attributionId, dayNumber, firstIdAfter, firstIdOn } from './attribution-ids.js';

describe('attribution ids', () => {
  it('attributionId: later dates have larger ids, whatever the running number', () => {
    fc.assert(fc.property(fc.date({ min: new Date('1600-01-01'), max: new Date('2400-01-01'), noInvalidDate: true }), fc.integer({ min: 1, max: 2 ** 31 }), fc.integer({ min: 1, max: 2 ** 31 }), (d, a, b) => {
      const day = d.toISOString().slice(0, 10);
      const next = new Date(d.getTime() + 86_400_000).toISOString().slice(0, 10);
      return attributionId(day, a) < attributionId(next, b) && attributionId(day, a) >= firstIdOn(day) && attributionId(day, a) < firstIdAfter(day);
    }));
  });

  it('attributionId: the running number adds to the day\'s first id (the PostgreSQL writer numbers attributions in SQL so)', () => {
    fc.assert(fc.property(fc.option(fc.date({ min: new Date('1600-01-01'), max: new Date('2400-01-01'), noInvalidDate: true })), fc.integer({ min: 1, max: 2 ** 40 }), (d, n) => {
      const day = d?.toISOString().slice(0, 10) ?? null;
      return attributionId(day, n) === attributionId(day, 0) + (n % 2 ** 32);
    }));
  });

  it('attributionId: unknown dates sort before every known one, ids stay exact', () => {
    expect(attributionId(null, 5)).toBeLessThan(attributionId('0600-01-01', 1));
    expect(dayNumber('not a date')).toBe(dayNumber(null));
    expect(Number.isSafeInteger(attributionId('2999-12-31', 2 ** 32 - 1))).toBe(true);
  });
});
