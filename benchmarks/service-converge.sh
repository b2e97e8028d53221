#!/usr/bin/env bash
# service-converge.sh [RUNS]: swarm services through the API, engine-lite side by side with dockerd.
#
# Each engine runs in a network namespace of its own, on temporary roots, with the same busybox rootfs imported
# locally (no registry is contacted). After `swarm init`, for each of RUNS (default 3) rounds: the time from
# POST /services/create of 5 replicas (busybox sleep) until GET /services?status=true reports 5 running tasks,
# from the update to 10 replicas until 10 run, and from DELETE /services/{id} until no task container is left.
# Calls go over each engine's unix socket with curl (no CLI start-up counts); polling every 20 ms. Prints
# medians and the engine-lite/docker ratios.
set -euo pipefail
source "$(dirname "$(readlink -f "$0")")/lib.sh"
RUNS="${1:-3}"
el_bench_prepare service-converge

WORK="$(mktemp -d /tmp/el-bench-services.XXXXXX)"
EL_PID=""; DOCKERD_PID=""
cleanup() {
  set +e
  for pair in "el:$EL_PID" "docker:$DOCKERD_PID"; do
    name="${pair%%:*}"; pid="${pair#*:}"
    [ -n "$pid" ] || continue
    sock="$WORK/$name/engine.sock"
    curl -s -X POST --unix-socket "$sock" "http://d/v1.41/swarm/leave?force=1" >/dev/null
    curl -s --unix-socket "$sock" "http://d/v1.41/containers/json?all=1" \
      | grep -o '"Id":"[0-9a-f]*"' | cut -d'"' -f4 \
      | while read -r id; do curl -s -X DELETE --unix-socket "$sock" "http://d/v1.41/containers/$id?force=1"; done
    kill "$pid"; wait "$pid"
  done 2>/dev/null
  grep -o " $WORK[^ ]*" /proc/mounts | sort -r | while read -r m; do umount -l "$m"; done
  rm -rf "$WORK"
}
trap cleanup EXIT

bash "$EL_ROOT/bin/lib/make-busybox-rootfs.sh" "$WORK/busybox.tar" >/dev/null

api() { local sock="$1"; shift; curl -sf --unix-socket "$sock" -H 'Content-Type: application/json' "$@"; }

running() {  # running SOCK: RunningTasks of the one service
  api "$1" "http://d/v1.41/services?status=true" | grep -o '"RunningTasks":[0-9]*' | head -1 | cut -d: -f2
}

wait_running() {  # wait_running SOCK N
  for _ in $(seq 1 3000); do
    [ "$(running "$1")" = "$2" ] && return 0
    sleep 0.02
  done
  echo "service-converge: $2 tasks never ran" >&2; return 1
}

spec() {  # spec NAME REPLICAS
  printf '{"Name":"%s","TaskTemplate":{"ContainerSpec":{"Image":"bench-busybox:1","Args":["sleep","600"]},' "$1"
  printf '"RestartPolicy":{"Condition":"any"}},"Mode":{"Replicated":{"Replicas":%s}}}' "$2"
}

# measure SOCK: prints "create_ms scale_ms rm_ms" lines, one per run.
measure() {
  local sock="$1" i id t0 t1 t2 t3 t4 t5 version
  for i in $(seq 1 "$RUNS"); do
    t0=$(now_ms)
    id=$(api "$sock" -d "$(spec bench$i 5)" "http://d/v1.41/services/create" | grep -o '"ID":"[0-9a-z]*"' | cut -d'"' -f4)
    wait_running "$sock" 5
    t1=$(now_ms)
    version=$(api "$sock" "http://d/v1.41/services/$id" | grep -o '"Index":[0-9]*' | head -1 | cut -d: -f2)
    t2=$(now_ms)
    api "$sock" -d "$(spec bench$i 10)" "http://d/v1.41/services/$id/update?version=$version" >/dev/null
    wait_running "$sock" 10
    t3=$(now_ms)
    t4=$(now_ms)
    api "$sock" -X DELETE "http://d/v1.41/services/$id" >/dev/null
    for _ in $(seq 1 3000); do
      [ "$(api "$sock" "http://d/v1.41/containers/json?all=1" | grep -c '"Id"')" = 0 ] && break
      sleep 0.02
    done
    t5=$(now_ms)
    echo "$((t1 - t0)) $((t3 - t2)) $((t5 - t4))"
  done
}

report() { # NAME FILE
  local c s r
  c=$(awk '{print $1}' "$2" | median); s=$(awk '{print $2}' "$2" | median); r=$(awk '{print $3}' "$2" | median)
  printf '%-12s create->5/5 %5d ms   scale 5->10 %5d ms   rm->no containers %5d ms   (median of %d)\n' \
    "$1" "$c" "$s" "$r" "$RUNS" >&2
  echo "$c $s $r"
}

start_engine() {  # start_engine NAME COMMAND...: in a new netns with loopback up, waits for /_ping
  local name="$1"; shift
  mkdir -p "$WORK/$name"
  unshare --net -- sh -c 'ip link set lo up; exec "$@"' sh "$@" >"$WORK/$name/daemon.log" 2>&1 &
  echo $!
}

CP="$(el_daemon_classpath)"
EL_PID=$(start_engine el java "${EL_DAEMON_JVM[@]}" -cp "$CP" org.enginelite.engine.EngineDaemon \
  --data-root "$WORK/el/data" --exec-root "$WORK/el/exec" -H "unix://$WORK/el/engine.sock")
el_wait_ping "$WORK/el/engine.sock"
curl -sf --unix-socket "$WORK/el/engine.sock" -X POST -H 'Content-Type: application/x-tar' \
  --data-binary @"$WORK/busybox.tar" "http://d/v1.41/images/create?fromSrc=-&repo=bench-busybox&tag=1" >/dev/null
api "$WORK/el/engine.sock" -d '{"ListenAddr":"0.0.0.0:2377","AdvertiseAddr":"127.0.0.1"}' \
  "http://d/v1.41/swarm/init" >/dev/null
measure "$WORK/el/engine.sock" > "$WORK/el.times"
read -r EL_C EL_S EL_R < <(report engine-lite "$WORK/el.times")

if ! command -v dockerd >/dev/null 2>&1; then
  echo "dockerd not installed: no side-by-side figures" >&2
  exit 0
fi
# shellcheck disable=SC2046
DOCKERD_PID=$(start_engine docker dockerd $(el_dockerd_args "$WORK/docker" "$WORK/docker/engine.sock"))
el_wait_ping "$WORK/docker/engine.sock"
DOCKER_HOST="unix://$WORK/docker/engine.sock" docker import "$WORK/busybox.tar" bench-busybox:1 >/dev/null
api "$WORK/docker/engine.sock" -d '{"ListenAddr":"127.0.0.1:2377","AdvertiseAddr":"127.0.0.1"}' \
  "http://d/v1.41/swarm/init" >/dev/null
measure "$WORK/docker/engine.sock" > "$WORK/docker.times"
read -r D_C D_S D_R < <(report dockerd "$WORK/docker.times")
awk -v a="$EL_C" -v b="$D_C" -v c="$EL_S" -v d="$D_S" -v e="$EL_R" -v f="$D_R" 'BEGIN {
  printf "ratio engine-lite/docker: create->5/5 %.2f, scale 5->10 %.2f, rm %.2f\n", a / b, c / d, e / f }'
