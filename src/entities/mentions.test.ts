import { describe, expect, it } from 'vitest';
import { analyzeText } from '../text/document.js';
import { ORG_NAMES, PLACES, REGIONS } from './lexicon.js';
import { findNameMentions } from './mentions.js';
import { buildView } from './view.js';

function mentions(text: string) {
  return findNameMentions(buildView(analyzeText(text))).map((m) => ({
    name: m.name, kind: m.kind, ...(m.role ? { role: m.role } : {}), ...(m.place ? { place: m.place } : {}), ...(m.gender ? { gender: m.gender } : {}),
  }));
}

describe('findNameMentions', () => {
  it.each([
    ['Russian President Vladimir Putin agrees.', { name: 'Vladimir Putin', kind: 'person', role: 'President', place: 'Russia', gender: 'male' }],
    ['He said Special US envoy Steve Witkov had talked.', { name: 'Steve Witkov', kind: 'person', role: 'Special envoy', place: 'United States', gender: 'male' }],
    ['The senator, Sen. Lindsey Graham (R-S.C.), spoke.', { name: 'Lindsey Graham', kind: 'person', role: 'Sen.', gender: 'male' }],
    ['Mrs. Clinton spoke.', { name: 'Clinton', kind: 'person', gender: 'female' }],
    ['9/11 widow Terry Strada said so.', { name: 'Terry Strada', kind: 'person', role: 'widow', gender: 'female' }],
    ['Rep. Robert C. “Bobby” Scott spoke.', { name: 'Robert C. Scott', kind: 'person', role: 'Rep.', gender: 'male' }],
    ['the House Oversight and Government Reform Committee voted.', { name: 'House Oversight and Government Reform Committee', kind: 'organization' }],
    ['according to the Roper Center for Public Opinion Research.', { name: 'Roper Center for Public Opinion Research', kind: 'organization' }],
    ['Analysts said so.', { name: 'Analysts', kind: 'group' }],
    ['Moscow also wanted it.', { name: 'Moscow', kind: 'place' }],
  ])('findNameMentions: %s', (text, first) => {
    expect(mentions(text)[0]).toEqual(first);
  });

  it('findNameMentions: splits coordinated names and affiliations', () => {
    expect(mentions('Obama and Clinton met Jabari of Al Jazeera.').map((m) => m.name)).toEqual(['Obama', 'Clinton', 'Jabari', 'Al Jazeera']);
  });

  it('findNameMentions: a party label is not a name', () => {
    expect(mentions('Rep. Jim Jordan (R-Ohio) said.').map((m) => m.name)).toEqual(['Jim Jordan']);
  });

  it('findNameMentions: in a title-case headline a name is a given name and one more word', () => {
    expect(mentions('Hillary Clinton Goes After Donald Trump As The New Mitt Romney.').map((m) => m.name))
      .toEqual(expect.arrayContaining(['Hillary Clinton', 'Donald Trump', 'Mitt Romney']));
  });

  it('findNameMentions: a heading does not run into the paragraph under it', () => {
    expect(mentions('Next Steps\nPutin’s comments were his first.').map((m) => m.name)).toEqual(['Steps', 'Putin']);
  });

  it('findNameMentions: demonym adjectives are no mentions of their own', () => {
    expect(mentions('Russian forces advanced.').every((m) => m.kind === null)).toBe(true);
  });

  it('findNameMentions: names of several words in the lists are still known ("New York Times", "White House")', () => {
    expect(mentions('The New York Times reported it.')[0].kind).toBe('organization');
    expect(mentions('She flew to New York on Monday.').find((m) => m.name === 'New York')?.kind).toBe('place');
  });

  it('findNameMentions: no list of organisations or places holds the empty key', () => {
    expect([...ORG_NAMES, ...PLACES.keys(), ...REGIONS]).not.toContain('');
  });
});
