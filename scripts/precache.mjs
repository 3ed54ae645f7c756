// Trunk post_build hook: writes this build's precache list into sw.js.
//
// The list is taken from the build output itself (every file Trunk staged, with a content
// hash), never typed by hand, and the build id is derived from all of those hashes. The worker
// id is a hash of the finished worker's own text, which tells two sw.js of one build apart
// (public/sw.js keeps which shell cache each install filled under it).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('precache.mjs runs as a Trunk post_build hook (TRUNK_STAGING_DIR unset)');
const base = (process.env.TRUNK_PUBLIC_URL || '/').replace(/\/?$/, '/');

function walk(d) {
  return readdirSync(d).flatMap((name) => {
    const p = join(d, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const swPath = join(dir, 'sw.js');
const entries = walk(dir)
  // The content pack has its own update path (IndexedDB, src/content.rs); the .gz/.br copies
  // (scripts/compress.mjs) are how a host sends a file, not files of their own.
  .filter((p) => p !== swPath && !p.endsWith(join('content', 'pack.json')) && !/\.(gz|br)$/.test(p))
  .map((p) => {
    const url = base + relative(dir, p).split(sep).join('/');
    const hash = createHash('sha256').update(readFileSync(p)).digest('hex').slice(0, 16);
    return [url, hash];
  })
  .sort(([a], [b]) => (a < b ? -1 : 1));
if (!entries.some(([u]) => u === base + 'index.html')) throw new Error('index.html is not in the staged build');

const build = createHash('sha256').update(JSON.stringify(entries)).digest('hex').slice(0, 12);
const sw = readFileSync(swPath, 'utf8');
for (const marker of ['"__BUILD__"', '/*__PRECACHE__*/[]', '"__WORKER__"']) {
  if (!sw.includes(marker)) throw new Error(`sw.js has no ${marker} marker (already filled, or not the template?)`);
}
const filled = sw
  .replace('"__BUILD__"', JSON.stringify(build))
  .replace('/*__PRECACHE__*/[]', JSON.stringify(entries));
const worker = createHash('sha256').update(filled).digest('hex').slice(0, 12);
writeFileSync(swPath, filled.replace('"__WORKER__"', JSON.stringify(worker)));
console.log(`precache: build ${build}, worker ${worker}, ${entries.length} files`);
