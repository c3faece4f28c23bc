// Launches Debian's Chromium through playwright-core (no browser download) with the flags this
// machine needs, and collects page errors so tests can assert there were none.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };
/** A phone as a context: its screen, dpr 3, touch. The tests' and the benchmarks' one profile. */
export const PHONE_DEVICE = { viewport: PHONE, deviceScaleFactor: 3, isMobile: true, hasTouch: true };

/** A browser context; `options` are Playwright context options (deviceScaleFactor, hasTouch…). */
export async function launch(options = {}, extraArgs = []) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sheto-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic', ...extraArgs,
    ],
    viewport: DESKTOP,
    acceptDownloads: true,
    // page.route() cannot see a service worker's requests: tests that need the worker ask for it.
    serviceWorkers: 'block',
    // A reader in Hong Kong: the first visit's language follows the browser (zh-HK → 繁).
    locale: 'zh-HK',
    ...options,
  });
  // Its profile goes with it: a test run launches dozens, and /tmp fills up over many runs.
  const close = context.close.bind(context);
  context.close = async (...args) => {
    await close(...args);
    fs.rmSync(userDataDir, { recursive: true, force: true });
  };
  return context;
}

/** A new page that records console errors and uncaught exceptions. */
export async function newPage(context, viewport = DESKTOP) {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && page.errors.push(m.text()));
  // The reader's page is complete, and its filter, links and search form work, before its app
  // starts; the app comes with the reader's first input (Trunk.toml's loader). Like a reader
  // about to act, a test gives that input (a key that does nothing on the page) and waits until
  // the app has adopted the page (`<html class="live">`), where it can (a browser without
  // WebAssembly cannot).
  for (const name of ['goto', 'reload', 'goBack', 'goForward']) {
    const navigate = page[name].bind(page);
    page[name] = async (...args) => {
      const response = await navigate(...args);
      await wake(page);
      await page.waitForFunction(() => !document.getElementById('sheto-issue')
        || typeof WebAssembly !== 'object' || document.documentElement.classList.contains('live'), null, { timeout: 30_000 });
      return response;
    };
  }
  return page;
}

/** The reader's first input on a published page, which brings its app (a Shift key: it does
 * nothing on the page). Nothing where the app is there already or cannot come. */
export async function wake(page) {
  const waiting = await page.evaluate(() => Boolean(document.getElementById('sheto-issue'))
    && typeof WebAssembly === 'object' && !document.documentElement.classList.contains('live'));
  if (waiting) await page.keyboard.press('Shift');
}

/** A new page (as [`newPage`]) at `url`, once `ready` (a selector) is on it. */
export async function openAt(context, url, { viewport = DESKTOP, ready, state = 'visible' } = {}) {
  const page = await newPage(context, viewport);
  page.response = await page.goto(url);
  if (ready) await page.locator(ready).first().waitFor({ state });
  return page;
}

/** A province's chip (a checkbox, so the filter works from the HTML) or 全部 / All (the filter
 * form's reset button), by the start of its name. */
export const chip = (page, name) => /^(全部|All)$/.test(name)
  ? page.getByRole('button', { name: new RegExp(`^${name}`) })
  : page.getByRole('checkbox', { name: new RegExp(`^${name}`) });

/** The province filter driven as a reader would, on a page where the app is not running (no
 * WebAssembly, no script): the HTML's checkboxes and the stylesheet alone filter the news and
 * the events, say when a section has nothing, and 全部 resets. */
export async function filtersWithoutTheApp(page) {
  const items = page.locator('#news article.article:visible');
  const events = page.locator('#events tr.event:visible');
  const noEvents = page.locator('#events .empty');
  assert.equal(await items.count(), 17);
  assert.ok(await chip(page, '浙江省').isVisible(), 'the chips are there at first paint');
  await chip(page, '浙江省').check();
  assert.deepEqual(await items.evaluateAll((els) => els.map((e) => e.dataset.number)), ['13', '14', '15', '16', '17']);
  assert.equal(await events.count(), 0);
  assert.ok(await noEvents.isVisible(), 'no event in 浙江: the page says so');
  assert.equal(await page.locator('#news .empty').isVisible(), false);
  const lit = () => page.locator('.data-table tbody tr').evaluateAll((rows) => {
    const probe = document.body.appendChild(Object.assign(document.createElement('div'), { style: 'background: var(--highlight)' }));
    const highlight = getComputedStyle(probe).backgroundColor;
    probe.remove();
    return rows.filter((r) => getComputedStyle(r.firstElementChild).backgroundColor === highlight).map((r) => r.dataset.region);
  });
  assert.deepEqual(await lit(), ['zhejiang'], 'its data row is lit');
  await chip(page, '上海市').check();
  assert.equal(await items.count(), 8);
  assert.equal(await events.count(), 3);
  assert.equal(await noEvents.isVisible(), false);
  await chip(page, '全部').click();
  assert.equal(await items.count(), 17);
  assert.equal(await events.count(), 4);
  assert.equal(await page.locator('.region-chips :checked').count(), 0);
}

export const SCREENSHOTS = path.resolve('tests/e2e/screenshots');

export async function screenshot(page, name) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/**
 * Serves `url` (the reader's page) as trunk builds it, before `sheto publish` draws an issue into
 * it: the app then draws the issue itself, from a fetch a test can break or fill with hostile
 * text — the path every issue but the newest, and every other edition, takes.
 */
export async function unpublished(page, dist, url) {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8')
    .replace(/<div id="app">[\s\S]*<script type="application\/json" id="sheto-issue"[^>]*>[\s\S]*?<\/script>/, '<div id="app"></div>')
    .replace(/ data-issue="\d+"/, '');
  if (html.includes('id="sheto-issue"') || !html.includes('<div id="app"></div>')) throw new Error('not a published reader page');
  await page.route((u) => u.href === new URL(url).href, (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
}
