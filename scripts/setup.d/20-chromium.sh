#!/usr/bin/env bash
# Installs the headless browser the examples' browser test drives: Debian's chromium and its chromedriver.
# Idempotent: when both binaries are present it does nothing, so the test command stays fast on a warm machine.
set -euo pipefail

if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  echo "chromium and chromedriver already installed"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

$SUDO apt-get update
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium chromium-driver
