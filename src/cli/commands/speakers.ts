import { Option, type Command } from 'commander';
import type { SpeakerSummary } from '../../store/store.js';
import { csvRow } from '../format/csv.js';
import { put } from '../format/put.js';
import { renderTable } from '../format/table.js';
import { exitOnBrokenPipe } from '../output.js';
import { DB_HELP, DEFAULT_DB, openForReading, positiveInt, withStore } from '../store-access.js';

const HELP = `
Lists speakers, most quoted first, with their attribution counts, the other names they go by
(aliases) and the spellings merged into them (variants). QUERY keeps the speakers with a name
starting with each of its words. --id shows one speaker in detail: documents, statements per
week, outlets and latest statements (JSON).

Examples:
  onrecord speakers --limit 10
  onrecord speakers okaf
  onrecord speakers --id 12`;

interface SpeakersFlags {
  db: string;
  limit: string;
  cursor?: string;
  id?: string;
  format?: 'table' | 'json' | 'jsonl' | 'csv';
}

/**
 * Registers `onrecord speakers [QUERY]`: who is quoted, how often, under which names.
 * @example registerSpeakers(new Command('onrecord'))
 */
export function registerSpeakers(program: Command): void {
  program
    .command('speakers')
    .description('list the speakers in the corpus with their counts, aliases and variants')
    .argument('[query]', 'only speakers whose names start with these words')
    .option('--id <id>', 'show one speaker in detail')
    .option('--limit <n>', 'speakers per page', '50')
    .option('--cursor <cursor>', 'the next page, from a previous listing')
    .addOption(new Option('--format <format>', 'output format (default: table on a terminal, else jsonl)').choices(['table', 'json', 'jsonl', 'csv']))
    .option('--db <path|url>', DB_HELP, DEFAULT_DB)
    .addHelpText('after', HELP)
    .action(runSpeakers);
}

async function runSpeakers(q: string | undefined, flags: SpeakersFlags): Promise<void> {
  const out = process.stdout;
  exitOnBrokenPipe(out);
  const limit = positiveInt('--limit', flags.limit, 1000);
  const store = openForReading(flags.db);
  if (flags.id !== undefined) {
    const id = flags.id;
    const detail = await withStore(store, (s) => s.getSpeaker(id));
    if (!detail) {
      process.stderr.write(`onrecord: no speaker with id ${id}\n`);
      process.exitCode = 1;
      return;
    }
    return put(out, `${JSON.stringify(detail, null, 2)}\n`);
  }
  const page = await withStore(store, (s) => s.listSpeakers({ ...(q ? { q } : {}), limit, ...(flags.cursor ? { cursor: flags.cursor } : {}) }));
  const format = flags.format ?? (out.isTTY ? 'table' : 'jsonl');
  if (format === 'json') return put(out, `${JSON.stringify(page, null, 2)}\n`);
  if (format === 'jsonl') for (const s of page.items) await put(out, `${JSON.stringify(s)}\n`);
  else if (format === 'csv') {
    await put(out, csvRow(['id', 'name', 'kind', 'attributions', 'aliases', 'variants']));
    for (const s of page.items) await put(out, csvRow([s.id, s.name, s.kind, s.attributions, s.aliases.join('; '), s.variants.join('; ')]));
  } else await put(out, renderTable(page.items.map(speakerRow), [
    { key: 'id', heading: 'ID' }, { key: 'name', heading: 'SPEAKER', max: 32 }, { key: 'attributions', heading: 'STATEMENTS' },
    { key: 'names', heading: 'ALIASES / VARIANTS', flexible: true },
  ], out.columns ?? 100));
  if (page.nextCursor) process.stderr.write(`more: --cursor ${page.nextCursor}\n`);
}

function speakerRow(s: SpeakerSummary): Record<string, string> {
  const names = [...s.aliases, ...s.variants.map((v) => `~${v}`)];
  return { id: s.id, name: s.name, attributions: s.attributions.toLocaleString('en-US'), names: names.join(', ') };
}
