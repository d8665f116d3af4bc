#!/usr/bin/env bash
# apt-install.sh TAG PACKAGE…: installs the Debian packages that are missing, and only those.
# Supported: Debian 12 / Ubuntu 22.04 or later on x64, as root or through sudo.
#   - --no-install-recommends: only what the packages need, never an upgrade of anything else.
#   - Another apt or unattended-upgrades holding the package lock is waited for (up to
#     EVALSPEC_APT_WAIT seconds, 600 by default) with a message, instead of failing at once.
#   - Says what it is doing before each long step.
set -euo pipefail
tag="$1"
shift
say() { printf '[%s] %s\n' "$tag" "$*"; }
die() { printf '[%s] ERROR: %s\n' "$tag" "$*" >&2; exit 1; }

missing=()
for p in "$@"; do
  if [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)" != "install ok installed" ]; then missing+=("$p"); fi
done
if [ ${#missing[@]} -eq 0 ]; then
  say "apt: $* already installed"
  exit 0
fi
command -v apt-get >/dev/null || die "apt-get not found: this script supports Debian/Ubuntu x64; install ${missing[*]} by hand"
[ "$(uname -m)" = x86_64 ] || say "warning: $(uname -m) is not x64, the supported platform"
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || die "need root or sudo to install ${missing[*]}"
  sudo=(sudo)
fi

wait_max="${EVALSPEC_APT_WAIT:-600}"
# apt itself waits for the dpkg lock for DPkg::Lock::Timeout seconds; the loop below also covers
# the lists lock `apt-get update` takes, and reports who holds it.
apt_run() {
  local t0=$SECONDS out rc
  while :; do
    set +e
    out="$("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout="$wait_max" "$@" </dev/null 2>&1)"
    rc=$?
    set -e
    if [ $rc -eq 0 ]; then printf '%s\n' "$out" | tail -n 3; return 0; fi
    if printf '%s' "$out" | grep -qE 'Could not get lock|Unable to lock|is another process using it'; then
      if [ $((SECONDS - t0)) -ge "$wait_max" ]; then
        printf '%s\n' "$out" >&2
        die "the package manager stayed locked for ${wait_max}s (set EVALSPEC_APT_WAIT to wait longer)"
      fi
      say "apt: another package manager holds the lock ($(printf '%s' "$out" | grep -oE 'held by process [0-9]+[^)]*' | head -1 || true)); waiting ($((SECONDS - t0))s of ${wait_max}s)"
      sleep 5
      continue
    fi
    printf '%s\n' "$out" >&2
    return $rc
  done
}

t=$SECONDS
say "apt: refreshing the package lists (apt-get update)"
apt_run update -q
say "apt: installing ${missing[*]} with --no-install-recommends (downloads and unpacks; about a minute for chromium)"
apt_run install -y -q --no-install-recommends "${missing[@]}"
say "apt: ${missing[*]} installed in $((SECONDS - t))s"
