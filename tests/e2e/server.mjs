// A plain static file server for the end-to-end tests and the benchmark: serves a directory
// under a sub-path on 127.0.0.1, like any static host would. No rewrites, no server logic.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
};

/** The rules of a Netlify / Cloudflare Pages style `_headers` file: [{ pattern, headers }]. */
export function readHeadersFile(file) {
  if (!fs.existsSync(file)) return [];
  const rules = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: {} });
    else {
      const [name, ...value] = line.trim().split(':');
      rules.at(-1).headers[name.trim().toLowerCase()] = value.join(':').trim();
    }
  }
  return rules;
}

const matches = (pattern, p) => (pattern.endsWith('*') ? p.startsWith(pattern.slice(0, -1)) : p === pattern);

/**
 * Starts a server for `root` under `prefix` (e.g. "/any/sub/path/"); resolves to { url, close }.
 * With `{ headers: true }` it sends the headers `root/_headers` asks for, as hosts that read one do;
 * with `{ brotli: true }` it compresses text and wasm with brotli when the browser accepts it, as
 * a CDN does (for the benchmark's Lighthouse runs).
 */
export function serve(root, prefix = '/', port = 0, options = {}) {
  const rules = options.headers ? readHeadersFile(path.join(root, '_headers')) : [];
  const compressed = new Map();
  const brotli = (file, body) => {
    if (!compressed.has(file)) compressed.set(file, zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
    return compressed.get(file);
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    let pathname = decodeURIComponent(url.pathname);
    if (!pathname.startsWith(prefix)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    let rel = pathname.slice(prefix.length);
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = path.join(root, path.normalize(rel));
    if (!file.startsWith(path.resolve(root))) {
      res.writeHead(403).end();
      return;
    }
    fs.readFile(file, (err, body) => {
      if (err) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      const site = '/' + pathname.slice(prefix.length);
      const extra = Object.assign({}, ...rules.filter((r) => matches(r.pattern, site)).map((r) => r.headers));
      const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
      if (options.brotli && /\bbr\b/.test(req.headers['accept-encoding'] ?? '') && type !== 'image/png') {
        res.writeHead(200, { 'content-type': type, 'content-encoding': 'br', vary: 'accept-encoding', ...extra });
        res.end(brotli(file, body));
        return;
      }
      res.writeHead(200, { 'content-type': type, ...extra });
      res.end(body);
    });
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}${prefix}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

// `node tests/e2e/server.mjs DIR PREFIX PORT`: serve by hand.
if (import.meta.url === `file://${process.argv[1]}`) {
  const [root = 'dist', prefix = '/', port = '8080'] = process.argv.slice(2);
  serve(path.resolve(root), prefix, Number(port), { headers: true }).then(({ url }) => console.log(`serving ${root} at ${url}`));
}
