// End-to-end: the trend chart across issues, on a FIXTURE archive of three renumbered copies of
// no. 233 (tests/fixtures/archive.mjs; never published). With one real issue there is no trend.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve } from './server.mjs';
import { launch, newPage, screenshot, PHONE } from './browser.mjs';
import { writeFixtureArchive, FIXTURE_MARK } from '../fixtures/archive.mjs';

const DIST = path.resolve(process.env.DIST ?? 'dist');
let site, archive, real, browser;

before(async () => {
  site = fs.mkdtempSync(path.join(os.tmpdir(), 'sheto-trend-'));
  fs.cpSync(DIST, site, { recursive: true });
  writeFixtureArchive(path.join(site, 'issues'), 3);
  archive = await serve(site, '/fixture/archive/');
  real = await serve(DIST, '/real/');
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await archive?.close();
  await real?.close();
  if (site) fs.rmSync(site, { recursive: true, force: true });
});

test('with one issue there is no trend chart', async () => {
  const page = await newPage(browser);
  await page.goto(real.url);
  await page.locator('#chart-growth').waitFor();
  await page.waitForTimeout(300);
  assert.equal(await page.locator('#chart-trend').count(), 0);
  await page.close();
});

test('a fixture archive of three issues draws one line per province, with exact values', async () => {
  const page = await newPage(browser, PHONE);
  const series = [];
  page.on('request', (r) => r.url().endsWith('/issues/series.json') && series.push(r.url()));
  await page.goto(archive.url);
  await page.locator('#news').waitFor();
  assert.ok((await page.locator('h1').textContent()).startsWith(FIXTURE_MARK), 'the page says it is a fixture');
  // The series, which grows with the archive, is not part of the first view…
  await page.locator('#chart-trend').waitFor({ state: 'attached' });
  await page.waitForLoadState('networkidle');
  assert.deepEqual(series, [], 'series.json is not fetched before the trend chart nears the screen');
  const canvas = page.locator('#chart-trend .chart-surface');
  await canvas.scrollIntoViewIfNeeded();
  // …it is fetched, once, when the chart comes near.
  await page.waitForFunction(() => document.querySelector('#chart-trend .chart-base').width > 300);
  assert.equal(series.length, 1);
  await page.waitForFunction(() => document.querySelector('#chart-trend .chart-base').width > 300);
  assert.equal(await canvas.getAttribute('aria-label'), '各期地區生產總值增長（與上年同期相比，%）');
  // Hover the last issue's column near 山東's point (6.0 %, the highest GDP growth).
  const box = await canvas.boundingBox();
  // The plot's top edge (12 CSS px down) is the scale's top, 6 %: the highest GDP growth.
  await page.mouse.move(box.x + box.width - 60, box.y + 13);
  const tip = page.locator('#chart-trend .chart-tooltip');
  await tip.waitFor();
  assert.match(await tip.textContent(), /^(山東省|浙江省)：地區生產總值增長 \+6\.0%（第3期，2026年1月至3月）$/);
  await page.locator('#chart-trend').getByRole('button', { name: '進出口總額' }).click();
  assert.equal(await canvas.getAttribute('aria-label'), '各期進出口總額增長（與上年同期相比，%）');
  await page.mouse.click(box.x + box.width - 60, box.y + 13);
  await page.waitForURL(/\?region=/);
  console.log(`screenshot: ${await screenshot(page, 'trend-phone')}`);
  // Keyboard: focus, walk the issues and provinces from the point tapped (安徽, no. 3).
  await canvas.focus();
  await page.keyboard.press('ArrowLeft');
  const live = page.locator('#chart-trend .chart-live');
  // The same readout as the bar charts: the figure, then whether its province is chosen.
  assert.equal(await live.textContent(), '安徽省：進出口總額增長 +34.0%（第2期，2026年1月至4月）。已選');
  await page.keyboard.press('ArrowDown');
  assert.match(await live.textContent(), /^山東省：進出口總額增長 \+3\.6%（第2期.*。未選/);
  // The table switch shows the same figures: a row per issue, a column per province.
  await page.locator('#chart-trend').getByRole('button', { name: '表格' }).click();
  assert.equal(await page.locator('#chart-trend .chart-table tbody tr').count(), 3);
  assert.equal(await page.locator('#chart-trend .chart-table thead th').count(), 6);
  assert.match(await page.locator('#chart-trend .chart-table tbody tr').nth(2).innerText(), /第3期\s+\+19\.7%\s+\+19\.0%/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('each bundle is fetched once, and quick changes of issue end on the last one chosen', async () => {
  const page = await newPage(browser);
  const bundles = [];
  page.on('request', (r) => /\/issues\/\d+\.json$/.test(r.url()) && bundles.push(r.url().split('/').pop()));
  await page.goto(archive.url);
  await page.locator('#news').waitFor();
  await page.waitForTimeout(300);
  // The newest issue is in the page as published: nothing to fetch for it.
  assert.deepEqual(bundles, []);
  // Two choices in a row, as ↓ held on the picker makes: the page follows the URL.
  for (const n of ['1', '2']) {
    await page.evaluate((n) => {
      const select = document.querySelector('.issue-picker select');
      select.value = n;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }, n);
  }
  await page.locator('.dateline', { hasText: '（第2期）' }).waitFor();
  await page.waitForTimeout(500);
  assert.match(page.url(), /\?issue=2$/);
  assert.match(await page.locator('.dateline').textContent(), /（第2期）/);
  assert.equal(new Set(bundles).size, bundles.length, `each bundle once: ${bundles}`);
  assert.deepEqual(page.errors, []);
  await page.close();
});
