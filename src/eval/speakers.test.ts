import { describe, expect, it } from 'vitest';
import { scoreSpeakers, speakerNamesMatch } from './speakers.js';

describe('speakerNamesMatch', () => {
  it.each([
    ['Hillary Clinton', 'Hillary Clinton'],
    ['Mrs. Clinton', 'Clinton'],
    ['Donald J. Trump', 'Donald Trump'],
    ['the Kremlin', 'Kremlin'],
    ['S.E.C.', 'Securities and Exchange Commission'],
    ['Jabbari', 'Jabari'],
    ['Hillary Clinton and Donald Trump', 'Donald Trump and Hillary Clinton'],
    ['two Democratic speechwriters', 'Democratic speechwriters'],
    [null, null],
  ])('speakerNamesMatch: %s = %s', (p, g) => {
    expect(speakerNamesMatch(p, g)).toBe(true);
  });

  it.each([
    ['Clinton', 'Hillary Clinton'],
    ['Bill Clinton', 'Hillary Clinton'],
    ['Trump', 'Truman'],
    [null, 'Hillary Clinton'],
    ['Hillary Clinton', null],
    ['Jon Tester', 'Jon Tester and David Vitter'],
  ])('speakerNamesMatch: %s ≠ %s', (p, g) => {
    expect(speakerNamesMatch(p, g)).toBe(false);
  });
});

describe('scoreSpeakers', () => {
  const text = '“No,” Putin said. “Yes,” he said. Trump said maybe.';
  const gold = [{
    id: 'd1', text,
    attributions: [
      { id: 'E1', source: [[6, 11]], cue: [[12, 16]], content: [[0, 5]] },
      { id: 'E2', source: [[26, 28]], cue: [[29, 33]], content: [[18, 25]] },
      { id: 'E3', source: [[35, 40]], cue: [[41, 45]], content: [[46, 51]] },
    ],
  }];
  const labels = [{ id: 'd1', speakers: { E1: 'Vladimir Putin', E2: 'Vladimir Putin', E3: 'Donald Trump' } }];

  it('scoreSpeakers: accuracy over labelled attributions whose content was found', () => {
    const preds = [{
      id: 'd1', attributions: [
        { content: [{ start: 0, end: 5 }], speaker: { name: 'Vladimir Putin' } },
        { content: [{ start: 18, end: 25 }], speaker: { name: 'Donald Trump' } },
      ],
    }];
    expect(scoreSpeakers(gold, labels, preds)).toEqual({
      articles: 1, labelled: 3, found: 2, correct: 1, accuracy: 0.5,
      misses: [{ article: 'd1', attribution: 'E2', gold: 'Vladimir Putin', predicted: 'Donald Trump' }],
    });
  });

  it('scoreSpeakers: articles without labels are not scored', () => {
    expect(scoreSpeakers(gold, [], [{ id: 'd1', attributions: [] }])).toMatchObject({ articles: 0, found: 0, accuracy: 0 });
  });
});
