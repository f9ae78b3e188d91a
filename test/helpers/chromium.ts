import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/**
 * Debian's Chromium; the tests never download a browser.
 * @example chromium.launch({executablePath: CHROMIUM})
 */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * True when the end-to-end tests can run here.
 * @example describe.skipIf(!hasChromium)('explorer', () => { … })
 */
export const hasChromium = existsSync(CHROMIUM);

/**
 * Headless Chromium with a fresh profile, and nothing that reaches for the network (these
 * machines have none).
 * @example const browser = await launchChromium(); const page = await browser.context.newPage()
 */
export async function launchChromium(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'onrecord-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
