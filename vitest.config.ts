import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // As in web/vite.config.ts: Vite does not resolve chrono-node's "./*" locale exports, so the
  // English locale the engine imports is given by path.
  resolve: { alias: { 'chrono-node/en': fileURLToPath(new URL('node_modules/chrono-node/dist/esm/locales/en/index.js', import.meta.url)) } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
    testTimeout: 20_000,
  },
});
