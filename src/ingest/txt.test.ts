import { describe, expect, it } from 'vitest';
import { collect, fixture } from '../../test/helpers/collect.js';
import { readTxt } from './txt.js';

describe('readTxt', () => {
  it('readTxt: one document with the file as its address', async () => {
    const { docs, problems } = await collect(readTxt(fixture('ferry-fares.txt')));
    expect(problems).toEqual([]);
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ url: expect.stringMatching(/^file:\/\/.*ferry-fares\.txt$/), source: { path: fixture('ferry-fares.txt') } });
    expect('text' in docs[0] && docs[0].text).toContain('said Greta Sundqvist');
  });

  it('readTxt: an empty file is a problem', async () => {
    const { docs, problems } = await collect(readTxt(fixture('empty.txt')));
    expect(docs).toEqual([]);
    expect(problems).toEqual([{ source: { path: fixture('empty.txt') }, reason: 'empty file' }]);
  });

  it('readTxt: binary data is a problem', async () => {
    const { problems } = await collect(readTxt(fixture('broken.html')));
    expect(problems[0].reason).toMatch(/binary/);
  });

  it('readTxt: a missing file is a problem, not an exception', async () => {
    const { problems } = await collect(readTxt(fixture('nope.txt')));
    expect(problems[0].reason).toMatch(/ENOENT/);
  });
});
