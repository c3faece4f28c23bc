// End-to-end hardening: a strict CSP with no violation, failing networks, hostile content,
// offline reading with a service worker, accessibility (axe-core, keyboard only), and drafts
// that survive a crashed tab. Each test fails if its protection is removed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { serve } from './server.mjs';
import { launch, newPage, screenshot, unpublished, PHONE, PHONE_DEVICE, DESKTOP, filtersWithoutTheApp, wake, chip } from './browser.mjs';

const DIST = path.resolve(process.env.DIST ?? 'dist');
const BUNDLE = JSON.parse(fs.readFileSync('public/issues/233.json', 'utf8'));
const SOURCE = fs.readFileSync('sources/issue-233.txt', 'utf8');
const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let server, browser;

before(async () => {
  server = await serve(DIST, '/hardened/site/', 0, { headers: true });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Records CSP violations in the page (window.__violations). */
async function watchPolicy(page) {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}
const violations = (page) => page.evaluate(() => window.__violations);

async function openReader(query = '', context = browser, viewport = DESKTOP) {
  const page = await newPage(context, viewport);
  await watchPolicy(page);
  const response = await page.goto(server.url + query);
  await page.locator('#news, .error-card').first().waitFor();
  return { page, response };
}

// ---- Content-Security-Policy ------------------------------------------------------------------

test('the strict policy is sent and pinned, and the whole app runs under it', async () => {
  const { page, response } = await openReader();
  const header = response.headers()['content-security-policy'];
  assert.match(header, /^default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-[^']+'( 'sha256-[^']+')*; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'self'$/);
  assert.ok(!header.includes('unsafe-inline'));
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(meta, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  assert.ok(await page.locator('script[type=module]').count() >= 1);
  // SRI stays on for the app's code: its hash in the import map (no preload before the page's
  // first paint).
  const map = JSON.parse(await page.locator('script[type=importmap]').textContent());
  assert.deepEqual(Object.values(map.integrity).map((h) => h.slice(0, 7)), ['sha384-']);
  assert.equal(await page.locator('link[rel=modulepreload], link[rel=preload]').count(), 0);
  // Use it: filter, chart hover, table switch, downloads.
  await page.getByRole('checkbox', { name: /^浙江省/ }).click();
  const surface = page.locator('#chart-gdp .chart-surface');
  await surface.scrollIntoViewIfNeeded();
  const box = await surface.boundingBox();
  await page.mouse.move(box.x + 100, box.y + 30);
  await page.locator('#chart-gdp .chart-tooltip').waitFor();
  await page.locator('#chart-gdp').getByRole('button', { name: '表格' }).click();
  await Promise.all([page.waitForEvent('download'), page.locator('#chart-trade').getByRole('button', { name: '下載 CSV' }).click()]);
  await Promise.all([page.waitForEvent('download'), page.locator('#chart-trade').getByRole('button', { name: '下載 PNG' }).click()]);
  // 简, then a search and its result.
  await page.getByRole('link', { name: '简体中文' }).click();
  await page.locator('h1', { hasText: '香港特区政府' }).waitFor();
  await page.getByRole('searchbox').fill('独角兽');
  await page.locator('.hits .hit a').first().click();
  await page.waitForURL(/#item-17$/);
  await page.getByRole('link', { name: '繁體中文' }).click();
  await page.locator('h1', { hasText: '香港特區政府' }).waitFor();
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(page.errors, []);
  // And it is enforced: an injected inline script is refused.
  await page.evaluate(() => { const s = document.createElement('script'); s.textContent = 'window.__ran = 1'; document.body.append(s); });
  assert.equal(await page.evaluate(() => window.__ran), undefined);
  assert.ok((await violations(page)).some((v) => v.startsWith('script-src')));
  await page.close();
});

test('an issue page whose data is damaged is drawn again by the app from the site\'s files', async () => {
  const page = await newPage(browser);
  await page.route(/\/issues\/233\.zh-Hans\.html$/, async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(/(id="sheto-issue" data-place="issue">)[\s\S]*?<\/script>/, '$1{</script>');
    await route.fulfill({ response, body: html });
  });
  await page.goto(server.url + 'issues/233.zh-Hans.html');
  await page.locator('h1', { hasText: '香港特区政府' }).waitFor();
  assert.equal(await page.locator('#news article').count(), 17);
  assert.equal(await page.locator('.error-card').count(), 0);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('app code altered on the way is refused (SRI): the page stays as published', async () => {
  const page = await browser.newPage();
  await page.route(/sheto-reader-[0-9a-f]+\.js$/, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: `${await response.text()}\n// altered` });
  });
  const refused = page.waitForEvent('console', { predicate: (m) => m.type() === 'error' && /integrity/i.test(m.text()), timeout: 15_000 });
  await page.goto(server.url);
  await wake(page);
  await refused;
  assert.equal(await page.locator('html.live').count(), 0, 'the altered app never ran');
  assert.equal(await page.locator('#news article').count(), 17, 'the issue is still there to read');
  await page.close();
});

test('the staff preview runs under the policy too', async () => {
  const page = await newPage(browser);
  await watchPolicy(page);
  await page.goto(server.url + 'preview.html');
  await page.locator('#draft-text').fill(SOURCE);
  await page.locator('.draft-render #news').waitFor();
  await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下載 233.json' }).click()]);
  assert.deepEqual(await violations(page), []);
  await page.close();
});

// ---- Failing networks -------------------------------------------------------------------------

async function failing(handler, route = '**/issues/233.json') {
  const page = await newPage(browser);
  await unpublished(page, DIST, server.url);
  await page.route(route, handler);
  await page.goto(server.url);
  await page.locator('.error-card').waitFor({ timeout: 20_000 });
  const message = await page.locator('.error-message').textContent();
  assert.ok(await page.getByRole('button', { name: '重試' }).isVisible(), 'a retry button');
  return { page, message };
}

test('a truncated body is reported, and the archive stays usable', async () => {
  const body = JSON.stringify(BUNDLE).slice(0, 5000);
  const { page, message } = await failing((r) => r.fulfill({ contentType: 'application/json', body }));
  assert.match(message, /issues\/233\.json 的資料有誤/);
  assert.match(await page.locator('.findings li').first().textContent(), /JSON 格式有誤：EOF/);
  assert.equal(await page.locator('.archive-links a').first().textContent(), '2026年5月（第233期）');
  await page.close();
});

test('a wrong content type (an HTML error page) is reported', async () => {
  const { page, message } = await failing((r) => r.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><h1>Login</h1>' }));
  assert.match(message, /資料有誤/);
  assert.match(await page.locator('.findings li').first().textContent(), /應為 JSON 物件/);
  await page.close();
});

test('a 10 s stall times out with a message and a retry', async () => {
  let stall = true;
  const { page, message } = await failing(async (r) => {
    if (stall) { await new Promise((res) => setTimeout(res, 10_000)); return r.fulfill({ status: 200, body: '{}' }).catch(() => {}); }
    return r.continue();
  });
  assert.match(message, /載入逾時：8 秒內未收到 issues\/233\.json/);
  stall = false;
  await page.getByRole('button', { name: '重試' }).click();
  await page.locator('#news').waitFor();
  await page.close();
});

test('a chart that cannot draw says so; the rest of the issue stays', async () => {
  const context = await launch();
  await context.addInitScript(() => { HTMLCanvasElement.prototype.getContext = () => null; });
  const page = await newPage(context);
  await page.goto(server.url);
  await page.locator('#chart-gdp').scrollIntoViewIfNeeded();
  const error = page.locator('#chart-gdp .chart-error');
  await error.waitFor();
  assert.match(await error.textContent(), /圖表未能繪製/);
  await page.locator('#chart-gdp').getByRole('button', { name: '表格' }).click();
  assert.equal(await page.locator('#chart-gdp .chart-table tbody tr').count(), 5);
  assert.equal(await page.locator('#news article').count(), 17);
  await context.close();
});

// ---- Hostile content --------------------------------------------------------------------------

function hostileBundle() {
  const b = structuredClone(BUNDLE);
  const a = b.news_flash.groups[0].articles[0];
  a.title = '<script>window.__pwned = 1</script>' + '長'.repeat(100_000);
  a.paragraphs = ['<img src=x onerror="window.__pwned = 2">', 'bidi \u202Egnp.exe\u202C and \u2066isolated\u2069 text'];
  b.key_developments.groups[0].articles[0].title = '<a href="javascript:window.__pwned=3">click</a>';
  return b;
}

test('hostile text in a valid bundle renders as inert text', async () => {
  const page = await newPage(browser, PHONE);
  await watchPolicy(page);
  await unpublished(page, DIST, server.url);
  await page.route('**/issues/233.json', (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify(hostileBundle()) }));
  await page.goto(server.url);
  await page.locator('#news').waitFor();
  const title = await page.locator('#item-1 .article-title').textContent();
  assert.ok(title.startsWith('1. <script>window.__pwned = 1</script>長長'), 'shown as text');
  assert.equal(title.length, '1. '.length + '<script>window.__pwned = 1</script>'.length + 100_000);
  assert.equal(await page.locator('main script, main img').count(), 0);
  assert.ok((await page.locator('#item-1').innerText()).includes('<img src=x onerror="window.__pwned = 2">'));
  assert.equal(await page.locator('#key a[href^="javascript"]').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  // A 100 000-character title wraps: no sideways scrolling on a phone.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0);
  // Bidi overrides stay inside their paragraph.
  assert.equal(await page.locator('#item-1 p').nth(1).evaluate((p) => getComputedStyle(p).unicodeBidi), 'isolate');
  await page.close();
});

test('javascript: and data: links never become links', async () => {
  const b = structuredClone(BUNDLE);
  b.news_flash.groups[0].articles[0].links = ['javascript:window.__pwned=4', 'data:text/html,<script>alert(1)</script>', 'tel:+862163512233', 'mailto:enquiry@sheto.gov.hk'];
  // The reader refuses such a bundle outright (the validator's findings)…
  const reader = await newPage(browser);
  await unpublished(reader, DIST, server.url);
  await reader.route('**/issues/233.json', (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify(b) }));
  await reader.goto(server.url);
  await reader.locator('.error-card').waitFor();
  assert.match(await reader.locator('.findings').textContent(), /不是 http\(s\) 或 mailto 網址：javascript:/);
  await reader.close();
  // …and the preview, which renders drafts with errors, shows them as text.
  const page = await newPage(browser);
  await page.goto(server.url + 'preview.html');
  await page.evaluate(() => localStorage.clear());
  await page.locator('#draft-text').fill(JSON.stringify(b));
  await page.locator('.finding-link', { hasText: '不是 http(s) 或 mailto 網址：javascript:' }).waitFor();
  const hrefs = await page.locator('.draft-render #item-1 .details a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(hrefs, ['tel:+862163512233', 'mailto:enquiry@sheto.gov.hk']);
  assert.ok((await page.locator('.draft-render #item-1').innerText()).includes('javascript:window.__pwned=4'));
  await page.close();
});

// ---- Offline reading --------------------------------------------------------------------------

async function controlled(page) {
  await page.waitForFunction(async () => (await navigator.serviceWorker.ready) && navigator.serviceWorker.controller !== null, null, { timeout: 15_000 })
    .catch(async () => { await page.reload(); await page.waitForFunction(() => navigator.serviceWorker.controller !== null); });
  // Where the app runs, its code is kept too (the loader tells the worker once it has started).
  await page.waitForFunction(async () => !document.documentElement.classList.contains('live')
    || (await caches.match(new URL(performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm')).name)) !== undefined));
}

test('without WebAssembly (a JIT-less browser) the whole issue is on the page', async () => {
  // V8 without a JIT has no WebAssembly: iOS Lockdown Mode, hardened or managed browsers.
  const jitless = await launch({}, ['--js-flags=--jitless']);
  try {
    const page = await newPage(jitless, PHONE);
    await page.goto(server.url);
    assert.equal(await page.evaluate(() => typeof WebAssembly), 'undefined');
    await page.waitForTimeout(1000);
    // Every title, paragraph, link and figure (the source's every line: see tests/html.rs),
    // the charts drawn, and nothing alarming: no error card, no skeleton.
    assert.equal(await page.locator('#key article').count(), 5);
    assert.equal(await page.locator('#news article').count(), 17);
    assert.equal(await page.locator('.chart-drawn svg').count(), 3);
    assert.equal(await page.locator('.data-table tbody tr').count(), 5);
    assert.equal(await page.locator('#events tr.event').count(), 4);
    assert.equal(await page.locator('main a[href^="http"]').count(), 35);
    assert.equal(await page.locator('.error-card, .skeleton').count(), 0);
    // The controls that need the app are not shown (and leave no gap); other issues are plain
    // links; the province filter and the language links work from the HTML.
    assert.equal(await page.locator('.search').isVisible(), false);
    assert.equal(await page.locator('.issue-picker').evaluate((e) => getComputedStyle(e).display), 'none');
    console.log(`screenshot: ${await screenshot(page, 'no-wasm-phone')}`);
    await filtersWithoutTheApp(page);
    await page.getByRole('link', { name: '简体中文' }).click();
    await page.waitForURL(/issues\/233\.zh-Hans\.html$/);
    assert.equal(await page.locator('.dateline').textContent(), '2026年5月（第233期）');
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-Hans');
    // English: the page published with an English interface.
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(/issues\/233\.en\.html$/);
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    assert.equal(await page.locator('.section-nav a').first().textContent(), 'Key developments');
    // The choice is remembered, as the app remembers it: the site's page opens in English now,
    // until the reader chooses 繁 again.
    await page.goto(server.url);
    await page.waitForURL(/issues\/233\.en\.html$/);
    await page.getByRole('link', { name: '繁體中文' }).click();
    await page.waitForURL(/issues\/233\.html\?lang=zh-Hant$/);
    await page.goto(server.url);
    assert.equal(new URL(page.url()).pathname, new URL(server.url).pathname);
    // Another issue: the masthead's link to the archive, there without the app's picker.
    await page.locator('.masthead').getByRole('link', { name: '各期通訊' }).click();
    await page.waitForURL(/issues\/index\.html$/);
    await page.getByRole('link', { name: /第233期|233/ }).first().click();
    await page.locator('h1').waitFor();
    assert.match(await page.locator('body').innerText(), /長三角|經貿快訊/);
    // An old link to an issue and edition on the site's page opens that issue's own page.
    await page.goto(`${server.url}?issue=233&lang=zh-Hans&region=zhejiang#news`);
    await page.waitForURL(/\/issues\/233\.zh-Hans\.html\?region=zhejiang#news$/);
    assert.equal(await page.locator('.dateline').textContent(), '2026年5月（第233期）');
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-Hans');
  } finally {
    await jitless.close();
  }
});

// With WebAssembly the app adopts the page: the controls appear, in the place kept for them.
// The stylesheet's rules for the filter before the app, as the page has them.
const rulesBeforeTheApp = (page) => page.evaluate(() => {
  // A style rule has cssRules too (nesting): only @media and the like are opened.
  const all = (rules) => [...rules].flatMap((r) => (r.selectorText !== undefined ? [r] : all(r.cssRules ?? [])));
  return [...document.styleSheets].flatMap((s) => all(s.cssRules)).filter((r) => r.selectorText?.startsWith(':root:not(.live)')).length;
});

test('with WebAssembly the app adopts the page and shows its controls', async () => {
  const waiting = await browser.newPage();
  await waiting.goto(server.url);
  assert.equal(await rulesBeforeTheApp(waiting), 5, `the filter before the app: five rules (${waiting.url()})`);
  await waiting.close();
  const { page } = await openReader();
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('live')), true);
  assert.equal(await page.locator('.region-chips').evaluate((e) => getComputedStyle(e).visibility), 'visible');
  assert.equal(await page.locator('.page').count(), 1, 'adopted, not drawn a second time');
  // The stylesheet's filter for a page before the app is gone: the app filters, and the
  // browser would otherwise re-evaluate those rules' :has() at every filter change.
  assert.equal(await rulesBeforeTheApp(page), 0);
  await chip(page, '浙江省').check();
  assert.equal(await page.locator('#news article.article:visible').count(), 5, 'the app filters');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the issue\'s text is never adopted: a page translated in the browser before the app still gets it, filters and shares', async () => {
  // Chromium's page translation wraps each text in <font> elements. An app that adopts (hydrates)
  // the text would find elements where its text nodes were and stop; here the app adopts
  // only its controls, the charts and the filter's words, and leaves the text as the reader has it.
  const page = await browser.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  await page.addInitScript(() => {
    navigator.share = (data) => { window.shared = { title: data.title, url: data.url }; return Promise.resolve(); };
  });
  await page.goto(server.url, { waitUntil: 'load' });
  const translated = await page.evaluate(() => {
    const text = document.querySelectorAll('#main > .part:not(#news, #data, #events), #news .group, #events .group');
    let wrapped = 0;
    for (const part of text) {
      const walker = document.createTreeWalker(part, NodeFilter.SHOW_TEXT);
      const nodes = [];
      while (walker.nextNode()) if (walker.currentNode.data.trim()) nodes.push(walker.currentNode);
      for (const node of nodes) {
        const outer = document.createElement('font');
        const inner = outer.appendChild(document.createElement('font'));
        inner.textContent = node.data;
        node.replaceWith(outer);
        wrapped += 1;
      }
    }
    return wrapped;
  });
  assert.ok(translated > 200, `the text translated (${translated} texts)`);
  await page.keyboard.press('Shift');
  await page.waitForFunction(() => document.documentElement.classList.contains('live'), null, { timeout: 30_000 });
  assert.equal(await page.locator('.panic-card').count(), 0, 'no crash card');
  assert.equal(await page.locator('#main font font').count(), translated, 'the text kept as translated');
  // The app works on it: the filter (in the URL) and 分享.
  await chip(page, '浙江省').check();
  await page.waitForURL(/region=zhejiang/);
  const items = page.locator('#news article.article:visible');
  assert.deepEqual(await items.evaluateAll((els) => els.map((e) => e.dataset.number)), ['13', '14', '15', '16', '17']);
  await items.first().getByRole('link', { name: /^分享：/ }).click();
  const shared = await (await page.waitForFunction(() => window.shared)).jsonValue();
  const item = BUNDLE.news_flash.groups.flatMap((g) => g.articles).find((a) => a.number === 13);
  assert.deepEqual(shared, { title: item.title, url: `${server.url}issues/233.html?region=zhejiang&lang=zh-Hant#item-13` });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the first view fetches no code: the app comes with the first tap, as a chart nears, or at once for a view only it shows', async () => {
  const context = await launch({ ...PHONE_DEVICE, serviceWorkers: 'allow' });
  // The app's code as the page or the offline copy's worker asks for it.
  const CODE = /\/sheto-reader-[0-9a-f]+(_bg)?\.(js|wasm)$/;
  const watch = (target) => {
    const code = [];
    target.on('request', (r) => CODE.test(r.url()) && code.push(r.url()));
    return code;
  };
  const live = (page) => page.waitForFunction(() => document.documentElement.classList.contains('live'));
  // A reader on a phone who reads, scrolling with a finger: the page, and no code, neither by
  // the page nor by the worker, which is registered all the same (the pages read offline).
  const anyone = watch(context);
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => navigator.serviceWorker.ready.then(() => true));
  const cdp = await context.newCDPSession(page);
  const finger = (type, y) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: y === undefined ? [] : [{ x: 200, y }] });
  await finger('touchStart', 700);
  for (let y = 680; y >= 300; y -= 20) await finger('touchMove', y);
  await finger('touchEnd');
  assert.ok(await page.evaluate(() => scrollY) > 100, 'scrolled');
  await page.waitForTimeout(500);
  assert.deepEqual(anyone, [], 'no code before the reader acts');
  assert.equal(await page.locator('html.live').count(), 0);
  // The first tap filters at once (the stylesheet) and brings the app, which takes the choice
  // into the URL; then the worker keeps its code for offline use.
  await page.getByRole('checkbox', { name: /^浙江省/ }).tap();
  assert.equal(await page.locator('#news article.article:visible').count(), 5);
  await live(page);
  await page.waitForURL(/\?region=zhejiang$/);
  assert.ok(anyone.some((u) => u.endsWith('.wasm')), 'the wasm, once the reader acted');
  await page.waitForFunction(async () => {
    const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm')).name;
    return (await caches.match(wasm)) !== undefined;
  });
  await page.close();
  // A reader who scrolls to the charts: the app comes before they are on screen.
  const scroller = await context.newPage();
  const scrolled = watch(scroller);
  await scroller.goto(server.url);
  await scroller.waitForLoadState('networkidle');
  assert.deepEqual(scrolled, []);
  await scroller.evaluate(() => document.getElementById('data').scrollIntoView());
  await live(scroller);
  assert.equal(scrolled.length, 2);
  await scroller.close();
  // A view only the app can show (a search) starts it without any input, and so does a shared
  // item, which it marks; a chat app's own query does not.
  const searched = await context.newPage();
  await searched.goto(server.url + '?q=' + encodeURIComponent('上海'));
  await searched.locator('.hits .hit').first().waitFor();
  await searched.goto(server.url + '#item-7');
  await live(searched);
  await searched.locator('#item-7.found').waitFor();
  const chat = await context.newPage();
  const chatCode = watch(chat);
  await chat.goto(server.url + '?from=singlemessage&isappinstalled=0');
  await chat.waitForLoadState('networkidle');
  await chat.waitForTimeout(500);
  assert.deepEqual(chatCode, []);
  // A link that leaves the page (here the archive) does not bring the app on its way out.
  await chat.locator('.masthead').getByRole('link', { name: '各期通訊' }).click();
  await chat.waitForURL(/issues\/index\.html$/);
  assert.deepEqual(chatCode, []);
  await context.close();
});

test('a reader who only reads can read offline: the worker keeps the pages, and no code is fetched', async () => {
  const context = await launch({ serviceWorkers: 'allow' });
  const code = [];
  context.on('request', (r) => /\/sheto-reader-[0-9a-f]+(_bg)?\.(js|wasm)$/.test(r.url()) && code.push(r.url()));
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForLoadState('networkidle');
  await controlled(page);
  await context.setOffline(true);
  await page.reload();
  assert.equal(await page.locator('#news article').count(), 17);
  assert.equal(await page.locator('.dateline').textContent(), '2026年5月（第233期）');
  // The filter works offline as it does before the app: from the page's own checkboxes.
  await page.getByRole('checkbox', { name: /^浙江省/ }).check();
  assert.equal(await page.locator('#news article.article:visible').count(), 5);
  assert.equal(await page.locator('html.live').count(), 0);
  assert.deepEqual(code.filter((u) => u.endsWith('.wasm')), [], 'the wasm was never fetched: not by the page, not by the worker');
  await context.close();
});

test('open no. 233, go offline, reload, read it', async () => {
  const context = await launch({ serviceWorkers: 'allow' });
  const page = await newPage(context);
  await page.goto(server.url + '?region=zhejiang');
  await page.locator('#news').waitFor();
  await controlled(page);
  await context.setOffline(true);
  await page.reload();
  await page.locator('#news').waitFor();
  assert.equal(await page.locator('#news article:visible').count(), 5);
  assert.equal(await page.locator('.dateline').textContent(), '2026年5月（第233期）');
  await page.goto(server.url + '?region=anhui');
  await page.locator('#news').waitFor();
  assert.equal(await page.locator('#news article:visible').count(), 3);
  await context.close();
});

test('a search seen once online is answered offline (its shards and texts are kept)', async () => {
  const context = await launch({ serviceWorkers: 'allow' });
  const page = await newPage(context);
  await page.goto(server.url);
  await page.locator('#news').waitFor();
  await controlled(page);
  await page.goto(server.url + '?q=' + encodeURIComponent('獨角獸'));
  await page.locator('.hits .hit').first().waitFor();
  await context.setOffline(true);
  await page.reload();
  await page.locator('.search-status', { hasText: '找到 1 項' }).waitFor();
  assert.equal(await page.locator('.hits .hit .hit-title').textContent(), '浙江獨角獸企業達58家');
  await context.close();
});

test('publish a new build: the reader gets it on the next visit, and a page read offline from the older build is said to be old', async () => {
  const site = fs.mkdtempSync(path.join(os.tmpdir(), 'sheto-site-'));
  fs.cpSync(DIST, site, { recursive: true });
  const local = await serve(site, '/update/', 0, { headers: true });
  const context = await launch({ serviceWorkers: 'allow' });
  const page = await newPage(context);
  await page.goto(local.url);
  await page.locator('#news').waitFor();
  await controlled(page);
  const before = await page.locator('meta[name=build]').getAttribute('content');
  // A new build: new cache name, new page (here: the same files re-stamped).
  const next = 'f'.repeat(16);
  for (const f of ['index.html', 'sw.js']) {
    const file = path.join(site, f);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replaceAll(before, next));
  }
  await page.addInitScript(() => navigator.serviceWorker.addEventListener('controllerchange', () => { window.changed = true; }));
  await page.reload();
  await page.locator('#news').waitFor();
  assert.equal(await page.locator('meta[name=build]').getAttribute('content'), next);
  await page.waitForFunction((next) => caches.keys().then((k) => k.includes(`sheto-${next}`) && !k.some((n) => n !== `sheto-${next}`)), next, { timeout: 15_000 });
  // The new build's worker took this page over…
  await page.waitForFunction(() => window.changed === true);
  await page.waitForTimeout(300);
  // The page is the new build already (fetched from the network): no "new version" banner.
  assert.equal(await page.locator('html[data-updated]').count(), 0);
  assert.equal(await page.locator('.update-banner').isVisible(), false);
  // A page of the older build, read offline from the worker's copy, while the site has moved on:
  // once online, the browser's next check finds the newer worker, which takes the page over,
  // and the app says the page is old. Its button reloads into the new build.
  const third = 'e'.repeat(16);
  for (const f of ['index.html', 'sw.js']) {
    const file = path.join(site, f);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replaceAll(next, third));
  }
  await context.setOffline(true);
  await page.reload();
  await page.locator('#news').waitFor();
  assert.equal(await page.locator('meta[name=build]').getAttribute('content'), next, 'the copy kept offline');
  await context.setOffline(false);
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
  await page.locator('html[data-updated]').waitFor({ state: 'attached', timeout: 15_000 });
  const banner = page.locator('.update-banner');
  await banner.waitFor();
  assert.match(await banner.textContent(), /本頁有新版本/);
  console.log(`screenshot: ${await screenshot(page, 'update-banner')}`);
  await banner.getByRole('button').click();
  await page.waitForFunction((third) => document.querySelector('meta[name=build]')?.content === third, third, { timeout: 15_000 });
  await page.locator('#news').waitFor();
  assert.equal(await page.locator('.update-banner').isVisible(), false);
  // Offline, the browser logs what it could not fetch (the worker's own network tries); nothing else.
  assert.deepEqual(page.errors.filter((e) => !e.includes('ERR_INTERNET_DISCONNECTED')), []);
  await context.close();
  await local.close();
  fs.rmSync(site, { recursive: true, force: true });
});

// ---- Accessibility ----------------------------------------------------------------------------

async function axe(page, context = 'document') {
  await page.addScriptTag({ content: AXE }).catch(async () => page.evaluate(AXE));
  return page.evaluate(async (ctx) => {
    const result = await window.axe.run(ctx === 'document' ? document : document.querySelector(ctx), { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0].target.join(' ')} — ${v.help}`);
  }, context);
}

for (const [name, query, viewport, dark] of [
  ['the issue page', '', DESKTOP, false],
  ['a filtered view on a phone', '?region=zhejiang,shanghai', PHONE, false],
  ['the issue page in dark mode', '', DESKTOP, true],
  ['search results in 简 on a phone', '?lang=zh-Hans&q=' + encodeURIComponent('上海'), PHONE, false],
  ['the English interface in dark mode', '?lang=en&q=' + encodeURIComponent('独角兽'), DESKTOP, true],
]) {
  test(`axe-core: 0 violations on ${name}`, async (t) => {
    const context = await launch({}, []);
    // Closed even when the test fails: an open browser keeps the test file from ending.
    t.after(() => context.close());
    const page = await newPage(context, viewport);
    if (dark) await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(server.url + query);
    // While a search is open its results are the page and the issue is hidden.
    if (query.includes('q=')) await page.locator('.hits .hit').first().waitFor();
    else await page.locator('#news').waitFor();
    // Bypass the CSP for the audit script only (the header is still sent).
    assert.deepEqual(await axe(page), []);
  });
}

test('axe-core: 0 violations on the charts (hovered, table view) and the preview', async () => {
  const context = await launch({ bypassCSP: true });
  const page = await newPage(context);
  await page.goto(server.url);
  const surface = page.locator('#chart-growth .chart-surface');
  await surface.scrollIntoViewIfNeeded();
  const box = await surface.boundingBox();
  await page.mouse.move(box.x + 150, box.y + 80);
  await page.locator('#chart-trade').getByRole('button', { name: '表格' }).click();
  assert.deepEqual(await axe(page, '.charts'), []);
  await page.goto(server.url + 'preview.html');
  await page.locator('#draft-text').fill(SOURCE.replace('\n山東省\n', '\n山東\n省\n'));
  await page.locator('.draft-render #news').waitFor();
  assert.deepEqual(await axe(page), []);
  await context.close();
});

test('a keyboard-only walk: skip link, filters, charts, links', async () => {
  const page = await newPage(browser);
  await page.goto(server.url);
  await page.locator('#news').waitFor();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), '跳到正文');
  await page.keyboard.press('Enter');
  await page.waitForURL(/#main$/);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main', 'the skip link moves focus to the issue');
  // From the top of a fresh page: the skip link, 繁/简/EN, the picker, the search box, the
  // section links, the chips.
  await page.goto(server.url);
  await page.locator('#news').waitFor();
  const stops = [];
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    stops.push(await page.evaluate(() => document.activeElement.closest('[data-region]')?.dataset.region ?? document.activeElement.textContent.trim().slice(0, 8)));
  }
  assert.ok(stops.includes('經貿數據'), stops.join(' | '));
  assert.ok(stops.includes('zhejiang'), stops.join(' | '));
  // Reach 浙江省 (a checkbox) and press Space: the filter follows the keyboard.
  const focusedRegion = () => page.evaluate(() => document.activeElement.closest('[data-region]')?.dataset.region);
  for (let i = 0; i < 20 && (await focusedRegion()) !== 'zhejiang'; i++) {
    await page.keyboard.press('Shift+Tab');
  }
  assert.equal(await focusedRegion(), 'zhejiang');
  await page.keyboard.press('Space');
  await page.waitForURL(/\?region=zhejiang/);
  // Tab onward to the first chart: arrows and Enter.
  for (let i = 0; i < 200 && !(await page.evaluate(() => document.activeElement.classList.contains('chart-surface'))); i++) await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.closest('figure').id), 'chart-gdp');
  await page.keyboard.press('ArrowDown');
  assert.match(await page.locator('#chart-gdp .chart-live').textContent(), /^江蘇省：地區生產總值/);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\?region=jiangsu,zhejiang/);
  // Links are reachable and visibly focused.
  for (let i = 0; i < 50 && (await page.evaluate(() => document.activeElement.tagName)) !== 'A'; i++) await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.equal(outline, 'solid');
  console.log(`screenshot: ${await screenshot(page, 'keyboard-focus')}`);
  await page.close();
});

// ---- Drafts are never lost ----------------------------------------------------------------------

test('a crashed preview tab loses nothing typed', async () => {
  const context = await launch();
  const page = await newPage(context);
  await page.goto(server.url + 'preview.html');
  await page.locator('#draft-text').click();
  await page.keyboard.type('香港特區政府駐上海經濟貿易辦事處通訊\n\n2026年6月（第234期）');
  // Saved once the typing settles (300 ms), not at every key: what was typed before a pause is
  // what a crash cannot take.
  await page.locator('.save-status', { hasText: '已儲存' }).waitFor();
  const cdp = await context.newCDPSession(page);
  const crashed = page.waitForEvent('crash');
  cdp.send('Page.crash').catch(() => {}); // never answers: the renderer is gone
  await crashed;
  const again = await newPage(context);
  await again.goto(server.url + 'preview.html');
  assert.equal(await again.locator('#draft-text').inputValue(), '香港特區政府駐上海經濟貿易辦事處通訊\n\n2026年6月（第234期）');
  assert.equal(await again.locator('.save-status').textContent(), '已還原上次的草稿。');
  await context.close();
});
