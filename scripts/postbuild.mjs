// After `sheto publish`: writes dist/_headers from the real file names (the pages' policy as a
// header, immutable caching for hashed assets, no-cache for the pages and the issues) and the
// service worker, and marks each reader page with the build. Each page's own
// Content-Security-Policy is pinned by `sheto publish` (src/site/policy.rs): this script only
// reads it. Run by scripts/build; run again on a re-published site, it gives the same files.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const DIST = path.resolve(process.argv[2] ?? 'dist');
const PAGES = ['index.html', 'preview.html', ...fs.readdirSync(path.join(DIST, 'issues')).filter((f) => f.endsWith('.html')).map((f) => `issues/${f}`)]
  .filter((page) => fs.existsSync(path.join(DIST, page)));

const pinned = (page, html) => {
  const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
  if (!policy) throw new Error(`${page}: no Content-Security-Policy pinned (run sheto publish on the site first)`);
  return policy;
};
// The header allows what any page allows: the policy with every page's script hashes.
const allHashes = new Set();
let sitePolicy = '';
for (const page of PAGES) {
  const policy = pinned(page, fs.readFileSync(path.join(DIST, page), 'utf8'));
  for (const hash of policy.match(/'sha256-[^']+'/g) ?? []) allHashes.add(hash);
  if (page === 'index.html') sitePolicy = policy.replace(/ 'sha256-[^']+'/g, '');
}
const headerPolicy = sitePolicy.replace(/script-src ([^;]*)/, (m) => [m, ...allHashes].join(' '));

const hashed = fs.readdirSync(DIST).filter((f) => /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css)$/.test(f));

// The service worker: precache the reader's shell (its page, its stylesheet, the archive index),
// in a cache named after a hash of all of them and of the app's code, which it keeps only once
// a page has started the app (sw.template.js).
const reader = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
// The home-screen icons and manifest (`sheto publish`) too: the installed app opens offline.
const installed = ['manifest.webmanifest', 'icon-192.png', 'icon-512.png', 'apple-touch-icon.png'].filter((f) => fs.existsSync(path.join(DIST, f)));
const code = hashed.filter((f) => reader.includes(f) && /\.(js|wasm)$/.test(f));
const shell = ['./', 'index.html', ...hashed.filter((f) => reader.includes(f) && !code.includes(f)), 'issues/index.json', ...installed];
const buildHash = crypto.createHash('sha256');
const withoutBuild = (bytes) => Buffer.from(bytes.toString('latin1').replace(/<meta name="build" content="[0-9a-f]*">/, ''), 'latin1');
for (const f of [...shell, ...code].filter((f) => f !== './')) buildHash.update(withoutBuild(fs.readFileSync(path.join(DIST, f))));
const build = buildHash.digest('hex').slice(0, 16);
const worker = fs.readFileSync(path.resolve(path.dirname(new URL(import.meta.url).pathname), 'sw.template.js'), 'utf8')
  .replace('__CACHE__', `sheto-${build}`)
  .replace('__PRECACHE__', JSON.stringify(shell));
fs.writeFileSync(path.join(DIST, 'sw.js'), worker);
for (const page of PAGES.filter((p) => p !== 'preview.html')) {
  const file = path.join(DIST, page);
  const html = fs.readFileSync(file, 'utf8').replace(/<meta name="build" content="[0-9a-f]*">/, '');
  if (page === 'index.html' || html.includes('id="sheto-issue"')) {
    // Before the title, where `sheto publish` (which pins the policy after <meta charset>)
    // leaves it: publishing again and this script again give the same page.
    fs.writeFileSync(file, html.replace('<title>', `<meta name="build" content="${build}"><title>`));
  }
}
const noCache = ['/', '/index.html', '/preview.html', '/sw.js', '/feed.xml', '/manifest.webmanifest', '/issues/*', '/schema/*'];
const lines = [
  '# Written by scripts/postbuild.mjs after each build: do not edit by hand.',
  '/*',
  `  Content-Security-Policy: ${headerPolicy}`,
  '  X-Content-Type-Options: nosniff',
  '  Referrer-Policy: no-referrer',
  ...noCache.flatMap((p) => [p, '  Cache-Control: no-cache']),
  ...hashed.flatMap((f) => [`/${f}`, '  Cache-Control: public, max-age=31536000, immutable']),
];
fs.writeFileSync(path.join(DIST, '_headers'), lines.join('\n') + '\n');
console.log(`postbuild: ${PAGES.length} pages' policies (${allHashes.size} script hashes) in the header; _headers lists ${hashed.length} hashed assets; sw.js precaches ${shell.length} files (cache sheto-${build})`);
