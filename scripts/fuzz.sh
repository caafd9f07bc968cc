#!/usr/bin/env bash
# Fuzzes every parser for a set time each, one target at a time, with Jazzer.
#
#   scripts/fuzz.sh [DURATION] [FILTER...]
#
# DURATION is per target: seconds, or a number followed by s, m or h (default 10m). FILTERs, if given, keep only
# the targets whose name (Class#method) contains one of them, e.g. `scripts/fuzz.sh 2m LinkHeaders`.
#
# The targets are the @FuzzTest methods of the test suites. A normal build (`mvn verify`, scripts/test.sh) runs
# them in Jazzer's regression mode over the inputs kept in the repository, under
# src/test/resources/<package>/<TestClass>Inputs/<method>/. This script fuzzes them instead: it compiles the
# tests and runs Jazzer's own driver on the tests' class path, so that the duration is this script's argument
# (under `JAZZER_FUZZ=1 mvn test` it is the annotation's maxDuration). Inputs that find a new path are kept in
# <module>/target/fuzz-corpus/ for the next run; a crash or timeout is written into the target's inputs directory,
# where every later build replays it: fix the code, keep the input, commit both. Logs go to <module>/target/fuzz/.
set -euo pipefail
cd "$(dirname "$0")/.."

duration="${1:-10m}"
shift || true
case "$duration" in
  *h) seconds=$(( ${duration%h} * 3600 )) ;;
  *m) seconds=$(( ${duration%m} * 60 )) ;;
  *s) seconds=${duration%s} ;;
  *) seconds=$duration ;;
esac

targets=(
  core:dev.parley.core.content.CommentRendererFuzzTest#htmlInput
  core:dev.parley.core.content.CommentRendererFuzzTest#plainTextInput
  pingback:dev.parley.pingback.xmlrpc.PingbackRequestFuzzTest#xmlRpcBody
  pingback:dev.parley.pingback.trackback.TrackbackParserFuzzTest#formBody
  pingback:dev.parley.pingback.webmention.WebmentionParserFuzzTest#formBody
  pingback:dev.parley.pingback.verify.LinkVerifierFuzzTest#sourcePage
  pingback:dev.parley.pingback.send.LinkHeadersFuzzTest#linkHeader
  pingback:dev.parley.pingback.send.EndpointDiscoveryFuzzTest#fetchedPage
  pingback:dev.parley.pingback.send.internal.XmlAnswerFuzzTest#answer
)

selected=()
for target in "${targets[@]}"; do
  if [ "$#" -eq 0 ]; then
    selected+=("$target")
    continue
  fi
  for filter in "$@"; do
    if [[ "${target#*:}" == *"$filter"* ]]; then
      selected+=("$target")
      break
    fi
  done
done
if [ "${#selected[@]}" -eq 0 ]; then
  echo "no fuzz target matches: $*" >&2
  exit 2
fi

echo "==> compiling the tests and writing their class paths"
mvn -B -ntp -q -pl core,pingback -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/fuzz-classpath.txt

status=0
for target in "${selected[@]}"; do
  module="${target%%:*}"
  test="${target#*:}"
  class="${test%#*}"
  method="${test#*#}"
  inputs="$module/src/test/resources/$(echo "${class%.*}" | tr . /)/${class##*.}Inputs/$method"
  corpus="$module/target/fuzz-corpus/$class/$method"
  log="$module/target/fuzz/$class#$method.log"
  mkdir -p "$inputs" "$corpus" "$(dirname "$log")"
  echo "==> fuzzing $class#$method for ${seconds}s (log: $log)"
  set +e
  java -Xmx1g -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/fuzz-classpath.txt")" \
    com.code_intelligence.jazzer.Jazzer \
    --target_class="$class" --target_method="$method" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=0 -print_final_stats=1 \
    -artifact_prefix="$inputs/" "$corpus" "$inputs" >"$log" 2>&1
  code=$?
  set -e
  runs=$(grep -Eo 'Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1 || true)
  if [ -z "$runs" ]; then
    runs=$(grep -Eo '^#[0-9]+' "$log" | tail -1 | sed 's/#/last report at run /' || true)
  fi
  if [ "$code" -eq 0 ]; then
    echo "    no finding; ${runs:-no run count in the log}"
  else
    status=1
    echo "    FINDING (exit $code); ${runs:-no run count in the log}; the input is in $inputs/:"
    grep -E '^== Java Exception|Test unit written|ERROR: libFuzzer' "$log" | head -5 | sed 's/^/    /'
  fi
done
exit "$status"
