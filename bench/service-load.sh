#!/usr/bin/env bash
# Load test of the HTTP service (issue 19 §5; docs/reliability.md, "Service under load"): starts
# `darkflight serve` (-Xmx1g, --max-concurrent 2, --timeout-s 30, LOAD_TIMEOUT_S) on a free port, then
# bench/service_load.py opens slow-loris connections, fires runaway requests (answered 504 and
# cancelled) and concurrent valid requests (retried on 429 after Retry-After), probes GET /healthz every 100 ms and
# samples the server's RSS. Prints /healthz latency (max, p99), peak RSS, status counts, and
# whether the cancelled work stopped. A benchmark script, never a unit test.
#
#   bench/service-load.sh                         # 10 slow-loris, 50 valid, 3 runaway
#   LOAD_SLOW=100 LOAD_VALID=50 LOAD_RUNAWAY=3 bench/service-load.sh
#
# Exit status: 0 pass (/healthz always under 1 s, runaway work stopped); 1 a criterion failed;
#              2 the test could not run.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
jar="$root/pipeline/target/darkflight-cli.jar"
out_dir="${BENCH_OUT:-$root/bench/target}"
mkdir -p "$out_dir"
if [ ! -f "$jar" ]; then
  ./mvnw -B -q -o -DskipTests -pl pipeline -am package
fi
command -v python3 >/dev/null || { echo "service-load: python3 is missing" >&2; exit 2; }
log="$out_dir/service-load-server.log"
java -Xmx1g -jar "$jar" serve --host 127.0.0.1 --port 0 --max-concurrent 2 --timeout-s "${LOAD_TIMEOUT_S:-30}" \
  >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true' EXIT
port=""
for _ in $(seq 1 600); do
  port="$(sed -n 's#.*listening on http://[^:]*:\([0-9]*\)/.*#\1#p' "$log" | head -1)"
  [ -n "$port" ] && break
  kill -0 "$pid" 2>/dev/null || { echo "service-load: the server died:" >&2; cat "$log" >&2; exit 2; }
  sleep 0.1
done
[ -n "$port" ] || { echo "service-load: the server did not start" >&2; exit 2; }
echo "service-load: darkflight serve pid $pid on port $port ($(nproc) CPUs, $(java -version 2>&1 | head -1))"
python3 bench/service_load.py --port "$port" --pid "$pid" \
  --slow "${LOAD_SLOW:-10}" --valid "${LOAD_VALID:-50}" --runaway "${LOAD_RUNAWAY:-3}" \
  --json "$out_dir/service-load.json"
