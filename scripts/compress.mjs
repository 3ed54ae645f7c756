// Trunk post_build hook (release builds, after precache.mjs): writes a compressed copy beside
// each text and wasm file of the build, `<file>.gz` and `<file>.br`, for hosts that serve
// precompressed files (nginx `gzip_static`/`brotli_static`, e2e/server.mjs; README "Deploy").
//
// Why at build time: a host compressing on the fly uses a fast setting (nginx's default gzip
// level is 1; Node's zlib 6). Here there is time for the best setting once per build:
// - gzip with zopfli (Debian's `zopfli`): a standard gzip stream, about 5% smaller than
//   gzip -9 on the app wasm, so every browser benefits;
// - brotli at quality 11 (Node's zlib), about 20% smaller than gzip -9, for the browsers that
//   ask for it (all current ones, over HTTPS).
// docs/size.md has the measured figures. Files whose compressed copy saves under 5% (the PNG
// icons are already deflated) are left alone. Without zopfli on the machine the .gz is made with
// zlib at level 9 and the build says so.
//
// The content pack gets no copy: organisers replace content/pack.json on the host between
// deploys, and a host serving precompressed files would go on sending the stale copy.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) throw new Error('compress.mjs runs as a Trunk post_build hook (or: node scripts/compress.mjs <dir>)');
if (process.env.TRUNK_PROFILE === 'debug') process.exit(0); // trunk serve: nothing to gain

const COMPRESSIBLE = /\.(html|js|mjs|wasm|css|json|webmanifest|svg|txt)$/;

function walk(d) {
  return readdirSync(d).flatMap((name) => {
    const p = join(d, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const haveZopfli = spawnSync('zopfli', ['-h'], { stdio: 'ignore' }).error === undefined;
if (!haveZopfli) console.warn('compress: zopfli not found (apt-get install zopfli): .gz files made with zlib -9');

function gzip(file, body) {
  if (!haveZopfli) return gzipSync(body, { level: 9 });
  const r = spawnSync('zopfli', ['--gzip', '-c', file], { maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`zopfli failed on ${file}: ${r.stderr}`);
  return r.stdout;
}

const brotli = (body) => brotliCompressSync(body, {
  params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
});

let files = 0;
const pack = join(dir, 'content', 'pack.json');
for (const file of walk(dir).filter((p) => COMPRESSIBLE.test(p) && p !== pack)) {
  const body = readFileSync(file);
  for (const [ext, packed] of [['.gz', gzip(file, body)], ['.br', brotli(body)]]) {
    if (packed.length < body.length * 0.95) writeFileSync(file + ext, packed);
  }
  files++;
}
console.log(`compress: ${files} files, .gz by ${haveZopfli ? 'zopfli' : 'zlib -9'}, .br by brotli 11`);
