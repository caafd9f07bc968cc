#!/usr/bin/env bash
# Builds what the demo blog needs and starts it: the README's demo command. Run it from anywhere; it works
# from the repository root. Settings go in as -D options or PARLEY_* environment variables, e.g.
#   scripts/demo.sh -Dparley.port=9090
#   PARLEY_STORE=memory PARLEY_ADMIN_PASSWORD=let-me-in-please scripts/demo.sh
# Stop it with Ctrl-C. Comments are kept in ./data/parley-demo.db (SQLite) unless another store is chosen; the
# log goes to the console and to ./data/parley-demo.log (-Dparley.log.file=... names another file).
set -euo pipefail
cd "$(dirname "$0")/.."

# The build is skipped when nothing it reads changed since the last successful one: a stamp in examples/target
# newer than every pom and main source, with the jar and its lib in place. PARLEY_DEMO_REBUILD=1 forces it.
stamp=examples/target/.demo-build-stamp
demo_jar() {
  ls examples/target/parley-examples-*.jar 2>/dev/null \
    | grep -v -e '-sources\.jar$' -e '-javadoc\.jar$' -e '-tests\.jar$' | head -n 1 || true
}
up_to_date() {
  [ "${PARLEY_DEMO_REBUILD:-0}" != 1 ] && [ -f "$stamp" ] && [ -n "$(demo_jar)" ] && [ -d examples/target/lib ] \
    && [ -z "$(find pom.xml ./*/pom.xml ./*/src/main -newer "$stamp" -print -quit 2>/dev/null)" ]
}

if up_to_date; then
  echo "==> the demo is up to date (PARLEY_DEMO_REBUILD=1 rebuilds it)"
else
  echo "==> building the demo and the modules it uses (tests skipped; scripts/test.sh runs them)"
  # package, not install: the demo runs from examples/target (its jar and target/lib), nothing goes to ~/.m2.
  # Maven's incremental compiler recompiles only what changed. -B and style.color turn colours off; Maven 3.8's
  # console library still writes reset codes (ESC[0m) into a redirected log unless jansi.noreset is set.
  # The stamp is taken before the build, so a file saved while it runs is seen as changed next time.
  mkdir -p examples/target
  touch "$stamp.new"
  MAVEN_OPTS="-Djansi.noreset=true ${MAVEN_OPTS:-}" mvn -B -ntp -q -Dstyle.color=never -pl examples -am package -DskipTests -Dmaven.javadoc.skip=true \
    -Dmaven.source.skip=true
  mv "$stamp.new" "$stamp"
fi

jar=$(demo_jar)

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
