/**
 * One CSV record (RFC 4180): fields with commas, quotes or line breaks are quoted, quotes
 * doubled. Ends with CRLF.
 * @example csvRow(['a', 'b,c', 'say "hi"']) // 'a,"b,c","say ""hi"""\r\n'
 */
export function csvRow(fields: ReadonlyArray<string | number | null | undefined>): string {
  return fields.map((f) => {
    const s = f === null || f === undefined ? '' : String(f);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  }).join(',') + '\r\n';
}
