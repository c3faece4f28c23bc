// Benchmark (not a test): the staff preview reading the newsletter's PDF in the browser, on a
// phone profile with the CPU slowed 4× (budget: a 20-page PDF under 3 s, its status shown at
// once). Prints, for each fixture, the time from choosing the file to the draft's text being
// in the editor, and how long the page could not answer (the longest task).
// Usage: node scripts/bench-pdf.mjs [DIST] (scripts/bench runs it on target/bench-dist).
import path from 'node:path';
import { serve } from '../tests/e2e/server.mjs';
import { launch, newPage, PHONE } from '../tests/e2e/browser.mjs';

const dist = path.resolve(process.argv[2] ?? 'dist');
const server = await serve(dist, '/office/newsletter/');
const context = await launch();
const runs = Number(process.env.RUNS ?? 3);
console.log('Preview reading a PDF (phone, CPU ×4, median of', runs, 'runs):');
for (const file of ['233-writer.pdf', '233-narrow.pdf', 'long-20-pages.pdf']) {
  const times = [];
  const longest = [];
  for (let i = 0; i < runs; i++) {
    const page = await newPage(context, PHONE);
    const cdp = await context.newCDPSession(page);
    await page.goto(server.url + 'preview.html');
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.locator('#draft-text').waitFor();
    await page.evaluate(() => {
      window.__longest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
      }).observe({ type: 'longtask' });
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const start = Date.now();
    await page.locator('input[type=file]').setInputFiles(`tests/fixtures/pdf/${file}`);
    await page.locator('.pdf-status', { hasText: /已讀取|無法讀取/ }).waitFor({ timeout: 60000 });
    times.push(Date.now() - start);
    longest.push(await page.evaluate(() => window.__longest));
    await page.close();
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`  ${file.padEnd(20)} ${String(median(times)).padStart(6)} ms to the draft; longest task ${Math.round(median(longest))} ms`);
}
await context.close();
await server.close();
