// Lighthouse 12's mobile preset (simulated slow 4G, CPU ×4) on the reader and on the published
// page of the same issue (issues/233.html: the limit), served with brotli from 127.0.0.1 with the
// site's own headers, in the same run: part of the benchmark (scripts/bench), also run alone after
// a build: `node scripts/bench-lighthouse.mjs`. Lighthouse is not a dependency (185 MB of npm
// packages for a benchmark): `npx --yes lighthouse@12` fetches it from npm the first time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { serve } from '../tests/e2e/server.mjs';

const PREFIX = '/bench/sub/path/';
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

function lighthouse(url) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'sheto-lighthouse-'));
  const flags = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', `--user-data-dir=${profile}`].join(' ');
  const run = spawnSync('npx', ['--yes', 'lighthouse@12', url, '--only-categories=performance', '--output=json', '--output-path=stdout', '--quiet', `--chrome-flags=${flags}`],
    { encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, CHROME_PATH: process.env.CHROMIUM ?? '/usr/bin/chromium' } });
  fs.rmSync(profile, { recursive: true, force: true });
  if (run.status !== 0) throw new Error(`lighthouse ${url}: ${run.stderr.slice(-2000)}`);
  const report = JSON.parse(run.stdout);
  const audit = (id) => report.audits[id].numericValue;
  return {
    score: Math.round(report.categories.performance.score * 100),
    fcp: audit('first-contentful-paint'), lcp: audit('largest-contentful-paint'), tbt: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'), si: audit('speed-index'),
  };
}

export async function benchLighthouse({ dist, runs }) {
  const server = await serve(dist, PREFIX, 0, { brotli: true, headers: true });
  const out = {};
  try {
    for (const [name, url] of [['app', server.url], ['plain', server.url + 'issues/233.html']]) {
      const all = Array.from({ length: runs }, () => lighthouse(url));
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
    ['Lighthouse mobile, app: score / TBT / LCP / CLS (median)', line(lh.app), `≥ ${LIGHTHOUSE_BUDGET.score}, TBT ≤ ${LIGHTHOUSE_BUDGET.tbtMs} ms`, lh.app.score >= LIGHTHOUSE_BUDGET.score && lh.app.tbt <= LIGHTHOUSE_BUDGET.tbtMs],
    ['Lighthouse mobile, published page (the limit)', line(lh.plain)],
    ['Lighthouse: app LCP ÷ published page LCP', `${(lh.app.lcp / lh.plain.lcp).toFixed(2)}×`, '≤ 1.1×', lh.app.lcp <= lh.plain.lcp * 1.1],
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const lh = await benchLighthouse({ dist: path.resolve('dist'), runs: Number(process.env.RUNS ?? 3) });
  for (const [what, value, budget = '', ok] of lighthouseRows(lh)) console.log(`${what.padEnd(60)} ${value.padEnd(48)} ${budget.padEnd(24)} ${ok === undefined ? '' : ok ? 'met' : 'NOT MET'}`);
}
