#!/usr/bin/env bash
# System packages the test suite needs beyond Python: Debian's Chromium for the browser tests
# (Playwright cannot download its own browser here). Installed only when missing and when we can.
set -u
if [ -d tests/web ] && ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing Debian's chromium for the browser tests..."
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
      || echo "warning: could not install chromium; browser tests will be skipped"
  else
    echo "warning: chromium is missing and cannot be installed here; browser tests will be skipped"
  fi
fi
exit 0
