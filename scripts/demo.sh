#!/usr/bin/env bash
# Builds what the demo blog needs and starts it: the README's demo command. Run it from anywhere; it works
# from the repository root. Settings go in as -D options or PARLEY_* environment variables, e.g.
#   scripts/demo.sh -Dparley.port=9090
#   PARLEY_STORE=memory PARLEY_ADMIN_PASSWORD=letmein123 scripts/demo.sh
# Stop it with Ctrl-C. Comments are kept in ./data/parley-demo.db (SQLite) unless another store is chosen.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "==> building the demo and the modules it uses (tests skipped; scripts/test.sh runs them)"
mvn -B -ntp -q -pl examples -am install -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true

echo "==> starting the demo"
exec mvn -B -ntp -q -pl examples exec:java -Dexec.mainClass=dev.parley.examples.Main "$@"
