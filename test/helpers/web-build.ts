import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The newest modification time of the files under `dir` (tests excluded; 0 when there is no `dir`). */
function newest(dir: string): number {
  let latest = 0;
  if (!existsSync(dir)) return latest;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name.endsWith('.test.ts')) continue;
    latest = Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

/**
 * A build of the web UI that matches the sources: `web/dist` when it is newer than everything
 * under `web/src`, `src` and `models`, else a fresh build in a temporary folder (`web/dist`
 * is left alone, and `remove` deletes the temporary build).
 * @example const {root, remove} = await webBuild(); await createApp({store, webRoot: root}); remove()
 */
export async function webBuild(): Promise<{ root: string; remove(): void }> {
  const dist = join(ROOT, 'web/dist');
  const index = join(dist, 'index.html');
  const sources = Math.max(newest(join(ROOT, 'web/src')), newest(join(ROOT, 'src')), newest(join(ROOT, 'models')), statSync(join(ROOT, 'web/index.html')).mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs > sources) return { root: dist, remove: () => undefined };
  const outDir = mkdtempSync(join(tmpdir(), 'onrecord-web-'));
  const { build } = await import('vite');
  await build({ configFile: join(ROOT, 'web/vite.config.ts'), build: { outDir, emptyOutDir: true } });
  return { root: outDir, remove: () => rmSync(outDir, { recursive: true, force: true }) };
}
