#!/usr/bin/env bash
# Nightly: every test with many more jqwik tries and the crash tests halting at every write
# boundary, Jazzer fuzzing of every input parser (NIGHTLY_FUZZ_ROUNDS rounds of 20 s per parser,
# default 9: 3 min each, about an hour in all; docs/reliability.md "Fuzzing"), then a
# large-ensemble stress run.
# Usage: tools/nightly.sh [SAMPLES]   (default 200000)
set -euo pipefail
cd "$(dirname "$0")/.."
samples="${1:-200000}"
./mvnw -B -q test -Djqwik.tries.default=10000 -Ddarkflight.test.crash-stride=1
tools/fuzz.sh "${NIGHTLY_FUZZ_ROUNDS:-9}"
./mvnw -B -q -pl pipeline -am package -DskipTests
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 - "$samples" "$work/ensemble.json" <<'PY'
import json, sys
e = json.load(open("testdata/ensembles/park-forest-mc.json"))
e["samples"] = int(sys.argv[1])
json.dump(e, open(sys.argv[2], "w"))
PY
ev=testdata/events/park-forest-2003
./darkflight run --event "$ev/event.json" --atmos "$ev/atmos_profile.json" \
  --config "$ev/physics_config_ensemble.json" --fragments "$ev/fragments.json" \
  --ensemble "$work/ensemble.json" --out "$work/out"
