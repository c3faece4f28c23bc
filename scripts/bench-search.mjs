// The search at scale, part of the benchmark (scripts/bench), also run alone after a build:
// `node scripts/bench-search.mjs`. Archives of 233 and 500 issues of distinct text (a FIXTURE:
// tests/fixtures/archive.mjs, calibrated to a real archive's compressibility) are indexed by
// `sheto index` and by Pagefind (npm `pagefind`, on the same archive's plain pages), served on
// 127.0.0.1, and searched in the same run on the phone profile (CPU ×4):
// - a reader's first search: from typing the query to the first 10 results on screen, and the
//   bytes fetched for it (as brotli, as a brotli host sends them; Pagefind's own script and
//   wasm included, the reader's wasm not: it is the page the reader is on);
// - later keystrokes, from the input event to the results laid out;
// - recall on a fixed list of queries cut from the texts (rare and common words): the issues each
//   engine finds against the issues whose text holds the query (either edition), found by a
//   plain substring test.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { serve } from '../tests/e2e/server.mjs';
import { writeFixtureArchive, searchText } from '../tests/fixtures/archive.mjs';

export const SEARCH_BUDGET = { firstBytesKB: 100, firstMs: 300, computeMs: 30 };
const PREFIX = '/bench/sub/path/';

const brotli = (file) => zlib.brotliCompressSync(fs.readFileSync(file), { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const quantile = (xs, q) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]; };
const du = (dir) => fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile())
  .reduce((a, e) => ({ files: a.files + 1, bytes: a.bytes + fs.statSync(path.join(e.parentPath ?? e.path, e.name)).size }), { files: 0, bytes: 0 });

/** Each issue's searchable text, both editions, by number. */
function archiveTexts(issues, count) {
  const read = (f) => searchText(JSON.parse(fs.readFileSync(path.join(issues, f), 'utf8')));
  return Array.from({ length: count }, (_, i) => [read(`${i + 1}.json`), read(`${i + 1}.zh-Hans.json`)]);
}

/** The issues whose text, in either edition, holds the query. */
const truth = (texts, q) => new Set(texts.flatMap(([hant, hans], i) => (hant.includes(q) || hans.includes(q) ? [i + 1] : [])));

/**
 * The fixed queries, cut from issues 1…233 (the same text in both archives) at fixed places,
 * two to four characters: 8 rare (in under 5 issues: names, places) and 8 common (in a third of
 * the issues or more: the words every issue uses, whose pairs have the longest postings).
 */
function fixedQueries(texts) {
  const rare = [];
  const common = [];
  for (let k = 0; (rare.length < 8 || common.length < 8) && k < 20000; k++) {
    const text = texts[(k * 41) % 233][0];
    const len = 2 + (k % 3);
    const at = (k * 977) % (text.length - len);
    const q = text.slice(at, at + len);
    if ([...q].length !== len || !/^\p{Script=Han}+$/u.test(q) || rare.includes(q) || common.includes(q)) continue;
    const found = truth(texts, q).size;
    if (found < 5 && rare.length < 8) rare.push(q);
    else if (found >= texts.length / 3 && common.length < 8) common.push(q);
  }
  // Interleaved, so the first searches timed are of both kinds.
  return rare.flatMap((q, i) => [q, common[i]]).filter(Boolean);
}

/** The issues `sheto search` (the reader's query code) finds. */
function oursFinds(issues, q) {
  const run = spawnSync('target/release/sheto', ['search', issues, q], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(`sheto search ${q}: ${run.stderr}`);
  return new Set(run.stdout.split('\n').filter(Boolean).map((l) => Number(l.split(' ')[0])));
}

async function phonePage(browser) {
  const page = await browser.newPage();
  const cdp = await browser.newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  return page;
}

// In the reader: type a query, resolve when its results (or "not found") are on screen and laid
// out: the status says so and the hits are drawn.
const typeAndWait = (q) => new Promise((resolve) => {
  const input = document.querySelector('#search-input');
  input.focus();
  const t0 = performance.now();
  const done = () => {
    if (document.querySelector('.search-status[role=alert]')) return true;
    if (document.querySelector('.hits')?.dataset.query !== q) return false;
    const status = document.querySelector('.search-status')?.textContent ?? '';
    const hits = document.querySelectorAll('.hits .hit').length;
    const total = Number(/^找到 ([0-9]+) 項/.exec(status)?.[1] ?? -1);
    return (total >= 0 && hits >= Math.min(10, total)) || status.startsWith('各期通訊中找不到');
  };
  const mo = new MutationObserver(() => {
    if (!done()) return;
    mo.disconnect();
    void document.body.offsetHeight;
    // The files fetched by then (a later page of hits may already be on its way: not counted).
    const fetched = performance.getEntriesByType('resource').filter((e) => e.startTime >= t0 && e.responseEnd > 0).map((e) => new URL(e.name).pathname);
    resolve({ ms: performance.now() - t0, fetched, status: document.querySelector('.search-status').textContent, compute: performance.getEntriesByName('sheto:search').pop()?.duration });
  });
  mo.observe(document.body, { childList: true, subtree: true, characterData: true });
  input.value = q;
  input.dispatchEvent(new Event('input', { bubbles: true }));
});

// In the Pagefind page: a search and its first 10 results' data (title, URL, excerpt).
const pagefindFirst = async (q) => {
  const t0 = performance.now();
  const search = await window.pf.search(q);
  const data = await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
  return { ms: performance.now() - t0, shown: data.length, total: search.results.length };
};

const pagefindAll = async (q) => {
  const search = await window.pf.search(q);
  const data = await Promise.all(search.results.map((r) => r.data()));
  return data.map((d) => d.url);
};

export async function benchSearch({ browser, dist, runs }) {
  const report = {};
  for (const count of [233, 500]) {
    const site = path.resolve(`target/bench-search-${count}`);
    fs.rmSync(site, { recursive: true, force: true });
    fs.cpSync(dist, site, { recursive: true });
    const issues = path.join(site, 'issues');
    writeFixtureArchive(issues, count, { distinct: true });
    const r = { issues: count };
    // `sheto index` again, timed: the whole publishing step. Peak memory from GNU time.
    const timed = fs.existsSync('/usr/bin/time');
    let t0 = performance.now();
    const run = timed
      ? spawnSync('/usr/bin/time', ['-f', 'peak %M', 'target/release/sheto', 'index', issues], { encoding: 'utf8' })
      : spawnSync('target/release/sheto', ['index', issues], { encoding: 'utf8' });
    r.shetoIndex = { ms: performance.now() - t0, peakKB: Number(/peak (\d+)/.exec(run.stderr ?? '')?.[1]) || null };
    t0 = performance.now();
    const pf = spawnSync('node_modules/.bin/pagefind', ['--site', site, '--glob', 'issues/*.html', '--output-subdir', 'pagefind', '--silent'], { encoding: 'utf8' });
    if (pf.status !== 0) throw new Error(`pagefind: ${pf.stderr}`);
    r.pagefindIndexMs = performance.now() - t0;
    fs.writeFileSync(path.join(site, 'pagefind-bench.html'),
      '<!doctype html><meta charset="utf-8"><title>Pagefind</title><script type="module">import * as pf from "./pagefind/pagefind.js"; window.pf = pf;</script>\n');
    const manifest = JSON.parse(fs.readFileSync(path.join(issues, 'search/index.json'), 'utf8'));
    r.disk = { ours: du(path.join(issues, 'search')), pagefind: du(path.join(site, 'pagefind')) };
    const server = await serve(site, PREFIX);
    const bytesOf = (paths, under) => paths.filter((p) => p.includes(under)).reduce((a, p) => a + brotli(path.join(site, decodeURIComponent(p.slice(PREFIX.length)))), 0);

    const texts = archiveTexts(issues, count);
    const queries = fixedQueries(texts);
    // The first search of a visit, and later keystrokes in the same page.
    const FIRST = queries.slice(0, Math.max(2, Math.min(2 * runs, queries.length)));
    r.first = { ours: [], pagefind: [] };
    r.later = { ms: [], compute: [] };
    for (const q of FIRST) {
      let page = await phonePage(browser);
      await page.goto(server.url);
      // The search box is there before the app, but answers once the app has adopted the page,
      // which comes with the reader's first input (here a key; a tap in the box does the same).
      await page.keyboard.press('Shift');
      await page.waitForFunction(() => document.documentElement.classList.contains('live'));
      const first = await page.evaluate(typeAndWait, q);
      if (first.status.startsWith('未能')) throw new Error(`search ${q}: ${first.status}`);
      r.first.ours.push({ q, ms: first.ms, bytes: bytesOf(first.fetched, '/issues/search/'), files: first.fetched.length, status: first.status });
      for (const next of queries.filter((x) => x !== q).slice(0, 6)) {
        const later = await page.evaluate(typeAndWait, next);
        r.later.ms.push(later.ms);
        r.later.compute.push(later.compute);
      }
      await page.close();

      page = await phonePage(browser);
      await page.goto(server.url + 'pagefind-bench.html');
      await page.waitForFunction(() => window.pf);
      // Pagefind fetches nothing after its search resolves: every request from here on counts.
      const requested = [];
      page.on('request', (req) => requested.push(new URL(req.url()).pathname));
      const pfFirst = await page.evaluate(pagefindFirst, q);
      r.first.pagefind.push({ q, ms: pfFirst.ms, bytes: bytesOf(requested, '/pagefind/'), files: requested.length });
      await page.close();
    }

    // Recall on every fixed query.
    const page = await browser.newPage();
    await page.goto(server.url + 'pagefind-bench.html');
    await page.waitForFunction(() => window.pf);
    r.recall = [];
    for (const q of queries) {
      const want = truth(texts, q);
      const ours = oursFinds(issues, q);
      const urls = await page.evaluate(pagefindAll, q);
      const theirs = new Set(urls.map((u) => Number(/issues\/(\d+)(\.zh-Hans)?(\.html)?$/.exec(u)?.[1])).filter(Boolean));
      const hit = (found) => [...want].filter((n) => found.has(n)).length;
      r.recall.push({ q, relevant: want.size, ours: hit(ours), pagefind: hit(theirs), oursExtra: [...ours].filter((n) => !want.has(n)).length });
    }
    await page.close();
    await server.close();
    r.manifestBrotli = brotli(path.join(issues, 'search/index.json'));
    r.buckets = manifest.buckets;
    report[count] = r;
  }
  return report;
}

/** Table rows for the report: [what, value, budget, met]. */
export function searchRows(report) {
  const rows = [];
  const kb = (b) => (b / 1024).toFixed(1);
  const ms = (x) => x.toFixed(0);
  for (const r of Object.values(report)) {
    const n = r.issues;
    const oursBytes = r.first.ours.map((f) => f.bytes);
    const theirBytes = r.first.pagefind.map((f) => f.bytes);
    const oursMs = r.first.ours.map((f) => f.ms);
    const theirMs = r.first.pagefind.map((f) => f.ms);
    rows.push([`${n} issues: first search, bytes until 10 results (max; Pagefind)`, `${kb(Math.max(...oursBytes))} KB (${kb(median(oursBytes))} median); Pagefind ${kb(Math.max(...theirBytes))} KB (${kb(median(theirBytes))})`, `≤ ${SEARCH_BUDGET.firstBytesKB} KB`, Math.max(...oursBytes) <= SEARCH_BUDGET.firstBytesKB * 1024]);
    rows.push([`${n} issues: first search, typed to 10 results shown (max; Pagefind)`, `${ms(Math.max(...oursMs))} ms (${ms(median(oursMs))} median); Pagefind ${ms(Math.max(...theirMs))} ms (${ms(median(theirMs))})`, `≤ ${SEARCH_BUDGET.firstMs} ms`, Math.max(...oursMs) <= SEARCH_BUDGET.firstMs]);
    rows.push([`${n} issues: later keystroke to results, median / p95`, `${ms(median(r.later.ms))} / ${ms(quantile(r.later.ms, 0.95))} ms (n=${r.later.ms.length})`]);
    const compute = r.later.compute.filter((x) => x !== undefined);
    rows.push([`${n} issues: the query itself (sheto:search), p95`, `${quantile(compute, 0.95).toFixed(1)} ms`, `≤ ${SEARCH_BUDGET.computeMs} ms`, quantile(compute, 0.95) <= SEARCH_BUDGET.computeMs]);
    const relevant = r.recall.reduce((a, x) => a + x.relevant, 0);
    const ours = r.recall.reduce((a, x) => a + x.ours, 0);
    const theirs = r.recall.reduce((a, x) => a + x.pagefind, 0);
    const missed = r.recall.filter((x) => x.pagefind < x.relevant).length;
    rows.push([`${n} issues: recall, ${r.recall.length} queries (issues found of ${relevant})`, `${(ours / relevant).toFixed(3)} (${ours}); Pagefind ${(theirs / relevant).toFixed(3)} (${theirs}; short on ${missed} queries)`, '≥ Pagefind', ours >= theirs]);
    rows.push([`${n} issues: index on disk (files / MB; Pagefind)`, `${r.disk.ours.files} / ${(r.disk.ours.bytes / 2 ** 20).toFixed(1)}; Pagefind ${r.disk.pagefind.files} / ${(r.disk.pagefind.bytes / 2 ** 20).toFixed(1)}`]);
    rows.push([`${n} issues: sheto index (time / peak memory; Pagefind's indexing)`, `${ms(r.shetoIndex.ms)} ms / ${r.shetoIndex.peakKB ? `${(r.shetoIndex.peakKB / 1024).toFixed(0)} MB` : 'n/a'}; Pagefind ${ms(r.pagefindIndexMs)} ms`]);
  }
  return rows;
}

// Alone: `node scripts/bench-search.mjs` (after scripts/build and a release `sheto`).
if (import.meta.url === `file://${process.argv[1]}`) {
  const { launch, PHONE_DEVICE } = await import('../tests/e2e/browser.mjs');
  const browser = await launch(PHONE_DEVICE);
  const report = await benchSearch({ browser, dist: path.resolve('dist'), runs: Number(process.env.RUNS ?? 5) });
  await browser.close();
  for (const [what, value, budget = '', ok] of searchRows(report)) console.log(`${what.padEnd(72)} ${String(value).padEnd(60)} ${budget.padEnd(12)} ${ok === undefined ? '' : ok ? 'met' : 'NOT MET'}`);
  fs.mkdirSync('bench-results', { recursive: true });
  fs.writeFileSync('bench-results/search.json', JSON.stringify(report, null, 2) + '\n');
}
