#!/usr/bin/env bash
# Ensemble benchmark: samples/s, CPU time and peak RSS of `darkflight run` (Beam, Direct runner)
# and of the same samples in a bare Java loop (BareLoop), for several ensemble sizes; writes the
# figures as JSON and compares them with bench/ensemble-baseline.json: a regression is samples per
# CPU-second below the baseline, or peak RSS above it, by more than BENCH_REGRESSION_PCT per cent
# (default 10) for a size the baseline has. It is a benchmark script, never a unit test.
#
# Exit status: 0 no regression (or the baseline was updated, or there is no baseline);
#              1 a regression beyond the threshold (each printed as a REGRESSION line);
#              2 the bench could not run (a tool missing, a run failed, nothing comparable).
#
#   bench/ensemble-bench.sh                    # sizes 10000 100000 1000000 (about 10 minutes
#                                              # on an idle 2-core machine)
#   BENCH_SIZES="2000 10000" bench/ensemble-bench.sh
#   BENCH_UPDATE_BASELINE=1 bench/ensemble-bench.sh   # store these figures as the new baseline
#   BENCH_REGRESSION_PCT=20 bench/ensemble-bench.sh    # tolerate 20 % (a busy machine)
#
# Inputs: the shipped Park Forest 2003 event with its ensemble physics configuration
# (physics_config_ensemble.json: rkf45, dt_max 5 s, tolerances 1e-8 / 0.01 m; within 15 m of the
# rk4 reference, see docs/ensemble.md) and testdata/ensembles/park-forest-mc.json with the sample
# count replaced and samples_per_element 1000. Runs `darkflight run` through the ./darkflight
# launcher (its JIT settings, runner-configs/jit.jvmopts) with -Xmx1g (the heap target) and
# --targetParallelism=2; the bare loop gets the same JVM flags. BENCH_CONFIG=physics_config.json
# benchmarks the rk4 reference instead.
#
# Two overheads are printed: end to end (the whole `darkflight run` process — JVM start, input
# checks, pipeline, artifacts, report — against the bare loop process) and pipeline only (the
# Beam pipeline's wall time against the bare loop's in-loop time: the same samples drawn and
# landed, without Beam).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
sizes="${BENCH_SIZES:-10000 100000 1000000}"
out_dir="${BENCH_OUT:-$root/bench/target}"
baseline="$root/bench/ensemble-baseline.json"
jar="$root/pipeline/target/darkflight-cli.jar"
event="testdata/events/park-forest-2003"
physics="${BENCH_CONFIG:-physics_config_ensemble.json}"
threads=2
jit="${DARKFLIGHT_JIT_OPTS-$(grep -v '^#' runner-configs/jit.jvmopts | tr '\n' ' ')}"
mkdir -p "$out_dir"
if [ ! -f "$jar" ]; then
  ./mvnw -B -q -o -DskipTests -pl pipeline -am package
fi
if [ ! -x /usr/bin/time ]; then
  echo "ensemble-bench: /usr/bin/time is missing (apt-get install time)" >&2
  exit 2
fi
threshold="${BENCH_REGRESSION_PCT:-10}"
if ! [[ "$threshold" =~ ^[0-9]+([.][0-9]+)?$ ]]; then
  echo "ensemble-bench: BENCH_REGRESSION_PCT must be a number of per cent, got '$threshold'" >&2
  exit 2
fi
load="$(cut -d' ' -f1 /proc/loadavg)"
if awk -v l="$load" -v c="$(nproc)" 'BEGIN { exit !(l > c) }'; then
  echo "ensemble-bench: warning: load average $load on $(nproc) cores; figures from a busy" \
    "machine are not comparable with the idle baseline" >&2
fi
trap 'echo "ensemble-bench: a run failed; no comparison" >&2; exit 2' ERR

# Runs a command under /usr/bin/time -v; prints "wall_s cpu_s max_rss_kb".
measure() {
  local log="$1"; shift
  /usr/bin/time -v "$@" >"$log.out" 2>"$log.time" || { cat "$log.out" "$log.time" >&2; return 1; }
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, t, ":"); w = 0; for (i = 1; i <= n; i++) w = w * 60 + t[i] }
    /User time/ { u = $2 } /System time/ { s = $2 } /Maximum resident set size/ { r = $2 }
    END { printf "%.2f %.2f %d\n", w, u + s, r }' "$log.time"
}

results="$out_dir/ensemble-bench.json"
echo "{" >"$results.tmp"
echo "  \"machine\": \"$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1 | tr -d '"')\"," >>"$results.tmp"
echo "  \"date_utc\": \"$(date -u +%Y-%m-%dT%H:%M:%SZ)\"," >>"$results.tmp"
echo "  \"physics_config\": \"$physics\"," >>"$results.tmp"
echo "  \"load_average_1m_at_start\": $(cut -d' ' -f1 /proc/loadavg)," >>"$results.tmp"
echo "  \"runs\": [" >>"$results.tmp"
first=1
for n in $sizes; do
  cfg="$out_dir/ensemble-$n.json"
  sed -E "s/\"samples\": [0-9]+/\"samples\": $n/; s/\"samples_per_element\": [0-9]+/\"samples_per_element\": 1000/" \
    testdata/ensembles/park-forest-mc.json >"$cfg"
  echo "ensemble-bench: $n samples with Beam (DirectRunner, parallelism $threads)..." >&2
  read -r bw bc br < <(measure "$out_dir/beam-$n" env DARKFLIGHT_JAVA_OPTS=-Xmx1g ./darkflight run \
    --event "$event/event.json" --atmos "$event/atmos_profile.json" \
    --config "$event/$physics" --fragments "$event/fragments.json" \
    --ensemble "$cfg" --out "$out_dir/out-$n" --produced-utc 2024-01-01T00:00:00Z \
    --targetParallelism=$threads)
  echo "ensemble-bench: $n samples in a bare loop ($threads threads)..." >&2
  read -r lw lc lr < <(measure "$out_dir/bare-$n" java $jit -Xmx1g -cp "$jar" \
    org.darkflight.pipeline.run.BareLoop "$event/event.json" "$event/atmos_profile.json" \
    "$event/$physics" "$event/fragments.json" "$cfg" $threads)
  if [ -z "${bw:-}" ] || [ -z "${lw:-}" ]; then
    echo "ensemble-bench: the $n-sample run failed (see $out_dir/beam-$n.* and bare-$n.*)" >&2
    exit 2
  fi
  rm -rf "$out_dir/out-$n"
  pw=$(sed -n 's/.*pipeline \([0-9.]*\) s, total.*/\1/p' "$out_dir/beam-$n.out")
  lw_loop=$(sed -n 's/.*"seconds": \([0-9.]*\),.*/\1/p' "$out_dir/bare-$n.out")
  [ $first = 1 ] || echo "    ," >>"$results.tmp"
  first=0
  awk -v n="$n" -v bw="$bw" -v bc="$bc" -v br="$br" -v lw="$lw" -v lc="$lc" -v lr="$lr" \
      -v pw="$pw" -v ll="$lw_loop" 'BEGIN {
    printf "    {\"samples\": %d,\n", n
    printf "     \"beam\": {\"wall_s\": %.2f, \"cpu_s\": %.2f, \"samples_per_s\": %.1f, \"samples_per_cpu_s\": %.1f, \"peak_rss_mb\": %.0f},\n", bw, bc, n / bw, n / bc, br / 1024
    printf "     \"bare_loop\": {\"wall_s\": %.2f, \"cpu_s\": %.2f, \"samples_per_s\": %.1f, \"samples_per_cpu_s\": %.1f, \"peak_rss_mb\": %.0f},\n", lw, lc, n / lw, n / lc, lr / 1024
    printf "     \"pipeline_wall_s\": %.2f, \"bare_loop_in_loop_wall_s\": %.2f,\n", pw, ll
    printf "     \"beam_overhead_cpu_pct\": %.1f, \"beam_overhead_wall_pct\": %.1f, \"pipeline_overhead_wall_pct\": %.1f}\n", 100 * (bc - lc) / lc, 100 * (bw - lw) / lw, 100 * (pw - ll) / ll
  }' >>"$results.tmp"
done
echo "  ]" >>"$results.tmp"
echo "}" >>"$results.tmp"
mv "$results.tmp" "$results"
echo "ensemble-bench: figures in $results" >&2
cat "$results"

if [ "${BENCH_UPDATE_BASELINE:-0}" = 1 ]; then
  cp "$results" "$baseline"
  echo "ensemble-bench: baseline updated" >&2
  exit 0
fi
if [ ! -f "$baseline" ]; then
  echo "ensemble-bench: no baseline to compare with ($baseline)" >&2
  exit 0
fi
trap - ERR
# Compare samples per CPU-second (robust on a shared machine) and peak RSS with the baseline.
if ! command -v python3 >/dev/null; then
  echo "ensemble-bench: python3 is missing; no comparison" >&2
  exit 2
fi
status=0
python3 - "$baseline" "$results" "$threshold" <<'PY' || status=$?
import json, sys
base = {r["samples"]: r for r in json.load(open(sys.argv[1]))["runs"]}
now = {r["samples"]: r for r in json.load(open(sys.argv[2]))["runs"]}
limit = float(sys.argv[3]) / 100
found = False
compared = 0
for n, r in sorted(now.items()):
    b = base.get(n)
    if b is None:
        print(f"ensemble-bench: {n} samples: no baseline figure")
        continue
    compared += 1
    for kind in ("beam", "bare_loop"):
        old, new = b[kind]["samples_per_cpu_s"], r[kind]["samples_per_cpu_s"]
        if new < old * (1 - limit):
            found = True
            print(f"REGRESSION {n} samples {kind}: {new:.1f} samples/cpu-s vs baseline {old:.1f} ({100 * (new / old - 1):+.0f} %)")
        old, new = b[kind]["peak_rss_mb"], r[kind]["peak_rss_mb"]
        if new > old * (1 + limit):
            found = True
            print(f"REGRESSION {n} samples {kind}: peak RSS {new:.0f} MB vs baseline {old:.0f} MB ({100 * (new / old - 1):+.0f} %)")
if compared == 0:
    print("ensemble-bench: no size in common with the baseline; nothing compared")
    sys.exit(2)
if found:
    print(f"ensemble-bench: regression beyond {100 * limit:g} % against the baseline")
    sys.exit(1)
print(f"ensemble-bench: no regression beyond {100 * limit:g} % against the baseline")
PY
exit "$status"
