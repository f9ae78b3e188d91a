/** A column of a text table: its heading, and whether it takes the width the others leave. */
export interface Column {
  key: string;
  heading: string;
  /** The one column that shrinks to fit the terminal (its cells are cut with "…"). */
  flexible?: boolean;
  /** Widest this column may grow. */
  max?: number;
}

/**
 * Lays rows out as an aligned text table `width` characters wide: fixed columns as wide as
 * their widest cell (up to `max`), the flexible one gets the rest. Line breaks in cells
 * become spaces.
 * @example renderTable([{a: 'x', b: 'long text'}], [{key: 'a', heading: 'A'}, {key: 'b', heading: 'B', flexible: true}], 20)
 */
export function renderTable(rows: ReadonlyArray<Record<string, string>>, columns: readonly Column[], width: number): string {
  const cell = (row: Record<string, string>, key: string): string => (row[key] ?? '').replace(/\s+/g, ' ').trim();
  const widths = columns.map((c) => Math.min(c.max ?? Infinity, Math.max(c.heading.length, ...rows.map((r) => cell(r, c.key).length))));
  const fixed = widths.reduce((sum, w, i) => sum + (columns[i].flexible ? 0 : w), 0) + 2 * (columns.length - 1);
  const flex = columns.findIndex((c) => c.flexible);
  if (flex >= 0) widths[flex] = Math.max(10, Math.min(widths[flex], width - fixed));
  const line = (values: string[]): string => values.map((v, i) => fit(v, widths[i]).padEnd(i === values.length - 1 ? 0 : widths[i])).join('  ').trimEnd();
  const out = [line(columns.map((c) => c.heading)), line(widths.map((w) => '─'.repeat(w)))];
  for (const row of rows) out.push(line(columns.map((c) => cell(row, c.key))));
  return out.join('\n') + '\n';
}

/** Cuts a string to `width` characters, ending in "…" when cut. */
function fit(value: string, width: number): string {
  const chars = [...value];
  return chars.length <= width ? value : `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}
