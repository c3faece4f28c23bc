// End-to-end: an archive longer than index.json lists, on a FIXTURE archive of thirty renumbered
// copies of no. 233 (tests/fixtures/archive.mjs; never published): the newest 24 in index.json,
// the earlier ones by year, fetched only when one of them is asked for.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve } from './server.mjs';
import { launch, newPage, wake } from './browser.mjs';
import { writeFixtureArchive } from '../fixtures/archive.mjs';

const DIST = path.resolve(process.env.DIST ?? 'dist');
let site, server, browser;

before(async () => {
  site = fs.mkdtempSync(path.join(os.tmpdir(), 'sheto-archive-'));
  fs.cpSync(DIST, site, { recursive: true });
  // Issues 1–30, monthly from February 2007: 7–30 in index.json, 1–6 (2007) in index-2007.json.
  writeFixtureArchive(path.join(site, 'issues'), 30);
  server = await serve(site, '/fixture/thirty/');
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (site) fs.rmSync(site, { recursive: true, force: true });
});

test('the first view fetches the newest 24 issues only; an earlier year opens on demand', async () => {
  const index = JSON.parse(fs.readFileSync(path.join(site, 'issues/index.json'), 'utf8'));
  assert.equal(index.issues.length, 24);
  assert.deepEqual(index.older, [{ year: 2007, first: 1, last: 6, file: 'index-2007.json' }]);
  const page = await newPage(browser);
  const fetched = [];
  page.on('request', (r) => fetched.push(r.url().split('/').pop()));
  await page.goto(server.url);
  await page.locator('#news').waitFor();
  assert.match(await page.locator('.dateline').textContent(), /第30期/);
  assert.ok(!fetched.includes('index-2007.json'), 'no year list before it is asked for');
  const options = page.locator('.issue-picker option');
  assert.equal(await options.count(), 24 + 1, 'the newest 24, and 2007');
  assert.equal(await page.locator('.issue-picker optgroup option').textContent(), '2007年');
  await page.locator('.issue-picker select').selectOption('6');
  await page.waitForURL(/\?issue=6$/);
  await page.locator('.dateline', { hasText: '第6期' }).waitFor();
  assert.ok(fetched.includes('index-2007.json'));
  // The picker names the issue on screen, though index.json does not list it.
  assert.equal(await page.locator('.issue-picker select').inputValue(), '6');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('an issue chosen while the page is still being adopted stays chosen', async () => {
  // A slow phone (CPU ×6): the picker answers before the rest of the page is adopted; the
  // adoption's last step reads the URL, and must find the choice in it, not undo it.
  for (let run = 0; run < 3; run++) {
    const context = await launch();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
    await page.goto(server.url);
    await wake(page);
    await page.waitForFunction(() => document.querySelector('.issue-picker optgroup option'));
    await page.evaluate(() => {
      const select = document.querySelector('.issue-picker select');
      select.value = '6';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await page.waitForFunction(() => document.documentElement.classList.contains('live'));
    await page.locator('.dateline', { hasText: '第6期' }).waitFor();
    await page.waitForTimeout(300);
    assert.match(page.url(), /\?issue=6$/);
    assert.match(await page.locator('.dateline').textContent(), /第6期/);
    await context.close();
  }
});

test('every issue of every year has its own page; the picker there moves from page to page', async () => {
  for (let n = 1; n <= 30; n++) {
    for (const file of [`${n}.html`, `${n}.zh-Hans.html`]) {
      const html = fs.readFileSync(path.join(site, 'issues', file), 'utf8');
      assert.ok(html.includes(`（第${n}期）</title>`) && html.includes('data-place="issue"'), file);
    }
  }
  const page = await newPage(browser);
  await page.goto(server.url + 'issues/3.html?region=anhui');
  assert.match(await page.locator('.dateline').textContent(), /第3期/);
  // From an earlier year's page: the picker lists the newest, that year, and the issue on screen.
  await page.locator('.issue-picker select').selectOption('29');
  await page.locator('.dateline', { hasText: '第29期' }).waitFor();
  await page.waitForURL(`${server.url}issues/29.html?region=anhui`);
  // What the address names is what the host sends: the page of no. 29, before any script.
  const response = await page.reload();
  assert.match(await response.text(), /<h1>測試資料（非真實期數）香港特區政府駐上海經濟貿易辦事處通訊<\/h1>[\s\S]*第29期/);
  assert.equal(await page.locator('.issue-picker select').inputValue(), '29');
  await page.goBack();
  await page.locator('.dateline', { hasText: '第3期' }).waitFor();
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('an old link to an earlier issue still opens it', async () => {
  const page = await newPage(browser);
  await page.goto(server.url + '?issue=3&lang=zh-Hans');
  await page.locator('.dateline', { hasText: '第3期' }).waitFor();
  assert.equal(await page.locator('#news article').count(), 17);
  // A number no year lists is said plainly, as before.
  await page.goto(server.url + '?issue=31');
  await page.locator('.error-card').waitFor();
  assert.match(await page.locator('.error-message').textContent(), /第31期/);
  await page.close();
});

test('a search across thirty issues: newest first, 20 at a time, the next 20 fetching only their texts', async () => {
  const page = await newPage(browser);
  const fetched = [];
  page.on('request', (r) => r.url().includes('/issues/search/') && fetched.push(r.url().split('/').pop()));
  await page.goto(server.url + '?q=' + encodeURIComponent('獨角獸'));
  // Each copy's item 17: thirty hits, all titles, newest first.
  await page.locator('.search-status', { hasText: '找到 30 項' }).waitFor();
  await page.locator('.hits .hit:nth-child(20)').waitFor();
  const metas = await page.locator('.hit-meta').allTextContents();
  assert.equal(metas.length, 20);
  assert.deepEqual(metas.slice(0, 3).map((m) => m.trim()), ['第30期 · 浙江省', '第29期 · 浙江省', '第28期 · 浙江省']);
  const shards = fetched.filter((f) => f.endsWith('.bin'));
  assert.ok(shards.length >= 1 && shards.length <= 2, fetched.join());
  const before = fetched.length;
  await page.getByRole('button', { name: '顯示更多' }).click();
  await page.locator('.hits .hit:nth-child(30)').waitFor();
  assert.equal(await page.locator('.hit-meta').last().textContent(), '第1期 · 浙江省');
  const more = fetched.slice(before);
  assert.ok(more.length > 0 && more.every((f) => /^t\d+-\d+\.json$/.test(f)), more.join());
  // The last hit opens its issue at the item.
  await page.locator('.hits .hit a').last().click();
  await page.locator('.dateline', { hasText: '第1期' }).waitFor();
  await page.waitForURL(/#item-17$/);
  assert.deepEqual(page.errors, []);
  await page.close();
});
