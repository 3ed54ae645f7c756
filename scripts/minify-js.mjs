// Trunk post_build hook (release builds): minifies the wasm-bindgen JS glue, which Trunk's own
// minifier fails on, and updates its subresource-integrity hashes in index.html to match.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('minify-js.mjs runs as a Trunk post_build hook (TRUNK_STAGING_DIR unset)');
if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);

const sri = (buf) => 'sha384-' + createHash('sha384').update(buf).digest('base64');
const indexPath = join(dir, 'index.html');
let index = readFileSync(indexPath, 'utf8');
// Only the app's hashed ES module (other scripts, were there any, keep Trunk's treatment).
for (const name of readdirSync(dir).filter((f) => /^qiaosi-guide-[0-9a-f]+\.js$/.test(f))) {
  const path = join(dir, name);
  const src = readFileSync(path);
  const out = await minify(src.toString('utf8'), { module: true, compress: true, mangle: true });
  writeFileSync(path, out.code);
  // The integrity attributes must follow, or the browser refuses the script: fail loudly.
  if (!index.includes(sri(src))) throw new Error(`minify-js: no sha384 integrity for ${name} in index.html`);
  index = index.replaceAll(sri(src), sri(Buffer.from(out.code)));
  console.log(`minify-js: ${name} ${src.length} → ${out.code.length} bytes`);
}
writeFileSync(indexPath, index);
