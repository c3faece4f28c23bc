// End-to-end: the staff preview as an editor uses it — paste, findings, fix, render, download,
// reload, two tabs, discard, storage failures, and a draft bundle on the host.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve } from './server.mjs';
import { launch, newPage, screenshot, PHONE, DESKTOP, openAt } from './browser.mjs';

const DIST = path.resolve(process.env.DIST ?? 'dist');
const SOURCE = fs.readFileSync('sources/issue-233.txt', 'utf8');
const BUNDLE = fs.readFileSync('public/issues/233.json', 'utf8');
let server, browser;

before(async () => {
  server = await serve(DIST, '/office/newsletter/');
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const openPreview = (context = browser, query = 'preview.html', viewport = DESKTOP) =>
  openAt(context, server.url + query, { viewport, ready: '.draft-banner' });

async function clearDraft(page) {
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.locator('#draft-text').waitFor();
}

const paste = (page, text) => page.locator('#draft-text').fill(text);

test('pasting the text of no. 233 renders the same content as the published issue', async () => {
  const reader = await newPage(browser);
  await reader.goto(server.url);
  await reader.locator('#news').waitFor();
  const published = await reader.locator('main.issue').innerText();
  await reader.close();

  const page = await openPreview();
  await clearDraft(page);
  await paste(page, SOURCE);
  await page.locator('.draft-render main.issue').waitFor();
  assert.equal(await page.locator('.draft-render main.issue').innerText(), published);
  assert.equal(await page.locator('.draft-render #news article').count(), 17);
  assert.equal(await page.locator('.draft-render figure.chart .chart-surface').count(), 3, 'charts included');
  assert.match(await page.locator('.summary').textContent(), /^沒有錯誤，可以發布/);
  assert.match(await page.locator('.draft-banner').textContent(), /草稿 DRAFT/);
  assert.equal(await page.locator('meta[name="robots"]').getAttribute('content'), 'noindex');
  // The filter works in the draft too.
  await page.locator('.draft-render').getByRole('checkbox', { name: /^浙江省/ }).click();
  assert.equal(await page.locator('.draft-render #news article:visible').count(), 5);
  await page.waitForURL(/preview\.html\?region=zhejiang$/);
  console.log(`screenshots: ${await screenshot(page, 'preview-desktop')}`);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('downloads: the bundle and index.json, byte for byte what sheto writes', async () => {
  const page = await openPreview();
  await clearDraft(page);
  await paste(page, SOURCE);
  const [bundle] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下載 233.json' }).click()]);
  assert.equal(bundle.suggestedFilename(), '233.json');
  assert.equal(fs.readFileSync(await bundle.path(), 'utf8'), BUNDLE);
  const [index] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下載 index.json' }).click()]);
  assert.equal(fs.readFileSync(await index.path(), 'utf8'), fs.readFileSync('public/issues/index.json', 'utf8'));
  await page.close();
});

test('简 shows the draft’s Simplified edition for review, and downloads it byte for byte', async () => {
  const page = await openPreview();
  await clearDraft(page);
  await paste(page, SOURCE);
  await page.locator('.draft-render main.issue').waitFor();
  await page.locator('.draft-render').getByRole('link', { name: '简体中文' }).click();
  await page.locator('.draft-render h1', { hasText: '香港特区政府驻上海经济贸易办事处通讯' }).waitFor();
  assert.equal(await page.locator('.draft-render main.issue').getAttribute('lang'), 'zh-Hans');
  const text = await page.locator('.draft-render main.issue').innerText();
  assert.ok(text.includes('浙江独角兽企业达58家'));
  // The draft is kept: the editor's text is the Traditional original.
  assert.equal(await page.locator('#draft-text').inputValue(), SOURCE);
  // The reader's 简 switch is the interface's: the editor's own labels follow it.
  const edition = page.getByRole('button', { name: '下载 233.zh-Hans.json（简体）' });
  const [file] = await Promise.all([page.waitForEvent('download'), edition.click()]);
  assert.equal(file.suggestedFilename(), '233.zh-Hans.json');
  assert.equal(fs.readFileSync(await file.path(), 'utf8'), fs.readFileSync('public/issues/233.zh-Hans.json', 'utf8'));
  await screenshot(page, 'preview-hans-desktop');
  // Back to 繁 (the choice is remembered in this browser, and the other tests read 繁).
  await page.locator('.draft-render').getByRole('link', { name: '繁體中文' }).click();
  await page.locator('.draft-render h1', { hasText: '香港特區政府' }).waitFor();
  assert.deepEqual(page.errors, []);
  await page.close();
});

/** A fresh preview with no. 233 pasted without its data table (a missing part: an error). */
async function withoutDataTable() {
  const page = await openPreview();
  await clearDraft(page);
  const cut = SOURCE.slice(0, SOURCE.indexOf('二. 經貿數據')) + SOURCE.slice(SOURCE.indexOf('三. 經貿活動'));
  await paste(page, cut);
  const first = page.locator('.finding-list li').first();
  await first.waitFor();
  return { page, cut, first };
}

test('a text with a missing part shows the importer findings and blocks publishing', async () => {
  const { page, cut, first } = await withoutDataTable();
  assert.match(await first.textContent(), /^錯誤 第 \d+ 行 沒有數據表：應有以「二. 經貿數據」為標題的部分/);
  assert.match(await page.locator('.summary').textContent(), /^1 個錯誤須修正才能發布/);
  assert.equal(await page.getByRole('button', { name: /下載 \d+\.json/ }).count(), 0);
  assert.match(await page.locator('.publish-panel .blocked').textContent(), /修正後才能下載/);
  assert.equal(await page.locator('.draft-render article').count(), 0);
  await page.close();
});

test('the findings and the editor follow the interface language: 繁, 简, English', async () => {
  const { page, cut, first } = await withoutDataTable();
  // A text with no data table renders nothing: the switch is the URL's (as a link would set it).
  await page.goto(server.url + 'preview.html?lang=en');
  await page.locator('#findings-heading', { hasText: 'Findings' }).waitFor();
  assert.match(await first.textContent(), /^Error line \d+ data table missing: expected a part headed 二. 經貿數據/);
  assert.match(await page.locator('.summary').textContent(), /^Errors to fix before publishing: 1; warnings: 1\./);
  assert.equal(await page.locator('#preview-heading').textContent(), 'Editor preview');
  assert.equal(await page.locator('#draft-text').inputValue(), cut);
  await page.goto(server.url + 'preview.html?lang=zh-Hans');
  await page.locator('#findings-heading', { hasText: '检查结果' }).waitFor();
  assert.match(await first.textContent(), /^错误 第 \d+ 行 没有数据表：应有以「二. 经贸数据」为标题的部分/);
  await screenshot(page, 'preview-findings-hans-desktop');
  await page.goto(server.url + 'preview.html?lang=zh-Hant');
  await page.locator('#findings-heading', { hasText: '檢查結果' }).waitFor();
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('fixing the text in the page: a finding goes to its line, the fix clears it', async () => {
  const page = await openPreview();
  await clearDraft(page);
  await paste(page, SOURCE.replace('\n山東省\n', '\n山東\n省\n'));
  const finding = page.locator('.finding-link', { hasText: '未知的地區標題「省」' });
  await finding.waitFor();
  assert.match(await finding.textContent(), /第 142 行/);
  await finding.click();
  const selected = await page.evaluate(() => {
    const t = document.getElementById('draft-text');
    return [document.activeElement === t, t.value.slice(t.selectionStart, t.selectionEnd)];
  });
  assert.deepEqual(selected, [true, '省']);
  // Type the fix where the editor is: delete the stray line break.
  await page.keyboard.press('Home');
  await page.keyboard.press('Backspace');
  await page.locator('.summary', { hasText: '沒有錯誤' }).waitFor();
  assert.equal(await page.locator('.draft-render #news article').count(), 17);
  await page.close();
});

test('broken JSON is located by line and column', async () => {
  const page = await openPreview();
  await clearDraft(page);
  await paste(page, '{\n  "number": 233,\n  "month": }\n');
  const first = page.locator('.finding-list li').first();
  await first.waitFor();
  assert.equal(await first.textContent(), '錯誤 3:12 JSON 格式有誤：expected value');
  await first.locator('button').click();
  const caret = await page.evaluate(() => document.getElementById('draft-text').selectionStart);
  assert.equal(caret, '{\n  "number": 233,\n'.length + 11);
  await page.close();
});

test('a finding about the bundle goes to the rendered item', async () => {
  const page = await openPreview();
  await clearDraft(page);
  const bundle = JSON.parse(BUNDLE);
  bundle.news_flash.groups[4].articles[1].links[0] = 'ftp://example.invalid/x';
  await paste(page, JSON.stringify(bundle, null, 2));
  const finding = page.locator('.finding-link', { hasText: '不是 http(s) 或 mailto 網址' });
  await finding.click();
  await page.locator('#item-14.flash').waitFor();
  assert.ok(await page.locator('#item-14').isVisible());
  await page.close();
});

test('a reload keeps the draft', async () => {
  const page = await openPreview();
  await clearDraft(page);
  await paste(page, SOURCE.slice(0, 2000));
  await page.locator('.save-status', { hasText: '已儲存' }).waitFor();
  await page.reload();
  await page.locator('#draft-text').waitFor();
  assert.equal(await page.locator('#draft-text').inputValue(), SOURCE.slice(0, 2000));
  assert.equal(await page.locator('.save-status').textContent(), '已還原上次的草稿。');
  await page.close();
});

test('a closed tab loses nothing: a new tab finds the draft', async () => {
  const page = await openPreview();
  await clearDraft(page);
  await paste(page, 'half a newsletter');
  await page.locator('.save-status', { hasText: '已儲存' }).waitFor();
  await page.close();
  const again = await openPreview();
  assert.equal(await again.locator('#draft-text').inputValue(), 'half a newsletter');
  await again.close();
});

test('two tabs do not silently overwrite each other', async () => {
  const a = await openPreview();
  await clearDraft(a);
  const b = await openPreview();
  await paste(a, 'draft from tab A');
  await b.locator('.conflict').waitFor();
  await b.locator('#draft-text').fill('draft from tab B');
  // B's edit did not replace A's saved draft…
  assert.equal(JSON.parse(await b.evaluate(() => localStorage.getItem('sheto-draft-v1'))).content, 'draft from tab A');
  // …until the editor chooses.
  await b.getByRole('button', { name: '保留本分頁的版本' }).click();
  assert.equal(JSON.parse(await b.evaluate(() => localStorage.getItem('sheto-draft-v1'))).content, 'draft from tab B');
  await a.locator('.conflict').waitFor();
  await a.getByRole('button', { name: '載入另一分頁的版本' }).click();
  assert.equal(await a.locator('#draft-text').inputValue(), 'draft from tab B');
  await a.close();
  await b.close();
});

test('discarding a draft asks first', async () => {
  const page = await openPreview();
  await clearDraft(page);
  await paste(page, 'keep me');
  page.once('dialog', (d) => d.dismiss());
  await page.getByRole('button', { name: '捨棄草稿' }).click();
  assert.equal(await page.locator('#draft-text').inputValue(), 'keep me');
  page.once('dialog', (d) => { assert.match(d.message(), /確定捨棄/); d.accept(); });
  await page.getByRole('button', { name: '捨棄草稿' }).click();
  assert.equal(await page.locator('#draft-text').inputValue(), '');
  assert.equal(await page.evaluate(() => localStorage.getItem('sheto-draft-v1')), null);
  await page.close();
});

test('storage full is said plainly and the draft can still be downloaded', async () => {
  const context = await launch();
  await context.addInitScript(() => {
    Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
  });
  const page = await openPreview(context);
  await paste(page, 'text that cannot be stored');
  await page.locator('.save-status', { hasText: '儲存空間已滿' }).waitFor();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下載草稿' }).click()]);
  assert.equal(fs.readFileSync(await file.path(), 'utf8'), 'text that cannot be stored');
  await context.close();
});

test('opening a .json file validates it as a bundle', async () => {
  const page = await openPreview(browser, 'preview.html', PHONE);
  await clearDraft(page);
  await page.locator('input[type=file]').setInputFiles({ name: '233.json', mimeType: 'application/json', buffer: Buffer.from(BUNDLE) });
  await page.locator('.draft-render #news').waitFor();
  assert.equal(await page.locator('#draft-text').inputValue(), BUNDLE);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0, 'no sideways scrolling on a phone');
  console.log(`screenshots: ${await screenshot(page, 'preview-phone')}`);
  await page.close();
});

test('a .txt file is imported as text even when it starts with {, and the kind can be changed', async () => {
  const page = await openPreview();
  await clearDraft(page);
  // An editor's slip: a stray brace before the masthead. The importer, not the JSON parser,
  // must read it, and say so by its line.
  await page.locator('input[type=file]').setInputFiles({ name: '234.txt', mimeType: 'text/plain', buffer: Buffer.from('{' + SOURCE) });
  await page.locator('.finding-list li').first().waitFor();
  assert.equal(await page.locator('.draft-kind select').inputValue(), 'text');
  const findings = await page.locator('.finding-list').textContent();
  assert.doesNotMatch(findings, /JSON|line 1, column/i, 'validated as a bundle');
  // Typing keeps the kind the file gave; the editor may still say the draft is JSON.
  await page.locator('#draft-text').press('End');
  await page.locator('#draft-text').type(' ');
  assert.equal(await page.locator('.draft-kind select').inputValue(), 'text');
  await page.locator('.draft-kind select').selectOption('json');
  await page.waitForFunction(() => /JSON/i.test(document.querySelector('.finding-list')?.textContent ?? ''));
  await page.close();
});

test('a draft bundle on the host renders under the banner', async () => {
  const page = await newPage(browser);
  // A test fixture, not a real issue: no. 233 renumbered as a draft of 234.
  const draft = JSON.parse(BUNDLE);
  Object.assign(draft, { number: 234, month: '2026-06' });
  draft.masthead.dateline = '2026年6月（第234期）';
  await page.route('**/drafts/234.json', (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify(draft) }));
  await page.goto(server.url + 'preview.html?src=drafts/234.json');
  await page.locator('.draft-render #news').waitFor();
  assert.equal(await page.locator('.draft-render .dateline').textContent(), '2026年6月（第234期）');
  assert.ok(await page.locator('.draft-banner').isVisible());
  assert.match(await page.locator('.editor').textContent(), /drafts\/234\.json/);
  assert.ok(await page.getByRole('button', { name: '下載 234.json' }).isVisible());
  await page.close();
});

test('a src outside the site is refused', async () => {
  const page = await newPage(browser);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(server.url + 'preview.html?src=https://evil.example/x.json');
  await page.locator('.draft-banner').waitFor();
  assert.ok(requests.every((u) => new URL(u).host !== 'evil.example'), requests.join(' '));
  assert.ok(await page.locator('#draft-text').isVisible(), 'the editor, not the foreign file');
  // Dots encoded twice decode once to `%2e%2e`: a file of that name inside the site, never the
  // folder above the site's sub-path.
  requests.length = 0;
  await page.goto(server.url + 'preview.html?src=%252e%252e/x.json');
  await page.locator('.editor .error-message').waitFor();
  const base = new URL(server.url).pathname;
  assert.ok(requests.every((u) => new URL(u).pathname.startsWith(base)), requests.join(' '));
  assert.ok(requests.some((u) => u.endsWith(base + '%252e%252e/x.json')), requests.join(' '));
  await page.close();
});

// ---- The PDF itself, and saving once a change settles -------------------------------------------

test('a PDF opened in the preview is read in the browser and becomes the draft', async () => {
  const page = await openPreview();
  await clearDraft(page);
  await page.locator('input[type=file]').setInputFiles('tests/fixtures/pdf/233-writer.pdf');
  await page.locator('.pdf-status', { hasText: '已讀取 PDF' }).waitFor();
  assert.match(await page.locator('.pdf-status').textContent(), /（10 頁）/);
  const draft = await page.locator('#draft-text').inputValue();
  assert.ok(draft.startsWith('香港特區政府駐上海經濟貿易辦事處通訊\n2026年5月（第233期）\n'), draft.slice(0, 80));
  await page.locator('.draft-render #news article').first().waitFor();
  assert.equal(await page.locator('.draft-render #news article').count(), 17);
  assert.match(await page.locator('.summary').textContent(), /^沒有錯誤，可以發布/);
  // What is published from it is what sheto writes from the text of no. 233.
  const [bundle] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下載 233.json' }).click()]);
  assert.equal(fs.readFileSync(await bundle.path(), 'utf8'), BUNDLE);
  console.log(`screenshots: ${await screenshot(page, 'preview-pdf-desktop')}`);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a PDF that cannot be read is said, and the draft stays', async () => {
  const page = await openPreview(browser, 'preview.html', PHONE);
  await clearDraft(page);
  await paste(page, 'half a newsletter');
  for (const [file, says] of [['encrypted.pdf', '密碼'], ['scan.pdf', '掃描本'], ['truncated.pdf', '損壞'], ['not-a-pdf.pdf', '不是 PDF']]) {
    await page.locator('input[type=file]').setInputFiles(`tests/fixtures/pdf/${file}`);
    await page.locator('.pdf-status.failed', { hasText: says }).waitFor();
    assert.equal(await page.locator('.pdf-status.failed').getAttribute('role'), 'alert');
    assert.equal(await page.locator('#draft-text').inputValue(), 'half a newsletter', file);
  }
  console.log(`screenshots: ${await screenshot(page, 'preview-pdf-refused-phone')}`);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a paste is saved once, when the text settles', async () => {
  const page = await openPreview();
  await clearDraft(page);
  await paste(page, SOURCE);
  await page.locator('.save-status', { hasText: '已儲存' }).waitFor();
  assert.equal(await page.locator('.save-status').textContent(), '已儲存於此瀏覽器（第 1 版）。');
  // Keys typed in a burst are one change: one more version.
  await page.locator('#draft-text').press('End');
  await page.keyboard.type('。。。');
  await page.locator('.save-status', { hasText: '第 2 版' }).waitFor();
  await page.waitForTimeout(600);
  assert.equal(await page.locator('.save-status').textContent(), '已儲存於此瀏覽器（第 2 版）。');
  await page.close();
});
