// The build's own steps, on real files: scripts/csp.mjs (inline scripts out of index.html, and
// the check that nothing left there breaks under the policy) and scripts/size.mjs (the whole app
// against its budget). Each runs as the build runs it, on a scratch copy of dist/.
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { test, expect, pack } from '../fixtures.js';
import { startServer } from '../server.mjs';
import { inlineBootScripts } from '../make-build-b.mjs';
import { attributes, externalize, problems } from '../../scripts/csp.mjs';

const run = (script, dir, args = []) => spawnSync('node', [script, ...args], {
  encoding: 'utf8', env: { ...process.env, TRUNK_STAGING_DIR: dir, TRUNK_PUBLIC_URL: '/', TRUNK_PROFILE: 'release' },
});
const sri = (text) => 'sha384-' + createHash('sha384').update(text).digest('base64');
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'qiaosi-build-'));
  cpSync('dist', dir, { recursive: true });
  return dir;
};
const scripts = (html) => [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].map((m) => ({ attrs: Object.fromEntries(attributes(m[1])), body: m[2] }));

// index.html as Trunk 0.21.14 wrote it for this app (release build, before the hooks): its
// inline settings script and its module that starts the wasm.
const TRUNK_INDEX = readFileSync(new URL('../fixtures/trunk-index.html', import.meta.url), 'utf8');

test('each inline script moves to a hashed file loaded in its place, and the page then passes', () => {
  const before = scripts(TRUNK_INDEX).filter((s) => !s.attrs.src && s.body.trim());
  expect(before.length).toBeGreaterThan(0);
  expect(before.some((s) => s.attrs.type === 'module')).toBe(true);
  expect(problems(TRUNK_INDEX).length).toBe(before.length);

  const { html, files } = externalize(TRUNK_INDEX, '/');
  expect(problems(html)).toEqual([]);
  const after = scripts(html);
  // In the same order, with the same type (a module stays a module, a classic script stays a
  // blocking classic script), each pointing at a file with exactly the old body.
  const moved = after.filter((s) => /^\/boot-[0-9a-f]{16}\.js$/.test(s.attrs.src ?? ''));
  expect(moved.map((s) => s.attrs.type)).toEqual(before.map((s) => s.attrs.type));
  for (const [i, s] of moved.entries()) {
    const name = s.attrs.src.slice(1);
    expect(files[name]).toBe(before[i].body);
    expect(s.attrs.integrity).toBe(sri(before[i].body));
    expect(s.body).toBe('');
    expect(s.attrs.async ?? s.attrs.defer).toBeUndefined();
  }
  // Everything else is as Trunk wrote it (preloads and their integrity included).
  const strip = (h) => h.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '');
  expect(strip(html)).toBe(strip(TRUNK_INDEX));
  // A second run has nothing to do.
  expect(externalize(html, '/')).toEqual({ html, files: {} });
});

test('what the policy would block is found; what it allows is not', () => {
  const page = (body) => `<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`;
  for (const [markup, found] of [
    ['<div style="color:red">x</div>', 'style attribute on <div>'],
    ['<p STYLE=color:red>x</p>', 'style attribute on <p>'],
    ['<button onclick="go()">x</button>', 'event handler attribute on <button>: onclick'],
    ['<img src="/i.png" onerror=alert(1)>', 'event handler attribute on <img>: onerror'],
    ['<a href="javascript:void(0)">x</a>', 'javascript: URL on <a>'],
    ['<style>p{color:red}</style>', 'inline <style>'],
    ['<script>alert(1)</script>', 'inline <script>'],
    ['<script type="text/javascript">alert(1)</script>', 'inline <script type="text/javascript">'],
    ['<script type="importmap">{"imports":{}}</script>', 'inline <script type="importmap">'],
  ]) {
    const got = problems(page(markup));
    expect(got, markup).toHaveLength(1);
    expect(got[0], markup).toContain(found);
  }
  // Allowed: external scripts and styles, data blocks, markup that only looks like an attribute
  // inside a value, a comment or a script's text.
  expect(problems(page([
    '<script src="/a.js"></script><script type="module" src="/b.js"></script><link rel="stylesheet" href="/s.css">',
    '<script type="application/ld+json">{"onclick": "x"}</script>',
    '<meta name="description" content="a > b onclick=x style=y">',
    '<!-- <div style="x" onclick="y"> --><p class="styled one">x</p>',
    '<script src="/c.js">/* ignored */</script>',
  ].join('')))).toEqual([]);
});

test('the hook moves the inline scripts of a built page, which then runs under the policy', async ({ page }) => {
  const dir = scratch();
  try {
    // The built page with its scripts put back inline, as Trunk writes them before the hook,
    // and one more inline script.
    inlineBootScripts(dir);
    writeFileSync(join(dir, 'index.html'), readFileSync(join(dir, 'index.html'), 'utf8') + '<script>document.documentElement.dataset.extra = "1"</script>');
    expect(problems(readFileSync(join(dir, 'index.html'), 'utf8')).length).toBeGreaterThan(0);

    const r = run('scripts/csp.mjs', dir);
    expect(r.status, r.stderr).toBe(0);
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    expect(problems(html)).toEqual([]);
    for (const { attrs } of scripts(html)) expect(attrs.src && existsSync(join(dir, attrs.src.slice(1))), attrs.src).toBe(true);

    const s = await startServer({ dir });
    try {
      await page.goto(s.url + '/places');
      await expect(page.locator('.place-row')).toHaveCount(pack.places.length);
      expect(await page.evaluate(() => document.documentElement.dataset.extra)).toBe('1');
      // And no violation (the csp fixture checks at the end).
    } finally {
      await s.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the hook fails the build on what it cannot move, naming it', () => {
  for (const [edit, message] of [
    [(h) => h.replace('<body>', '<body style="margin:0">'), 'style attribute on <body>'],
    [(h) => h.replace('<body>', '<body onload="start()">'), 'event handler attribute on <body>: onload'],
    [(h) => h.replace('</head>', '<style>body{margin:0}</style></head>'), 'inline <style>'],
    // A preload whose file changed after its hash was taken: the browser would refuse it.
    [(h) => h.replace(/integrity="sha384-[^"]+"/, 'integrity="sha384-AAAA"'), 'integrity does not match the file'],
  ]) {
    const dir = scratch();
    try {
      const index = join(dir, 'index.html');
      const edited = edit(readFileSync(index, 'utf8'));
      expect(edited).not.toBe(readFileSync(index, 'utf8'));
      writeFileSync(index, edited);
      const r = run('scripts/csp.mjs', dir);
      expect(r.status, message).toBe(1);
      expect(r.stderr).toContain(message);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
});

test('the size check counts every precached file and the pack, says how far it is from the 400 KB goal, and fails above its ceiling', () => {
  const CEILING = Number(readFileSync('scripts/size.mjs', 'utf8').match(/const CEILING_KB = (\d+);/)[1]);
  const precacheOf = (dir) => JSON.parse(readFileSync(join(dir, 'sw.js'), 'utf8').match(/const PRECACHE = (\[[\s\S]*?\]);\n/)[1]).map(([u]) => u);
  // What a gzip host sends: the build's .gz copy (if it is of this file), a PNG as it is,
  // anything else at gzip -9.
  const sent = (file) => {
    if (existsSync(file + '.gz') && gunzipSync(readFileSync(file + '.gz')).equals(readFileSync(file))) return readFileSync(file + '.gz').length;
    return file.endsWith('.png') ? readFileSync(file).length : gzipSync(readFileSync(file), { level: 9 }).length;
  };
  const gzipTotal = (dir) => precacheOf(dir).concat('/content/pack.json').reduce((t, u) => t + sent(join(dir, u)), 0);
  const check = (dir) => {
    const r = run('scripts/size.mjs', dir, [dir]);
    // Every precached file and the pack, one line each, and their total.
    const listed = r.stdout.split('\n').filter((l) => l.startsWith('/')).map((l) => l.split(/\s+/)[0]);
    expect(listed.sort()).toEqual([...precacheOf(dir), '/content/pack.json'].sort());
    expect(r.stdout).toMatch(new RegExp(`total .* ${(gzipTotal(dir) / 1024).toFixed(1)} +[\\d.]+ +goal 400 KB \\(gzip\\), ceiling ${CEILING} KB`));
    return r;
  };
  /** dist/ with its service worker's list made again after `edit`. */
  const variant = (edit) => {
    const dir = scratch();
    edit(dir);
    copyFileSync('public/sw.js', join(dir, 'sw.js'));
    expect(run('scripts/precache.mjs', dir).status).toBe(0);
    return dir;
  };

  // The build as it is: passes exactly when it is within the ceiling, and says how far it is from the goal.
  const r = check('dist');
  expect(r.status, r.stderr).toBe(gzipTotal('dist') <= CEILING * 1024 ? 0 : 1);
  if (gzipTotal('dist') > 400 * 1024) expect(r.stdout).toContain('above the 400 KB goal');

  // Small enough: only the scanner's wasm left (the check needs one), every other file kept.
  const small = variant((dir) => {
    for (const f of readdirSync(dir)) if (f.endsWith('.wasm') && !f.startsWith('scanner')) rmSync(join(dir, f));
  });
  // The same with one more file of 500 KB that does not compress: over the ceiling.
  const big = variant((dir) => {
    for (const f of readdirSync(dir)) if (f.endsWith('.wasm') && !f.startsWith('scanner')) rmSync(join(dir, f));
    writeFileSync(join(dir, 'big-0123456789abcdef.js'), randomBytes(500 * 1024));
  });
  try {
    expect(gzipTotal(small)).toBeLessThan(400 * 1024);
    const ok = check(small);
    expect(ok.status, ok.stderr).toBe(0);
    const over = check(big);
    expect(over.status).toBe(1);
    expect(over.stdout).toContain('/big-0123456789abcdef.js');
    expect(over.stderr).toContain(`over the ${CEILING} KB ceiling`);
  } finally {
    rmSync(small, { recursive: true, force: true });
    rmSync(big, { recursive: true, force: true });
  }
});

test('the build keeps a .gz (zopfli) and a .br copy of each text and wasm file, decoding to it, and none of the pack', () => {
  const precached = JSON.parse(readFileSync('dist/sw.js', 'utf8').match(/const PRECACHE = (\[[\s\S]*?\]);\n/)[1]).map(([u]) => u);
  const textual = precached.filter((u) => !u.endsWith('.png'));
  expect(textual.some((u) => u.endsWith('_bg.wasm'))).toBe(true);
  for (const u of textual) {
    const body = readFileSync(join('dist', u));
    if (body.length < 200) continue; // too small for a copy to save 5%
    expect(gunzipSync(readFileSync(join('dist', u + '.gz'))).equals(body), u).toBe(true);
    expect(brotliDecompressSync(readFileSync(join('dist', u + '.br'))).equals(body), u).toBe(true);
  }
  // zopfli, not zlib: the app wasm's copy is smaller than gzip -9 makes it.
  const wasm = precached.find((u) => u.endsWith('_bg.wasm') && !u.includes('scanner'));
  const plain = readFileSync(join('dist', wasm));
  expect(readFileSync(join('dist', wasm + '.gz')).length).toBeLessThan(gzipSync(plain, { level: 9 }).length * 0.98);
  // Organisers replace the pack on the host between deploys; a precompressed copy would go stale.
  expect(existsSync('dist/content/pack.json.gz')).toBe(false);
  expect(existsSync('dist/content/pack.json.br')).toBe(false);
});
