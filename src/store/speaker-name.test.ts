import { describe, expect, it } from 'vitest';
import { nameFromSource } from './speaker-name.js';

describe('nameFromSource', () => {
  it.each([
    ['Maria Okafor', 'Maria Okafor'],
    ['Bruno Ellery, the transport minister', 'Bruno Ellery'],
    ['the city engineer, Pavel Vosk', 'Pavel Vosk'],
    ['board chair Ines Castell', 'Ines Castell'],
    ['White House spokesman Josh Earnest', 'Josh Earnest'],
    ['Amélie Roux, who runs Café du Port', 'Amélie Roux'],
    ['Mr. Trump', 'Trump'],
    ['The New York Post', 'New York Post'],
    ['Ursula von der Leyen', 'Ursula von der Leyen'],
    ['Sen. Ted Cruz (R-Texas)', 'Ted Cruz'],
  ])('nameFromSource: %s names %s', (source, name) => {
    expect(nameFromSource(source)).toEqual({ name, descriptive: false });
  });

  it.each([['the Russian leader'], ['officials'], ["Trump's campaign manager"], ['a spokesperson for the ministry']])('nameFromSource: %s is a description', (source) => {
    expect(nameFromSource(source)).toEqual({ name: source, descriptive: true });
  });

  it.each([['he'], ['They'], [' she, '], ['']])('nameFromSource: "%s" names nobody', (source) => {
    expect(nameFromSource(source)).toBeNull();
  });
});
