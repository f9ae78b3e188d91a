import { describe, expect, it } from 'vitest';
import { parseRecord } from './record.js';

describe('parseRecord', () => {
  it('parseRecord: reads the writer from "byline", or from "author" as PolNeAR names it', () => {
    expect(parseRecord('{"text": "Hi.", "byline": "Ana Ruiz"}')).toEqual({ text: 'Hi.', byline: 'Ana Ruiz' });
    expect(parseRecord('{"text": "Hi.", "author": "Tom Eder"}')).toEqual({ text: 'Hi.', byline: 'Tom Eder' });
    expect(parseRecord('{"text": "Hi.", "author": 7}')).toEqual({ text: 'Hi.' });
  });

  it('parseRecord: reads id, text and date, a number id as a string', () => {
    expect(parseRecord('{"id": 7, "text": "Hi.", "date": "2025-03-13", "title": "x"}')).toEqual({ id: '7', text: 'Hi.', date: '2025-03-13' });
    expect(parseRecord('{"text": "", "id": null, "date": null}')).toEqual({ text: '' });
  });

  it('parseRecord: says what is wrong with a bad line', () => {
    expect(parseRecord('{"text": ')).toMatch(/^invalid JSON: /);
    expect(parseRecord('[1]')).toBe('not a JSON object');
    expect(parseRecord('{"text": 3}')).toBe('no "text" string');
    expect(parseRecord('{"text": "a", "id": {}}')).toBe('"id" is neither a string nor a number');
    expect(parseRecord('{"text": "a", "date": 20250313}')).toBe('"date" is not a string');
  });
});
