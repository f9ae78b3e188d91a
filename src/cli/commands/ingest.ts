import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import type { InputProblem } from '../../ingest/types.js';
import { openQueueAt } from '../queue-access.js';
import { DB_HELP, DEFAULT_DB, openForWriting, positiveInt, withStore } from '../store-access.js';

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

With --db postgres://… the corpus is in PostgreSQL. --enqueue then reads nothing itself: it cuts
the inputs into work items (a text or HTML file; about --item-size documents of a JSONL file,
WARC or feed, by byte range or item number) and puts them on the queue in that database, for
"onrecord worker" processes on any number of machines. Items name their files by absolute path:
every worker must reach them there. Enqueueing the same files again adds nothing.

Examples:
  onrecord ingest saved-pages/ feeds/*.xml
  onrecord ingest CC-NEWS-20250313.warc.gz --jobs 4 --db news.db
  onrecord ingest --db postgres://onrecord@db.internal/news --enqueue /mnt/news/CC-NEWS-*.warc.gz`;

interface IngestFlags {
  db: string;
  jobs?: string;
  reextract?: boolean;
  enqueue?: boolean;
  itemSize: string;
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
    .option('--db <path|url>', DB_HELP, DEFAULT_DB)
    .option('--jobs <n>', `worker threads that extract (default ${Math.max(1, availableParallelism() - 1)}: one per core, less one)`)
    .option('--reextract', 'extract again documents stored already and replace their attributions (after upgrading onrecord)')
    .option('--enqueue', 'put work items on the queue in the PostgreSQL --db for "onrecord worker", instead of ingesting here')
    .option('--item-size <n>', 'with --enqueue: documents per work item, about', '50')
    .addHelpText('after', HELP)
    .action(runIngest);
}

async function runIngest(paths: string[], flags: IngestFlags): Promise<void> {
  if (flags.enqueue) return runEnqueue(paths, flags);
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

/** `ingest --enqueue`: cut the inputs into work items and queue them for `onrecord worker`. */
async function runEnqueue(paths: string[], flags: IngestFlags): Promise<void> {
  const itemSize = positiveInt('--item-size', flags.itemSize, 100_000);
  const { enqueuePaths } = await import('../../queue/enqueue.js');
  const { describeSource } = await import('../../ingest/types.js');
  const err = process.stderr;
  const queue = await openQueueAt(flags.db, '--enqueue');
  try {
    const counts = await enqueuePaths(queue, paths, {
      itemSize, reextract: flags.reextract ?? false,
      onProblem: (p: InputProblem) => void err.write(`onrecord: ${describeSource(p.source)}: ${p.reason}\n`),
    });
    const known = counts.items - counts.added;
    err.write(`enqueued ${counts.added.toLocaleString('en-US')} work item${counts.added === 1 ? '' : 's'}`
      + `${known ? ` (${known.toLocaleString('en-US')} more were queued already)` : ''}; ${counts.problems.toLocaleString('en-US')} problem${counts.problems === 1 ? '' : 's'}\n`);
    if (counts.problems > 0) process.exitCode = 1;
  } finally {
    await queue.close();
  }
}
