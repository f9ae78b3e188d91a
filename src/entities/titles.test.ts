import { describe, expect, it } from 'vitest';
import { analyzeText } from '../text/document.js';
import { findNameMentions } from './mentions.js';
import { buildView } from './view.js';

/** The name and role of the first name mention in `text`. */
function firstMention(text: string): { name: string; role?: string } {
  const m = findNameMentions(buildView(analyzeText(text)))[0];
  return { name: m.name, role: m.role };
}

describe('titles lexicon', () => {
  it.each([
    ['Councillor Petra Olsen voted against the plan.', 'Petra Olsen', 'Councillor'],
    ['Councilwoman Ada Reyes voted against the plan.', 'Ada Reyes', 'Councilwoman'],
    ['Alderman Joe Brandt voted against the plan.', 'Joe Brandt', 'Alderman'],
    ['Deputy Mayor Lena Varga voted against the plan.', 'Lena Varga', 'Deputy Mayor'],
    ['President-elect Omar Haddad spoke first.', 'Omar Haddad', 'President-elect'],
    ['The party’s nominee Gov. Ana Ruiz spoke first.', 'Ana Ruiz', 'Gov.'],
    ['The former presidential candidate Sen. Tom Eder spoke first.', 'Tom Eder', 'Sen.'],
  ])('titles: "%s" names %s with the role %s', (text, name, role) => {
    expect(firstMention(text)).toEqual({ name, role });
  });
});
