import { readdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTICS } from '../src/core/diagnostics.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The engine: pure, so it bundles for a browser. */
const PURE = ['src/core', 'src/text', 'src/extract', 'src/entities', 'src/time', 'src/index.ts'];
/** The outer rings, which the engine never imports. */
const OUTER = /^src\/(ingest|store|server|cli|eval|train)(\/|$)/;
const NODE_ONLY = new Set(['fs', 'path', 'process', 'child_process', 'worker_threads']);

function sourceFiles(path: string): string[] {
  const full = join(ROOT, path);
  if (path.endsWith('.ts')) return [full];
  return readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
    .map((e) => join(e.parentPath, e.name));
}

/** The module specifiers a source file imports or re-exports, statically or dynamically (comment lines skipped). */
function importSpecifiers(source: string): string[] {
  const code = source.split('\n').filter((line) => !/^\s*(?:\*|\/\/|\/\*)/.test(line)).join('\n');
  const patterns = [
    /^\s*(?:import|export)\b[^;'"]*?\bfrom\s*['"]([^'"]+)['"]/gm, // import x from '…', export {x} from '…'
    /^\s*import\s*['"]([^'"]+)['"]/gm, // import '…'
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, // import('…')
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g, // require('…')
  ];
  return patterns.flatMap((re) => [...code.matchAll(re)].map((m) => m[1]));
}

/** Why `specifier`, imported by `file`, breaks the wall; null when it does not. */
function breach(file: string, specifier: string): string | null {
  if (specifier.startsWith('node:') || isBuiltin(specifier) || NODE_ONLY.has(specifier.split('/')[0])) return 'a Node built-in';
  if (!specifier.startsWith('.')) return null;
  const target = relative(ROOT, resolve(dirname(file), specifier)).split('\\').join('/');
  return OUTER.test(target) ? `an outer layer (${target})` : null;
}

describe('architecture', () => {
  it('import wall: the import reader sees every form of import', () => {
    const source = [
      "import { a } from './a.js';",
      "import type { B } from '../b.js';",
      'import {\n  c,\n  d,\n} from "./cd.js";',
      "export { e } from './e.js';",
      "export * from './f.js';",
      "import './side-effect.js';",
      "const g = await import('node:fs');",
      "const h = require('path');",
      ' * @example import("not code") in a comment',
    ].join('\n');
    expect(importSpecifiers(source).sort()).toEqual(['../b.js', './a.js', './cd.js', './e.js', './f.js', './side-effect.js', 'node:fs', 'path']);
  });

  it('import wall: the engine imports no Node built-in and nothing from the outer layers', () => {
    const breaches: string[] = [];
    for (const path of PURE) {
      for (const file of sourceFiles(path)) {
        for (const specifier of importSpecifiers(readFileSync(file, 'utf8'))) {
          const why = breach(file, specifier);
          if (why) breaches.push(`${relative(ROOT, file)} imports '${specifier}': ${why}`);
        }
      }
    }
    expect(breaches).toEqual([]);
  });

  it('import wall: the engine reads no process state and no Node globals', () => {
    const uses: string[] = [];
    for (const path of PURE) {
      for (const file of sourceFiles(path)) {
        const source = readFileSync(file, 'utf8');
        for (const m of source.matchAll(/\b(?:process\.\w+|Buffer\.\w+|__dirname|__filename)\b/g)) uses.push(`${relative(ROOT, file)}: ${m[0]}`);
      }
    }
    expect(uses).toEqual([]);
  });

  it('import wall: it scans the files it should', () => {
    const files = PURE.flatMap(sourceFiles).map((f) => relative(ROOT, f));
    expect(files).toEqual(expect.arrayContaining(['src/index.ts', 'src/text/quotes.ts', 'src/extract/quote-layer.ts', 'src/core/diagnostics.ts']));
    expect(files.some((f) => f.endsWith('.test.ts'))).toBe(false);
  });

  it('diagnostics catalogue: every code is written once', () => {
    const source = readFileSync(join(ROOT, 'src/core/diagnostics.ts'), 'utf8');
    const written = [...source.matchAll(/^\s*'([a-z0-9-]+)':\s*\{/gm)].map((m) => m[1]);
    expect(written.length).toBe(new Set(written).size);
    expect(written.sort()).toEqual(Object.keys(DIAGNOSTICS).sort());
  });

  it('diagnostics catalogue: every code is used somewhere in src outside the catalogue', () => {
    const sources = sourceFiles('src').filter((f) => !f.endsWith('core/diagnostics.ts')).map((f) => readFileSync(f, 'utf8'));
    const unused = Object.keys(DIAGNOSTICS).filter((code) => !sources.some((s) => s.includes(`'${code}'`) || s.includes(`"${code}"`)));
    expect(unused).toEqual([]);
  });
});
