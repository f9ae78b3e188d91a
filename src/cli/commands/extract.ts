import { Command, Option } from 'commander';
import { isValidDate } from '../../core/dates.js';
import { UsageError } from '../errors.js';
import { isJsonlPath, readTexts, type InputItem } from '../input/texts.js';
import { exitOnBrokenPipe, JsonOutput } from '../output.js';

interface ExtractFlags {
  format?: 'json' | 'jsonl';
  date?: string;
  byline?: string;
}

const HELP = `
Input: a .jsonl or .ndjson file holds one {"id", "text", "date"?, "byline"?} object a line (a
line's date overrides --date; with a byline that names one person, "I" outside quotations is that
writer); any other file is one text, its id the file name without extension. "-" or no
file reads stdin as one text; with --format jsonl, stdin is read as JSONL when its first non-blank
line is a JSON object with a "text" string, and as one text otherwise.

Output: {id?, attributions, entities, diagnostics} per text. --format json (the default when no
input is JSONL) pretty-prints a lone result; several results are always JSONL, one a line, in
input order, ready for score_attributions.py.

Problems go to stderr as "onrecord: <file>[:<line>]: <problem>" and processing goes on: invalid
UTF-8 is a warning (decoded with U+FFFD); a missing, unreadable or binary file or a bad JSONL
line is an error and makes the exit code 1 at the end.

Examples:
  onrecord extract article.txt
  onrecord extract --format jsonl corpus.jsonl > pred.jsonl
  onrecord extract column.txt --byline "Ana Ruiz"
  cat article.txt | onrecord extract - --date 2025-03-13`;

/**
 * Registers `onrecord extract [FILE…|-]`: who said what in each text, as JSON.
 * @example registerExtract(new Command('onrecord'))
 */
export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('find the attributions (who said what) in texts and print them as JSON')
    .argument('[files...]', 'text or JSONL files; "-" or none for stdin')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'jsonl']))
    .option('--date <YYYY-MM-DD>', 'article date, to resolve relative times ("on Thursday")')
    .option('--byline <writer>', 'the writer ("Ana Ruiz"): "I" outside quotations is theirs (a column, a letter)')
    .addHelpText('after', HELP)
    .action(runExtract);
}

async function runExtract(files: string[], flags: ExtractFlags): Promise<void> {
  if (flags.date !== undefined && !isValidDate(flags.date)) throw new UsageError(`--date: "${flags.date}" is not a valid YYYY-MM-DD date`);
  const paths = files.length ? files : ['-'];
  const format = flags.format ?? (paths.some(isJsonlPath) ? 'jsonl' : 'json');
  exitOnBrokenPipe(process.stdout);
  const { extract } = await import('../../index.js'); // the engine loads for the commands that extract, not for every command
  const out = new JsonOutput(process.stdout, format);
  let failed = false;
  for await (const item of readTexts(paths, { stdinJsonl: flags.format === 'jsonl' })) {
    if ('problem' in item) {
      report(item);
      failed ||= item.problem.severity === 'error';
      continue;
    }
    const { id, text, date = flags.date, byline = flags.byline } = item.input;
    await out.write(extract(text, { id, date, ...(byline !== undefined ? { byline } : {}) }));
  }
  await out.end();
  if (failed) process.exitCode = 1;
}

function report(item: Extract<InputItem, { problem: unknown }>): void {
  const label = item.problem.severity === 'warning' ? 'warning: ' : '';
  process.stderr.write(`onrecord: ${label}${item.problem.message}\n`);
}
