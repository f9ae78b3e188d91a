import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Attribution, Diagnostic } from '../core/types.js';
import { extract } from '../extract/extract.js';
import { analyzeText } from '../text/document.js';
import { resolveSaidAt } from '../time/index.js';
import { resolveSpeakers } from './index.js';

// The seed article lives in ../shared (absent on a plain clone; CI has it).
const SEED = fileURLToPath(new URL('../../../shared/data/seed/ceasefire-2025-03-13.txt', import.meta.url));
const text = existsSync(SEED) ? readFileSync(SEED, 'utf8') : '';
const DATE = '2025-03-13';

/** Who said each statement, written by hand from the article: [source as written, text right after it, speaker]. */
const STATEMENTS: Array<[string, string, string]> = [
  ['President Putin', ' supports us', 'Vladimir Putin'],
  ['Russian President Vladimir Putin', ' agrees with', 'Vladimir Putin'],
  ['Putin', ' told reporters', 'Vladimir Putin'],
  ['he', ' said.\n“The idea', 'Vladimir Putin'],
  ['Putin', ' said. “And I', 'Vladimir Putin'],
  ['he', ' said.\nShortly', 'Vladimir Putin'],
  ['US President Donald Trump', ' told reporters', 'Donald Trump'],
  ['He', ' said Special US envoy', 'Donald Trump'],
  ['Ukraine', ' said it would accept', 'Ukraine'],
  ['the United States', ' announced', 'United States'],
  ['he', ' said needed', 'Vladimir Putin'],
  ['Al Jazeera’s Dosa Jabari', ' said Russia', 'Dosa Jabari'],
  ['she', ' said.\n“Putin', 'Dosa Jabari'],
  ['Putin', ' said he would speak', 'Vladimir Putin'],
  ['Jabbari', ' said.\nRussia', 'Dosa Jabari'],
  ['President Putin', ' described', 'Vladimir Putin'],
  ['The Russian leader', ' also called', 'Vladimir Putin'],
  ['Jabari of Al Jazeera', ' said Russia is', 'Dosa Jabari'],
  ['Analysts', ' said Ukraine', 'Analysts'],
  ['the Kremlin', ' saying on Thursday', 'Kremlin'],
];

/**
 * The attribution the model will give: the source, the cue (the first word after it) and the
 * content (from after `after` to the end of the sentence).
 */
function statement(source: string, after: string): Attribution {
  const at = text.indexOf(source + after);
  if (at < 0) throw new Error(`seed: "${source}${after}" not found`);
  const cueStart = at + source.length + 1;
  const cueEnd = cueStart + /^\S+/.exec(after.slice(1))![0].length;
  const start = at + source.length + after.length;
  const end = /[.\n]/.exec(text.slice(start)) ? start + /[.\n]/.exec(text.slice(start))!.index : text.length;
  return {
    id: 'x', kind: 'indirect', content: [{ start, end, text: text.slice(start, end) }],
    cue: { start: cueStart, end: cueEnd, text: text.slice(cueStart, cueEnd) },
    source: { start: at, end: at + source.length, text: source }, confidence: 1, provenance: ['test'],
  };
}

describe.skipIf(!text)('seed article (ceasefire, 2025-03-13)', () => {
  it('seed: every statement has its speaker, whatever the text calls them', () => {
    const attributions = STATEMENTS.map(([source, after]) => statement(source, after));
    resolveSpeakers(analyzeText(text), attributions, []);
    expect(attributions.map((a) => `${a.source!.text} → ${a.speaker?.name}`)).toEqual(STATEMENTS.map(([s, , who]) => `${s} → ${who}`));
  });

  it('seed: Dosa Jabari is one entity, with Al Jazeera as affiliation, and the variant is reported', () => {
    const attributions = STATEMENTS.map(([source, after]) => statement(source, after));
    const diagnostics: Diagnostic[] = [];
    const entities = resolveSpeakers(analyzeText(text), attributions, diagnostics);
    const jabari = entities.filter((e) => e.name.includes('Jabari') || e.name.includes('Jabbari'));
    expect(jabari).toHaveLength(1);
    expect(jabari[0]).toMatchObject({ name: 'Dosa Jabari', kind: 'person', affiliation: 'Al Jazeera' });
    expect(jabari[0].aliases).toEqual(expect.arrayContaining(['Jabbari', 'Jabari']));
    const variant = diagnostics.find((d) => d.code === 'name-variant');
    expect(variant?.reason).toBe('name spelled 2 ways: Jabari / Jabbari');
    expect(variant?.span?.text).toBe('Jabbari');
    expect(variant?.note).toMatch(/^Jabari at \d+-\d+, \d+-\d+; Jabbari at \d+-\d+$/);
  });

  it('seed: Putin is one entity named in full, with his role and every way the text refers to him', () => {
    const entities = resolveSpeakers(analyzeText(text), STATEMENTS.map(([source, after]) => statement(source, after)), []);
    const putin = entities.find((e) => e.name === 'Vladimir Putin')!;
    expect(putin).toMatchObject({ kind: 'person', role: 'President', affiliation: 'Russia' });
    expect(putin.aliases).toEqual(expect.arrayContaining(['Putin', 'President Putin', 'The Russian leader']));
    for (const m of putin.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('seed: "on Thursday" dates the Kremlin statement; undated statements take the article date', () => {
    const attributions = STATEMENTS.map(([source, after]) => statement(source, after));
    resolveSaidAt(analyzeText(text), attributions, DATE);
    const kremlin = attributions[STATEMENTS.findIndex(([s]) => s === 'the Kremlin')];
    expect(kremlin.saidAt).toEqual({ date: DATE, span: { start: text.indexOf('on Thursday that'), end: text.indexOf('on Thursday that') + 11, text: 'on Thursday' }, implied: false });
    const analysts = attributions[STATEMENTS.findIndex(([s]) => s === 'Analysts')];
    expect(analysts.saidAt).toEqual({ date: DATE, span: null, implied: true });
  });

  it('seed: extract() gives the quotes their speakers and dates "on Thursday" to 2025-03-13', () => {
    const result = extract(text, { date: DATE });
    const expected: Array<[string, string]> = [
      ['We agree with the proposal', 'Vladimir Putin'],
      ['But this halt goes', 'Vladimir Putin'],
      ['The idea itself is correct', 'Vladimir Putin'],
      ['And I think we need', 'Vladimir Putin'],
      ['very promising', 'Donald Trump'],
      ['Putin said he would speak', 'Dosa Jabari'],
      ['special military operation', 'Vladimir Putin'],
      ['seeing a ceasefire', 'Dosa Jabari'],
    ];
    for (const [snippet, who] of expected) {
      const a = result.attributions.find((x) => x.content.some((c) => c.text.includes(snippet)));
      expect(a?.speaker?.name, snippet).toBe(who);
    }
    const first = result.attributions.find((x) => x.content[0].text.includes('We agree'))!;
    expect(first.saidAt).toMatchObject({ date: DATE, span: { text: 'on Thursday' }, implied: false });
    expect(result.diagnostics.some((d) => d.code === 'name-variant')).toBe(true);
    for (const e of result.entities) for (const m of e.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });
});
