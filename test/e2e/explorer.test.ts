import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createExtractor } from '../../src/ingest/extractor.js';
import { createApp } from '../../src/server/app.js';
import { listen, type Listening } from '../../src/server/listen.js';
import { loadSampleCorpus, samplePath } from '../../src/server/sample-corpus.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { hasChromium, launchChromium } from '../helpers/chromium.js';
import { webBuild } from '../helpers/web-build.js';

const fixture = (name: string): string => readFileSync(fileURLToPath(new URL(`../fixtures/web/${name}`, import.meta.url)), 'utf8');
if (!hasChromium) console.warn('e2e: skipped: /usr/bin/chromium is missing (apt-get install chromium; .ci/run does it)');

/** The explorer on a store, served on loopback. */
async function serveExplorer(webRoot: string, withSample: boolean): Promise<Listening> {
  const store = openSqliteStore(':memory:');
  const extractor = await createExtractor(1);
  if (withSample) await loadSampleCorpus(store, extractor, samplePath() as string);
  const app = await createApp({ store, extractor, webRoot, samplePath: samplePath(), allowedHosts: ['127.0.0.1', 'localhost'] });
  const server = await listen(app, { host: '127.0.0.1', port: 0 });
  return { ...server, close: async () => { await server.close(); await store.close(); } };
}

describe.skipIf(!hasChromium)('explorer in Chromium', () => {
  let server: Listening;
  let browser: { context: BrowserContext; close(): Promise<void> };
  let webRoot: string;
  let removeBuild = (): void => undefined;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    ({ root: webRoot, remove: removeBuild } = await webBuild());
    server = await serveExplorer(webRoot, true);
    browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    removeBuild();
  });

  /**
   * A fresh page that records script errors, console errors (CSP violations among them) and
   * dialogs. `withoutCsp` strips the server's Content-Security-Policy, so a hostile-article
   * test shows that nothing runs because of how the text is rendered, not because the CSP
   * blocked it.
   */
  async function open(hash: string, options: { base?: string; withoutCsp?: boolean } = {}): Promise<Page> {
    page = await browser.context.newPage();
    problems = [];
    if (options.withoutCsp) {
      await page.route('**/*', async (route) => {
        const response = await route.fetch();
        const headers = { ...response.headers() };
        delete headers['content-security-policy'];
        await route.fulfill({ response, headers });
      });
    }
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
    page.on('dialog', (dialog) => { problems.push(`dialog: ${dialog.message()}`); void dialog.dismiss(); });
    await page.goto(`${options.base ?? server.url}/${hash}`);
    return page;
  }
  afterEach(async () => {
    await page?.close();
    expect(problems).toEqual([]);
  });

  it('analyse: a pasted article shows every attribution, who said what, and its diagnostics', async () => {
    await open('#/analyse');
    await page.getByLabel('Article text', { exact: true }).fill(fixture('analyse-article.txt'));
    await page.getByLabel(/Article date/).fill('2025-03-13');
    await page.getByRole('button', { name: 'Find who said what' }).click();
    await page.locator('.article-text .m-source').first().waitFor({ timeout: 90_000 });
    expect(await page.locator('.article-text .m-content').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('.article-text .m-cue').count()).toBeGreaterThanOrEqual(3);
    const groups = await page.locator('.who-said-what h3').allTextContents();
    expect(groups.join('|')).toMatch(/Lena Haddad \(\d+ statements?\)/);
    expect(groups.join('|')).toMatch(/Nikolai Petrov/);
    await page.locator('.article-text .m-cue', { hasText: 'added' }).click();
    const details = page.locator('.details');
    await expect.poll(() => details.textContent()).toMatch(/Speaker.*Lena Haddad/);
    expect(await details.textContent()).toMatch(/KindDirect quote.*Confidence\d+%/);
    expect(await page.locator('.diagnostics').textContent()).toMatch(/name spelled 2 ways: Haddad \/ Hadad/);
    expect(await page.locator('.article-text .m-diagnostic').first().textContent()).toBe('Hadad');
  }, 120_000);

  it('analyse: a hostile article is shown as text and nothing in it runs, even without the CSP', async () => {
    await open('#/analyse', { withoutCsp: true });
    const text = fixture('hostile-article.txt');
    await page.getByLabel('Article text', { exact: true }).fill(text);
    await page.getByRole('button', { name: 'Find who said what' }).click();
    await page.locator('.article-text .mark').first().waitFor({ timeout: 90_000 });
    const article = page.locator('.article-text');
    expect(await article.textContent()).toBe(text);
    expect(await article.locator('script, img, a, iframe').count()).toBe(0);
    expect(await page.locator('.details, .who-said-what').locator('script, img').count()).toBe(0);
    await page.locator('.who-said-what button').first().click();
    await page.waitForTimeout(300);
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
  }, 120_000);

  it('analyse: a dropped hostile .html page gives its article text, and none of its scripts run, even without the CSP', async () => {
    await open('#/analyse', { withoutCsp: true });
    await page.getByLabel(/open an .html or .txt file/).setInputFiles({ name: 'quay.html', mimeType: 'text/html', buffer: Buffer.from(fixture('hostile-page.html')) });
    await page.locator('.article-text .mark').first().waitFor({ timeout: 90_000 });
    const value = await page.getByLabel('Article text', { exact: true }).inputValue();
    expect(value).toMatch(/^Storm floods the quay\n\nWater poured over the sea wall/);
    expect(value).not.toMatch(/pwned|Home/);
    expect(await page.locator('.who-said-what').textContent()).toMatch(/Martha Penhale/);
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
  }, 120_000);

  it('document: a stored hostile article, its title and link are rendered inert, even without the CSP', async () => {
    const res = await fetch(`${server.url}/api/documents`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'hostile', text: fixture('hostile-article.txt'), title: '<img src=x onerror="window.__pwned = 1">Minutes', url: 'javascript:window.__pwned = 2', outlet: 'Test Herald', date: '2025-03-11' }),
    });
    expect(res.status).toBe(201);
    await open('#/document/hostile', { withoutCsp: true });
    await page.locator('.article-text .mark').first().waitFor();
    expect(await page.locator('.article-title').textContent()).toBe('<img src=x onerror="window.__pwned = 1">Minutes');
    expect(await page.locator('main img, main script').count()).toBe(0);
    expect(await page.locator('a[href^="javascript"]').count()).toBe(0);
    await open('#/search?outlet=Test%20Herald', { withoutCsp: true });
    await page.locator('.hit').first().waitFor();
    expect(await page.locator('main img, main script').count()).toBe(0);
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
  }, 60_000);

  it('search: words and a speaker find statements; a result opens the article at it', async () => {
    await open('#/search');
    await page.getByLabel('Words in the statement').fill('evidence');
    await page.getByLabel('Speaker').fill('Valdera');
    await page.getByRole('button', { name: 'Search' }).click();
    const hit = page.locator('.hit').first();
    await hit.waitFor();
    expect(page.url()).toContain('#/search?q=evidence&speaker=Valdera');
    expect(await hit.textContent()).toMatch(/evidence.*Ines Valdera · Ashford Coast Herald · 3 Apr 2025 · Direct quote/s);
    await hit.getByRole('link', { name: /Open in article/ }).click();
    await page.locator('.mark.active').first().waitFor();
    expect(page.url()).toMatch(/#\/document\/sample-11\?a=a\d+/);
    expect(await page.locator('.mark.active').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/evidence supports/)]));
    expect(await page.locator('.details').textContent()).toMatch(/Ines Valdera/);
  }, 60_000);

  it('speaker: names and variants, a weekly timeline, latest statements, outlets', async () => {
    await open('#/speakers');
    await page.getByRole('link', { name: 'Nikolai Petrov' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nikolai Petrov' }).waitFor();
    expect(await page.locator('.name-list').textContent()).toMatch(/Petroff/);
    const bars = page.locator('svg.timeline rect');
    expect(await bars.count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator('svg.timeline').getAttribute('aria-label')).toMatch(/^Statements per week from the week of/);
    expect(await page.locator('section', { hasText: 'Latest statements' }).locator('.hit').count()).toBeGreaterThan(0);
    expect(await page.locator('.outlet-list').textContent()).toMatch(/The Calderwick Courier/);
  }, 60_000);

  it('keyboard and small screens: labelled controls, attributions reached with Tab, no sideways scroll at 375 px', async () => {
    await open('#/analyse');
    await page.setViewportSize({ width: 375, height: 800 });
    await page.getByLabel('Article text', { exact: true }).fill(fixture('analyse-article.txt'));
    await page.getByRole('button', { name: 'Find who said what' }).click();
    const first = page.locator('.article-text [role="button"]').first();
    await first.waitFor({ timeout: 90_000 });
    await first.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.details blockquote').count()).toBe(1);
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.getAttribute("role")')).toBe('button');
    const unlabelled = await page.evaluate('[...document.querySelectorAll("input, select, textarea")].filter((el) => !el.labels?.length).length');
    expect(unlabelled).toBe(0);
    for (const hash of ['#/analyse', '#/search', '#/speakers', '#/document/sample-03?a=a2']) {
      await page.goto(`${server.url}/${hash}`);
      await page.waitForTimeout(500);
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    }
  }, 120_000);

  it('sample: an empty corpus offers the sample, and one click fills the explorer', async () => {
    const empty = await serveExplorer(webRoot, false);
    try {
      await open('#/search', { base: empty.url });
      const button = page.getByRole('button', { name: 'Load the sample corpus' });
      await button.click();
      await page.getByText(/Loaded 12 articles with \d+ statements/).waitFor({ timeout: 60_000 });
      await page.locator('.hit').first().waitFor();
      expect(await page.locator('.hit').count()).toBe(20);
    } finally {
      await empty.close();
    }
  }, 120_000);
});
