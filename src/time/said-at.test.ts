import { describe, expect, it } from 'vitest';
import type { Attribution } from '../core/types.js';
import { analyzeText } from '../text/document.js';
import { findTimes, resolveSaidAt } from './index.js';
import { timeFinder } from './said-at.js';

describe('findTimes', () => {
  it.each([
    ['told reporters on Thursday after', 'on Thursday', '2025-03-13'],
    ['in Jeddah on Tuesday.', 'on Tuesday', '2025-03-11'],
    ['said on Friday', 'on Friday', '2025-03-07'],
    ['said last Thursday', 'last Thursday', '2025-03-06'],
    ['will meet next Thursday', 'next Thursday', '2025-03-20'],
    ['said yesterday', 'yesterday', '2025-03-12'],
    ['said last week', 'last week', '2025-03-06'],
    ['said two days ago', 'two days ago', '2025-03-11'],
    ['invaded last August.', 'last August', '2024-08-01'],
    ['in February 2022, with', 'in February 2022', '2022-02-01'],
    ['said on March 3 that', 'March 3', '2025-03-03'],
    ['said on Sept. 30 that', 'Sept. 30', '2024-09-30'],
    ['said Sept. 12, 2016, that', 'Sept. 12, 2016', '2016-09-12'],
    ['on 9/17/16 he said', '9/17/16', '2016-09-17'],
    ['said this weekend', 'this weekend', '2025-03-08'],
    ['the day before the vote', 'the day before', '2025-03-12'],
    ['the day after the vote', 'the day after', '2025-03-14'],
    ['talks held over the weekend in Geneva', 'over the weekend', '2025-03-08'],
    ['Over the weekend, the envoy said', 'Over the weekend', '2025-03-08'],
    ['Putin said this morning', 'this morning', '2025-03-13'],
    ['This evening the mayor said', 'This evening', '2025-03-13'],
    ['Last week, she said', 'Last week', '2025-03-06'],
    ['Today the council voted', 'Today', '2025-03-13'],
    ['Yesterday, he said', 'Yesterday', '2025-03-12'],
    ['On Monday the envoy said', 'On Monday', '2025-03-10'],
    ['In March, the minister said', 'In March', '2025-03-01'],
  ])('findTimes: %s → %s = %s', (text, expr, date) => {
    expect(findTimes(text, '2025-03-13').map((x) => [x.text, x.date])).toEqual([[expr, date]]);
  });

  it.each(['the 30-day ceasefire', 'it May be so', 'marching orders', 'twenty-four people', 'the 2016 campaign', 'troops may march in may', 'a USA Today poll', 'told the Today show'])('findTimes: nothing in "%s"', (text) => {
    expect(findTimes(text, '2025-03-13')).toEqual([]);
  });

  it.each([
    ['said on March 13 that', [['March 13', '2025-03-13']]],
    ['said Thursday', [['Thursday', '2025-03-13']]],
    ['said earlier this month', [['this month', '2025-03-13']]],
    ['said this morning at 9', [['this morning', '2025-03-13']]],
    ['said THE DAY BEFORE the vote, on 3 counts', [['THE DAY BEFORE', '2025-03-12']]],
    ['The Day After the vote, 2 aides said', [['The Day After', '2025-03-14']]],
    ['aides said so THE DAY AFTER the vote', [['THE DAY AFTER', '2025-03-14']]],
    ['the vote was 52 to 48, he said', []],
    ['said on Thursday, March 13, 2025', [['on Thursday', '2025-03-13'], ['March 13, 2025', '2025-03-13']]],
    ['said on 13/3 that', []],
    ['in 2025 he said', []],
  ])('findTimes: edge form "%s"', (text, expected) => {
    expect(findTimes(text, '2025-03-13').map((x) => [x.text, x.date])).toEqual(expected);
  });

  it('findTimes: every expression of a text, in order, however often it is searched', () => {
    const text = 'He said on Monday that the day after the vote was not like last week.';
    const expected = [['on Monday', '2025-03-10'], ['the day after', '2025-03-14'], ['last week', '2025-03-06']];
    for (let i = 0; i < 3; i++) expect(findTimes(text, '2025-03-13').map((x) => [x.text, x.date])).toEqual(expected);
  });

  it('timeFinder: finds what findTimes finds, for one article date', () => {
    const find = timeFinder('2025-03-13');
    for (const text of ['said on Friday', 'no time here', 'on 9/17/16 and Sept. 12, 2016']) expect(find(text)).toEqual(findTimes(text, '2025-03-13'));
  });

  it('findTimes: offsets are into the text', () => {
    const text = 'Putin told reporters on Thursday.';
    const [x] = findTimes(text, '2025-03-13');
    expect(text.slice(x.start, x.end)).toBe(x.text);
  });
});

function att(text: string, cue: string, content: string): Attribution {
  const c = text.indexOf(cue);
  const s = text.indexOf(content);
  return {
    id: 'a1', kind: 'direct', content: [{ start: s, end: s + content.length, text: content }],
    cue: { start: c, end: c + cue.length, text: cue }, source: null, confidence: 1, provenance: [],
  };
}

describe('resolveSaidAt', () => {
  const text = '“We agree,” Putin told reporters on Thursday. Analysts said Russia acted last week.';

  it('resolveSaidAt: the expression near the cue, outside the content', () => {
    const a = att(text, 'told', '“We agree,”');
    resolveSaidAt(analyzeText(text), [a], '2025-03-13');
    expect(a.saidAt).toEqual({ date: '2025-03-13', span: { start: 33, end: 44, text: 'on Thursday' }, implied: false });
  });

  it.each([
    ['a time inside the content', text, 'said', 'Russia acted last week'],
    ['a time inside another quotation', 'Smith said “we met on Monday” to reporters.', 'said', 'we'],
    ['a time past a clause break after the content (it dates that clause)',
      'Analysts said Ukraine had hoped to hold the land, but Russia stepped up its efforts last week.', 'said', 'Ukraine had hoped to hold the land'],
    ['a time after the article date (what will happen)', 'The vote, the mayor said, is next week.', 'said', 'The vote'],
    ['a time in a relative clause after the source (what the source did)', '“We will build,” said Ana Ruiz, who bought the pier last week.', 'said', '“We'],
    ['a time in a relative clause before the cue', 'Ana Ruiz, who bought the pier last week, said the ferry would stay.', 'said', 'the ferry would stay'],
  ])('resolveSaidAt: %s does not date the saying', (_, sentence, cue, content) => {
    const a = att(sentence, cue, content);
    resolveSaidAt(analyzeText(sentence), [a], '2025-03-13');
    expect(a.saidAt).toEqual({ date: '2025-03-13', span: null, implied: true });
  });

  it('resolveSaidAt: a time right after the content, with no clause break, still dates the saying', () => {
    const same = 'Smith said the plan was fair in an interview on Tuesday.';
    const a = att(same, 'said', 'the plan was fair');
    resolveSaidAt(analyzeText(same), [a], '2025-03-13');
    expect(a.saidAt?.span?.text).toBe('on Tuesday');
  });

  it('resolveSaidAt: a cue inside the relative clause keeps the clause\'s time', () => {
    const same = 'The ferry was late for Ana Ruiz, who on Monday said it would stay.';
    const a = att(same, 'said', 'it would stay');
    resolveSaidAt(analyzeText(same), [a], '2025-03-13');
    expect(a.saidAt?.span?.text).toBe('on Monday');
  });

  it('resolveSaidAt: a relative clause closed before the time leaves the time to the saying', () => {
    const same = 'Eder compared the ferry to the bridge, which the county built, in an interview on Tuesday.';
    const a = att(same, 'compared', 'the ferry to the bridge, which the county built');
    resolveSaidAt(analyzeText(same), [a], '2025-03-13');
    expect(a.saidAt?.span?.text).toBe('on Tuesday');
  });

  it('resolveSaidAt: without an article date there is no saidAt', () => {
    const a = att(text, 'told', '“We agree,”');
    resolveSaidAt(analyzeText(text), [a], undefined);
    expect(a.saidAt).toBeNull();
  });
});
