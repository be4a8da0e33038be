#!/usr/bin/env bash
# Starts a standalone Apache Flink 1.19 session cluster (one JobManager + one TaskManager, as two
# JVMs) from the Maven Central jars pinned by runner-configs/flink-cluster/pom.xml; no Flink
# distribution tarball is needed. It does what Flink's bin/start-cluster.sh does: memory flags
# from BashJavaUtils, Java 17 module flags, PID files, then it waits until the REST API reports
# the TaskManager registered.
#
# Usage:
#   runner-configs/start-flink-cluster.sh                    start JobManager + TaskManager
#   runner-configs/start-flink-cluster.sh --taskmanager-only add a TaskManager to the running
#                                                            cluster (e.g. after one died)
# Environment (all optional):
#   FLINK_CLUSTER_DIR    run directory: conf/, log/, pids/, tmp/ (default
#                        runner-configs/flink-cluster/target/run)
#   FLINK_REST_PORT      REST/web port, the --flinkMaster port (default 8081)
#   FLINK_RPC_PORT       JobManager RPC port (default 6123)
#   FLINK_SLOTS          task slots per TaskManager (default 2)
#   FLINK_START_TIMEOUT  seconds to wait for the cluster to come up (default 180)
#   FLINK_JM_JAVA_OPTS   extra JVM flags of the JobManager, e.g. -Xlog:class+load (default none)
#   FLINK_TM_JAVA_OPTS   extra JVM flags of the TaskManager(s), e.g. JFR (default none)
#   JAVA_HOME            Java 17 to use (default: java on PATH)
# Exit status: 0 when the cluster is up; 1 with a message naming the problem otherwise.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
module="$here/flink-cluster"
run_dir="${FLINK_CLUSTER_DIR:-$module/target/run}"
rest_port="${FLINK_REST_PORT:-8081}"
rpc_port="${FLINK_RPC_PORT:-6123}"
slots="${FLINK_SLOTS:-2}"
timeout_s="${FLINK_START_TIMEOUT:-180}"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"

die() { echo "start-flink-cluster: $*" >&2; exit 1; }

mode=cluster
case "${1:-}" in
  "") ;;
  --taskmanager-only) mode=taskmanager ;;
  -h|--help) sed -n '2,23p' "$0"; exit 0 ;;
  *) die "unknown argument '$1' (expected nothing or --taskmanager-only)" ;;
esac
for v in rest_port rpc_port slots timeout_s; do
  [[ "${!v}" =~ ^[0-9]+$ ]] || die "$v must be a number, got '${!v}'"
done
command -v "$java_bin" >/dev/null || die "no java found (set JAVA_HOME)"
command -v curl >/dev/null || die "curl is needed for the health check"
mkdir -p "$run_dir"
run_dir="$(cd "$run_dir" && pwd)"

# Flink's default env.java.opts.all for Java 17 (flink-dist config.yaml of 1.19): Kryo and the
# RPC system reflect into these JDK packages.
java17_opts=(
  --add-exports=java.base/sun.net.util=ALL-UNNAMED
  --add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED
  --add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED
  --add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED
  --add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED
  --add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED
  --add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED
  --add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED
  --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.text=ALL-UNNAMED
  --add-opens=java.base/java.time=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED
)

# --- classpath: resolved by Maven from the pinned module ----------------------------------------
cp_file="$module/target/flink-cluster.classpath"
if [ ! -s "$cp_file" ] || [ "$module/pom.xml" -nt "$cp_file" ] || [ "$root/pom.xml" -nt "$cp_file" ]; then
  echo "start-flink-cluster: resolving the Flink classpath with Maven..." >&2
  (cd "$root" && { ./mvnw -B -q -o -pl runner-configs/flink-cluster package >/dev/null 2>&1 \
      || ./mvnw -B -q -pl runner-configs/flink-cluster package >&2; }) \
    || die "could not resolve the Flink jars (./mvnw -pl runner-configs/flink-cluster package failed)"
  # build-classpath leaves an unchanged file alone; mark it fresh so the next start skips Maven.
  touch "$cp_file"
fi
classpath="$(cat "$cp_file")"
IFS=: read -r -a jars <<< "$classpath"
for j in "${jars[@]}"; do
  [ -f "$j" ] || die "missing jar $j; rebuild with ./mvnw -pl runner-configs/flink-cluster package"
done

pid_alive() { [ -n "$1" ] && kill -0 "$1" 2>/dev/null; }
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Runs BashJavaUtils like Flink's config.sh: two result lines, JVM flags then dynamic -D options.
resource_params() {
  local out
  out="$("$java_bin" -Dlog4j.configurationFile="file:$run_dir/conf/log4j-console.properties" \
      -classpath "$classpath" org.apache.flink.runtime.util.bash.BashJavaUtils "$1" \
      --configDir "$run_dir/conf" 2>"$run_dir/log/bash-java-utils.err")" \
    || die "BashJavaUtils $1 failed: $(tail -n 5 "$run_dir/log/bash-java-utils.err")"
  out="$(grep '^BASH_JAVA_UTILS_EXEC_RESULT:' <<< "$out" | sed 's/^BASH_JAVA_UTILS_EXEC_RESULT://')"
  [ "$(wc -l <<< "$out")" -ge 2 ] || die "BashJavaUtils $1 returned no memory settings (see $run_dir/log)"
  echo "$out" | tail -n 2
}

launch() { # name main-class resource-cmd extra-jvm-flags extra-args...
  local name="$1" main="$2" cmd="$3" extra_jvm="$4"; shift 4
  local params jvm_flags dyn_flags
  params="$(resource_params "$cmd")"
  jvm_flags="$(sed -n 1p <<< "$params")"
  dyn_flags="$(sed -n 2p <<< "$params")"
  # The processes run in the run directory (relative paths resolve there, not where the script
  # was called); FLINK_PLUGINS_DIR is an empty directory so Flink does not look for ./plugins.
  # shellcheck disable=SC2086 # the flag strings are space-separated lists, as in Flink's scripts
  (cd "$run_dir" && FLINK_PLUGINS_DIR="$run_dir/plugins" exec nohup "$java_bin" $jvm_flags "${java17_opts[@]}" $extra_jvm \
      -Ddarkflight.flink.run-dir="$run_dir" \
      -Dlog.file="$run_dir/log/$name.log" \
      -Dlog4j.configurationFile="file:$run_dir/conf/log4j.properties" \
      -classpath "$classpath" "$main" --configDir "$run_dir/conf" $dyn_flags "$@" \
      ) > "$run_dir/log/$name.out" 2>&1 < /dev/null &
  echo $! > "$run_dir/pids/$name.pid"
  echo "start-flink-cluster: started $name (pid $!)" >&2
}

rest_get() { curl -sf --max-time 3 "http://localhost:$rest_port$1"; }

if [ "$mode" = cluster ]; then
  if [ -f "$run_dir/pids/jobmanager.pid" ] && pid_alive "$(cat "$run_dir/pids/jobmanager.pid")"; then
    die "a cluster is already running from $run_dir (JobManager pid $(cat "$run_dir/pids/jobmanager.pid")); stop it with runner-configs/stop-flink-cluster.sh"
  fi
  port_busy "$rest_port" && die "port $rest_port (REST) is already in use by another process (see: ss -ltnp 'sport = :$rest_port'); choose another with FLINK_REST_PORT"
  port_busy "$rpc_port" && die "port $rpc_port (JobManager RPC) is already in use by another process (see: ss -ltnp 'sport = :$rpc_port'); choose another with FLINK_RPC_PORT"
  rm -rf "$run_dir/pids" "$run_dir/conf"
  mkdir -p "$run_dir/conf" "$run_dir/log" "$run_dir/plugins" "$run_dir/pids" "$run_dir/tmp" "$run_dir/web"
  sed -e "s|^rest.port:.*|rest.port: $rest_port|" \
      -e "s|^jobmanager.rpc.port:.*|jobmanager.rpc.port: $rpc_port|" \
      -e "s|^taskmanager.numberOfTaskSlots:.*|taskmanager.numberOfTaskSlots: $slots|" \
      -e "s|^io.tmp.dirs:.*|io.tmp.dirs: $run_dir/tmp|" \
      -e "s|^web.tmpdir:.*|web.tmpdir: $run_dir/web|" \
      "$module/config.yaml" > "$run_dir/conf/config.yaml"
  cp "$module/log4j.properties" "$module/log4j-console.properties" "$run_dir/conf/"
  launch jobmanager org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint \
      GET_JM_RESOURCE_PARAMS "${FLINK_JM_JAVA_OPTS:-}" --executionMode cluster
else
  [ -f "$run_dir/pids/jobmanager.pid" ] && pid_alive "$(cat "$run_dir/pids/jobmanager.pid")" \
    || die "no running cluster in $run_dir to add a TaskManager to; start one first"
  rest_port="$(sed -n 's/^rest.port: *//p' "$run_dir/conf/config.yaml")"
fi

# TaskManagers are numbered; the number is also the resource id the health check looks for.
n=1
while [ -e "$run_dir/pids/taskmanager-$n.pid" ]; do n=$((n + 1)); done
tm_id="taskmanager-$n"
launch "$tm_id" org.apache.flink.runtime.taskexecutor.TaskManagerRunner GET_TM_RESOURCE_PARAMS \
    "${FLINK_TM_JAVA_OPTS:-}" \
    -D "taskmanager.resource-id=$tm_id"

# --- health wait: the REST API answers /overview and lists our TaskManager ----------------------
deadline=$((SECONDS + timeout_s))
while :; do
  for p in "$run_dir"/pids/jobmanager.pid "$run_dir/pids/$tm_id.pid"; do
    pid="$(cat "$p")"
    if ! pid_alive "$pid"; then
      name="$(basename "$p" .pid)"
      echo "start-flink-cluster: $name (pid $pid) exited during startup; last lines of $run_dir/log/$name.out and .log:" >&2
      tail -n 20 "$run_dir/log/$name.out" "$run_dir/log/$name.log" >&2 2>/dev/null || true
      rm -f "$p"
      "$here/stop-flink-cluster.sh" >/dev/null 2>&1 || true
      exit 1
    fi
  done
  if overview="$(rest_get /overview)" && tms="$(rest_get /taskmanagers)" \
      && grep -qF "\"id\":\"$tm_id\"" <<< "$tms"; then
    break
  fi
  if [ "$SECONDS" -ge "$deadline" ]; then
    echo "start-flink-cluster: cluster not up after ${timeout_s}s (REST http://localhost:$rest_port/overview); logs in $run_dir/log" >&2
    [ "$mode" = cluster ] && "$here/stop-flink-cluster.sh" >/dev/null 2>&1
    exit 1
  fi
  sleep 1
done
echo "start-flink-cluster: up in ${SECONDS}s: $overview" >&2
echo "Flink session cluster at localhost:$rest_port (web UI http://localhost:$rest_port)."
echo "Submit with: darkflight run --runner=FlinkRunner --flinkMaster=localhost:$rest_port ..."
