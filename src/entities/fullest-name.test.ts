import { describe, expect, it } from 'vitest';
import { analyzeText } from '../text/document.js';
import { fullestForm } from './fullest-name.js';
import type { EntityRecord } from './registry.js';
import { buildView } from './view.js';

/** A person entity as the registry holds it: only what {@link fullestForm} reads. */
function person(name: string, gender?: string): EntityRecord {
  return { kind: 'person', name, words: name.toLowerCase().split(' '), gender } as unknown as EntityRecord;
}

function fullest(text: string, name: string, gender?: string): string | undefined {
  return fullestForm(buildView(analyzeText(text)), person(name, gender))?.name;
}

describe('fullestForm', () => {
  it.each([
    ['fullestForm: a given name before the surname anywhere in the text',
      'Protesters chanted “Maria Oyelaran for mayor” all night. Oyelaran said she was grateful.', 'Oyelaran', undefined, 'Maria Oyelaran'],
    ['fullestForm: a middle initial is kept',
      'The Gregory T. Hallam Library opened. Hallam said he was proud.', 'Hallam', undefined, 'Gregory T. Hallam'],
    ['fullestForm: a two-word name gains only its own given name’s initial',
      'Gregory Hallam spoke. The Gregory T. Hallam Library opened.', 'Gregory Hallam', undefined, 'Gregory T. Hallam'],
    ['fullestForm: two given names for one surname leave it bare',
      'Posters read “Daniel Moreau 2030” and “Claire Moreau 2034” downtown. Moreau said the race was open.', 'Moreau', undefined, undefined],
    ['fullestForm: a given name of the other gender does not fit',
      'Fans held up “Thomas Kettering fan club” signs. Mrs. Kettering said she was moved.', 'Kettering', 'female', undefined],
    ['fullestForm: a two-word name keeps its own given name',
      'The Thomas Kettering Prize went to a poet. Anna Kettering said she was moved.', 'Anna Kettering', undefined, undefined],
    ['fullestForm: a two-word name takes no initial written with another given name',
      'Thomas J. Kettering founded the prize. Anna Kettering said she was moved.', 'Anna Kettering', undefined, undefined],
    ['fullestForm: a longer word that starts with the surname is not the surname',
      'Critics attacked “Paul Brandtcare” again. Brandt said the plan works.', 'Brandt', undefined, undefined],
    ['fullestForm: a capitalised word that is no given name is not one',
      'The Riverside Brandt Hall opened. Brandt said the plan works.', 'Brandt', undefined, undefined],
  ])('%s', (_, text, name, gender, expected) => {
    expect(fullest(text, name, gender)).toBe(expected);
  });
});
