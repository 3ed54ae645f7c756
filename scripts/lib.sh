# Shared by scripts/serve and scripts/test: puts the project's tools on PATH and installs
# whatever is missing, at the versions the project was measured with. Quick when all is there.
# (Why these versions and install methods: see docs/toolchain.md.)
# setup_build: what building and serving need. setup_test: that, plus the browser for e2e.

set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132
LEPTOSFMT_VERSION=0.1.33

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else echo "need root (or sudo) to run: $*" >&2; exit 1
  fi
}

setup_build() {
  command -v rustup >/dev/null && command -v cargo >/dev/null \
    || { echo "Rust via rustup is required: https://rustup.rs" >&2; exit 1; }
  local node_major
  node_major=$(node --version 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/')
  [ -n "$node_major" ] && [ "$node_major" -ge 20 ] \
    || { echo "Node.js 20 or newer (with npm) is required; found: $(node --version 2>/dev/null || echo none)" >&2; exit 1; }

  # rustup's minimal profile leaves these out; the test command needs them.
  for c in rustfmt clippy; do
    rustup component list --installed 2>/dev/null | grep -q "^$c" || rustup component add "$c"
  done

  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi

  # trunk 0.22 needs a newer rustc than this machine's; 0.21.14 is the measured one.
  if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION\$"; then
    say "installing trunk $TRUNK_VERSION (about 15 minutes on 2 cores, once)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi

  # Trunk insists on the wasm-bindgen CLI matching Cargo.lock, else it tries to download one.
  local wb
  wb=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
  [ -n "$wb" ] || { echo "no wasm-bindgen entry in Cargo.lock" >&2; exit 1; }
  if ! wasm-bindgen --version 2>/dev/null | grep -q " $wb\$"; then
    say "installing wasm-bindgen-cli $wb (matches Cargo.lock)"
    # Not --locked: its lockfile pins a crate version the registry no longer serves.
    cargo install wasm-bindgen-cli --version "=$wb"
  fi

  # Node packages: wasm-opt from npm binaryen (Debian's binaryen 108 breaks the wasm), Playwright.
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ] \
     || ! wasm-opt --version 2>/dev/null | grep -q "version $BINARYEN_VERSION"; then
    say "installing Node packages"
    npm ci --no-audit --no-fund
  fi

  # zopfli makes the build's precompressed .gz files (scripts/compress.mjs): the same gzip any
  # browser reads, about 5% smaller than gzip -9. Without it the build falls back to zlib.
  if ! command -v zopfli >/dev/null && command -v apt-get >/dev/null; then
    say "installing Debian's zopfli (precompressed .gz files)"
    as_root apt-get update
    as_root apt-get install -y --no-install-recommends zopfli
  fi

}

setup_test() {
  setup_build
  # view! bodies are formatted by leptosfmt (rustfmt leaves macros alone); the tests check it.
  if ! leptosfmt --version 2>/dev/null | grep -q " $LEPTOSFMT_VERSION\$"; then
    say "installing leptosfmt $LEPTOSFMT_VERSION (about 3 minutes, once)"
    cargo install leptosfmt --version "$LEPTOSFMT_VERSION" --locked
  fi
  if [ ! -x /usr/bin/chromium ]; then
    command -v apt-get >/dev/null \
      || { echo "the e2e tests need Chromium at /usr/bin/chromium (Debian's package); install it and retry" >&2; exit 1; }
    say "installing Debian's Chromium (the e2e browser)"
    as_root apt-get update
    as_root apt-get install -y --no-install-recommends chromium
  fi
}
