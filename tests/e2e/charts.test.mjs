// End-to-end: the three charts of no. 233 on a desktop and on a touch phone at dpr 3 — pixels
// at the bars, hover, tap, keyboard, the filter both ways, the table switch and downloads.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve } from './server.mjs';
import { launch, newPage, screenshot, PHONE, DESKTOP, PHONE_DEVICE } from './browser.mjs';

const DIST = path.resolve(process.env.DIST ?? 'dist');
let server, desktop, phone;

before(async () => {
  server = await serve(DIST, '/charts/sub/path/');
  desktop = await launch();
  phone = await launch(PHONE_DEVICE);
});
after(async () => {
  await desktop?.close();
  await phone?.close();
  await server?.close();
});

// The geometry's constants (src/chart/geometry.rs): rows of 44 CSS px under an 8 px top pad.
const ROW = 44, TOP = 8;
const rowCentre = (category) => TOP + (category + 0.5) * ROW;
const ORDER = ['shanghai', 'jiangsu', 'anhui', 'shandong', 'zhejiang'];
const BLUE = [0x00, 0x72, 0xb2];

async function open(context, query = '', viewport) {
  const page = await newPage(context, viewport ?? (context === phone ? PHONE : DESKTOP));
  await page.goto(server.url + query);
  const canvas = page.locator('#chart-gdp .chart-surface');
  await canvas.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('#chart-gdp .chart-base').width > 300);
  return { page, canvas };
}

/** The colour of the GDP chart's pixel 6 CSS px into the bar of a region. */
async function barPixel(page, region) {
  // Bars start at the plot's left edge: the widest name (3 CJK characters × 13 px) + 12 px.
  const x = 3 * 13 + 12 + 6;
  const y = rowCentre(ORDER.indexOf(region));
  return page.evaluate(([x, y]) => {
    const c = document.querySelector('#chart-gdp .chart-base');
    const dpr = c.width / c.clientWidth;
    const pixel = c.getContext('2d').getImageData(Math.round(x * dpr), Math.round(y * dpr), 1, 1).data;
    return [...pixel.slice(0, 3)];
  }, [x, y]);
}

const near = (a, b, tol = 12) => a.every((v, i) => Math.abs(v - b[i]) <= tol);

test('three charts, sized before drawing, crisp at dpr 3', async () => {
  const { page } = await open(phone);
  for (const id of ['gdp', 'trade', 'growth']) {
    await page.locator(`#chart-${id} .chart-base`).scrollIntoViewIfNeeded();
    await page.waitForFunction((id) => document.querySelector(`#chart-${id} .chart-base`).width > 300, id);
  }
  const charts = await page.locator('figure.chart .chart-base').evaluateAll((cs) =>
    cs.map((c) => ({ label: c.nextElementSibling.getAttribute('aria-label'), w: c.width, h: c.height, cw: c.clientWidth, ch: c.getBoundingClientRect().height })));
  assert.deepEqual(charts.map((c) => c.label), ['地區生產總值（億人民幣）', '進出口總額（億人民幣）', '增長比較：與2025年同期相比']);
  for (const c of charts) {
    assert.equal(c.w, Math.round(c.cw * 3), 'backing store is CSS width × dpr');
  }
  assert.equal(charts[0].ch, 8 + 5 * 44 + 26, 'the GDP chart is as tall as its geometry says');
  assert.equal(charts[2].ch, 8 + 2 * 20 + 4 + 5 * 62 + 26, 'the grouped chart, with a legend line per series');
  const subtitle = await page.locator('#chart-growth .chart-subtitle').textContent();
  assert.equal(subtitle, '地區生產總值為2026年1月至3月，進出口總額為2026年1月至4月（兩者月份不同）');
  assert.ok(await page.locator('.charts > .source').textContent(), '(數據錄自各省市政府相關網站)');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('bars are drawn where the geometry puts them, and the filter dims the others', async () => {
  const { page } = await open(desktop, '?region=zhejiang');
  assert.ok(near(await barPixel(page, 'zhejiang'), BLUE), `zhejiang is full blue: ${await barPixel(page, 'zhejiang')}`);
  const faint = await barPixel(page, 'shanghai');
  assert.ok(!near(faint, BLUE) && faint[2] > 180, `shanghai is faint: ${faint}`);
  // The chips drive the chart: choose 上海市 too.
  await page.getByRole('checkbox', { name: /^上海市/ }).click();
  await page.waitForFunction(() => true);
  assert.ok(near(await barPixel(page, 'shanghai'), BLUE));
  await page.close();
});

test('hover shows the exact values; clicking a bar toggles its region', async () => {
  const { page, canvas } = await open(desktop);
  const box = await canvas.boundingBox();
  await page.mouse.move(box.x + box.width * 0.3, box.y + rowCentre(2));
  const tip = page.locator('#chart-gdp .chart-tooltip');
  await tip.waitFor();
  assert.equal(await tip.textContent(), '安徽省：地區生產總值 13,014.0 億人民幣，與2025年同期相比 +5.8%（2026年1月至3月）');
  await page.mouse.click(box.x + box.width * 0.3, box.y + rowCentre(4));
  await page.waitForURL(/\?region=zhejiang$/);
  assert.equal(await page.locator('#news article.article:visible').count(), 5);
  assert.equal(await page.getByRole('checkbox', { name: /^浙江省/ }).isChecked(), true);
  // Clicking it again clears it: the same state as the chips, not a copy.
  await page.mouse.click(box.x + box.width * 0.3, box.y + rowCentre(4));
  await page.waitForURL((u) => !u.search);
  assert.equal(await page.locator('#news article.article:visible').count(), 17);
  await page.mouse.move(box.x + 5, box.y + rowCentre(1));
  await page.waitForFunction(() => document.querySelector('#chart-gdp .chart-tooltip')?.textContent.startsWith('江蘇省'));
  await page.mouse.move(0, 0);
  await tip.waitFor({ state: 'detached' });
  await page.close();
});

test('a tap on a phone shows the tooltip and toggles the region', async () => {
  const { page, canvas } = await open(phone);
  const box = await canvas.boundingBox();
  await page.touchscreen.tap(box.x + box.width * 0.25, box.y + rowCentre(3));
  await page.waitForURL(/\?region=shandong$/);
  const tip = await page.locator('#chart-gdp .chart-tooltip').textContent();
  assert.match(tip, /^山東省：地區生產總值 24,844.0 億人民幣，與2025年同期相比 \+6.0%/);
  assert.ok(near(await barPixel(page, 'shandong'), BLUE));
  console.log(`screenshot: ${await screenshot(page, 'chart-phone-tap')}`);
  await page.close();
});

test('keyboard: focus, arrows, Enter, and a live readout', async () => {
  const { page, canvas } = await open(desktop);
  await canvas.focus();
  const live = page.locator('#chart-growth .chart-live');
  const growth = page.locator('#chart-growth .chart-surface');
  await growth.focus();
  assert.match(await live.textContent(), /^上海市：地區生產總值 13,526.9 億人民幣，與2025年同期相比 \+5.9%（2026年1月至3月）。未選/);
  // Bars are read region by region: 上海 GDP, 上海 trade, 江蘇 GDP…
  await page.keyboard.press('ArrowDown');
  assert.match(await live.textContent(), /^上海市：進出口總額 16,834.4/);
  await page.keyboard.press('ArrowDown');
  assert.match(await live.textContent(), /^江蘇省：地區生產總值/);
  await page.keyboard.press('ArrowRight');
  assert.match(await live.textContent(), /^江蘇省：進出口總額 21,965.4 億人民幣，與2025年同期相比 \+19.0%（2026年1月至4月）/);
  await page.keyboard.press('End');
  assert.match(await live.textContent(), /^浙江省：進出口總額/);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\?region=zhejiang$/);
  assert.match(await live.textContent(), /。已選$/);
  assert.equal(await live.getAttribute('aria-live'), 'polite');
  assert.ok(await growth.getAttribute('aria-describedby'));
  await page.close();
});

test('the table switch shows the same numbers', async () => {
  const { page } = await open(desktop);
  await page.locator('#chart-trade').getByRole('button', { name: '表格' }).click();
  const rows = await page.locator('#chart-trade .chart-table tbody tr').allInnerTexts();
  assert.equal(rows.length, 5);
  assert.match(rows[2], /安徽省\s+3,929.5（\+34.0%）/);
  assert.equal(await page.locator('#chart-trade .chart-surface').isVisible(), false);
  await page.close();
});

test('PNG and CSV downloads', async () => {
  const { page } = await open(desktop);
  const [png] = await Promise.all([page.waitForEvent('download'), page.locator('#chart-gdp').getByRole('button', { name: '下載 PNG' }).click()]);
  assert.equal(png.suggestedFilename(), 'sheto-233-gdp.png');
  const pngBytes = fs.readFileSync(await png.path());
  assert.deepEqual([...pngBytes.subarray(1, 4)], [0x50, 0x4e, 0x47]);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('#chart-growth').getByRole('button', { name: '下載 CSV' }).click()]);
  assert.equal(csv.suggestedFilename(), 'sheto-233-growth.csv');
  const text = fs.readFileSync(await csv.path(), 'utf8');
  assert.ok(text.startsWith('\ufeff省/市,'), 'UTF-8 with BOM');
  assert.match(text, /\r\n浙江省,23684.0,6.0,18641.5,6.7\r\n/);
  await page.close();
});

test('charts redraw on resize, legible at 360 px', async () => {
  const { page } = await open(desktop);
  const width = () => page.evaluate(() => document.querySelector('#chart-gdp .chart-base').width);
  const before = await width();
  await page.setViewportSize({ width: 360, height: 800 });
  await page.waitForFunction((b) => document.querySelector('#chart-gdp .chart-base').width !== b, before);
  const after = await page.evaluate(() => { const c = document.querySelector('#chart-gdp .chart-base'); return [c.width, c.clientWidth]; });
  assert.equal(after[0], after[1], 'dpr 1: backing store equals CSS width');
  assert.ok(after[1] <= 360 - 32 + 1, `fits the phone: ${after[1]}`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0);
  await page.evaluate(() => document.getElementById('chart-growth').scrollIntoView());
  console.log(`screenshot: ${await screenshot(page, 'chart-360-growth')}`);
  await page.close();
});

test('charts in dark mode', async () => {
  const page = await newPage(desktop, DESKTOP);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(server.url + '?region=anhui');
  await page.locator('#chart-gdp .chart-base').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('#chart-gdp .chart-base').width > 300);
  const bg = await page.evaluate(() => [...document.querySelector('#chart-gdp .chart-base').getContext('2d').getImageData(2, 2, 1, 1).data.slice(0, 3)]);
  await page.locator('#chart-growth .chart-base').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('#chart-growth .chart-base').width > 300);
  assert.deepEqual(bg, [0x1e, 0x1f, 0x24]);
  console.log(`screenshot: ${await screenshot(page, 'chart-desktop-dark')}`);
  await page.close();
});

test('printed: every chart on paper, the screen controls hidden, each URL once', async () => {
  const page = await newPage(desktop);
  await page.goto(server.url);
  await page.locator('#news').waitFor();
  // Ink on a chart's canvas: pixels that are not transparent.
  const ink = (id) => page.evaluate((id) => {
    const c = document.querySelector(`#chart-${id} .chart-base`);
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
    return n;
  }, id);
  // Never scrolled to, the last chart is not drawn on screen…
  assert.equal(await ink('growth'), 0);
  // …printing draws it (and the others) before the page goes to paper.
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 20_000, `a PDF of ${pdf.length} bytes`);
  for (const id of ['gdp', 'trade', 'growth']) assert.ok(await ink(id) > 10_000, `chart ${id} drawn for print`);
  await page.emulateMedia({ media: 'print' });
  for (const control of ['.lang-switch', '.search', '.region-chips', '.chart-tools']) {
    assert.equal(await page.locator(control).first().isVisible(), false, `${control} is not printed`);
  }
  // A link that reads as its URL is printed once.
  const after = await page.locator('#events a.bare').first().evaluate((a) => getComputedStyle(a, '::after').content);
  assert.equal(after, 'none');
  await page.close();
});
