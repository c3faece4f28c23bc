// The benchmark: the app against the plain-HTML limit (no. 233 as `sheto html` writes it: the
// same components, no app, no data), on a phone profile
// (390×844, dpr 3, CPU slowed 4× through Emulation.setCPUThrottlingRate), several cold runs
// each, medians and spread. Prints a table and writes bench-results/bench.json.
// Run through scripts/bench, which builds the release site first.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { serve } from '../tests/e2e/server.mjs';
import { launch, PHONE_DEVICE } from '../tests/e2e/browser.mjs';
import { writeFixtureArchive } from '../tests/fixtures/archive.mjs';
import { benchSearch, searchRows } from './bench-search.mjs';
import { benchLighthouse, lighthouseRows, siteWithPlainPage } from './bench-lighthouse.mjs';

const RUNS = Number(process.env.RUNS ?? 7);
const { dist: DIST, plain: PLAIN } = siteWithPlainPage();
// BASELINE=dir: another build (say, of the commit before a change), whose filter change is
// timed in the same runs, interleaved, so the two are compared on the same machine and load.
const BASELINE = process.env.BASELINE ? path.resolve(process.env.BASELINE) : null;
const PREFIX = '/bench/sub/path/';
const PHONE = PHONE_DEVICE;
const BUDGET = { firstViewBrotliKB: 150, firstViewCodeKB: 150, interactiveBrotliKB: 250, renderRatio: 1.1, filterMs: 16, hoverP95Ms: 8 };

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const quantile = (xs, q) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]; };
const stats = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), p95: quantile(xs, 0.95), n: xs.length });
const kb = (b) => (b / 1024).toFixed(1);
const ms = (x) => x.toFixed(1);

// ---- bytes ------------------------------------------------------------------------------------
function sizes(file) {
  const body = fs.readFileSync(file);
  return {
    raw: body.length,
    gzip: zlib.gzipSync(body, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}
const distFiles = fs.readdirSync(DIST);
const pick = (re) => path.join(DIST, distFiles.find((f) => re.test(f)));
// The first view is what shows the whole issue: the page (the issue drawn into it at publish
// time, its data beside it) and its stylesheet. The app that makes it interactive comes after.
const firstView = {
  html: path.join(DIST, 'index.html'),
  css: pick(/^main-.*\.css$/),
};
const enhancement = {
  js: pick(/^sheto-reader-.*\.js$/),
  wasm: pick(/^sheto-reader-.*_bg\.wasm$/),
  'index.json': path.join(DIST, 'issues/index.json'),
};
const bytes = Object.fromEntries(Object.entries({ ...firstView, ...enhancement }).map(([k, f]) => [k, sizes(f)]));
const total = (files, kind) => Object.keys(files).reduce((a, k) => a + bytes[k][kind], 0);
const sum = (files) => ({ raw: total(files, 'raw'), gzip: total(files, 'gzip'), brotli: total(files, 'brotli') });
bytes['first view'] = sum(firstView);
bytes['interactive (first view + app)'] = sum({ ...firstView, ...enhancement });
const plainFiles = [PLAIN, 'issues/main.css'].map((f) => sizes(path.join(DIST, f)));
bytes['plain page (html + css)'] = ['raw', 'gzip', 'brotli'].reduce((o, k) => ({ ...o, [k]: plainFiles.reduce((a, s) => a + s[k], 0) }), {});

// ---- timings ----------------------------------------------------------------------------------
const server = await serve(DIST, PREFIX);
const browser = await launch(PHONE, ['--enable-precise-memory-info', '--js-flags=--expose-gc']);

// Records first contentful paint, the moment all 17 news items are in the DOM, and the wasm.
const INSTRUMENT = () => {
  window.__bench = {};
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') window.__bench.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  // "Rendered" is the frame after all 17 items are in the DOM: laid out and painted.
  new MutationObserver(() => {
    if (window.__bench.dom || document.querySelectorAll('#news article').length < 17) return;
    window.__bench.dom = performance.now();
    requestAnimationFrame(() => setTimeout(() => { window.__bench.all = performance.now(); }));
  }).observe(document, { childList: true, subtree: true });
  addEventListener('TrunkApplicationStarted', (e) => { window.__bench.wasm = e.detail.wasm; });
  // Tasks that keep a tap waiting (over 50 ms) while the app starts and adopts the page.
  window.__bench.tasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!window.__bench.live) window.__bench.tasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  // Controls visible: the first frame in which the province filter's 浙江 chip is on screen.
  const seen = () => {
    const chip = document.querySelector('label.chip[data-region=zhejiang]');
    if (chip?.checkVisibility() && chip.getBoundingClientRect().width > 0) window.__bench.controls = performance.now();
    else requestAnimationFrame(seen);
  };
  requestAnimationFrame(seen);
  // The reader's first input, which brings the app (Trunk.toml's loader).
  addEventListener('keydown', () => { window.__bench.woke ??= performance.now(); }, { capture: true });
  // Interactive: the app has adopted the page (<html class="live">).
  // (The document, not its <html>: there is none yet when this runs.)
  new MutationObserver((_, mo) => {
    if (document.documentElement?.classList.contains('live')) { window.__bench.live = performance.now(); mo.disconnect(); }
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['class'] });
};

async function coldPage(url) {
  const page = await browser.newPage();
  const cdp = await browser.newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(INSTRUMENT);
  await page.goto(url);
  await page.waitForFunction(() => window.__bench.all && window.__bench.fcp, null, { timeout: 60_000 });
  if (url.includes('issues/')) return page;
  // A reader who acts once the whole issue is there: the app comes then (not before: the first
  // view fetches no code), and is timed from that input.
  await page.keyboard.press('Shift');
  await page.waitForFunction(() => window.__bench.live, null, { timeout: 60_000 });
  return page;
}

// A filter change: click 浙江省 (and back) until the DOM is updated and laid out: the click
// handler, the reactive effects (microtasks) and a forced style and layout. Paint is not
// included: waiting for a frame would add up to a vsync interval of idle time.
const filterTimes = (page) => page.evaluate(async () => {
  const settle = async () => { for (let i = 0; i < 10; i++) await new Promise((r) => queueMicrotask(r)); };
  const chip = document.querySelector('label.chip[data-region=zhejiang] input');
  const times = [];
  for (let i = 0; i < 10; i++) {
    const t0 = performance.now();
    chip.click();
    await settle();
    void document.body.offsetHeight;
    times.push(performance.now() - t0);
    const visible = [...document.querySelectorAll('#news article')].filter((a) => a.checkVisibility()).length;
    if (visible !== (i % 2 === 0 ? 5 : 17)) throw new Error(`filter shows ${visible} items`);
  }
  return times;
});

const load = { app: { fcp: [], all: [], controls: [], live: [], longest: [], blocking: [] }, plain: { fcp: [], all: [] } };
const filter = [];
const baselineFilter = [];
const baselineServer = BASELINE ? await serve(BASELINE, PREFIX) : null;
let hover = [];
let memory = null;
for (let run = 0; run < RUNS; run++) {
  if (baselineServer) {
    const page = await coldPage(baselineServer.url);
    baselineFilter.push(...await filterTimes(page));
    await page.close();
  }
  for (const [name, url] of [['plain', server.url + PLAIN], ['app', server.url]]) {
    const page = await coldPage(url);
    const b = await page.evaluate(() => ({ fcp: window.__bench.fcp, all: window.__bench.all, controls: window.__bench.controls, live: window.__bench.live - window.__bench.woke, tasks: window.__bench.tasks }));
    load[name].fcp.push(b.fcp);
    load[name].all.push(b.all);
    if (name === 'app') {
      load.app.live.push(b.live);
      load.app.controls.push(b.controls);
      // After the first paint, as Lighthouse's total blocking time counts them.
      const after = b.tasks.filter((t) => t.start >= b.fcp);
      load.app.longest.push(Math.max(0, ...after.map((t) => t.duration)));
      load.app.blocking.push(after.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0));
    }
    if (name === 'app') {
      filter.push(...await filterTimes(page));
      if (run === 0) {
        // Chart hover: pointer moves from bar to bar, each until the overlay is redrawn and the
        // tooltip laid out.
        await page.evaluate(() => document.getElementById('chart-gdp').scrollIntoView());
        await page.waitForFunction(() => document.querySelector('#chart-gdp .chart-base').width > 0);
        hover = await page.evaluate(async () => {
          const settle = async () => { for (let i = 0; i < 10; i++) await new Promise((r) => queueMicrotask(r)); };
          const canvas = document.querySelector('#chart-gdp .chart-surface');
          const box = canvas.getBoundingClientRect();
          const times = [];
          for (let i = 0; i < 240; i++) {
            const y = box.top + 8 + ((i % 5) + 0.5) * 44;
            const t0 = performance.now();
            canvas.dispatchEvent(new PointerEvent('pointermove', { clientX: box.left + box.width / 2, clientY: y, bubbles: true, pointerType: 'mouse' }));
            await settle();
            times.push(performance.now() - t0);
          }
          if (!document.querySelector('#chart-gdp .chart-tooltip')) throw new Error('no tooltip after hovering');
          return times.slice(40); // the first moves warm the code up
        });
        memory = await page.evaluate(() => ({
          jsHeapBytes: performance.memory?.usedJSHeapSize ?? null,
          wasmMemoryBytes: window.__bench.wasm?.memory?.buffer?.byteLength ?? null,
        }));
      }
    }
    await page.close();
  }
}

// ---- the 500-issue fixture archive -------------------------------------------------------------
const ARCHIVE = path.resolve('target/bench-site');
fs.rmSync(ARCHIVE, { recursive: true, force: true });
fs.cpSync(DIST, ARCHIVE, { recursive: true });
writeFixtureArchive(path.join(ARCHIVE, 'issues'), 500);
const archiveServer = await serve(ARCHIVE, PREFIX);
const archive = { picker: [], switch: [], indexBrotli: sizes(path.join(ARCHIVE, 'issues/index.json')).brotli };
// The reader's first view fetches index.json only: the newest issues, and the years before.
archive.yearFiles = fs.readdirSync(path.join(ARCHIVE, 'issues')).filter((f) => /^index-\d{4}\.json$/.test(f)).length;
for (let run = 0; run < RUNS; run++) {
  const page = await browser.newPage();
  const cdp = await browser.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(archiveServer.url);
  const woke = await page.evaluate(() => performance.now());
  await page.keyboard.press('Shift');
  await page.waitForFunction(() => document.querySelector('.issue-picker optgroup option'), null, { timeout: 60_000 });
  archive.picker.push(await page.evaluate((woke) => performance.now() - woke, woke));
  archive.switch.push(await page.evaluate(async () => {
    // To the earliest year: its list, then its newest issue, fetched on demand.
    const select = document.querySelector('.issue-picker select');
    const n = [...document.querySelectorAll('.issue-picker optgroup option')].pop().value;
    const t0 = performance.now();
    select.value = n;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((resolve) => {
      const done = () => document.querySelector('.dateline')?.textContent.includes(`第${n}期`) && document.querySelectorAll('#news article').length === 17;
      const mo = new MutationObserver(() => { if (done()) { mo.disconnect(); resolve(); } });
      mo.observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    return performance.now() - t0;
  }));
  await page.close();
}

// ---- what the first view fetches, at 1 and at 500 issues ---------------------------------------
// Every file the reader's page requests until the network is idle, without scrolling or any
// input (brotli sizes of the files served); then what the reader's first input adds (the app,
// and what it fetches) until it is live and the network idle again. The archive must make
// neither grow.
async function firstViewFetched(srv, root) {
  const page = await browser.newPage();
  let files = [];
  page.on('request', (r) => {
    const p = new URL(r.url()).pathname;
    if (p.startsWith(PREFIX)) files.push(decodeURIComponent(p.slice(PREFIX.length)) || 'index.html');
  });
  await page.goto(srv.url);
  await page.waitForLoadState('networkidle');
  const first = files;
  files = [];
  await page.keyboard.press('Shift');
  await page.waitForFunction(() => document.documentElement.classList.contains('live'), null, { timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  await page.close();
  const measure = (list) => {
    const unique = [...new Set(list)].filter((f) => fs.existsSync(path.join(root, f)) && fs.statSync(path.join(root, f)).isFile());
    const brotli = (l) => l.reduce((a, f) => a + sizes(path.join(root, f)).brotli, 0);
    const code = unique.filter((f) => /\.(js|wasm)$/.test(f) && f !== 'sw.js');
    return { files: unique, brotli: brotli(unique), code: brotli(code) };
  };
  return { ...measure(first), acted: measure(files) };
}
const fetched = { one: await firstViewFetched(server, DIST), archive: await firstViewFetched(archiveServer, ARCHIVE) };

// ---- search at 233 and 500 issues of distinct text, against Pagefind (scripts/bench-search.mjs) --
const search = await benchSearch({ browser, dist: DIST, runs: RUNS });
// ---- language switches: what a rebuilt page leaves behind --------------------------------------
// Each switch rebuilds the issue and its charts; their observers and listeners must go with them.
const switches = {};
{
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.keyboard.press('Shift'); // the first input brings the app
  await page.waitForFunction(() => document.documentElement.classList.contains('live'));
  const heap = () => page.evaluate(() => { window.gc?.(); return performance.memory?.usedJSHeapSize ?? 0; });
  const names = ['简体中文', 'English', '繁體中文'];
  for (let i = 0; i < 50; i++) {
    await page.getByRole('link', { name: names[i % 3] }).click();
    await page.locator('#news').waitFor();
    if (i === 0) switches.after1 = await heap();
  }
  switches.after50 = await heap();
  await page.close();
}
await browser.close();
await server.close();
await baselineServer?.close();
await archiveServer.close();

// ---- Lighthouse (mobile preset) on the app and the published page, brotli host (bench-lighthouse.mjs)
const lighthouse = await benchLighthouse({ dist: DIST, plain: PLAIN, runs: Math.min(RUNS, 3) });

// ---- report -----------------------------------------------------------------------------------
const s = {
  appFcp: stats(load.app.fcp), appControls: stats(load.app.controls), appAll: stats(load.app.all), appLive: stats(load.app.live), appLongest: stats(load.app.longest), appBlocking: stats(load.app.blocking), plainFcp: stats(load.plain.fcp), plainAll: stats(load.plain.all),
  filter: stats(filter), baselineFilter: baselineFilter.length ? stats(baselineFilter) : null, hover: stats(hover), picker: stats(archive.picker), switch: stats(archive.switch),
};
const ratio = s.appAll.median / s.plainAll.median;
const rows = [];
const row = (what, value, budget, ok) => rows.push({ what, value, budget: budget ?? '', ok: ok === undefined ? '' : ok ? 'met' : 'NOT MET' });
for (const [k, v] of Object.entries(bytes)) row(`bytes ${k} (raw / gzip / brotli KB)`, `${kb(v.raw)} / ${kb(v.gzip)} / ${kb(v.brotli)}`);
row('first view (the whole issue on screen), brotli', `${kb(bytes['first view'].brotli)} KB`, `≤ ${BUDGET.firstViewBrotliKB} KB`, bytes['first view'].brotli / 1024 <= BUDGET.firstViewBrotliKB);
const interactive = bytes['interactive (first view + app)'].brotli;
row('interactive (first view + app), brotli', `${kb(interactive)} KB`, `≤ ${BUDGET.interactiveBrotliKB} KB`, interactive / 1024 <= BUDGET.interactiveBrotliKB);
const spread = (st) => `${ms(st.median)} ms (${ms(st.min)}–${ms(st.max)})`;
row('first content: plain page', spread(s.plainFcp));
row('first content: app', spread(s.appFcp));
// The page is drawn as its HTML arrives: the controls are in it, above the news, so they are on
// screen no later than the issue (before: only once the app had adopted the page).
row('controls visible (the 浙江 chip on screen): app', `${spread(s.appControls)}, ${ms(s.appControls.median - s.appFcp.median)} ms after first content`, '≤ whole issue', s.appControls.median <= s.appAll.median);
row('whole issue rendered: plain page', spread(s.plainAll));
row('whole issue rendered: app', spread(s.appAll));
row('app adopts the page, from the first input', spread(s.appLive));
row('longest task from first paint to adopted, first input at whole issue (CPU ×4)', spread(s.appLongest));
row('blocking time (Σ task − 50 ms) from first paint to adopted', spread(s.appBlocking));
row('app ÷ plain page (whole issue)', `${ratio.toFixed(2)}×`, `≤ ${BUDGET.renderRatio}×`, ratio <= BUDGET.renderRatio);
row('filter change (浙江省), median / p95', `${ms(s.filter.median)} / ${ms(s.filter.p95)} ms (n=${s.filter.n})`, `p95 ≤ ${BUDGET.filterMs} ms`, s.filter.p95 <= BUDGET.filterMs);
if (s.baselineFilter) row(`  the same, baseline ${path.relative('.', BASELINE)}`, `${ms(s.baselineFilter.median)} / ${ms(s.baselineFilter.p95)} ms (n=${s.baselineFilter.n})`);
row('chart hover redraw, p50 / p95', `${ms(s.hover.median)} / ${ms(s.hover.p95)} ms (n=${s.hover.n})`, `p95 ≤ ${BUDGET.hoverP95Ms} ms`, s.hover.p95 <= BUDGET.hoverP95Ms);
row('JS heap after load', memory?.jsHeapBytes ? `${kb(memory.jsHeapBytes)} KB` : 'n/a');
row('JS heap after 1 / 50 language switches (gc first)', `${kb(switches.after1)} / ${kb(switches.after50)} KB`);
row('wasm memory after load', memory?.wasmMemoryBytes ? `${kb(memory.wasmMemoryBytes)} KB` : 'n/a');
row('code fetched for the first view (JS + wasm), brotli', `${kb(fetched.one.code)} KB`, `≤ ${BUDGET.firstViewCodeKB} KB`, fetched.one.code / 1024 <= BUDGET.firstViewCodeKB);
row('first view fetched, brotli: 1 issue / 500 issues', `${kb(fetched.one.brotli)} / ${kb(fetched.archive.brotli)} KB`, '500 ≤ 1 + 2 KB', fetched.archive.brotli <= fetched.one.brotli + 2048);
row('added by the first input (the app), brotli: code; all at 1 / 500 issues', `${kb(fetched.one.acted.code)} KB; ${kb(fetched.one.acted.brotli)} / ${kb(fetched.archive.acted.brotli)} KB`, '500 ≤ 1 + 2 KB', fetched.archive.acted.brotli <= fetched.one.acted.brotli + 2048);
row('500-issue archive: index.json brotli (the newest 24, and the years)', `${kb(archive.indexBrotli)} KB (${archive.yearFiles} year files beside it)`);
row('500-issue archive: picker ready after the first input', spread(s.picker));
row('500-issue archive: switch to the earliest year\'s issue', spread(s.switch));
for (const r of lighthouseRows(lighthouse)) row(...r);
for (const r of searchRows(search)) row(...r);

const width = Math.max(...rows.map((r) => r.what.length));
console.log(`\nsheto-reader benchmark: phone 390×844 @3x, CPU ×4 slower, ${RUNS} cold runs each\n`);
for (const r of rows) console.log(`${r.what.padEnd(width)}  ${String(r.value).padEnd(34)} ${String(r.budget).padEnd(12)} ${r.ok}`);
fs.mkdirSync('bench-results', { recursive: true });
const out = { date: new Date().toISOString(), runs: RUNS, profile: { ...PHONE, cpuThrottling: 4 }, budget: BUDGET, bytes, timings: s, ratio, memory, archive: { issues: 500, indexBrotli: archive.indexBrotli, yearFiles: archive.yearFiles }, fetched, search, lighthouse, switches };
fs.writeFileSync('bench-results/bench.json', JSON.stringify(out, null, 2) + '\n');
console.log('\nfigures written to bench-results/bench.json');
