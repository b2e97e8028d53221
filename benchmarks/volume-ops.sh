#!/usr/bin/env bash
# volume-ops.sh: the volume control path and volume I/O of engine-lite, side by side with Docker in one run.
#
#   1. median time of volume create + remove through the Engine API (curl --unix-socket; curl's own timings, so
#      process start-up is not counted), over RUNS runs;
#   2. sequential write (dd conv=fsync) and read (O_DIRECT, plain reads on tmpfs) of SIZE_MIB MiB inside a
#      container to a named volume, a bind mount and a tmpfs, next to the same dd on the host.
# When dockerd is installed, a private dockerd (temporary roots, --bridge=none --iptables=false, an image made
# with `docker import`, so no registry is ever asked) runs the same, and the script prints ratios.
#
# usage: benchmarks/volume-ops.sh   env: RUNS=50 SIZE_MIB=512 REPS=5 EL_BENCH_DIR=/var/tmp ENGINES="engine-lite docker"
set -euo pipefail
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../bin/lib/common.sh"

RUNS=${RUNS:-50}
SIZE_MIB=${SIZE_MIB:-512}
REPS=${REPS:-5}
[ "$(id -u)" -eq 0 ] || { echo "volume-ops.sh: run as root (containers, mounts)" >&2; exit 1; }
el_ensure_packages
el_ensure_docker_client
el_build

# On disk, not on a tmpfs, so "volume" and "bind" measure the disk the data-root lives on.
WORK="$(mktemp -d "${EL_BENCH_DIR:-/var/tmp}/el-bench-vol.XXXXXX")"
EL_SOCK="$WORK/el.sock"
DK_SOCK="$WORK/docker.sock"
# engine-lite runs in a network namespace of its own, so its default bridge and EL- chains never touch the host.
EL_NETNS="elvolbench$$"
PIDS=()

cleanup() {
  set +e
  for sock in "$EL_SOCK" "$DK_SOCK"; do
    [ -S "$sock" ] || continue
    docker -H "unix://$sock" ps -aq 2>/dev/null | xargs -r docker -H "unix://$sock" rm -f >/dev/null 2>&1
  done
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null
  done
  awk -v w="$WORK" 'index($2, w) == 1 {print $2}' /proc/self/mounts | sort -r | xargs -r -n1 umount -l 2>/dev/null
  rm -rf "$WORK"
  ip netns del "$EL_NETNS" 2>/dev/null
}
trap cleanup EXIT

wait_socket() {
  for _ in $(seq 300); do
    curl -sf --unix-socket "$1" http://d/_ping >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "volume-ops.sh: daemon on $1 did not come up; log:" >&2
  tail -20 "$2" >&2
  exit 1
}

start_engine_lite() {
  ip netns add "$EL_NETNS"
  ip -n "$EL_NETNS" link set lo up
  nsenter --net="/run/netns/$EL_NETNS" "$EL_ROOT/bin/engine-lite" daemon --data-root "$WORK/el-data" --exec-root "$WORK/el-exec" -H "unix://$EL_SOCK" \
    >"$WORK/el.log" 2>&1 &
  PIDS+=($!)
  wait_socket "$EL_SOCK" "$WORK/el.log"
}

start_dockerd() {
  dockerd --data-root "$WORK/dk-data" --exec-root "$WORK/dk-exec" -H "unix://$DK_SOCK" --pidfile "$WORK/dk.pid" \
    --bridge=none --iptables=false --ip-masq=false --userland-proxy=false >"$WORK/dk.log" 2>&1 &
  PIDS+=($!)
  wait_socket "$DK_SOCK" "$WORK/dk.log"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# Median milliseconds of POST /volumes/create + DELETE /volumes/{name}, both requests timed by curl.
create_rm_ms() {
  local sock="$1" i
  for i in $(seq "$RUNS"); do
    curl -sf -o /dev/null -w '%{time_total}\n' --unix-socket "$sock" -H 'Content-Type: application/json' \
      -X POST -d "{\"Name\":\"bench-$i\"}" http://d/v1.41/volumes/create \
      --next -sf -o /dev/null -w '%{time_total}\n' --unix-socket "$sock" -X DELETE "http://d/v1.41/volumes/bench-$i" \
      | awk '{s += $1} END {printf "%.3f\n", s * 1000}'
  done | median
}

# Median milliseconds of GET /_ping: the floor under every API call of that daemon on this machine right now.
ping_ms() {
  local sock="$1" i
  for i in $(seq "$RUNS"); do
    curl -sf -o /dev/null -w '%{time_total}\n' --unix-socket "$sock" http://d/_ping | awk '{printf "%.3f\n", $1 * 1000}'
  done | median
}

# The same dd script on the host and in containers: prints "write_seconds read_seconds" measured with
# /proc/uptime (10 ms steps; a run takes seconds). READ_FLAGS is iflag=direct except on tmpfs (no O_DIRECT).
DD_SCRIPT='f="$0/dd.bin"; n="$1"; rf="$2"
t0=$(cut -d" " -f1 /proc/uptime); dd if=/dev/zero of="$f" bs=1M count="$n" conv=fsync 2>/dev/null
t1=$(cut -d" " -f1 /proc/uptime); dd if="$f" of=/dev/null bs=1M $rf 2>/dev/null
t2=$(cut -d" " -f1 /proc/uptime); rm -f "$f"; echo "$t0 $t1 $t2" | awk "{print \$2-\$1, \$3-\$2}"'

host_dd() { /bin/busybox sh -c "$DD_SCRIPT" "$1" "$SIZE_MIB" "$2"; }

container_dd() {
  local sock="$1" dir="$2" rf="$3"; shift 3
  docker -H "unix://$sock" run --rm "$@" el-bench-busybox sh -c "$DD_SCRIPT" "$dir" "$SIZE_MIB" "$rf"
}

# MiB/s from the median of a column of seconds.
mibs() { awk -v c="$1" '{print $c}' | median | awk -v s="$SIZE_MIB" '{printf "%.0f", ($1 > 0 ? s / $1 : 0)}'; }

# Host and container runs alternate, REPS times, which one goes first swapping each time, so both see the same
# load and the same after-effects (ext4 discard of the previous file) on a shared machine.
# Prints "container_write container_read host_write host_read" in MiB/s (medians).
paired() {
  local host_dir="$1" rf="$2" sock="$3" dir="$4"; shift 4
  local out="" i h c
  for i in $(seq "$REPS"); do
    if [ $((i % 2)) = 1 ]; then
      h="$(host_dd "$host_dir" "$rf")"; c="$(container_dd "$sock" "$dir" "$rf" "$@")"
    else
      c="$(container_dd "$sock" "$dir" "$rf" "$@")"; h="$(host_dd "$host_dir" "$rf")"
    fi
    out+="$h $c"$'\n'
  done
  out="${out%$'\n'}"
  echo "$(echo "$out" | mibs 3) $(echo "$out" | mibs 4) $(echo "$out" | mibs 1) $(echo "$out" | mibs 2)"
}

run_suite() {
  local name="$1" sock="$2"; shift 2
  local net=("$@")
  docker -H "unix://$sock" import "$WORK/busybox.tar" el-bench-busybox >/dev/null
  mkdir -p "$WORK/$name-bind"
  RESULT_PING["$name"]="$(ping_ms "$sock")"
  RESULT_CREATE_RM["$name"]="$(create_rm_ms "$sock")"
  docker -H "unix://$sock" volume create el-bench-vol >/dev/null
  RESULT_IO["$name/volume"]="$(paired "$WORK/host-disk" iflag=direct "$sock" /data "${net[@]}" \
    -v el-bench-vol:/data)"
  RESULT_IO["$name/bind"]="$(paired "$WORK/host-disk" iflag=direct "$sock" /data "${net[@]}" \
    -v "$WORK/$name-bind:/data")"
  RESULT_IO["$name/tmpfs"]="$(paired "$WORK/host-tmpfs" "" "$sock" /scratch "${net[@]}" \
    --tmpfs "/scratch:size=$((SIZE_MIB + 64))m")"
  docker -H "unix://$sock" volume rm el-bench-vol >/dev/null
}

declare -A RESULT_CREATE_RM RESULT_IO RESULT_PING
"$EL_ROOT/bin/lib/make-busybox-rootfs.sh" "$WORK/busybox.tar" >/dev/null

mkdir -p "$WORK/host-disk" "$WORK/host-tmpfs"
mount -t tmpfs -o "size=$((SIZE_MIB + 64))m" tmpfs "$WORK/host-tmpfs"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"

ENGINES=${ENGINES:-engine-lite docker}
engines=()
if [[ " $ENGINES " == *" engine-lite "* ]]; then
  start_engine_lite
  run_suite engine-lite "$EL_SOCK" --network none
  engines+=(engine-lite)
fi
if [[ " $ENGINES " == *" docker "* ]] && command -v dockerd >/dev/null 2>&1; then
  start_dockerd
  run_suite docker "$DK_SOCK" --network none
  engines+=(docker)
fi

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}'; }
echo
echo "volume create+rm through the API, median of $RUNS (ms; GET /_ping beside it as the API's floor)"
for e in "${engines[@]}"; do
  printf '  %-12s %8s   ping %s\n' "$e" "${RESULT_CREATE_RM[$e]}" "${RESULT_PING[$e]}"
done
if [ ${#engines[@]} = 2 ]; then
  echo "  engine-lite / docker = $(ratio "${RESULT_CREATE_RM[engine-lite]}" "${RESULT_CREATE_RM[docker]}") (target <= 0.33)"
fi
echo
echo "dd of $SIZE_MIB MiB, median of $REPS (MiB/s; host runs alternate with container runs; ratio = container / host)"
printf '  %-20s %9s %9s %9s %9s %7s %7s\n' "" "c-write" "c-read" "h-write" "h-read" "write" "read"
for e in "${engines[@]}"; do
  for kind in volume bind tmpfs; do
    read -r cw cr hw hr <<<"${RESULT_IO[$e/$kind]}"
    printf '  %-20s %9s %9s %9s %9s %7s %7s\n' "$e $kind" "$cw" "$cr" "$hw" "$hr" "$(ratio "$cw" "$hw")" \
      "$(ratio "$cr" "$hr")"
  done
done
echo
echo "load average before: $LOAD_BEFORE  after: $(cut -d' ' -f1-3 /proc/loadavg)  ($(nproc) cores)"
