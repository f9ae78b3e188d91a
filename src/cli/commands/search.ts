import { Option, type Command } from 'commander';
import type { AttributionKind } from '../../core/types.js';
import type { SearchQuery } from '../../store/store.js';
import { ATTRIBUTION_FIELDS, attributionRecord } from '../format/attribution-record.js';
import { csvRow } from '../format/csv.js';
import { put } from '../format/put.js';
import { renderTable } from '../format/table.js';
import { exitOnBrokenPipe } from '../output.js';
import { DB_HELP, DEFAULT_DB, openForReading, positiveInt, withStore } from '../store-access.js';

const HELP = `
QUERY: words that must all occur in the content ("rush" also finds "rushing"), "quoted phrases",
prefix*, and upper-case OR and NOT. Without QUERY, the filters alone select.
--speaker matches every speaker whose name, alias or variant holds all its words ("Okafor").
Results are newest first. A table on a terminal, JSONL otherwise; pass --cursor with the value
printed after a full page to get the next one.

Examples:
  onrecord search harbour --speaker Okafor
  onrecord search '"harbour vote" OR ferry' --from 2025-03-01 --kind direct --format csv > out.csv`;

interface SearchFlags {
  db: string;
  speaker?: string;
  outlet?: string;
  from?: string;
  to?: string;
  kind?: AttributionKind;
  limit: string;
  cursor?: string;
  format?: 'table' | 'json' | 'jsonl' | 'csv';
}

/**
 * Registers `onrecord search [QUERY]`: full-text search over what was said, with filters.
 * @example registerSearch(new Command('onrecord'))
 */
export function registerSearch(program: Command): void {
  program
    .command('search')
    .description('search the stored attributions by words, speaker, outlet, date and kind')
    .argument('[query]', 'words to find in the content')
    .option('--speaker <name>', 'only statements by this speaker')
    .option('--outlet <name>', 'only articles from this outlet')
    .option('--from <YYYY-MM-DD>', 'said on or after this date')
    .option('--to <YYYY-MM-DD>', 'said on or before this date')
    .addOption(new Option('--kind <kind>', 'direct quote, reported speech or a mix').choices(['direct', 'indirect', 'mixed']))
    .option('--limit <n>', 'results per page', '20')
    .option('--cursor <cursor>', 'the next page, from a previous search')
    .addOption(new Option('--format <format>', 'output format (default: table on a terminal, else jsonl)').choices(['table', 'json', 'jsonl', 'csv']))
    .option('--db <path|url>', DB_HELP, DEFAULT_DB)
    .addHelpText('after', HELP)
    .action(runSearch);
}

async function runSearch(q: string | undefined, flags: SearchFlags): Promise<void> {
  const query: SearchQuery = { limit: positiveInt('--limit', flags.limit, 1000) };
  for (const key of ['speaker', 'outlet', 'from', 'to', 'kind', 'cursor'] as const) if (flags[key] !== undefined) Object.assign(query, { [key]: flags[key] });
  if (q !== undefined && q.trim()) query.q = q;
  const out = process.stdout;
  exitOnBrokenPipe(out);
  const format = flags.format ?? (out.isTTY ? 'table' : 'jsonl');
  const page = await withStore(openForReading(flags.db), (store) => store.searchAttributions(query));
  if (format === 'json') return put(out, `${JSON.stringify(page, null, 2)}\n`);
  if (format === 'jsonl') {
    for (const hit of page.items) await put(out, `${JSON.stringify(hit)}\n`);
  } else if (format === 'csv') {
    await put(out, csvRow(ATTRIBUTION_FIELDS));
    for (const hit of page.items) await put(out, csvRow(ATTRIBUTION_FIELDS.map((f) => attributionRecord(hit)[f])));
  } else {
    if (!page.items.length) return void process.stderr.write('no attributions found\n');
    const rows = page.items.map(attributionRecord);
    await put(out, renderTable(rows, [
      { key: 'date', heading: 'DATE' }, { key: 'speaker', heading: 'SPEAKER', max: 24 }, { key: 'outlet', heading: 'OUTLET', max: 18 },
      { key: 'kind', heading: 'KIND' }, { key: 'content', heading: 'CONTENT', flexible: true },
    ], out.columns ?? 100));
  }
  if (page.nextCursor) process.stderr.write(`more: --cursor ${page.nextCursor}\n`);
}
