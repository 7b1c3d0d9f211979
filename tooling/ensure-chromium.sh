#!/usr/bin/env sh
# Browser tests drive Debian's Chromium (never a downloaded browser). Install it, with CJK fonts so
# Chinese renders in screenshots, when it is missing and we are allowed to.
set -eu
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$browser" ] && fc-list 2>/dev/null | grep -qi "noto.*cjk"; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Chromium and Noto CJK fonts for the browser tests…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  exit 0
fi
if [ -x "$browser" ]; then exit 0; fi
echo "Chromium not found at $browser. Install Debian's chromium and fonts-noto-cjk (or set CHROMIUM_PATH)." >&2
exit 1
