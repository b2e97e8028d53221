#!/usr/bin/env bash
# engine-lifecycle.sh [RUNS]: container lifecycle through the API, engine-lite side by side with dockerd.
#
# For each of RUNS (default 20) containers of the same busybox rootfs: the time from the create call until start
# has returned (the process runs: both engines answer start only then), and from the remove call (force) until
# it has returned (the container is gone). Calls go over each engine's unix socket with curl, so no CLI start-up
# counts. dockerd is started privately (temporary data-root, exec-root, socket and pidfile, --bridge=none,
# --iptables=false) and gets the image by `docker import` of the same tarball, so no registry is contacted.
# Both daemons run in network namespaces of their own. Prints medians and the engine-lite/docker ratios.
set -euo pipefail
source "$(dirname "$(readlink -f "$0")")/lib.sh"
RUNS="${1:-20}"
el_bench_prepare engine-lifecycle

WORK="$(mktemp -d /tmp/el-bench-lifecycle.XXXXXX)"
EL_PID=""; DOCKERD_PID=""
cleanup() {
  set +e
  [ -n "$EL_PID" ] && { curl -s --unix-socket "$WORK/el/engine.sock" "http://d/containers/json?all=1" \
    | python3 -c 'import json,sys; [print(c["Id"]) for c in json.load(sys.stdin)]' 2>/dev/null \
    | while read -r id; do curl -s -X DELETE --unix-socket "$WORK/el/engine.sock" "http://d/containers/$id?force=1"; done
    kill "$EL_PID"; wait "$EL_PID"; } 2>/dev/null
  [ -n "$DOCKERD_PID" ] && { DOCKER_HOST="unix://$WORK/docker/docker.sock" docker rm -f $(DOCKER_HOST="unix://$WORK/docker/docker.sock" docker ps -aq) >/dev/null 2>&1
    kill "$DOCKERD_PID"; wait "$DOCKERD_PID"; } 2>/dev/null
  grep -o " $WORK[^ ]*" /proc/mounts | sort -r | while read -r m; do umount -l "$m"; done
  rm -rf "$WORK"
}
trap cleanup EXIT

bash "$EL_ROOT/bin/lib/make-busybox-rootfs.sh" "$WORK/busybox.tar"


# measure NAME SOCKET: prints "create_ms rm_ms" lines, one per run.
measure() {
  local sock="$1" i id t0 t1 t2 t3
  local api="http://d/v1.41"
  for i in $(seq 1 "$RUNS"); do
    t0=$(now_ms)
    id=$(curl -sf --unix-socket "$sock" -H 'Content-Type: application/json' \
      -d '{"Image":"bench-busybox:1","Cmd":["sleep","300"],"HostConfig":{"NetworkMode":"none"}}' \
      "$api/containers/create" | sed -E 's/.*"Id":"([0-9a-f]+)".*/\1/')
    curl -sf -X POST --unix-socket "$sock" "$api/containers/$id/start" >/dev/null
    t1=$(now_ms)
    t2=$(now_ms)
    curl -sf -X DELETE --unix-socket "$sock" "$api/containers/$id?force=1" >/dev/null
    t3=$(now_ms)
    echo "$((t1 - t0)) $((t3 - t2))"
  done
}

report() { # NAME FILE
  local c r
  c=$(awk '{print $1}' "$2" | median); r=$(awk '{print $2}' "$2" | median)
  printf '%-12s create->running median %4d ms   rm->gone median %4d ms   (%d runs)\n' "$1" "$c" "$r" "$RUNS" >&2
  echo "$c $r"
}

# engine-lite
mkdir -p "$WORK/el"
CP="$(el_daemon_classpath)"
unshare --net -- java "${EL_DAEMON_JVM[@]}" -cp "$CP" org.enginelite.engine.EngineDaemon --data-root "$WORK/el/data" \
  --exec-root "$WORK/el/exec" -H "unix://$WORK/el/engine.sock" >"$WORK/el/daemon.log" 2>&1 &
EL_PID=$!
el_wait_ping "$WORK/el/engine.sock"
curl -sf --unix-socket "$WORK/el/engine.sock" -X POST -H 'Content-Type: application/x-tar' \
  --data-binary @"$WORK/busybox.tar" "http://d/v1.41/images/create?fromSrc=-&repo=bench-busybox&tag=1" >/dev/null
measure "$WORK/el/engine.sock" > /dev/null   # warm-up round: JIT and page cache, as dockerd's are warm too
measure "$WORK/el/engine.sock" > "$WORK/el.times"
read -r EL_C EL_R < <(report engine-lite "$WORK/el.times")

if ! command -v dockerd >/dev/null 2>&1; then
  echo "dockerd not installed: no side-by-side figures" >&2
  exit 0
fi
mkdir -p "$WORK/docker"
# shellcheck disable=SC2046
unshare --net -- dockerd $(el_dockerd_args "$WORK/docker" "$WORK/docker/docker.sock") >"$WORK/docker/dockerd.log" 2>&1 &
DOCKERD_PID=$!
el_wait_ping "$WORK/docker/docker.sock"
DOCKER_HOST="unix://$WORK/docker/docker.sock" docker import "$WORK/busybox.tar" bench-busybox:1 >/dev/null
measure "$WORK/docker/docker.sock" > /dev/null
measure "$WORK/docker/docker.sock" > "$WORK/docker.times"
read -r D_C D_R < <(report dockerd "$WORK/docker.times")
awk -v a="$EL_C" -v b="$D_C" -v c="$EL_R" -v d="$D_R" 'BEGIN {
  printf "ratio engine-lite/docker: create->running %.2f, rm->gone %.2f (target <= 0.50)\n", a / b, c / d }'
