import { describe, expect, it } from 'vitest';
import { parseRoute } from './router.js';

describe('parseRoute', () => {
  it('parseRoute: every view, with its id and parameters', () => {
    expect(parseRoute('#/document/sample-01?a=a2')).toEqual({ name: 'document', id: 'sample-01', attribution: 'a2' });
    expect(parseRoute('#/speaker/12')).toEqual({ name: 'speaker', id: '12' });
    expect(parseRoute('#/document/u%2Fx')).toMatchObject({ id: 'u/x' });
    const search = parseRoute('#/search?q=harbour&kind=direct');
    expect(search.name === 'search' && search.params.get('q')).toBe('harbour');
  });

  it('parseRoute: anything else is the Analyse view', () => {
    for (const hash of ['', '#', '#/nowhere', '#/speaker/']) expect(parseRoute(hash).name).toBe('analyse');
    expect(parseRoute('#/document/%E0')).toEqual({ name: 'document', id: '%E0', attribution: null });
  });
});
