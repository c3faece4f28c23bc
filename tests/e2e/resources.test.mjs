// End-to-end: browser resources live and die with the components that made them. The page's
// ResizeObservers, IntersectionObservers and matchMedia listeners are counted (an init script
// wraps their constructors; the app does not know), then the reader switches language many
// times, which rebuilds the charts: the live count must come back to what it was.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serve } from './server.mjs';
import { launch, newPage, DESKTOP } from './browser.mjs';

const DIST = path.resolve(process.env.DIST ?? 'dist');
let server, browser;

before(async () => {
  server = await serve(DIST, '/res/');
  // gc() before reading the heap, so the figure is what is still reachable.
  browser = await launch({}, ['--js-flags=--expose-gc', '--enable-precise-memory-info']);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Counts what is observed or listened to right now, by kind. */
function countLive() {
  const live = { resize: 0, intersection: 0, media: 0 };
  window.__live = live;
  for (const [name, key] of [['ResizeObserver', 'resize'], ['IntersectionObserver', 'intersection']]) {
    const Base = window[name];
    window[name] = class extends Base {
      constructor(...args) { super(...args); this.observing = 0; }
      observe(...args) { live[key] += 1; this.observing += 1; return super.observe(...args); }
      disconnect() { live[key] -= this.observing; this.observing = 0; return super.disconnect(); }
    };
  }
  const onchange = Object.getOwnPropertyDescriptor(MediaQueryList.prototype, 'onchange');
  Object.defineProperty(MediaQueryList.prototype, 'onchange', {
    get() { return onchange.get.call(this); },
    set(handler) {
      const had = onchange.get.call(this) != null;
      live.media += (handler != null ? 1 : 0) - (had ? 1 : 0);
      onchange.set.call(this, handler);
    },
  });
}

test('language switches leave no observer or listener behind', async () => {
  const page = await newPage(browser, DESKTOP);
  await page.addInitScript(countLive);
  await page.goto(server.url);
  await page.locator('#chart-gdp canvas').first().waitFor();
  await page.locator('#data').scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  const first = await page.evaluate(() => ({ ...window.__live }));
  assert.ok(first.resize >= 3 && first.intersection >= 3 && first.media >= 1, JSON.stringify(first));
  const heap = () => page.evaluate(() => { window.gc?.(); return performance.memory?.usedJSHeapSize ?? 0; });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const listeners = async () => {
    await heap();
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'JSEventListeners').value;
  };
  const heapBefore = await heap();
  const listenersBefore = await listeners();
  for (let i = 0; i < 10; i += 1) {
    for (const name of ['简体中文', 'English', '繁體中文']) {
      await page.getByRole('link', { name }).click();
      await page.locator('#chart-gdp canvas').first().waitFor();
    }
  }
  await page.waitForTimeout(300);
  const after = await page.evaluate(() => ({ ...window.__live }));
  const heapAfter = await heap();
  const listenersAfter = await listeners();
  console.log(`live after 1 view: ${JSON.stringify(first)}; after 30 switches: ${JSON.stringify(after)}; ` +
    `JS heap ${(heapBefore / 1e6).toFixed(2)} → ${(heapAfter / 1e6).toFixed(2)} MB; ` +
    `event listeners ${listenersBefore} → ${listenersAfter}`);
  assert.deepEqual(after, first);
  assert.ok(listenersAfter <= listenersBefore, `listeners ${listenersBefore} → ${listenersAfter}`);
  assert.deepEqual(page.errors, []);
  await page.close();
});
