#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: installs and starts what the tests need, then builds and
# tests every module. This is the README's test command, and what CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."

# Each file in setup.d installs or starts one thing the tests need (a browser, a database server).
# They are idempotent: on a machine that already has the thing, they do nothing.
for step in scripts/setup.d/*.sh; do
  [ -e "$step" ] || continue
  echo "==> setup: $(basename "$step")"
  bash "$step"
done

# Plain output when redirected: no colours, and no reset codes from Maven 3.8's console library.
MAVEN_OPTS="-Djansi.noreset=true ${MAVEN_OPTS:-}" exec mvn -B -ntp -Dstyle.color=never verify "$@"
