#!/usr/bin/env bash
# The Firefox e2e tests drive Debian's Firefox ESR (puppeteer-core over WebDriver BiDi; no browser download
# works here). Install it when missing, like ensure-chromium.sh does for Chromium.
set -euo pipefail
FIREFOX="${FIREFOX_PATH:-/usr/bin/firefox-esr}"
if [ -x "$FIREFOX" ]; then exit 0; fi
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "ensure-firefox: installing Debian's firefox-esr and CJK fonts…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr fonts-noto-cjk >/dev/null
else
  echo "ensure-firefox: $FIREFOX not found. Install it: sudo apt-get install -y firefox-esr fonts-noto-cjk (or set FIREFOX_PATH)." >&2
  exit 1
fi
