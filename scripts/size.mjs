// Size check: the gzip size of the whole app, file by file, as a host sends it, against its budget.
//
// "The whole app" is what a phone ends up holding after one visit: every file the service
// worker precaches (html, js, wasm, css, icons, the QR decoder worker — the list is read from
// the built dist/sw.js, so it is exactly what a phone downloads) plus the content pack, which
// the app fetches itself.
//
// The goal is 400 KB (issue #10) and is not met: one app wasm with one Leptos runtime is
// 417 KB as sent on its own (docs/size.md has the breakdown). The check fails above CEILING_KB, the
// measured total plus a little room, so that nothing grows unnoticed; it always prints how far
// the app is from the goal. The ceiling was raised three times, each with its measured cause in
// docs/size.md (content truth, seasonal hours and refused check-ins, stamps bound to the phone:
// 490 → 535 KB with gzip -9), then lowered to 505 KB when the build began to write zopfli
// copies and this check to count them (532.1 → 501.5 KB), and to 485 KB when the wasm lost
// its float parsing, Unicode case tables and SHA-256 (481.1 KB). Survey mode and the staff pages are
// kept out of the visitors' build altogether (feature `staff`, dist-staff).
//
//   node scripts/size.mjs [dist]
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';

const GOAL_KB = 400;
const CEILING_KB = 485;
const PACK = '/content/pack.json';
const dist = process.argv[2] ?? 'dist';

const fail = (msg) => { console.error(`size check: ${msg}`); process.exit(1); };
if (!existsSync(join(dist, 'sw.js'))) fail(`no ${dist}/sw.js — is ${dist}/ built?`);
const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
const listed = sw.match(/const PRECACHE = (\[[\s\S]*?\]);\n/);
if (!listed || listed[1] === '[]') fail(`${dist}/sw.js has no precache list (was the precache hook run?)`);
const urls = JSON.parse(listed[1]).map(([url]) => url);
if (!urls.some((u) => u.endsWith('.wasm'))) fail('the precache list has no wasm');
// The list's URLs start with the public URL (the folder index.html is served from).
const base = urls.find((u) => u.endsWith('/index.html'))?.slice(0, -'index.html'.length) ?? '/';

// What a host serving the build's precompressed files sends (scripts/compress.mjs): the .gz
// copy (zopfli) where the build made one, else gzip -9 as a host compressing on the fly would
// at best (the pack). PNGs are already deflated and hosts send them as they are. Brotli is
// printed beside it for browsers that take it.
// A copy that does not decode to its file is stale: a host would not be right to send it.
const packed = (file, body, ext, make) => {
  const copy = existsSync(file + ext) ? readFileSync(file + ext) : null;
  if (copy && (ext === '.gz' ? gunzipSync : brotliDecompressSync)(copy).equals(body)) return copy.length;
  return file.endsWith('.png') ? body.length : make(body).length;
};
const br = (body) => brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
const rows = [...urls, base + PACK.slice(1)].map((url) => {
  const file = join(dist, decodeURIComponent(url.slice(base.length)));
  const body = readFileSync(file);
  return [url, body.length, packed(file, body, '.gz', (b) => gzipSync(b, { level: 9 })), packed(file, body, '.br', br)];
}).sort((a, b) => b[2] - a[2]);
const total = rows.reduce((sum, [, , gz]) => sum + gz, 0);
const totalBr = rows.reduce((sum, [, , , b]) => sum + b, 0);

const kb = (n) => (n / 1024).toFixed(1).padStart(7);
console.log('file'.padEnd(48), '    raw KB', ' gzip KB', '  br KB');
for (const [url, raw, gz, b] of rows) console.log(url.padEnd(48), kb(raw), '  ', kb(gz), kb(b));
console.log(`total (${rows.length} files: the precached app and the pack)`.padEnd(48), '          ', kb(total), kb(totalBr), `  goal ${GOAL_KB} KB (gzip), ceiling ${CEILING_KB} KB`);
const over = total / 1024 - GOAL_KB;
if (over > 0) console.log(`size check: ${over.toFixed(1)} KB above the ${GOAL_KB} KB goal`);
if (total / 1024 > CEILING_KB) fail(`over the ${CEILING_KB} KB ceiling by ${(total / 1024 - CEILING_KB).toFixed(1)} KB`);
