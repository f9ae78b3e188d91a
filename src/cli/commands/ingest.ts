import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import type { InputProblem } from '../../ingest/types.js';
import { DEFAULT_DB, openForWriting, positiveInt, withStore } from '../store-access.js';

const HELP = `
Reads files and folders (recursively): .txt; .html/.htm (the article text via Readability, with
title, byline, date, canonical URL and outlet from the page's meta tags); RSS, Atom and JSON
Feed files (each item); .jsonl ({"id","text","date","url","title","outlet"} a line); and
.warc/.warc.gz archives such as Common Crawl's CC-NEWS (HTML responses, streamed).

Idempotent: a document already stored (same id, URL or text) is skipped; a changed text replaces
its old attributions. An interrupted ingest, run again, completes without duplicates.

Each bad file, line, feed item or WARC record is reported on stderr as
"onrecord: <path>[:<line>| (item N)| (record at byte N)]: <reason>" and skipped; the exit code is
then 1. A summary line always ends the run.

Examples:
  onrecord ingest saved-pages/ feeds/*.xml
  onrecord ingest CC-NEWS-20250313.warc.gz --jobs 4 --db news.db`;

interface IngestFlags {
  db: string;
  jobs?: string;
  reextract?: boolean;
}

/**
 * Registers `onrecord ingest PATH…`: read, extract and store a corpus.
 * @example registerIngest(new Command('onrecord'))
 */
export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('read articles from files, folders, feeds and WARCs; extract and store their attributions')
    .argument('<paths...>', 'files or folders to read')
    .option('--db <path>', 'the corpus database', DEFAULT_DB)
    .option('--jobs <n>', `worker threads that extract (default ${Math.max(1, availableParallelism() - 1)}: one per core, less one)`)
    .option('--reextract', 'extract again documents stored already and replace their attributions (after upgrading onrecord)')
    .addHelpText('after', HELP)
    .action(runIngest);
}

async function runIngest(paths: string[], flags: IngestFlags): Promise<void> {
  // Loaded here, not at start-up: the readers pull in Readability, linkedom, warcio and piscina.
  const [{ totalBytes }, { createExtractor, defaultJobs }, { ingest }, { ProgressBar, summaryLine }, { describeSource }] = await Promise.all([
    import('../../ingest/dispatch.js'), import('../../ingest/extractor.js'), import('../../ingest/pipeline.js'), import('../../ingest/progress.js'), import('../../ingest/types.js'),
  ]);
  const jobs = flags.jobs === undefined ? defaultJobs() : positiveInt('--jobs', flags.jobs, 256);
  const err = process.stderr;
  const bar = err.isTTY ? new ProgressBar(err, await totalBytes(paths)) : null;
  const extractor = await createExtractor(jobs);
  if (extractor.note) err.write(`onrecord: note: ${extractor.note}\n`);
  const started = performance.now();
  const counts = await withStore(openForWriting(flags.db), async (store) => {
    try {
      return await ingest({
        paths, store, extractor, reextract: flags.reextract ?? false,
        onProblem: (p: InputProblem) => {
          bar?.clear();
          err.write(`onrecord: ${describeSource(p.source)}: ${p.reason}\n`);
        },
        onProgress: (c, bytes) => bar?.update(c, bytes),
      });
    } finally {
      await extractor.close();
    }
  });
  bar?.clear();
  err.write(`${summaryLine(counts, (performance.now() - started) / 1000, extractor.threads)}\n`);
  if (counts.problems > 0) process.exitCode = 1;
}
