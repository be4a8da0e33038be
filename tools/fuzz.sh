#!/usr/bin/env bash
# Fuzz the input parsers with Jazzer (docs/reliability.md "Fuzzing", issue 19 §8).
#
# Usage: tools/fuzz.sh [ROUNDS] [TARGET...]
#   ROUNDS  how many times each target is fuzzed for its @FuzzTest maxDuration (20 s); default 1.
#           The corpus Jazzer grows (MODULE/.cifuzz-corpus/, git-ignored) carries over between
#           rounds and runs, so N rounds fuzz a target for about N × 20 s.
#   TARGET  simple class names of Jazzer fuzz tests (default: every class in io and analysis
#           with an @FuzzTest method).
#   JAZZER_SEED  a fixed libFuzzer seed (-seed=N): the same inputs in the same order on every run;
#           unset: a new random seed per run (nightly).
#   JAZZER_RUNS  stop each target after this many inputs (-runs=N) if its 20 s are not up first.
#           With a fixed seed and a fresh corpus (rm -rf */.cifuzz-corpus) a run then tries exactly
#           the inputs it tried on every other machine, or a prefix of them on a slower one: CI sets
#           both, so a run that passed here passes there unless the code changed.
#
# Each target runs in its own JVM (Jazzer fuzzes one target per JVM) with Jazzer's hooks on.
# A finding (an exception other than our InputException, an OutOfMemoryError, an input taking
# longer than the test's @Timeout) fails the run; Jazzer writes the input as crash-<sha1> into
# the target's seed directory (src/test/resources/.../<Class>Inputs/fuzz/), where the normal
# build then replays it as a regression test: fix the parser, keep the file.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-1}"
shift || true
if [ "$#" -gt 0 ]; then
  targets="$*"
else
  targets="$(grep -rlE '^ *@FuzzTest' io/src/test/java analysis/src/test/java \
    | xargs -n1 basename | sed 's/\.java$//' | sort | tr '\n' ' ')"
fi
list="$(echo "$targets" | xargs | tr ' ' ',')"
echo "fuzzing ($rounds round(s) of 20 s each): $list"
# libFuzzer arguments reach Jazzer's JUnit integration as the configuration parameters
# jazzer.internal.arg.0 (argv[0]), .1, .2, ... (system properties of the forked test JVM)
libfuzzer_args=()
extra=()
[ -n "${JAZZER_SEED:-}" ] && extra+=("-seed=$JAZZER_SEED")
[ -n "${JAZZER_RUNS:-}" ] && extra+=("-runs=$JAZZER_RUNS")
if [ "${#extra[@]}" -gt 0 ]; then
  libfuzzer_args+=("-Djazzer.internal.arg.0=fake_argv0")
  for i in "${!extra[@]}"; do
    libfuzzer_args+=("-Djazzer.internal.arg.$((i + 1))=${extra[$i]}")
  done
fi
for round in $(seq 1 "$rounds"); do
  start=$(date +%s)
  JAZZER_FUZZ=1 ./mvnw ${MVN_FLAGS:--B -q} -pl io,analysis -am test -Dtest="$list" \
    -Dsurefire.failIfNoSpecifiedTests=false -DreuseForks=false -Djazzer.hooks=true \
    ${libfuzzer_args[@]+"${libfuzzer_args[@]}"} \
    -Djacoco.skip=true -Ddarkflight.java25.skip=true
  echo "round $round/$rounds: no finding ($(( $(date +%s) - start )) s)"
done
