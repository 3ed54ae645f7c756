// Trunk post_build hook (after minify-js.mjs, before precache.mjs): makes index.html work under
// the site's strict Content-Security-Policy (README, "Deploy"; e2e/server.mjs builds it), which
// allows only the app's own files: `script-src 'self'`, `style-src 'self'`.
//
// Trunk writes an inline <script type="module"> that imports the wasm-bindgen glue and starts
// the app; such a policy blocks it. So every inline script moves, as it is, into a file named
// by its content (boot-<hash>.js, cached for a year like Trunk's hashed files) loaded with
// <script src> and an integrity hash. Then the build fails if the page still has anything the
// policy would block (an inline script or <style>, a style="" or on…="" attribute, a javascript:
// URL) or an integrity hash that does not match its file: either would break the app only in
// the browser, so it is caught here.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const JS_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript', 'application/ecmascript',
  'text/ecmascript', 'application/x-javascript', 'text/x-javascript', 'text/jscript', 'text/livescript']);
// Script types that run (or are read by the browser as code) but cannot be a separate file.
const INLINE_ONLY = new Set(['importmap', 'speculationrules']);
// Comments are skipped; a script's body is taken whole, whatever markup-like text is in it.
const TOKENS = /<!--[\s\S]*?-->|<script\b((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/script\s*>|<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi;
const TAG = /<([a-zA-Z][\w-]*)((?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTR = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
// Trunk's dev-server live-reload script (`trunk serve` only): its placeholders are filled in
// each time the page is served, so it must stay inline. trunk serve sends no CSP.
const DEV_RELOAD = '{{__TRUNK_';

const sri = (text) => 'sha384-' + createHash('sha384').update(text).digest('base64');
const clip = (s) => (s.length > 60 ? s.slice(0, 60) + '…' : s);
const esc = (v) => v.replaceAll('&', '&amp;').replaceAll('"', '&quot;');

/** A tag's attributes, in order: [name (lower case), value or null]. */
export function attributes(text) {
  return [...text.matchAll(ATTR)].map((m) => [m[1].toLowerCase(), m[2] ?? m[3] ?? m[4] ?? null]);
}

const scriptType = (attrs) => (attrs.find(([n]) => n === 'type')?.[1] ?? '').trim().toLowerCase();
const isInline = (attrs, body) => !attrs.some(([n]) => n === 'src') && body.trim() !== '' && !body.includes(DEV_RELOAD);

/**
 * Moves each inline JavaScript script of `html` into a file: returns the new html and the files
 * to write ({name: text}). `base` is the public URL the files are served under.
 */
export function externalize(html, base = '/') {
  const files = {};
  const out = html.replace(TOKENS, (whole, attrText, body) => {
    if (attrText === undefined) return whole; // a comment or a <style>
    const attrs = attributes(attrText);
    if (!JS_TYPES.has(scriptType(attrs)) || !isInline(attrs, body)) return whole;
    const name = `boot-${createHash('sha256').update(body).digest('hex').slice(0, 16)}.js`;
    files[name] = body;
    // The same attributes (type="module" stays a module, a classic script stays blocking), less a
    // nonce, which a file loaded by 'self' does not need.
    const kept = attrs.filter(([n]) => n !== 'nonce' && n !== 'integrity')
      .map(([n, v]) => (v === null ? n : `${n}="${esc(v)}"`));
    return `<script ${[...kept, `src="${esc(base + name)}"`, `integrity="${sri(body)}"`].join(' ')}></script>`;
  });
  return { html: out, files };
}

/** What a `script-src 'self'; style-src 'self'` policy would block in `html`, as sentences. */
export function problems(html) {
  const found = [];
  // Markup outside comments, scripts and styles, where tags are tags.
  const markup = html.replace(TOKENS, (whole, attrText, body, css) => {
    if (attrText !== undefined) {
      const attrs = attributes(attrText);
      const type = scriptType(attrs);
      if ((JS_TYPES.has(type) || INLINE_ONLY.has(type)) && isInline(attrs, body)) {
        found.push(`inline <script${type ? ` type="${type}"` : ''}>: ${clip(body.trim())}`);
      }
      return `<script${attrText}></script>`;
    }
    if (css !== undefined) {
      if (css.trim()) found.push(`inline <style>: ${clip(css.trim())}`);
      return '';
    }
    return '';
  });
  for (const [, tag, attrText] of markup.matchAll(TAG)) {
    for (const [name, value] of attributes(attrText ?? '')) {
      if (name === 'style') found.push(`style attribute on <${tag}>: style="${value ?? ''}"`);
      else if (/^on[a-z]/.test(name)) found.push(`event handler attribute on <${tag}>: ${name}="${value ?? ''}"`);
      else if (['href', 'src', 'action', 'formaction'].includes(name) && /^\s*javascript:/i.test(value ?? '')) {
        found.push(`javascript: URL on <${tag}>: ${name}="${value}"`);
      }
    }
  }
  return found;
}

/** Integrity hashes of files under `base` that do not match the file in `dir`, as sentences. */
export function integrityProblems(html, dir, base = '/') {
  const found = [];
  const markup = html.replace(/<!--[\s\S]*?-->/g, '');
  for (const [, tag, attrText] of markup.matchAll(TAG)) {
    const attrs = Object.fromEntries(attributes(attrText ?? '').map(([n, v]) => [n, v ?? '']));
    const url = attrs.src ?? attrs.href;
    if (!attrs.integrity || !url?.startsWith(base)) continue;
    const file = join(dir, decodeURIComponent(url.slice(base.length).split(/[?#]/)[0]));
    if (!existsSync(file)) {
      found.push(`<${tag}> ${url} has an integrity hash but no file`);
      continue;
    }
    const body = readFileSync(file);
    // The hash names its algorithm; several may be listed, one must match.
    const ok = attrs.integrity.trim().split(/\s+/).some((h) => {
      const [alg, digest] = [h.slice(0, h.indexOf('-')), h.slice(h.indexOf('-') + 1)];
      return ['sha256', 'sha384', 'sha512'].includes(alg) && createHash(alg).update(body).digest('base64') === digest;
    });
    if (!ok) found.push(`<${tag}> ${url}: integrity does not match the file`);
  }
  return found;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.env.TRUNK_STAGING_DIR;
  if (!dir) throw new Error('csp.mjs runs as a Trunk post_build hook (TRUNK_STAGING_DIR unset)');
  const base = (process.env.TRUNK_PUBLIC_URL || '/').replace(/\/?$/, '/');
  const indexPath = join(dir, 'index.html');
  const { html, files } = externalize(readFileSync(indexPath, 'utf8'), base);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  writeFileSync(indexPath, html);
  const bad = [...problems(html), ...integrityProblems(html, dir, base)];
  if (bad.length) {
    console.error(`csp: index.html would break under the Content-Security-Policy:\n  ${bad.join('\n  ')}`);
    process.exit(1);
  }
  const moved = Object.keys(files);
  console.log(`csp: ${moved.length ? `inline scripts moved to ${moved.join(', ')}` : 'no inline scripts'}; index.html passes`);
}
