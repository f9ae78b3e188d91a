import type { Diagnostic, Severity, Span } from './types.js';

/**
 * Every diagnostic code onrecord emits, with its severity and a default reason.
 * A test checks that each code is unique and used somewhere in `src/`.
 */
export const DIAGNOSTICS = {
  'empty-input': { severity: 'info', reason: 'the text is empty or whitespace only' },
  'control-characters': { severity: 'warning', reason: 'the text holds NUL or other control characters; they were treated as spaces' },
  'replacement-characters': { severity: 'warning', reason: 'the text holds U+FFFD replacement characters: it was probably not valid UTF-8' },
  'unbalanced-quote': { severity: 'warning', reason: 'quotation mark with no partner' },
  'quote-no-speaker': { severity: 'info', reason: 'quotation looks like speech but no speaker was found' },
  'name-variant': { severity: 'info', reason: 'a name is probably spelled two ways' },
  'date-invalid': { severity: 'warning', reason: 'the article date is not a valid YYYY-MM-DD date; times were not resolved' },
} as const satisfies Record<string, { severity: Severity; reason: string }>;

export type DiagnosticCode = keyof typeof DIAGNOSTICS;

/**
 * Builds a diagnostic from the catalogue.
 * @example diagnostic('unbalanced-quote', {span}) // {code: 'unbalanced-quote', severity: 'warning', …}
 */
export function diagnostic(
  code: DiagnosticCode,
  extra: { reason?: string; span?: Span; note?: string } = {},
): Diagnostic {
  const entry = DIAGNOSTICS[code];
  const d: Diagnostic = { code, severity: entry.severity, reason: extra.reason ?? entry.reason };
  if (extra.span) d.span = extra.span;
  if (extra.note) d.note = extra.note;
  return d;
}
