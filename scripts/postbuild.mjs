// After trunk: pins the Content-Security-Policy into the pages (trunk's inline module loader is
// allowed by its hash, so no 'unsafe-inline' is needed) and writes dist/_headers from the real
// file names: the same policy as a header, immutable caching for hashed assets, no-cache for the
// pages and the issues. Run by scripts/build.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const DIST = path.resolve(process.argv[2] ?? 'dist');
// The site's pages, and each issue's own (issues/233.html: the reader's page one folder down,
// its loader's paths differ, so its hash too). Run again on a re-published site, it gives the
// same pages.
const PAGES = ['index.html', 'preview.html', ...fs.readdirSync(path.join(DIST, 'issues')).filter((f) => f.endsWith('.html')).map((f) => `issues/${f}`)]
  .filter((page) => fs.existsSync(path.join(DIST, page)));

export const POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
};

const policy = (hashes) =>
  Object.entries(POLICY)
    .map(([k, v]) => `${k} ${[...v, ...(k === 'script-src' ? hashes : [])].join(' ')}`)
    .join('; ');

// Only scripts that run need the policy's leave: not the data or its JSON-LD.
const inlineScripts = (html) => [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
  .filter((m) => !/type=["']?application\/(ld\+)?json/.test(m[1]))
  .map((m) => m[2]).filter((s) => s.trim());
const sha256 = (text) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;

const attribute = (tag, name) => new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`).exec(tag)?.slice(1).find((v) => v !== undefined);

// Trunk's `modulepreload` of the app's JS carries its SRI hash, but fetches it before the page's
// first paint (the loader imports it after). The same hash in an import map keeps SRI on the
// import, and the fetch waits for the loader.
function integrityMap(html) {
  const link = /<link\b[^>]*\brel=["']?modulepreload["']?[^>]*>/.exec(html)?.[0];
  if (!link) return { html, map: /<script type=["']?importmap["']?>[\s\S]*?<\/script>/.exec(html)?.[0] ?? '' };
  const [href, integrity] = [attribute(link, 'href'), attribute(link, 'integrity')];
  if (!href || !integrity) throw new Error(`a modulepreload without href or integrity: ${link}`);
  return { html: html.replace(link, ''), map: `<script type="importmap">${JSON.stringify({ integrity: { [href]: integrity } })}</script>` };
}

const allHashes = [];
for (const page of PAGES) {
  const file = path.join(DIST, page);
  let html = fs.readFileSync(file, 'utf8');
  html = html.replace(/<meta http-equiv=["']?Content-Security-Policy["']?[^>]*>/i, '').replace(/<meta name="build" content="[0-9a-f]*">/, '');
  const { html: rest, map } = integrityMap(html);
  html = map ? rest.replace(map, '') : rest;
  const hashes = inlineScripts(html + map).map(sha256);
  allHashes.push(...hashes);
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy(hashes)}">`;
  // Before anything else in <head>, so it covers every script and style that follows; the
  // import map before any module script.
  html = html.replace(/<meta charset=["']?utf-8["']?>/i, (m) => `${m}${meta}${map}`);
  if (!html.includes(meta)) throw new Error(`${page}: no <meta charset> to put the policy after`);
  fs.writeFileSync(file, html);
}

const hashed = fs.readdirSync(DIST).filter((f) => /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css)$/.test(f));

// The service worker: precache the reader's shell (its page, its hashed assets, the archive
// index), in a cache named after a hash of all of them.
const reader = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
const shell = ['./', 'index.html', ...hashed.filter((f) => reader.includes(f)), 'issues/index.json'];
const buildHash = crypto.createHash('sha256');
for (const f of shell.filter((f) => f !== './')) buildHash.update(fs.readFileSync(path.join(DIST, f)));
const build = buildHash.digest('hex').slice(0, 16);
const worker = fs.readFileSync(path.resolve(path.dirname(new URL(import.meta.url).pathname), 'sw.template.js'), 'utf8')
  .replace('__CACHE__', `sheto-${build}`)
  .replace('__PRECACHE__', JSON.stringify(shell));
fs.writeFileSync(path.join(DIST, 'sw.js'), worker);
for (const page of PAGES.filter((p) => p !== 'preview.html')) {
  const file = path.join(DIST, page);
  const html = fs.readFileSync(file, 'utf8');
  if (page === 'index.html' || html.includes('id="sheto-issue"')) {
    fs.writeFileSync(file, html.replace(/<meta charset=["']?utf-8["']?>/i, (m) => `${m}<meta name="build" content="${build}">`));
  }
}
const noCache = ['/', '/index.html', '/preview.html', '/sw.js', '/feed.xml', '/issues/*', '/schema/*'];
const lines = [
  '# Written by scripts/postbuild.mjs after each build: do not edit by hand.',
  '/*',
  `  Content-Security-Policy: ${policy([...new Set(allHashes)])}`,
  '  X-Content-Type-Options: nosniff',
  '  Referrer-Policy: no-referrer',
  ...noCache.flatMap((p) => [p, '  Cache-Control: no-cache']),
  ...hashed.flatMap((f) => [`/${f}`, '  Cache-Control: public, max-age=31536000, immutable']),
];
fs.writeFileSync(path.join(DIST, '_headers'), lines.join('\n') + '\n');
console.log(`postbuild: policy pinned in ${PAGES.length} pages; _headers lists ${hashed.length} hashed assets; sw.js precaches ${shell.length} files (cache sheto-${build})`);
