#!/usr/bin/env bash
# e2e tests drive Debian's Chromium (no browser download works here). Install it when missing.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then exit 0; fi
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "ensure-chromium: installing Debian's chromium and CJK fonts…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
else
  echo "ensure-chromium: $CHROMIUM not found. Install it: sudo apt-get install -y chromium fonts-noto-cjk (or set CHROMIUM_PATH)." >&2
  exit 1
fi
