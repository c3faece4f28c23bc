// End-to-end: what a next month's bundle may hold that no. 233 does not, as a reader sees it.
// The bundle is no. 233's with the changes the importer now makes for such texts (a fixture, not a
// real issue): a growth figure the newsletter printed as — (null), a city outside the office's
// regions (null region) whose event's dates could not be read (kept as printed), and an event
// with no link.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { serve } from './server.mjs';
import { launch, newPage, screenshot, PHONE, DESKTOP, openAt } from './browser.mjs';

const DIST = path.resolve(process.env.DIST ?? 'dist');
const PREFIX = '/next/month/';
const bundle = JSON.parse(fs.readFileSync('public/issues/233.json', 'utf8'));
bundle.economic_data.rows[2].trade_yoy = null; // 安徽省's trade growth: printed as —
bundle.events.cities.push({
  city: null,
  heading: '成都',
  events: [{
    start: null, end: null, dates: '2026年7月（待定）',
    name: '示例展覽會（測試資料，虛構）', venue: '成都示例會展中心', organisers: ['示例主辦機構'], url: '',
  }],
});
let site, server, browser;

// A site published with this bundle as its newest issue (`sheto publish`, as a deploy does).
before(async () => {
  site = fs.mkdtempSync(path.join(os.tmpdir(), 'sheto-next-month-'));
  fs.cpSync(DIST, site, { recursive: true });
  fs.writeFileSync(path.join(site, 'issues/233.json'), JSON.stringify(bundle));
  execFileSync('target/release/sheto', ['publish', site], { stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync('node', ['scripts/postbuild.mjs', site], { stdio: ['ignore', 'ignore', 'inherit'] });
  server = await serve(site, PREFIX);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (site) fs.rmSync(site, { recursive: true, force: true });
});

const open = (query = '', viewport = DESKTOP) => openAt(browser, server.url + query, { viewport, ready: '#data' });

test('a figure not published is a dash that says so, in the table and the chart', async () => {
  const page = await open();
  const cell = page.locator('#data .data-table tr[data-region="anhui"] td').nth(3);
  assert.equal((await cell.innerText()).trim(), '— 未公佈');
  assert.equal(await cell.getAttribute('title'), '未公佈');
  // The other three figures of the row are there.
  const row = await page.locator('#data .data-table tr[data-region="anhui"]').innerText();
  for (const figure of ['13,014.0', '+5.8%', '3,929.5']) assert.ok(row.includes(figure), figure);
  // The growth chart's table view says it in words; the trade chart keeps 3,929.5 with (—).
  await page.locator('#chart-growth').scrollIntoViewIfNeeded();
  await page.locator('#chart-growth').getByRole('button', { name: '表格' }).click();
  const growth = await page.locator('#chart-growth .chart-table').innerText();
  assert.ok(growth.includes('未公佈'), growth);
  await page.locator('#chart-growth').getByRole('button', { name: '表格' }).click();
  await page.locator('#chart-growth canvas').first().scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  await page.locator('#chart-growth').screenshot({ path: 'tests/e2e/screenshots/next-month-growth-chart.png' });
  await page.locator('#data').scrollIntoViewIfNeeded();
  console.log('screenshot:', await screenshot(page, 'next-month-data-desktop'));
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('in English the missing figure reads "not published"', async () => {
  const page = await open('?lang=en', PHONE);
  const cell = page.locator('#data .data-table tr[data-region="anhui"] td').nth(3);
  assert.equal(await cell.getAttribute('title'), 'not published');
  assert.ok((await cell.innerText()).includes('not published'));
  await cell.scrollIntoViewIfNeeded();
  console.log('screenshot:', await screenshot(page, 'next-month-data-phone-en'));
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a city with no region shows its event with its dates as printed, and hides while filtering', async () => {
  const page = await open('', PHONE);
  const chengdu = page.locator('#events section.group', { hasText: '成都' });
  await chengdu.scrollIntoViewIfNeeded();
  assert.ok(await chengdu.isVisible());
  const text = await chengdu.innerText();
  assert.ok(text.includes('2026年7月（待定）'), text);
  assert.ok(text.includes('示例展覽會（測試資料，虛構）'), text);
  assert.equal(await chengdu.locator('time').getAttribute('datetime'), null);
  console.log('screenshot:', await screenshot(page, 'next-month-events-phone'));
  await page.getByRole('checkbox', { name: /^浙江省/ }).click();
  assert.equal(await chengdu.isVisible(), false);
  await page.getByRole('button', { name: /^全部/ }).click();
  assert.ok(await chengdu.isVisible());
  assert.deepEqual(page.errors, []);
  await page.close();
});
