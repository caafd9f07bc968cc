#!/usr/bin/env bash
# Builds what the demo blog needs and starts it: the README's demo command. Run it from anywhere; it works
# from the repository root. Settings go in as -D options or PARLEY_* environment variables, e.g.
#   scripts/demo.sh -Dparley.port=9090
#   PARLEY_STORE=memory PARLEY_ADMIN_PASSWORD=let-me-in-please scripts/demo.sh
# Stop it with Ctrl-C. Comments are kept in ./data/parley-demo.db (SQLite) unless another store is chosen; the
# log goes to the console and to ./data/parley-demo.log (-Dparley.log.file=... names another file).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "==> building the demo and the modules it uses (tests skipped; scripts/test.sh runs them)"
# package, not install: the demo runs from examples/target (its jar and target/lib), nothing goes to ~/.m2.
mvn -B -ntp -q -pl examples -am package -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true

jar=$(ls examples/target/parley-examples-*.jar | grep -v -e '-sources\.jar$' -e '-javadoc\.jar$' -e '-tests\.jar$' | head -n 1)

# -D options go to the JVM, before the main class; anything else is passed on to the demo.
jvm_options=()
demo_args=()
for arg in "$@"; do
  case "$arg" in
    -D*|-X*) jvm_options+=("$arg") ;;
    *) demo_args+=("$arg") ;;
  esac
done

echo "==> starting the demo"
mkdir -p data
exec java ${jvm_options[@]+"${jvm_options[@]}"} -cp "$jar:examples/target/lib/*" dev.parley.examples.Main \
  ${demo_args[@]+"${demo_args[@]}"}
