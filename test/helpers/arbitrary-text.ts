import fc from 'fast-check';

/** Pieces that stress segmentation: quote marks of every style, apostrophes, breaks, NUL, astral characters. */
const PIECES = [
  'He', 'said', 'Smith', 'told', 'reporters', 'according', 'to', 'Mr.', 'U.S.', 'Sen.', 'R-Ky.', 'don’t', 'Clintons’', '’90s',
  ' ', ' ', ' ', ',', '.', ':', '?', '—', '--', '(', ')', '\n', '\n\n', '\r\n', '\u2029', '\u0000', '\ufffd', '\u00a0',
  '"', '"', '“', '”', '‘', '’', "'", "''", '«', '»', '„', '‚', '`', '``',
  '😀', '𝐀', '\ud83d', '\ude00', 'é', 'ı',
];

/**
 * Random texts built from {@link PIECES} and arbitrary code units (lone surrogates included).
 * @example fc.assert(fc.property(arbitraryText(), (text) => …))
 */
export function arbitraryText(maxPieces = 60): fc.Arbitrary<string> {
  return fc.array(fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...PIECES) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
    { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('"', '“', '”', '‘', '’', "'", ' ', 'a', '\n'), maxLength: 8 }) },
  ), { maxLength: maxPieces }).map((parts) => parts.join(''));
}

/** True when `i` falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return false;
  const before = text.charCodeAt(i - 1);
  const after = text.charCodeAt(i);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}
