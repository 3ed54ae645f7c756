# Shared by scripts/serve and scripts/test: puts the project's tools on PATH and installs
# whatever is missing, at the versions the project was measured with. Quick when all is there.
# (Why these versions and install methods: see docs/toolchain.md.)

set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

setup() {
  command -v cargo >/dev/null || { echo "Rust (cargo) is required: https://rustup.rs" >&2; exit 1; }
  command -v node >/dev/null || { echo "Node.js 20+ and npm are required" >&2; exit 1; }

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

  if [ ! -x /usr/bin/chromium ]; then
    say "installing Debian's Chromium (the e2e browser)"
    as_root apt-get update
    as_root apt-get install -y --no-install-recommends chromium
  fi
}
