#!/usr/bin/env bash
# Fuzz the input parsers with Jazzer (docs/reliability.md "Fuzzing", issue 19 §8).
#
# Usage: tools/fuzz.sh [ROUNDS] [TARGET...]
#   ROUNDS  how many times each target is fuzzed for its @FuzzTest maxDuration (20 s); default 1.
#           The corpus Jazzer grows (MODULE/.cifuzz-corpus/, git-ignored) carries over between
#           rounds and runs, so N rounds fuzz a target for about N × 20 s.
#   TARGET  simple class names of Jazzer fuzz tests (default: every class in io and analysis
#           with an @FuzzTest method).
#   JAZZER_SEED  a fixed libFuzzer seed (the same inputs in the same order on every run; CI sets
#           one so that a run that passed here passes there unless the code changed); unset:
#           a new random seed per run (nightly).
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
for round in $(seq 1 "$rounds"); do
  start=$(date +%s)
  JAZZER_FUZZ=1 ./mvnw ${MVN_FLAGS:--B -q} -pl io,analysis -am test -Dtest="$list" \
    -Dsurefire.failIfNoSpecifiedTests=false -DreuseForks=false -Djazzer.hooks=true \
    ${JAZZER_SEED:+-Djazzer.seed=$JAZZER_SEED} \
    -Djacoco.skip=true -Ddarkflight.java25.skip=true
  echo "round $round/$rounds: no finding ($(( $(date +%s) - start )) s)"
done
