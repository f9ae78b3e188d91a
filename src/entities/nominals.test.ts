import { describe, expect, it } from 'vitest';
import { speakerOf } from '../../test/helpers/speaker-of.js';

describe('supportedNominal', () => {
  it.each([
    ['supportedNominal: a noun before the role makes another role ("band leader" is no leader of a country)',
      'Russian President Ivan Petrov arrived. At the dinner, the band leader called guests to the stage.', 'the band leader', 'band leader'],
    ['supportedNominal: title modifiers and demonyms keep the title',
      'Russian President Ivan Petrov arrived. At the dinner, the former Russian leader called guests to the stage.', 'the former Russian leader', 'Ivan Petrov'],
  ])('%s', (_, text, source, expected) => {
    expect(speakerOf(text, source)).toBe(expected);
  });
});
