import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Writes a `.gz` twin of every text asset over 1 KB, which `onrecord serve` sends to clients that accept gzip. */
function gzipAssets(): Plugin {
  let outDir = '';
  return {
    name: 'onrecord-gzip-assets',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      const walk = (dir: string): string[] => readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? walk(path) : [path];
      });
      for (const file of walk(outDir)) {
        if (/\.(js|css|html|svg|json)$/.test(file) && statSync(file).size > 1024) writeFileSync(`${file}.gz`, gzipSync(readFileSync(file), { level: 9 }));
      }
    },
  };
}

// The explorer: plain TypeScript and DOM. The engine (src/index.ts, with its large model
// module) is reached only through a dynamic import in a worker, so it is a chunk of its own
// that only the Analyse view loads.
export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: join(root, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 20_000,
    reportCompressedSize: false,
  },
  // chrono-node's locales are exports of the pattern "./*", which Vite does not resolve: the
  // engine imports only the English one (its ESM build, 51 modules of the package's 266)
  resolve: { alias: { 'chrono-node/en': fileURLToPath(new URL('../node_modules/chrono-node/dist/esm/locales/en/index.js', import.meta.url)) } },
  worker: { format: 'es' },
  plugins: [gzipAssets()],
});
