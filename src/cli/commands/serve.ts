import type { Command } from 'commander';
import type { ServeFlags } from '../serve-run.js';
import { DB_HELP, DEFAULT_DB } from '../store-access.js';

const HELP = `
Serves the explorer (a web UI: analyse an article, search statements, follow a speaker) and its
JSON API (described at /api/openapi.json) from one process, on the corpus in --db (created if
missing). It listens on 127.0.0.1 only, unless --host says otherwise: the API can add to the
corpus, so think twice before --host 0.0.0.0.

With an empty corpus, the explorer offers to load a sample of twelve short fictional articles;
--load-sample loads it before serving. Ctrl-C stops the server.

Examples:
  onrecord serve --load-sample
  onrecord serve --db news.db --port 3000
  onrecord serve --db postgres://onrecord@db.internal/news --host 0.0.0.0`;

/**
 * Registers `onrecord serve`: the web explorer and the HTTP API on one port.
 * @example registerServe(new Command('onrecord'))
 */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the web explorer and the HTTP API on the corpus')
    .option('--db <path|url>', DB_HELP, DEFAULT_DB)
    .option('--port <n>', 'the port to listen on (0: any free one)', '8080')
    .option('--host <address>', 'the address to listen on', '127.0.0.1')
    .option('--load-sample', 'load the sample corpus first when the corpus is empty')
    .option('--jobs <n>', 'worker threads that extract (1: in the server thread)', '1')
    .addHelpText('after', HELP)
    .action(async (flags: ServeFlags) => {
      // the server's modules (hono, the store, the web root) load only for this command
      const { startServe } = await import('../serve-run.js');
      const server = await startServe(flags);
      const stop = (): void => void server.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
