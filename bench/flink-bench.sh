#!/usr/bin/env bash
# Benchmarks `darkflight run` on the DirectRunner, an embedded Flink MiniCluster and a standalone
# Flink session cluster (started here by runner-configs/start-flink-cluster.sh on spare ports):
# wall time, samples/s and peak RSS of the client, JobManager and TaskManager.
#
# Usage: bench/flink-bench.sh [SAMPLES...]        (default: 100000 1000000)
# Environment:
#   BENCH_RUNNERS   which runs, default "direct local cluster-p1 cluster-p2"
#   BENCH_OUT       scratch directory (default /tmp/darkflight-flink-bench); results in
#                   $BENCH_OUT/results.tsv
#   BENCH_INTEGRATOR  integration method written into the physics config (default rkf45, the
#                   method for large ensembles: 0.13 ms CPU per landing vs 2.8 ms for rk4 dt 0.05)
#   DARKFLIGHT_JAVA_OPTS  JVM flags of the client (default -Xmx768m)
# Needs the built CLI jar (./mvnw -DskipTests package) and /usr/bin/time.
# Prints one TSV line per run: runner samples wall_s samples_per_s client_rss_mb jm_rss_mb tm_rss_mb
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/pipeline/target/darkflight-cli.jar"
[ -f "$jar" ] || { echo "flink-bench: build the CLI jar first: ./mvnw -B -DskipTests package" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "flink-bench: /usr/bin/time is needed (apt-get install time)" >&2; exit 1; }
samples_list=("${@:-100000 1000000}")
# shellcheck disable=SC2206
samples_list=(${samples_list[*]})
runners="${BENCH_RUNNERS:-direct local cluster-p1 cluster-p2}"
work="${BENCH_OUT:-/tmp/darkflight-flink-bench}"
method="${BENCH_INTEGRATOR:-rkf45}"
java_opts="${DARKFLIGHT_JAVA_OPTS:--Xmx768m}"
mkdir -p "$work"
results="$work/results.tsv"
[ -f "$results" ] || printf 'runner\tsamples\twall_s\tsamples_per_s\tclient_rss_mb\tjm_rss_mb\ttm_rss_mb\n' > "$results"

event="$root/testdata/events/park-forest-2003"
physics="$work/physics_config.json"
python3 - "$event/physics_config.json" "$physics" "$method" <<'PY'
import json, sys
cfg = json.load(open(sys.argv[1]))
cfg["integration"]["method"] = sys.argv[3]
json.dump(cfg, open(sys.argv[2], "w"), indent=2)
PY

cluster_dir="$work/cluster"
export FLINK_CLUSTER_DIR="$cluster_dir"
export FLINK_REST_PORT="${FLINK_REST_PORT:-18081}"
export FLINK_RPC_PORT="${FLINK_RPC_PORT:-16123}"
cluster_started=0
stop_cluster() {
  if [ "$cluster_started" = 1 ]; then "$root/runner-configs/stop-flink-cluster.sh" || true; fi
}
trap stop_cluster EXIT

pid_of() { cat "$cluster_dir/pids/$1.pid" 2>/dev/null || true; }
reset_peak() { [ -n "$1" ] && echo 5 > "/proc/$1/clear_refs" 2>/dev/null || true; }
peak_mb() { # VmHWM (peak RSS since start or since the last reset) in MB
  [ -n "$1" ] && awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$1/status" 2>/dev/null || echo "-"
}

for samples in "${samples_list[@]}"; do
  ensemble="$work/ensemble-$samples.json"
  python3 - "$root/testdata/ensembles/park-forest-mc.json" "$ensemble" "$samples" <<'PY'
import json, sys
cfg = json.load(open(sys.argv[1]))
cfg["samples"] = int(sys.argv[3])
cfg["samples_per_element"] = max(250, int(sys.argv[3]) // 64)
json.dump(cfg, open(sys.argv[2], "w"), indent=2)
PY
  for runner in $runners; do
    jm="-"; tm="-"; extra=()
    case "$runner" in
      direct) extra=(--runner=DirectRunner --targetParallelism=2) ;;
      local) extra=(--flink-local --parallelism=2) ;;
      cluster-p*)
        if [ "$cluster_started" = 0 ]; then
          "$root/runner-configs/start-flink-cluster.sh" >&2
          cluster_started=1
        fi
        extra=(--runner=FlinkRunner "--flinkMaster=localhost:$FLINK_REST_PORT"
               "--parallelism=${runner#cluster-p}")
        jm="$(pid_of jobmanager)"; tm="$(pid_of taskmanager-1)"
        reset_peak "$jm"; reset_peak "$tm" ;;
      *) echo "flink-bench: unknown runner $runner" >&2; exit 1 ;;
    esac
    out="$work/out-$runner-$samples"
    rm -rf "$out"
    echo "flink-bench: $runner, $samples samples..." >&2
    start=$(date +%s.%N)
    # shellcheck disable=SC2086
    /usr/bin/time -f '%M' -o "$work/time.txt" java $java_opts -jar "$jar" run \
      --event "$event/event.json" --atmos "$event/atmos_profile.json" --config "$physics" \
      --fragments "$event/fragments.json" --ensemble "$ensemble" --out "$out" \
      --produced-utc 2026-01-01T00:00:00Z "${extra[@]}" > "$work/log-$runner-$samples.txt" 2>&1 \
      || { echo "flink-bench: $runner failed, see $work/log-$runner-$samples.txt" >&2; tail -5 "$work/log-$runner-$samples.txt" >&2; continue; }
    end=$(date +%s.%N)
    client_mb=$(awk '{printf "%.0f", $1/1024}' "$work/time.txt")
    jm_mb="-"; tm_mb="-"
    if [ "$jm" != "-" ]; then jm_mb="$(peak_mb "$jm")"; tm_mb="$(peak_mb "$tm")"; fi
    line="$(awk -v r="$runner" -v n="$samples" -v s="$start" -v e="$end" -v c="$client_mb" -v j="$jm_mb" -v t="$tm_mb" \
      'BEGIN {w = e - s; printf "%s\t%d\t%.1f\t%.0f\t%s\t%s\t%s", r, n, w, n / w, c, j, t}')"
    echo "$line" | tee -a "$results"
    # Byte-identical artifacts across runners (the first run of this size is the reference).
    ref="$(ls -d "$work"/out-*-"$samples" | head -1)"
    if [ "$ref" != "$out" ] && ! diff -rq "$ref" "$out" >/dev/null; then
      echo "flink-bench: WARNING: $out differs from $ref" >&2
    fi
  done
done
echo "flink-bench: results in $results" >&2
