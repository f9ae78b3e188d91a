import { Option, type Command } from 'commander';
import { ATTRIBUTION_FIELDS, attributionRecord } from '../format/attribution-record.js';
import { csvRow } from '../format/csv.js';
import { put } from '../format/put.js';
import { exitOnBrokenPipe } from '../output.js';
import { DB_HELP, DEFAULT_DB, openForReading, withStore } from '../store-access.js';

interface ExportFlags {
  db: string;
  format: 'jsonl' | 'csv';
}

/**
 * Registers `onrecord export`: every attribution with its document metadata, streamed.
 * @example registerExport(new Command('onrecord'))
 */
export function registerExport(program: Command): void {
  program
    .command('export')
    .description('write every stored attribution with its document metadata to stdout')
    .addOption(new Option('--format <format>', 'JSONL (full records, with spans) or CSV (flat columns)').choices(['jsonl', 'csv']).default('jsonl'))
    .option('--db <path|url>', DB_HELP, DEFAULT_DB)
    .addHelpText('after', `\nColumns of the CSV: ${ATTRIBUTION_FIELDS.join(', ')}.\n\nExample:\n  onrecord export --format csv > attributions.csv`)
    .action(runExport);
}

async function runExport(flags: ExportFlags): Promise<void> {
  const out = process.stdout;
  exitOnBrokenPipe(out);
  await withStore(openForReading(flags.db), async (store) => {
    if (flags.format === 'csv') await put(out, csvRow(ATTRIBUTION_FIELDS));
    for await (const hit of store.exportAttributions()) {
      await put(out, flags.format === 'csv' ? csvRow(ATTRIBUTION_FIELDS.map((f) => attributionRecord(hit)[f])) : `${JSON.stringify(hit)}\n`);
    }
  });
}
