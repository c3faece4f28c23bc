// End-to-end: 繁 / 简 / EN, search across issues and the Atom feed, on the release build served
// under a sub-path, in Debian's Chromium, as readers with different browser languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve } from './server.mjs';
import { launch, newPage, screenshot, PHONE, DESKTOP } from './browser.mjs';

const DIST = path.resolve(process.env.DIST ?? 'dist');
const PREFIX = '/newsletter/sheto/';
const HANS = JSON.parse(fs.readFileSync('public/issues/233.zh-Hans.json', 'utf8'));
let server;
const browsers = [];

before(async () => {
  assert.ok(fs.existsSync(path.join(DIST, 'index.html')), `${DIST}/index.html: build the app first`);
  server = await serve(DIST, PREFIX);
});
after(async () => {
  for (const b of browsers) await b.close();
  await server?.close();
});

/** A browser whose preferred language is `locale`, as on a reader's phone or desktop. */
async function browserIn(locale, options = {}) {
  const b = await launch({ locale, ...options });
  browsers.push(b);
  return b;
}

async function open(browser, query = '', viewport = DESKTOP) {
  const page = await newPage(browser, viewport);
  const bundles = [];
  page.on('request', (r) => r.url().includes('/issues/') && bundles.push(new URL(r.url()).pathname));
  page.bundles = bundles;
  await page.goto(server.url + query);
  // Attached, not visible: while a search is open the issue is hidden behind its results.
  await page.locator('#news').waitFor({ state: 'attached' });
  return page;
}

const sectionNav = (page) => page.locator('.section-nav a').allTextContents();
const fontOf = (page, selector) => page.locator(selector).first().evaluate((e) => getComputedStyle(e).fontFamily);

test('the first visit follows the browser: zh-CN reads 简, en-US gets an English interface', async () => {
  const cn = await open(await browserIn('zh-CN'), '', PHONE);
  assert.equal(await cn.locator('html').getAttribute('lang'), 'zh-Hans');
  // Sent, before anything is drawn, to the page published in 简: nothing is redrawn,
  // no bundle fetched to redraw it.
  assert.equal(cn.url(), `${server.url}issues/233.zh-Hans.html`);
  assert.equal(await cn.locator('h1').textContent(), '香港特区政府驻上海经济贸易办事处通讯');
  assert.deepEqual((await sectionNav(cn)).slice(0, 4), ['主要动态', '经贸快讯', '经贸数据', '经贸活动']);
  await cn.waitForFunction(() => document.documentElement.classList.contains('live'));
  const bundle = (p) => /\/issues\/\d+[^/]*\.json$/.test(p);
  assert.ok(!cn.bundles.some(bundle), cn.bundles.join());
  // The Simplified edition's text, every paragraph of it, is what is on the page.
  const text = await cn.locator('main').innerText();
  for (const g of [...HANS.key_developments.groups, ...HANS.news_flash.groups]) {
    for (const a of g.articles) for (const p of a.paragraphs) assert.ok(text.includes(p), p.slice(0, 20));
  }
  assert.ok(text.includes('浙江独角兽企业达58家') && text.includes('34,483.0') && text.includes('CargoX'));
  // The newsletter's own labels follow the script too; the data table names provinces in 简.
  assert.ok(text.includes('详情请参看：') && !text.includes('詳情請參看'));
  assert.ok(text.includes('江苏省') && !text.includes('江蘇省'));
  assert.match(await fontOf(cn, 'main'), /PingFang SC/);
  await screenshot(cn, 'lang-first-visit-zh-CN-phone');

  const en = await open(await browserIn('en-US'), '#data');
  assert.equal(en.url(), `${server.url}issues/233.en.html#data`);
  assert.equal(await en.locator('html').getAttribute('lang'), 'en');
  assert.deepEqual(await sectionNav(en), ['Key developments', 'Trade news', 'Economic data', 'Events', 'Contact', 'About']);
  assert.equal(await en.getByRole('checkbox', { name: /^Zhejiang/ }).count(), 1);
  // The newsletter's own text stays in Chinese (the original), and says so for fonts and speech.
  assert.equal(await en.locator('main').getAttribute('lang'), 'zh-Hant');
  assert.equal(await en.locator('h1').textContent(), '香港特區政府駐上海經濟貿易辦事處通訊');
  assert.match(await fontOf(en, '.section-nav a'), /system-ui/);
  assert.match(await fontOf(en, 'main'), /PingFang TC/);
  // Adopted as published: the English page needs no issue fetched to be drawn again.
  await en.waitForFunction(() => document.documentElement.classList.contains('live'));
  assert.ok(!en.bundles.some(bundle), en.bundles.join());
  assert.deepEqual([...cn.errors, ...en.errors], []);
  await screenshot(en, 'lang-first-visit-en-desktop');
  await cn.close();
  await en.close();
});

test('a reader switches 繁 → 简 → EN and the choice is kept across reloads and visits', async () => {
  const browser = await browserIn('zh-HK', { hasTouch: true });
  const page = await open(browser, '?region=zhejiang', PHONE);
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-Hant-HK');
  await page.getByRole('link', { name: '简体中文' }).tap();
  await page.locator('h1', { hasText: '香港特区政府' }).waitFor();
  assert.equal(await page.getByRole('link', { name: '简体中文' }).getAttribute('aria-current'), 'true');
  // The filter survives the switch; the URL says the language so the view can be shared.
  await page.waitForURL(/lang=zh-Hans/);
  assert.match(page.url(), /region=zhejiang/);
  assert.equal(await page.locator('#news article.article:visible').count(), 5);
  assert.equal(await page.locator('#news .filter-status').textContent(), '显示 5 则快讯（共 17 则）');

  // A new visit without `lang` in the address keeps the choice: the 简 page.
  const again = await open(browser, '', PHONE);
  assert.equal(again.url(), `${server.url}issues/233.zh-Hans.html`);
  assert.equal(await again.locator('html').getAttribute('lang'), 'zh-Hans');
  await again.getByRole('link', { name: 'English' }).click();
  await again.locator('.section-nav a', { hasText: 'Key developments' }).waitFor();
  await again.waitForURL(/issues\/233\.en\.html$/);
  await again.reload();
  await again.locator('#news').waitFor();
  assert.equal(await again.locator('html').getAttribute('lang'), 'en');
  assert.equal(await again.locator('.skip-link').textContent(), 'Skip to content');
  // Back goes to the 简 page's address, which names its language.
  await again.goBack();
  await again.locator('.section-nav a', { hasText: '主要动态' }).waitFor();
  // 繁 chosen by its link is kept: the page at the site's root stays in 繁.
  await again.getByRole('link', { name: '繁體中文' }).click();
  await again.locator('.section-nav a', { hasText: '主要動態' }).waitFor();
  const home = await open(browser, '', PHONE);
  assert.equal(home.url(), server.url);
  assert.equal(await home.locator('html').getAttribute('lang'), 'zh-Hant-HK');
  await home.close();
  assert.deepEqual([...page.errors, ...again.errors], []);
  await page.close();
  await again.close();
});

test('error messages and chart texts follow the interface language', async () => {
  const browser = await browserIn('en-GB');
  const missing = await newPage(browser);
  await missing.goto(server.url + '?issue=999');
  await missing.locator('.error-card').waitFor();
  assert.equal(await missing.locator('.error-card h2').textContent(), 'This issue could not be loaded');
  assert.equal(await missing.locator('.error-message').textContent(), 'The archive has no issue 999.');
  assert.equal(await missing.locator('.retry').textContent(), 'Try again');
  const page = await open(browser, '#data');
  const growth = page.locator('#chart-growth');
  await growth.scrollIntoViewIfNeeded();
  assert.match(await growth.locator('.chart-title').textContent(), /^Growth compared: /);
  await growth.getByRole('button', { name: 'Table' }).click();
  const rows = await growth.locator('tbody th').allTextContents();
  // The newsletter's row order, in English.
  assert.deepEqual(rows, ['Shanghai', 'Jiangsu', 'Anhui', 'Shandong', 'Zhejiang']);
  // The data table is the newsletter's: its province names stay in Chinese.
  assert.equal(await page.locator('.data-table tbody th').first().textContent(), '上海市');
  await missing.close();
  await page.close();
});

test('search: 独角兽 (简) finds no. 233’s item in 繁, highlighted, and a tap opens it filtered', async () => {
  const browser = await browserIn('zh-HK', { hasTouch: true });
  const page = await open(browser, '', PHONE);
  // The index is not downloaded until a reader goes to search.
  assert.ok(!page.bundles.some((p) => p.includes('/search/')));
  const box = page.getByRole('searchbox', { name: '搜尋各期通訊' });
  await box.tap();
  await box.pressSequentially('独角兽');
  await page.locator('.hits .hit').first().waitFor();
  // Its manifest, the shards of each keystroke's characters and pairs, and the texts of the
  // hits: each once, and not the whole index.
  const search = page.bundles.filter((p) => p.includes('/issues/search/'));
  assert.ok(search.some((p) => p.endsWith('/issues/search/index.json')), search.join());
  assert.ok(search.some((p) => /\/b\d+\.bin$/.test(p)) && search.some((p) => /\/t233-\d+\.json$/.test(p)), search.join());
  assert.equal(new Set(search).size, search.length, search.join());
  const { version } = JSON.parse(fs.readFileSync('public/issues/search/index.json', 'utf8'));
  assert.ok(search.length - 1 < fs.readdirSync(`public/issues/search/${version}`).length, search.join());
  assert.equal(await page.locator('.search-status').textContent(), '找到 1 項');
  const hit = page.locator('.hits .hit').first();
  assert.equal(await hit.locator('.hit-title').textContent(), '浙江獨角獸企業達58家');
  assert.deepEqual(await hit.locator('.hit-title mark').allTextContents(), ['獨角獸']);
  assert.ok((await hit.locator('.hit-snippet mark').count()) >= 1);
  assert.match(await hit.locator('.hit-meta').textContent(), /第233期 · 浙江省/);
  await page.waitForURL(/q=%E7%8B%AC%E8%A7%92%E5%85%BD/);
  await screenshot(page, 'search-unicorn-phone');

  // While searching, the results are the page.
  assert.equal(await page.locator('main#main').isHidden(), true);
  await hit.locator('a').tap();
  await page.waitForURL(/#item-17$/);
  assert.match(page.url(), /\?issue=233&region=zhejiang#item-17$/);
  assert.equal(await page.locator('.search-results').count(), 0);
  assert.equal(await page.getByRole('checkbox', { name: /^浙江省/ }).isChecked(), true);
  const item = page.locator('#item-17');
  await item.waitFor();
  assert.match(await item.getAttribute('class'), /found/);
  const box17 = await item.boundingBox();
  assert.ok(box17.y >= 0 && box17.y < PHONE.height, `item 17 on screen (y = ${box17.y})`);
  await screenshot(page, 'search-unicorn-opened-phone');
  // Back returns to the results.
  await page.goBack();
  await page.locator('.hits .hit').first().waitFor();
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('search: 上海 finds no. 233’s Shanghai items in 简, with snippets in Simplified', async () => {
  const browser = await browserIn('zh-CN');
  const page = await open(browser, '?q=' + encodeURIComponent('上海'), DESKTOP);
  await page.locator('.hits .hit').first().waitFor();
  const status = await page.locator('.search-status').textContent();
  const total = Number(status.match(/找到 (\d+) 项/)[1]);
  assert.ok(total >= 6, status);
  assert.equal(await page.locator('.hits .hit').count(), total);
  const metas = await page.locator('.hit-meta').allTextContents();
  assert.ok(metas.every((m) => m.startsWith('第233期')), metas.join());
  assert.ok(metas.filter((m) => m.includes('上海市')).length >= 4, metas.join());
  const titles = await page.locator('.hit-title').allTextContents();
  assert.ok(titles.includes('上海公检法联合发文：集中打击拒不执行等违法行为'), titles.join('\n'));
  // A query in 繁 finds the same items.
  const box = page.getByRole('searchbox');
  await box.fill('上海 經濟');
  await page.locator('.search-status', { hasText: '找到' }).waitFor();
  await box.fill('沒有這個詞');
  await page.locator('.search-status', { hasText: '找不到' }).waitFor();
  assert.equal(await page.locator('.hits .hit').count(), 0);
  await page.getByRole('button', { name: '关闭搜索' }).click();
  await page.locator('.search-results').waitFor({ state: 'detached' });
  await page.waitForURL((url) => !url.search.includes('q='));
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('every item the search index names is an element of its issue’s page', async () => {
  const { version } = JSON.parse(fs.readFileSync('public/issues/search/index.json', 'utf8'));
  const dir = `public/issues/search/${version}`;
  const items = fs.readdirSync(dir).filter((f) => /^t233-\d+\.json$/.test(f)).flatMap((f) => JSON.parse(fs.readFileSync(`${dir}/${f}`, 'utf8')));
  const page = await open(await browserIn('zh-HK'));
  const ids = new Set(await page.locator('main [id]').evaluateAll((els) => els.map((e) => e.id)));
  const anchors = items.map((i) => i.anchor);
  assert.equal(anchors.length, 26);
  for (const a of anchors) assert.ok(ids.has(a), `#${a} is not on the page`);
  await page.close();
});

test('a search index that fails to load is said plainly; closing the search brings the issue back', async () => {
  const browser = await browserIn('zh-HK');
  const page = await newPage(browser, PHONE);
  await page.route('**/issues/search/index.json', (r) => r.fulfill({ status: 500, body: 'oops' }));
  await page.goto(server.url + '?q=上海');
  await page.locator('.search-status[role=alert]').waitFor();
  assert.match(await page.locator('.search-status').textContent(), /^未能載入搜尋索引：伺服器出錯（issues\/search\/index\.json：HTTP 500/);
  // Closing the search brings the issue back, whole.
  await page.getByRole('button', { name: '關閉搜尋' }).click();
  await page.locator('#news').waitFor({ state: 'visible' });
  assert.equal(await page.locator('#news article.article:visible').count(), 17);
  await page.close();
});

test('a damaged shard of the search index is named, and the next search that needs it asks again', async () => {
  const browser = await browserIn('zh-HK');
  const page = await newPage(browser, PHONE);
  let damaged = true;
  await page.route(/\/issues\/search\/[0-9a-f]{16}\/[ub]\d+\.bin$/, async (r) => {
    if (!damaged) return r.continue();
    const body = (await (await r.fetch()).body()).subarray(0, 9);
    await r.fulfill({ status: 200, contentType: 'application/octet-stream', body });
  });
  await page.goto(server.url + '?q=' + encodeURIComponent('上海'));
  await page.locator('.search-status[role=alert]').waitFor();
  assert.match(await page.locator('.search-status').textContent(), /^未能載入搜尋索引：issues\/search\/[0-9a-f]{16}\/b\d+\.bin 的資料有誤/);
  damaged = false;
  await page.getByRole('searchbox').fill('上海 ');
  await page.locator('.search-status', { hasText: /^找到 \d+ 項/ }).waitFor();
  await page.close();
});

test('the Atom feed is served beside the app and its entries open the issue in their language', async () => {
  const page = await newPage(await browserIn('zh-HK'));
  const response = await page.goto(server.url + 'feed.xml');
  assert.equal(response.status(), 200);
  const xml = await response.text();
  assert.equal((xml.match(/<entry /g) ?? []).length, 2);
  const link = xml.match(/hreflang="zh-Hans" href="([^"]+)"/)[1].replaceAll('&amp;', '&');
  await page.goto(new URL(link, server.url + 'feed.xml').href);
  await page.locator('h1', { hasText: '香港特区政府' }).waitFor();
  assert.equal(await page.locator('.dateline').textContent(), '2026年5月（第233期）');
  // The issue's own page (its edition's address), which advertises the feed.
  assert.equal(page.url(), `${server.url}issues/233.zh-Hans.html`);
  assert.equal(await page.locator('link[rel=alternate][type="application/atom+xml"]').evaluate((l) => l.href), `${server.url}feed.xml`);
  await page.close();
});
