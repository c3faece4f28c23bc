// End-to-end: the release build served from 127.0.0.1 under a sub-path, driven in Debian's
// Chromium as a reader would. Run by scripts/test after `trunk build --release`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve } from './server.mjs';
import { launch, newPage, screenshot, unpublished, PHONE, DESKTOP, openAt, chip, filtersWithoutTheApp } from './browser.mjs';

const DIST = path.resolve(process.env.DIST ?? 'dist');
const PREFIX = '/any/sub/path/';
const BUNDLE = JSON.parse(fs.readFileSync('public/issues/233.json', 'utf8'));
let server, browser;

before(async () => {
  assert.ok(fs.existsSync(path.join(DIST, 'index.html')), `${DIST}/index.html: build the app first`);
  server = await serve(DIST, PREFIX);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const visibleItems = (page) => page.locator('#news article.article:visible');

const open = (query = '', viewport = DESKTOP) => openAt(browser, server.url + query, { viewport, ready: '#news' });

test('the whole of no. 233 is on the page, in the newsletter order', async () => {
  const page = await open();
  assert.equal(await page.locator('h1').textContent(), '香港特區政府駐上海經濟貿易辦事處通訊');
  assert.equal(await page.locator('.dateline').textContent(), '2026年5月（第233期）');
  assert.equal(await page.locator('#key article').count(), 5);
  assert.equal(await visibleItems(page).count(), 17);
  const numbers = await page.locator('#news article').evaluateAll((els) => els.map((e) => e.dataset.number));
  assert.deepEqual(numbers, Array.from({ length: 17 }, (_, i) => String(i + 1)));
  const headings = await page.locator('main > section > h2').allTextContents();
  assert.deepEqual(headings, ['主要動態', '一. 經貿快訊', '二. 經貿數據', '三. 經貿活動',
    '香港特別行政區政府駐上海經濟貿易辦事處的聯絡方式', '《香港特區政府駐上海經濟貿易辦事處通訊》簡介',
    '其他經貿資訊網頁', '歡迎訂閱', '免責聲明']);
  // Every paragraph of every article reaches the page verbatim.
  const text = await page.locator('main').innerText();
  for (const group of [...BUNDLE.key_developments.groups, ...BUNDLE.news_flash.groups]) {
    for (const a of group.articles) for (const p of a.paragraphs) assert.ok(text.includes(p), p.slice(0, 20));
  }
  for (const figure of ['13,526.9', '+5.9%', '34,483.0', '+34.0%', '18,641.5', '(數據錄自各省市政府相關網站)']) {
    assert.ok(text.includes(figure), figure);
  }
  for (const t of ['2026年6月3日至5日', 'ITE Hong Kong 2026', '86-21-63512233', 'enquiry@sheto.gov.hk', '入境事務組櫃台']) {
    assert.ok(text.includes(t), t);
  }
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('all 35 links open in a new tab without opener or referrer', async () => {
  const page = await open();
  const links = await page.locator('main a[target="_blank"]').evaluateAll((els) =>
    els.map((a) => ({ text: a.textContent, rel: a.rel })));
  assert.equal(links.length, 35);
  for (const l of links) assert.equal(l.rel, 'noopener noreferrer', l.text);
  assert.ok(links.some((l) => l.text === 'https://home.hktdc.com/en/factsheet/FS-7bzaIg5r_ITE HongKong2026'));
  assert.equal(await page.locator('a[href="mailto:yukizhang@sheto.gov.hk"]').count(), 1);
  await page.close();
});

test('choosing 浙江省 leaves its 5 items, records it in the URL, and survives reload, back and forward', async () => {
  const page = await open();
  await chip(page, '浙江省').click();
  assert.equal(await visibleItems(page).count(), 5);
  const numbers = await visibleItems(page).evaluateAll((els) => els.map((e) => e.dataset.number));
  assert.deepEqual(numbers, ['13', '14', '15', '16', '17']);
  // The address bar follows a frame after the page.
  await page.waitForURL(/\?region=zhejiang$/);
  assert.equal(await chip(page, '浙江省').isChecked(), true);
  assert.deepEqual(await page.locator('tr.highlight').evaluateAll((r) => r.map((e) => e.dataset.region)), ['zhejiang']);
  // No event is in 浙江: the page says so instead of showing an empty table.
  assert.ok(await page.getByText('所選省市本期沒有經貿活動。').isVisible());
  assert.match(await page.locator('.filter-status').textContent(), /顯示 5 則快訊（共 17 則）/);

  await chip(page, '上海市').click();
  assert.equal(await visibleItems(page).count(), 8);
  await page.waitForURL(/\?region=shanghai,zhejiang$/);
  assert.equal(await page.locator('#events tr.event:visible').count(), 3);

  await page.reload();
  await page.locator('#news').waitFor();
  assert.equal(await visibleItems(page).count(), 8);

  await page.goBack();
  await page.waitForURL(/\?region=zhejiang$/);
  assert.equal(await visibleItems(page).count(), 5);
  await page.goBack();
  await page.waitForURL((u) => !u.search);
  assert.equal(await visibleItems(page).count(), 17);
  assert.equal(await page.locator('tr.highlight').count(), 0);
  await page.goForward();
  await page.waitForURL(/\?region=zhejiang$/);
  assert.equal(await visibleItems(page).count(), 5);

  await chip(page, '全部').click();
  assert.equal(await visibleItems(page).count(), 17);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('nothing on the page moves as it loads: no layout shift, on a phone or a desktop', async () => {
  for (const viewport of [PHONE, DESKTOP]) {
    const page = await newPage(browser, viewport);
    await page.addInitScript(() => {
      window.__shifts = [];
      new PerformanceObserver((list) => window.__shifts.push(...list.getEntries().filter((e) => !e.hadRecentInput).map((e) => e.value)))
        .observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(server.url);
    await page.locator('#news').waitFor();
    // The charts draw once on screen: scroll through the page, then let it settle.
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += innerHeight / 2) {
        scrollTo(0, y);
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 30)));
      }
    });
    await page.waitForTimeout(300);
    const shifts = await page.evaluate(() => window.__shifts);
    const total = shifts.reduce((a, v) => a + v, 0);
    assert.ok(total < 0.01, `cumulative layout shift ${total} (${shifts.join(', ')}) at ${viewport.width} px`);
    // The observer does see a shift: push the page down and it reports one.
    await page.evaluate(async () => {
      scrollTo(0, 0);
      await new Promise((r) => setTimeout(r, 600));
      document.querySelector('main').before(Object.assign(document.createElement('div'), { style: 'height: 300px' }));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100)));
    });
    assert.ok((await page.evaluate(() => window.__shifts.length)) > shifts.length, 'a shift made on purpose is seen');
    await page.close();
  }
});

test('a shared link opens the same view in a fresh tab', async () => {
  const page = await open('?issue=233&region=anhui,shandong#data');
  assert.equal(await visibleItems(page).count(), 6);
  assert.equal(await chip(page, '安徽省').isChecked(), true);
  assert.equal(await page.locator('.region-chips :checked').count(), 2);
  await page.waitForFunction(() => {
    const top = document.getElementById('data').getBoundingClientRect().top;
    return top >= -2 && top < 120;
  });
  await page.close();
});

test('an item passed on: copied on a desktop, the share sheet on a phone; the link opens that item, in that edition, with the filter', async () => {
  // A desktop with no share sheet (Chromium on Linux has none): the link is copied. Its own
  // browser, as 简 chosen here is remembered for the next visits.
  const desktop = await launch();
  await desktop.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
  const page = await openAt(desktop, server.url + '?region=zhejiang', { ready: '#news' });
  await page.getByRole('link', { name: '简体中文' }).click();
  await page.locator('h1', { hasText: '香港特区政府驻上海经济贸易办事处通讯' }).waitFor();
  const item = visibleItems(page).first();
  const id = await item.getAttribute('id');
  const share = item.getByRole('link', { name: /^分享：/ });
  // From the HTML (before the app, or without it) a plain link to the item on this page.
  assert.equal(await share.getAttribute('href'), `#${id}`);
  await share.click();
  await item.getByRole('status').filter({ hasText: /^已复制链接$/ }).waitFor();
  await item.scrollIntoViewIfNeeded();
  console.log(`screenshot: ${await screenshot(page, 'share-copied-desktop')}`);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, `${server.url}issues/233.zh-Hans.html?region=zhejiang#${id}`);
  assert.deepEqual(page.errors, []);
  await desktop.close();
  // Whoever it is sent to (a browser in English) opens that item, in 简, 浙江 only.
  const other = await launch({ locale: 'en-US' });
  const opened = await openAt(other, copied, { ready: `#${id}` });
  assert.equal(await opened.locator('h1').textContent(), '香港特区政府驻上海经济贸易办事处通讯');
  assert.equal(await visibleItems(opened).count(), 5);
  assert.equal(await chip(opened, '浙江省').isChecked(), true);
  await opened.waitForFunction((id) => {
    const top = document.getElementById(id).getBoundingClientRect().top;
    return top >= -2 && top < 200;
  }, id);
  await other.close();
  // A phone's share sheet (stubbed: headless Chromium has none) gets the item and its link:
  // here an event, from the English interface's page.
  const phone = await newPage(browser, PHONE);
  await phone.addInitScript(() => {
    navigator.share = (data) => { window.shared = { title: data.title, url: data.url }; return Promise.resolve(); };
  });
  await phone.goto(`${server.url}issues/233.en.html`);
  const event = phone.locator('#events tr.event').first();
  await event.getByRole('link', { name: /^Share: / }).click();
  const shared = await (await phone.waitForFunction(() => window.shared)).jsonValue();
  assert.deepEqual(shared, {
    title: BUNDLE.events.cities[0].events[0].name,
    url: `${server.url}issues/233.en.html#${await event.getAttribute('id')}`,
  });
  assert.equal(await event.getByRole('status').textContent(), '', 'the sheet said it: nothing more');
  console.log(`screenshot: ${await screenshot(phone, 'share-phone')}`);
  assert.deepEqual(phone.errors, []);
  await phone.close();
});

test('a link shared in a chat app gets its card: the issue, its headlines and its GDP chart as an image', async () => {
  // What a link preview reads: the page's <head>, fetched without a browser.
  for (const [page, image] of [['', 'issues/233.png'], ['issues/233.zh-Hans.html', 'issues/233.zh-Hans.png']]) {
    const html = await (await fetch(server.url + page)).text();
    const meta = (property) => html.match(new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)">`))?.[1];
    assert.match(meta('og:title'), /第233期/);
    assert.match(meta('og:description'), /CargoX/);
    assert.equal(meta('twitter:card'), 'summary_large_image');
    const card = await fetch(new URL(meta('og:image'), server.url + page));
    assert.equal(new URL(card.url).pathname, PREFIX + image);
    assert.equal(card.headers.get('content-type'), 'image/png');
    const png = Buffer.from(await card.arrayBuffer());
    assert.equal(png.subarray(1, 4).toString(), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1200, 630]);
  }
});

test('section navigation puts the section in the URL', async () => {
  const page = await open('?region=jiangsu');
  await page.locator('.section-nav').getByRole('link', { name: '經貿活動' }).click();
  await page.waitForURL(/\?region=jiangsu#events$/);
  assert.equal(await page.locator('.section-nav a[aria-current="location"]').textContent(), '經貿活動');
  assert.equal(await visibleItems(page).count(), 3, 'the filter stays');
  await page.close();
});

for (const width of [360, 390, 430]) {
  test(`a ${width}px phone has no horizontal scrolling and 44px tap targets`, async () => {
    const page = await open('', { width, height: 844 });
    const { scroll, client } = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    assert.ok(scroll <= client, `page is ${scroll}px wide in a ${client}px viewport`);
    for (const box of await page.locator('.chip, .section-nav a, .issue-picker select, .tool').evaluateAll((els) =>
      els.filter((e) => e.offsetParent).map((e) => e.getBoundingClientRect().height))) {
      assert.ok(box >= 44, `tap target ${box}px`);
    }
    // The data table is stacked as cards: each figure carries its column's label.
    const display = await page.locator('.data-table tbody tr').first().evaluate((e) => getComputedStyle(e).display);
    assert.notEqual(display, 'table-row');
    const label = await page.locator('.data-table td').first().evaluate((e) => getComputedStyle(e, '::before').content);
    assert.equal(label, '"地區生產總值（億人民幣）2026年1月至3月"');
    await page.close();
  });
}

test('screenshots at phone and desktop sizes, light and dark', async () => {
  const files = [];
  for (const [name, viewport] of [['phone', PHONE], ['desktop', DESKTOP]]) {
    const page = await open('', viewport);
    files.push(await screenshot(page, `reader-${name}`));
    await page.locator('#data').scrollIntoViewIfNeeded();
    await chip(page, '浙江省').click();
    await page.evaluate(() => document.getElementById('data').scrollIntoView());
    files.push(await screenshot(page, `reader-${name}-zhejiang-data`));
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.evaluate(() => document.getElementById('events').scrollIntoView());
    files.push(await screenshot(page, `reader-${name}-dark-events`));
    await page.close();
  }
  console.log(`screenshots:\n  ${files.join('\n  ')}`);
  for (const f of files) assert.ok(fs.statSync(f).size > 10_000, f);
});

test('print shows every item and each link’s URL once', async () => {
  const page = await open('?region=anhui');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('#news article.article:visible').count(), 17);
  // The newsletter's links read as their URLs: printed as they are, not followed by themselves.
  const link = page.locator('#news .details a').first();
  assert.match(await link.innerText(), /^https:\/\/www\.shanghai\.gov\.cn/);
  assert.equal(await link.evaluate((a) => getComputedStyle(a, '::after').content), 'none');
  assert.equal(await page.locator('.toolbar').isVisible(), false);
  // No banner (hidden by the app until a new build is ready) and no button on paper.
  assert.equal(await page.locator('.update-banner').isVisible(), false);
  assert.deepEqual(await page.locator('button:visible').allTextContents(), []);
  await page.close();
});

test('the page uses only its own origin and relative URLs', async () => {
  const page = await newPage(browser);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(server.url);
  await page.locator('#news').waitFor();
  assert.ok(requests.length >= 4);
  for (const r of requests.filter((u) => !u.startsWith('data:'))) assert.ok(r.startsWith(server.url), r);
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-Hant-HK');
  await page.close();
});

// Failures: the reader is told what went wrong and can retry; never a blank page.
async function openWith(route, handler, query = '') {
  const page = await newPage(browser);
  await unpublished(page, DIST, server.url + query);
  await page.route(route, handler);
  await page.goto(server.url + query);
  await page.locator('.error-card').waitFor();
  return page;
}

test('a missing issue file shows its message and a working retry button', async () => {
  let fail = true;
  const page = await openWith('**/issues/233.json', (r) =>
    fail ? r.fulfill({ status: 404, body: 'not found' }) : r.continue());
  assert.match(await page.locator('.error-message').textContent(), /找不到檔案（issues\/233\.json：HTTP 404/);
  fail = false;
  await page.getByRole('button', { name: '重試' }).click();
  await page.locator('#news').waitFor();
  assert.equal(await visibleItems(page).count(), 17);
  await page.close();
});

test('a server error on the index is reported', async () => {
  const page = await openWith('**/issues/index.json', (r) => r.fulfill({ status: 500, body: 'boom' }));
  assert.match(await page.locator('.error-message').textContent(), /伺服器出錯（issues\/index\.json：HTTP 500/);
  assert.ok(await page.getByRole('button', { name: '重試' }).isVisible());
  await page.close();
});

test('no connection is reported', async () => {
  const page = await openWith('**/issues/233.json', (r) => r.abort('internetdisconnected'));
  assert.match(await page.locator('.error-message').textContent(), /無法連線/);
  await page.close();
});

test('a bundle that does not validate shows the findings with their paths', async () => {
  const broken = structuredClone(BUNDLE);
  broken.events.cities[0].events[0].end = '2026-06-01';
  broken.news_flash.groups[0].articles[0].links[0] = 'javascript:alert(1)';
  const page = await openWith('**/issues/233.json', (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify(broken) }));
  const findings = await page.locator('.findings li').allTextContents();
  assert.ok(findings.some((f) => f.includes('$.events.cities[0].events[0].end') && f.includes('早於開始日期')), findings.join('\n'));
  assert.ok(findings.some((f) => f.includes('$.news_flash.groups[0].articles[0].links[0]')), findings.join('\n'));
  await page.close();
});

test('invalid JSON is located by line and column', async () => {
  const page = await openWith('**/issues/233.json', (r) => r.fulfill({ contentType: 'application/json', body: '{\n  "number": 233,\n' }));
  assert.match(await page.locator('.findings li').first().textContent(), /^3:1 錯誤：JSON 格式有誤：EOF/);
  await page.close();
});

test('an issue the archive does not have is said plainly', async () => {
  const page = await newPage(browser);
  await page.goto(server.url + '?issue=999');
  await page.locator('.error-card').waitFor();
  assert.equal(await page.locator('.error-message').textContent(), '檔案庫中沒有第999期。');
  await page.close();
});

test('each edition of an issue is a page of its own, adopted by the app, its view in its address', async () => {
  const page = await open('issues/233.zh-Hans.html', PHONE);
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  // Published in its own script, with its title; the app took it over (its controls are live).
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-Hans');
  assert.equal(await page.locator('h1').textContent(), '香港特区政府驻上海经济贸易办事处通讯');
  assert.match(await page.title(), /2026年5月（第233期）/);
  assert.equal(await page.locator('link[rel=canonical]').getAttribute('href'), '233.zh-Hans.html');
  assert.equal(await page.locator('.page').count(), 1);
  assert.ok(await chip(page, '浙江省').isVisible());
  await chip(page, '浙江省').click();
  assert.equal(await visibleItems(page).count(), 5);
  await page.waitForURL(/\/issues\/233\.zh-Hans\.html\?region=zhejiang$/);
  await page.reload();
  assert.equal(await visibleItems(page).count(), 5);
  // 繁: the other edition's address, its bundle fetched from the site's root.
  await page.getByRole('link', { name: '繁體中文' }).click();
  await page.locator('h1', { hasText: '香港特區政府' }).waitFor();
  await page.waitForURL(/\/issues\/233\.html\?region=zhejiang&lang=zh-Hant$/);
  assert.ok(fetched.includes(`${PREFIX}issues/233.json`), fetched.join());
  assert.equal(await visibleItems(page).count(), 5);
  await page.goBack();
  await page.locator('h1', { hasText: '香港特区政府' }).waitFor();
  // The archive, the preview and the search index are the site's, one folder up.
  const footer = await page.locator('.site-footer a').evaluateAll((as) => as.map((a) => a.href));
  assert.deepEqual(footer, [`${server.url}issues/index.html`, `${server.url}preview.html`]);
  await page.getByRole('searchbox').fill('独角兽');
  const hit = page.locator('.hits .hit a').first();
  await hit.waitFor();
  const href = await hit.getAttribute('href');
  assert.match(href, /^233\.zh-Hans\.html(\?region=[a-z]+)?#(item|key|event)-\d+$/);
  await hit.click();
  await page.waitForURL(`${server.url}issues/${href}`);
  console.log(`screenshot: ${await screenshot(page, 'issue-page-hans-phone')}`);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the search box takes a query before the app is there, and the app answers it', async () => {
  // A plain page, not newPage's, which waits for the app on every navigation.
  const page = await browser.newPage();
  await page.setViewportSize(PHONE);
  // The app held back (a slow line): the page is there, the app is not.
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(/_bg\.wasm$/, async (route) => {
    await held;
    await route.continue().catch(() => {});
  });
  await page.goto(server.url);
  const box = page.getByRole('searchbox', { name: '搜尋各期通訊' });
  await box.fill('上海');
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('live')), false);
  await box.press('Enter');
  await page.waitForURL(/\?q=%E4%B8%8A%E6%B5%B7$/);
  release();
  await page.locator('.hits .hit').first().waitFor();
  assert.match(await page.locator('.search-status').textContent(), /\d/);
  assert.equal(await box.inputValue(), '上海');
  await page.close();
});

test('without JavaScript a reader still reaches the whole issue', async () => {
  const context = await launch({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(server.url);
  // The reader's page itself: the issue drawn at publish time, every item and link of it.
  assert.equal(await page.locator('article').count(), 22, '5 key developments and 17 news items');
  assert.equal(await page.locator('main a[href^="http"]').count(), 35);
  assert.equal(await page.locator('figure.chart svg[role=img]').count(), 3);
  assert.match(await page.locator('.dateline').textContent(), /第233期/);
  // The controls that need the app are gone, not gaps (noscript.css); the province filter and
  // the language links work from the HTML.
  const display = (p) => p.locator('.search, .issue-picker').evaluateAll((els) => els.map((e) => getComputedStyle(e).display));
  assert.deepEqual(await display(page), ['none', 'none']);
  await filtersWithoutTheApp(page);
  // An item's 分享 is a link to it: the address bar then holds the link to pass on.
  const first = page.locator('#news article').first();
  await first.getByRole('link', { name: /^分享：/ }).click();
  await page.waitForURL(new RegExp(`#${await first.getAttribute('id')}$`));
  // 简: the Simplified page as published; 繁 back to the Traditional one.
  await page.getByRole('link', { name: '简体中文' }).click();
  await page.waitForURL(/issues\/233\.zh-Hans\.html$/);
  assert.equal(await page.locator('h1').textContent(), '香港特区政府驻上海经济贸易办事处通讯');
  assert.equal(await page.getByRole('link', { name: '简体中文' }).getAttribute('aria-current'), 'true');
  await filtersWithoutTheApp(page);
  await page.getByRole('link', { name: '繁體中文' }).click();
  await page.waitForURL(/issues\/233\.html\?lang=zh-Hant$/);
  assert.equal(await page.locator('h1').textContent(), '香港特區政府駐上海經濟貿易辦事處通訊');
  await page.goto(server.url);
  // Every issue, as plain pages, from its footer.
  await page.locator('.site-footer').getByRole('link', { name: '各期通訊' }).click();
  await page.getByRole('link', { name: '2026年5月（第233期）' }).click();
  await page.waitForURL(/issues\/233\.html$/);
  // The issue's own page: the same page as the site's, complete without its script.
  assert.equal(await page.locator('article').count(), 22, '5 key developments and 17 news items');
  assert.equal(await page.locator('main a[href^="http"]').count(), 35);
  assert.deepEqual(await display(page), ['none', 'none'], 'no control that needs a script');
  // The charts are there too, drawn at publish time, and fit a phone's width.
  await page.setViewportSize({ width: 390, height: 844 });
  const charts = page.locator('figure.chart svg[role=img]');
  assert.equal(await charts.count(), 3);
  for (const box of await charts.evaluateAll((svgs) => svgs.map((s) => s.getBoundingClientRect().toJSON()))) {
    assert.ok(box.width > 300 && box.right <= 390, `a chart ${box.width} px wide`);
  }
  await page.locator('#chart-growth').scrollIntoViewIfNeeded();
  console.log(`screenshot: ${await screenshot(page, 'plain-charts-phone')}`);
  await context.close();
});

test('on a phone’s home screen: an icon in the masthead red and a manifest scoped to the site’s sub-path', async () => {
  const page = await open('', PHONE);
  const manifestHref = await page.locator('link[rel=manifest]').evaluate((l) => l.href);
  assert.ok(manifestHref.startsWith(server.url), manifestHref);
  const manifest = await page.evaluate(async (href) => (await fetch(href)).json(), manifestHref);
  // Relative to the manifest: the site's own address, wherever it is hosted.
  assert.equal(new URL(manifest.start_url, manifestHref).href, server.url);
  assert.equal(new URL(manifest.scope, manifestHref).href, server.url);
  assert.equal(manifest.theme_color, '#9b1b30');
  for (const icon of manifest.icons) {
    const size = await page.evaluate(async (src) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      return [img.naturalWidth, img.naturalHeight];
    }, new URL(icon.src, manifestHref).href);
    assert.deepEqual(size, icon.sizes.split('x').map(Number));
  }
  const touch = await page.locator('link[rel=apple-touch-icon]').evaluate((l) => l.href);
  assert.equal((await page.request.get(touch)).headers()['content-type'], 'image/png');
  assert.notEqual(await page.locator('link[rel=icon]').getAttribute('href'), 'data:,');
  // An issue's own page, one folder down, names the same files.
  await page.goto(server.url + 'issues/233.html');
  assert.equal(await page.locator('link[rel=manifest]').evaluate((l) => l.href), manifestHref);
  await page.close();
});
