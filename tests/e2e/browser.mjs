// Launches Debian's Chromium through playwright-core (no browser download) with the flags this
// machine needs, and collects page errors so tests can assert there were none.
import { chromium } from 'playwright-core';
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
  // The reader's page is complete before its app starts, and a tap before then does nothing:
  // like a reader who waits for the controls to appear, a test waits until the app has adopted
  // the page (`<html class="live">`), where it can (a browser without WebAssembly cannot).
  for (const name of ['goto', 'reload', 'goBack', 'goForward']) {
    const navigate = page[name].bind(page);
    page[name] = async (...args) => {
      const response = await navigate(...args);
      await page.waitForFunction(() => !document.getElementById('sheto-issue')
        || typeof WebAssembly !== 'object' || document.documentElement.classList.contains('live'), null, { timeout: 30_000 });
      return response;
    };
  }
  return page;
}

/** A new page (as [`newPage`]) at `url`, once `ready` (a selector) is on it. */
export async function openAt(context, url, { viewport = DESKTOP, ready, state = 'visible' } = {}) {
  const page = await newPage(context, viewport);
  page.response = await page.goto(url);
  if (ready) await page.locator(ready).first().waitFor({ state });
  return page;
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
    .replace(/<div id="app">[\s\S]*<script type="application\/json" id="sheto-issue">[\s\S]*?<\/script>/, '<div id="app"></div>');
  if (html.includes('id="sheto-issue"') || !html.includes('<div id="app"></div>')) throw new Error('not a published reader page');
  await page.route((u) => u.href === new URL(url).href, (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
}
