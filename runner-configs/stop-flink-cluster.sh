#!/usr/bin/env bash
# Stops the Flink session cluster started by start-flink-cluster.sh: every process named by a PID
# file in <run dir>/pids, TaskManagers first, with SIGTERM and, after 30 s, SIGKILL. A PID is only
# signalled while its command line still names this run directory, so a recycled PID is never hit.
# Environment: FLINK_CLUSTER_DIR (default runner-configs/flink-cluster/target/run), as for start.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
run_dir="${FLINK_CLUSTER_DIR:-$here/flink-cluster/target/run}"
pids_dir="$run_dir/pids"
if [ ! -d "$pids_dir" ]; then
  echo "stop-flink-cluster: no cluster state in $run_dir; nothing to stop" >&2
  exit 0
fi
run_dir="$(cd "$run_dir" && pwd)"

ours() { # pid: alive and started by start-flink-cluster.sh for this run directory
  local args
  args="$(tr '\0' '\n' < "/proc/$1/cmdline" 2>/dev/null)" || return 1
  grep -qxF -- "-Ddarkflight.flink.run-dir=$run_dir" <<< "$args"
}

stopped=0
shopt -s nullglob
for f in "$pids_dir"/taskmanager-*.pid "$pids_dir"/jobmanager.pid; do
  pid="$(cat "$f")"
  name="$(basename "$f" .pid)"
  if [[ "$pid" =~ ^[0-9]+$ ]] && ours "$pid"; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 300); do ours "$pid" || break; sleep 0.1; done
    if ours "$pid"; then
      echo "stop-flink-cluster: $name (pid $pid) ignored SIGTERM for 30 s; killing it" >&2
      kill -KILL "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do ours "$pid" || break; sleep 0.1; done
    fi
    echo "stop-flink-cluster: stopped $name (pid $pid)" >&2
    stopped=$((stopped + 1))
  fi
  rm -f "$f"
done
echo "stop-flink-cluster: $stopped process(es) stopped" >&2
