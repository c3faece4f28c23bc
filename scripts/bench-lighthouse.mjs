// Lighthouse 12's mobile preset (simulated slow 4G, CPU ×4) on the reader and on the published
// page of the same issue (`sheto html`: the limit), served with brotli from 127.0.0.1 with the
// site's own headers, in the same run: part of the benchmark (scripts/bench), also run alone after
// a build: `node scripts/bench-lighthouse.mjs`. Lighthouse is not a dependency (185 MB of npm
// packages for a benchmark): it is installed from npm into target/lighthouse the first time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { serve } from '../tests/e2e/server.mjs';

const PREFIX = '/bench/sub/path/';
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

const LIGHTHOUSE = path.resolve('target/lighthouse/node_modules/.bin/lighthouse');

function install() {
  if (fs.existsSync(LIGHTHOUSE)) return;
  const run = spawnSync('npm', ['install', '--prefix', 'target/lighthouse', '--no-audit', '--no-fund', '--loglevel=error', 'lighthouse@12'], { stdio: 'inherit' });
  if (run.status !== 0) throw new Error('could not install lighthouse from npm');
}

// `lang`: the browser's languages. The reader's first visit follows them: a Hong Kong reader
// (zh-HK) reads the page as published; an English browser is sent, before anything is drawn, to
// the page published with an English interface (measured apart: it has one more request).
async function lighthouse(url, lang) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'sheto-lighthouse-'));
  const flags = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', `--lang=${lang}`, `--accept-lang=${lang}`, `--user-data-dir=${profile}`].join(' ');
  const output = path.join(profile, 'report.json');
  // Not spawnSync: the page is served by this process, which must go on answering. Output to a
  // file, no pipes: Chrome's helpers may outlive Lighthouse holding inherited pipes open.
  const child = spawn(LIGHTHOUSE, [url, '--only-categories=performance', '--output=json', `--output-path=${output}`, '--quiet', `--chrome-flags=${flags}`],
    { stdio: 'ignore', env: { ...process.env, CHROME_PATH: process.env.CHROMIUM ?? '/usr/bin/chromium' } });
  const status = await new Promise((resolve) => child.on('exit', resolve));
  if (status !== 0 || !fs.existsSync(output)) throw new Error(`lighthouse ${url}: exit ${status}`);
  const report = JSON.parse(fs.readFileSync(output, 'utf8'));
  fs.rmSync(profile, { recursive: true, force: true });
  const audit = (id) => report.audits[id].numericValue;
  return {
    score: Math.round(report.categories.performance.score * 100),
    fcp: audit('first-contentful-paint'), lcp: audit('largest-contentful-paint'), tbt: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'), si: audit('speed-index'),
  };
}

export async function benchLighthouse({ dist, plain, runs }) {
  install();
  const server = await serve(dist, PREFIX, 0, { brotli: true, headers: true });
  const out = {};
  try {
    const pages = [['app', server.url, 'zh-HK'], ['appEnglish', server.url, 'en-US'], ['plain', server.url + plain, 'zh-HK']];
    for (const [name, url, lang] of pages) {
      const all = [];
      for (let i = 0; i < runs; i++) all.push(await lighthouse(url, lang));
      out[name] = Object.fromEntries(Object.keys(all[0]).map((k) => [k, median(all.map((r) => r[k]))]));
      out[name].runs = all;
    }
  } finally {
    await server.close();
  }
  return out;
}

export const LIGHTHOUSE_BUDGET = { score: 99, tbtMs: 50 };

/** Table rows for the report: [what, value, budget, met]. */
export function lighthouseRows(lh) {
  const ms = (x) => `${Math.round(x)} ms`;
  const line = (r) => `${r.score} / TBT ${ms(r.tbt)} / LCP ${ms(r.lcp)} / CLS ${r.cls.toFixed(3)}`;
  return [
    ['Lighthouse mobile, app (zh-HK browser): score / TBT / LCP / CLS (median)', line(lh.app), `≥ ${LIGHTHOUSE_BUDGET.score}, TBT ≤ ${LIGHTHOUSE_BUDGET.tbtMs} ms`, lh.app.score >= LIGHTHOUSE_BUDGET.score && lh.app.tbt <= LIGHTHOUSE_BUDGET.tbtMs],
    ['Lighthouse mobile, app in an English browser (EN interface)', line(lh.appEnglish), `TBT ≤ ${LIGHTHOUSE_BUDGET.tbtMs} ms, CLS 0`, lh.appEnglish.tbt <= LIGHTHOUSE_BUDGET.tbtMs && lh.appEnglish.cls === 0],
    ['Lighthouse mobile, published page (the limit)', line(lh.plain)],
    ['Lighthouse: app LCP ÷ published page LCP', `${(lh.app.lcp / lh.plain.lcp).toFixed(2)}×`, '≤ 1.1×', lh.app.lcp <= lh.plain.lcp * 1.1],
  ];
}

/**
 * The built site (dist/) copied to target/bench-dist with the plain page of no. 233 beside the
 * issue's own (issues/233.html is the app's page): the limit both benchmarks measure against.
 */
export function siteWithPlainPage() {
  const dist = path.resolve('target/bench-dist');
  const plain = 'issues/plain-233.html';
  fs.rmSync(dist, { recursive: true, force: true });
  fs.cpSync(path.resolve('dist'), dist, { recursive: true });
  execFileSync('target/release/sheto', ['html', 'public/issues/233.json', '-o', path.join(dist, plain)]);
  return { dist, plain };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const lh = await benchLighthouse({ ...siteWithPlainPage(), runs: Number(process.env.RUNS ?? 3) });
  for (const [what, value, budget = '', ok] of lighthouseRows(lh)) console.log(`${what.padEnd(60)} ${value.padEnd(48)} ${budget.padEnd(24)} ${ok === undefined ? '' : ok ? 'met' : 'NOT MET'}`);
}
