#!/usr/bin/env bash
# Benchmarks `darkflight run` of the Park Forest 2003 ensemble on the DirectRunner, an embedded
# Flink MiniCluster and a standalone Flink session cluster that it starts itself (with
# runner-configs/start-flink-cluster.sh, on spare ports, in its own run directory) and always
# stops again. Per run: wall time, samples/s, CPU seconds and peak RSS (VmHWM) of the client, the
# JobManager and the TaskManager; then a parallelism 1 -> 2 scaling line per size and a markdown
# table ready to paste into docs/performance.md. Meant for an otherwise idle machine.
#
# Usage: bench/flink-bench.sh [SAMPLES...]          (default: 100000 1000000)
# Environment (all optional):
#   BENCH_RUNNERS     runs per size, default "direct local cluster-p1 cluster-p2"
#   BENCH_OUT         scratch directory (default /tmp/darkflight-flink-bench); results in
#                     $BENCH_OUT/results.tsv (appended) and $BENCH_OUT/results.md (this run)
#   BENCH_PHYSICS     physics config (default: the event's physics_config_ensemble.json, rkf45;
#                     if that file is missing, physics_config.json switched to the same settings:
#                     rkf45, dt_min 0.001 s, dt_max 5 s, rel_tolerance 1e-8, abs_tolerance 0.01 m)
#   BENCH_TIMEOUT     seconds after which one run is killed and reported as failed (default 3600)
#   DARKFLIGHT_JAVA_OPTS  JVM flags of the client (default -Xmx2g)
#   FLINK_REST_PORT / FLINK_RPC_PORT  ports of the benchmark cluster (default 28081 / 26123)
#   FLINK_SLOTS       task slots of its TaskManager (default 2)
# Needs: the built jars (./mvnw -B -DskipTests package), python3, curl, /usr/bin/time (apt: time).
# Exit status: 0 when every run succeeded and all artifacts were byte-identical, 1 otherwise.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/pipeline/target/darkflight-cli.jar"
die() { echo "flink-bench: $*" >&2; exit 1; }
[ -f "$jar" ] || die "build the CLI jar first: ./mvnw -B -DskipTests package"
[ -f "$root/pipeline/target/darkflight-flink-job.jar" ] \
  || echo "flink-bench: note: no darkflight-flink-job.jar, cluster runs stage the whole CLI jar" >&2
[ -x /usr/bin/time ] || die "/usr/bin/time is needed (apt-get install time)"
command -v python3 >/dev/null || die "python3 is needed"
command -v java >/dev/null || die "java (17) is needed on PATH"

samples_list=("$@")
[ "${#samples_list[@]}" -gt 0 ] || samples_list=(100000 1000000)
for n in "${samples_list[@]}"; do [[ "$n" =~ ^[1-9][0-9]*$ ]] || die "SAMPLES must be positive integers, got '$n'"; done
runners="${BENCH_RUNNERS:-direct local cluster-p1 cluster-p2}"
for r in $runners; do
  case "$r" in direct|local|cluster-p[1-9]*) ;; *) die "unknown runner '$r' in BENCH_RUNNERS (direct local cluster-pN)";; esac
done
work="${BENCH_OUT:-/tmp/darkflight-flink-bench}"
timeout_s="${BENCH_TIMEOUT:-3600}"
# shellcheck disable=SC2206 # a flag list
java_opts=(${DARKFLIGHT_JAVA_OPTS:--Xmx2g})
export FLINK_REST_PORT="${FLINK_REST_PORT:-28081}"
export FLINK_RPC_PORT="${FLINK_RPC_PORT:-26123}"
export FLINK_SLOTS="${FLINK_SLOTS:-2}"
mkdir -p "$work"
work="$(cd "$work" && pwd)"
results="$work/results.tsv"
header=$'runner\tsamples\twall_s\tsamples_per_s\tclient_cpu_s\tjm_cpu_s\ttm_cpu_s\tclient_rss_mb\tjm_rss_mb\ttm_rss_mb\tstatus'
[ -s "$results" ] || echo "$header" > "$results"
this_run="$work/results-$(date -u +%Y%m%dT%H%M%SZ).tsv"
echo "$header" > "$this_run"

# --- inputs ---------------------------------------------------------------------------------------
event="$root/testdata/events/park-forest-2003"
physics="${BENCH_PHYSICS:-$event/physics_config_ensemble.json}"
if [ ! -f "$physics" ]; then
  [ -z "${BENCH_PHYSICS:-}" ] || die "BENCH_PHYSICS $physics does not exist"
  physics="$work/physics_config_ensemble.json"
  python3 - "$event/physics_config.json" "$physics" <<'PY'
import json, sys
cfg = json.load(open(sys.argv[1]))
cfg["integration"].update({"method": "rkf45", "dt_min_s": 0.001, "dt_max_s": 5.0,
                           "rel_tolerance": 1e-8, "abs_tolerance_m": 0.01})
json.dump(cfg, open(sys.argv[2], "w"), indent=2)
PY
fi
echo "flink-bench: physics config $physics ($(python3 -c 'import json,sys; i=json.load(open(sys.argv[1]))["integration"]; print(", ".join(f"{k}={v}" for k,v in i.items()))' "$physics"))" >&2

# --- the cluster: started on first use, always stopped -------------------------------------------
cluster_dir="$work/cluster"
export FLINK_CLUSTER_DIR="$cluster_dir"
cluster_started=0
cleanup() {
  if [ "$cluster_started" = 1 ]; then
    "$root/runner-configs/stop-flink-cluster.sh" || true
    cluster_started=0
  fi
}
trap cleanup EXIT
trap 'echo "flink-bench: interrupted" >&2; exit 130' INT TERM

pid_of() { cat "$cluster_dir/pids/$1.pid" 2>/dev/null || true; }
alive() { [ -n "$1" ] && kill -0 "$1" 2>/dev/null; }
ensure_cluster() {
  local jm tm
  jm="$(pid_of jobmanager)"; tm="$(pid_of taskmanager-1)"
  if [ "$cluster_started" = 1 ] && alive "$jm" && alive "$tm"; then return 0; fi
  cleanup # a half-dead cluster from an earlier run of this size
  echo "flink-bench: starting the Flink cluster (REST port $FLINK_REST_PORT, $FLINK_SLOTS slots)..." >&2
  "$root/runner-configs/start-flink-cluster.sh" >&2 || die "the Flink cluster did not start (logs in $cluster_dir/log)"
  cluster_started=1
}
reset_peak() { alive "$1" && echo 5 > "/proc/$1/clear_refs" 2>/dev/null || true; }
peak_mb() { alive "$1" && awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$1/status" 2>/dev/null || echo "-"; }
cpu_ticks() { alive "$1" && awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
hz="$(getconf CLK_TCK)"

# --- runs -----------------------------------------------------------------------------------------
failures=0
bench_start=$SECONDS
echo "flink-bench: sizes ${samples_list[*]}; runners $runners; results in $results" >&2
for samples in "${samples_list[@]}"; do
  ensemble="$work/ensemble-$samples.json"
  python3 - "$root/testdata/ensembles/park-forest-mc.json" "$ensemble" "$samples" <<'PY'
import json, sys
cfg = json.load(open(sys.argv[1]))
n = int(sys.argv[3])
cfg["samples"] = n
# Elements of a few thousand samples: enough bundles for every slot, little per-element overhead.
cfg["samples_per_element"] = max(250, n // 64)
json.dump(cfg, open(sys.argv[2], "w"), indent=2)
PY
  ref=""
  for runner in $runners; do
    jm="-"; tm="-"; extra=()
    case "$runner" in
      direct) extra=(--runner=DirectRunner --targetParallelism=2) ;;
      local) extra=(--flink-local --parallelism=2) ;;
      cluster-p*)
        ensure_cluster
        extra=(--runner=FlinkRunner "--flinkMaster=localhost:$FLINK_REST_PORT" "--parallelism=${runner#cluster-p}")
        jm="$(pid_of jobmanager)"; tm="$(pid_of taskmanager-1)"
        reset_peak "$jm"; reset_peak "$tm" ;;
    esac
    out="$work/out-$runner-$samples"
    log="$work/log-$runner-$samples.txt"
    rm -rf "$out"
    echo "flink-bench: $runner, $samples samples (log $log)..." >&2
    jm0=$(cpu_ticks "$jm"); tm0=$(cpu_ticks "$tm")
    start=$(date +%s.%N)
    status=ok
    /usr/bin/time -f '%M %U %S' -o "$work/time.txt" timeout --kill-after=30 "$timeout_s" \
      java "${java_opts[@]}" -jar "$jar" run \
      --event "$event/event.json" --atmos "$event/atmos_profile.json" --config "$physics" \
      --fragments "$event/fragments.json" --ensemble "$ensemble" --out "$out" \
      --produced-utc 2026-01-01T00:00:00Z "${extra[@]}" > "$log" 2>&1 || status=failed
    end=$(date +%s.%N)
    jm1=$(cpu_ticks "$jm"); tm1=$(cpu_ticks "$tm")
    if [ "$status" = failed ]; then
      failures=$((failures + 1))
      echo "flink-bench: $runner with $samples samples FAILED; last lines of $log:" >&2
      tail -n 5 "$log" >&2
    fi
    read -r rss_kb user_s sys_s < <(tail -n 1 "$work/time.txt" 2>/dev/null || echo "0 0 0") || true
    jm_mb="-"; tm_mb="-"; jm_cpu="-"; tm_cpu="-"
    if [ "$jm" != "-" ]; then
      jm_mb="$(peak_mb "$jm")"; tm_mb="$(peak_mb "$tm")"
      jm_cpu="$(awk -v a="$jm0" -v b="$jm1" -v h="$hz" 'BEGIN {printf "%.1f", (b - a) / h}')"
      tm_cpu="$(awk -v a="$tm0" -v b="$tm1" -v h="$hz" 'BEGIN {printf "%.1f", (b - a) / h}')"
    fi
    line="$(awk -v r="$runner" -v n="$samples" -v s="$start" -v e="$end" -v k="${rss_kb:-0}" \
        -v u="${user_s:-0}" -v y="${sys_s:-0}" -v jc="$jm_cpu" -v tc="$tm_cpu" -v j="$jm_mb" \
        -v t="$tm_mb" -v st="$status" 'BEGIN {w = e - s;
          printf "%s\t%d\t%.1f\t%.0f\t%.1f\t%s\t%s\t%.0f\t%s\t%s\t%s", r, n, w, n / w, u + y, jc, tc,
            k / 1024, j, t, st}')"
    echo "$line" | tee -a "$results" >> "$this_run"
    echo "$line" >&2
    # Byte-identical artifacts across runners (metrics.json holds wall-clock times, so it is left
    # out): the first successful run of a size is the reference.
    if [ "$status" = ok ]; then
      if [ -z "$ref" ]; then
        ref="$out"
      elif ! diff -rq -x metrics.json "$ref" "$out" >&2; then
        echo "flink-bench: ERROR: $out differs from $ref" >&2
        failures=$((failures + 1))
      fi
    fi
  done
  rm -rf "$work"/out-*-"$samples"/strewn_field_points.geojson # the largest file; keep the rest
done
cleanup
total_s=$((SECONDS - bench_start))

# --- report ---------------------------------------------------------------------------------------
python3 - "$this_run" "$work/results.md" "$total_s" "$physics" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
def thousands(v):
    return f"{int(v):,}".replace(",", " ")
names = {"direct": "direct (DirectRunner, 2 threads)", "local": "local (MiniCluster, p2)"}
out = ["| runner | samples | wall s | samples/s | CPU s client / JM / TM | peak RSS MB client / JM / TM |",
       "|---|---:|---:|---:|---:|---:|"]
for r in rows:
    name = names.get(r["runner"], r["runner"].replace("cluster-p", "cluster p"))
    if r["status"] != "ok":
        name += " (FAILED)"
    out.append(f"| {name} | {thousands(r['samples'])} | {r['wall_s']} | {thousands(r['samples_per_s'])} | "
               f"{r['client_cpu_s']} / {r['jm_cpu_s']} / {r['tm_cpu_s']} | "
               f"{r['client_rss_mb']} / {r['jm_rss_mb']} / {r['tm_rss_mb']} |")
scaling = []
for n in sorted({r["samples"] for r in rows}, key=int):
    by = {r["runner"]: r for r in rows if r["samples"] == n and r["status"] == "ok"}
    if "cluster-p1" in by and "cluster-p2" in by:
        w1, w2 = float(by["cluster-p1"]["wall_s"]), float(by["cluster-p2"]["wall_s"])
        scaling.append(f"Scaling {thousands(n)} samples, cluster parallelism 1 -> 2: {w1:.1f} s -> {w2:.1f} s, "
                       f"speed-up {w1 / w2:.2f}x (ideal 2.00x, parallel efficiency {w1 / w2 / 2:.0%}).")
text = "\n".join(out) + "\n\n" + "\n".join(scaling) + ("\n" if scaling else "")
text += f"\nPhysics config: {sys.argv[4]}. Total benchmark time: {int(sys.argv[3]) // 60} min {int(sys.argv[3]) % 60} s.\n"
open(sys.argv[2], "w").write(text)
print(text)
PY
echo "flink-bench: total time ${total_s} s; TSV $this_run (all runs: $results); markdown $work/results.md" >&2
[ "$failures" = 0 ] || { echo "flink-bench: $failures problem(s), see above" >&2; exit 1; }
