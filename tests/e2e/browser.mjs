// Launches Debian's Chromium through playwright-core (no browser download) with the flags this
// machine needs, and collects page errors so tests can assert there were none.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

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
  return page;
}

export const SCREENSHOTS = path.resolve('tests/e2e/screenshots');

export async function screenshot(page, name) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}
