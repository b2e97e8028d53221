#!/usr/bin/env bash
# volume-ops.sh: the volume control path and volume I/O of engine-lite, side by side with Docker in one run.
#
#   1. median time of volume create + remove through the Engine API, over RUNS runs, in two forms:
#      "curl per request": each request is one curl process on a new connection, as a script would call the API;
#        the time is curl's own time_total (connect to last byte), so curl's process start-up is not counted;
#      "keep-alive": one curl process sends all requests on one connection, back to back: server time plus the
#        socket round trip, nothing else;
#      beside each, GET /_ping timed the same way: the transport's floor on that daemon (engine-lite answers it
#        on the socket's I/O thread; a request that touches disk or the state store also pays a hand-off to a
#        worker thread and back).
#      Both daemons run at once and the runs alternate between them, so both see the same machine load; before
#      measuring, each daemon serves the same uncounted warm-up: WARMUP create+rm pairs on one kept-alive
#      connection, then WARMUP_CONN create+rm pairs and WARMUP_CONN pings with one connection per request (a daemon
#      runs for days: this is its steady state). For engine-lite's JVM steady state means compiled code, and its
#      JIT compiler still spends more CPU than the requests themselves until a few thousand requests have gone
#      through each path (a new connection runs code a kept-alive one does not); the daemon's CPU per pair during
#      the kept-alive warm-up is printed too, so what the warm-up costs stays visible;
#   2. sequential write (dd conv=fsync) and read (O_DIRECT, plain reads on tmpfs) of SIZE_MIB MiB inside a
#      container to a named volume, a bind mount and a tmpfs, next to the same dd on the host; host and container
#      runs alternate, REPS times each, with the page cache dropped before every run; medians and min-max, and
#      the median of each back-to-back pair's own container/host ratio.
# When dockerd is installed, a private dockerd (temporary roots, --bridge=none --iptables=false, an image made
# with `docker import`, so no registry is ever asked) runs the same, and the script prints ratios.
#
# usage: benchmarks/volume-ops.sh
#   env: RUNS=50 WARMUP=3000 WARMUP_CONN=300 SIZE_MIB=512 REPS=9 EL_BENCH_DIR=/var/tmp ENGINES="engine-lite docker"
set -euo pipefail
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../bin/lib/common.sh"

RUNS=${RUNS:-50}
WARMUP=${WARMUP:-3000}
WARMUP_CONN=${WARMUP_CONN:-300}
SIZE_MIB=${SIZE_MIB:-512}
REPS=${REPS:-9}
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
  DPID[engine-lite]=$!
  wait_socket "$EL_SOCK" "$WORK/el.log"
}

start_dockerd() {
  dockerd --data-root "$WORK/dk-data" --exec-root "$WORK/dk-exec" -H "unix://$DK_SOCK" --pidfile "$WORK/dk.pid" \
    --bridge=none --iptables=false --ip-masq=false --userland-proxy=false >"$WORK/dk.log" 2>&1 &
  PIDS+=($!)
  DPID[docker]=$!
  wait_socket "$DK_SOCK" "$WORK/dk.log"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# One create+rm pair per curl process and request: prints the pair's milliseconds (both time_total summed).
create_rm_once() {
  local sock="$1" name="$2"
  curl -sf -o /dev/null -w '%{time_total}\n' --unix-socket "$sock" -H 'Content-Type: application/json' \
    -X POST -d "{\"Name\":\"$name\"}" http://d/v1.41/volumes/create
  curl -sf -o /dev/null -w '%{time_total}\n' --unix-socket "$sock" -X DELETE "http://d/v1.41/volumes/$name"
}

ping_once() { curl -sf -o /dev/null -w '%{time_total}\n' --unix-socket "$1" http://d/_ping; }

# COUNT create+rm pairs from one curl process on one kept-alive connection: prints one pair sum (ms) per line.
create_rm_keepalive() {
  local sock="$1" prefix="$2" count="$3" i args=()
  for i in $(seq "$count"); do
    [ "$i" = 1 ] || args+=(--next)
    args+=(-sf -o /dev/null -w '%{time_total}\n' --unix-socket "$sock" -H 'Content-Type: application/json'
      -X POST -d "{\"Name\":\"$prefix-$i\"}" http://d/v1.41/volumes/create
      --next -sf -o /dev/null -w '%{time_total}\n' --unix-socket "$sock" -X DELETE "http://d/v1.41/volumes/$prefix-$i")
  done
  curl "${args[@]}" | paste -d' ' - - | awk '{printf "%.3f\n", ($1 + $2) * 1000}'
}

# COUNT pings on one kept-alive connection: prints milliseconds per line.
ping_keepalive() {
  local sock="$1" count="$2" i args=()
  for i in $(seq "$count"); do
    [ "$i" = 1 ] || args+=(--next)
    args+=(-sf -o /dev/null -w '%{time_total}\n' --unix-socket "$sock" http://d/_ping)
  done
  curl "${args[@]}" | awk '{printf "%.3f\n", $1 * 1000}'
}

# CPU time (user + system, all threads) the daemon process has used so far, in clock ticks.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

ms_sum() { awk '{s += $1} END {printf "%.3f\n", s * 1000}'; }

# The same uncounted warm-up for one daemon: WARMUP kept-alive pairs (in blocks of 500, bounding curl's command
# line), whose CPU per pair goes to RESULT_API["<engine>/warm_cpu"], then WARMUP_CONN pairs and pings each on a
# connection of its own.
warm_up() {
  local e="$1" sent=0 n t0 i
  t0="$(cpu_ticks "${DPID[$e]}")"
  while [ "$sent" -lt "$WARMUP" ]; do
    n=$(( WARMUP - sent < 500 ? WARMUP - sent : 500 ))
    create_rm_keepalive "${SOCK[$e]}" "warm-$sent" "$n" >/dev/null
    sent=$(( sent + n ))
  done
  RESULT_API[$e/warm_cpu]="$(awk -v t="$(( $(cpu_ticks "${DPID[$e]}") - t0 ))" -v hz="$(getconf CLK_TCK)" \
    -v n="$WARMUP" 'BEGIN {printf "%.2f", (n > 0 ? t * 1000 / hz / n : 0)}')"
  for i in $(seq "$WARMUP_CONN"); do
    create_rm_once "${SOCK[$e]}" "warm-conn-$i" >/dev/null
    ping_once "${SOCK[$e]}" >/dev/null
  done
}

# Runs every API measurement for all engines, alternating engines run by run (keep-alive: in blocks of 10).
# Fills RESULT_API["<engine>/<measure>"] with medians in ms.
measure_api() {
  local e i b t0
  local -A samples=() ticks=()
  for e in "${engines[@]}"; do
    warm_up "$e"
  done
  for i in $(seq "$RUNS"); do
    for e in "${engines[@]}"; do
      samples[$e/ping]+="$(ping_once "${SOCK[$e]}" | ms_sum)"$'\n'
      samples[$e/create_rm]+="$(create_rm_once "${SOCK[$e]}" "bench-$i" | ms_sum)"$'\n'
    done
  done
  for b in $(seq $(( (RUNS + 9) / 10 ))); do
    for e in "${engines[@]}"; do
      samples[$e/ping_ka]+="$(ping_keepalive "${SOCK[$e]}" 10)"$'\n'
      t0="$(cpu_ticks "${DPID[$e]}")"
      samples[$e/create_rm_ka]+="$(create_rm_keepalive "${SOCK[$e]}" "ka-$b" 10)"$'\n'
      ticks[$e]=$(( ${ticks[$e]:-0} + $(cpu_ticks "${DPID[$e]}") - t0 ))
    done
  done
  for e in "${engines[@]}"; do
    for m in ping create_rm ping_ka create_rm_ka; do
      RESULT_API[$e/$m]="$(printf '%s' "${samples[$e/$m]}" | grep -v '^$' | median)"
    done
    RESULT_API[$e/cpu]="$(awk -v t="${ticks[$e]}" -v hz="$(getconf CLK_TCK)" -v n="$(( (RUNS + 9) / 10 * 10 ))" \
      'BEGIN {printf "%.2f", t * 1000 / hz / n}')"
  done
}

# The same dd script on the host and in containers: prints "write_seconds read_seconds" measured with
# /proc/uptime (10 ms steps; a run takes seconds). READ_FLAGS is iflag=direct except on tmpfs (no O_DIRECT).
DD_SCRIPT='f="$0/dd.bin"; n="$1"; rf="$2"
t0=$(cut -d" " -f1 /proc/uptime); dd if=/dev/zero of="$f" bs=1M count="$n" conv=fsync 2>/dev/null
t1=$(cut -d" " -f1 /proc/uptime); dd if="$f" of=/dev/null bs=1M $rf 2>/dev/null
t2=$(cut -d" " -f1 /proc/uptime); rm -f "$f"; echo "$t0 $t1 $t2" | awk "{print \$2-\$1, \$3-\$2}"'

# Every dd run starts from the same state: other dirty pages written back, page cache empty.
drop_caches() { sync; echo 3 >/proc/sys/vm/drop_caches; }

host_dd() { drop_caches; /bin/busybox sh -c "$DD_SCRIPT" "$1" "$SIZE_MIB" "$2"; }

container_dd() {
  local sock="$1" dir="$2" rf="$3"; shift 3
  drop_caches
  docker -H "unix://$sock" run --rm "$@" el-bench-busybox sh -c "$DD_SCRIPT" "$dir" "$SIZE_MIB" "$rf"
}

# MiB/s from the median of a column of seconds.
mibs() { awk -v c="$1" '{print $c}' | median | awk -v s="$SIZE_MIB" '{printf "%.0f", ($1 > 0 ? s / $1 : 0)}'; }

# "min-max" MiB/s of a column of seconds: the spread behind the median.
spread() {
  awk -v c="$1" -v s="$SIZE_MIB" '$c > 0 {r = s / $c; if (n++ == 0 || r < lo) lo = r; if (r > hi) hi = r}
    END {printf "%.0f-%.0f", lo, hi}'
}

# Host and container runs alternate, REPS times, which one goes first swapping each time, so both see the same
# load and the same after-effects (ext4 discard of the previous file) on a shared machine.
# Prints "container_write container_read host_write host_read" in MiB/s (medians), then the same four spreads.
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
  echo "$(echo "$out" | mibs 3) $(echo "$out" | mibs 4) $(echo "$out" | mibs 1) $(echo "$out" | mibs 2)" \
    "$(echo "$out" | spread 3) $(echo "$out" | spread 4) $(echo "$out" | spread 1) $(echo "$out" | spread 2)" \
    "$(echo "$out" | pair_ratios 1 3) $(echo "$out" | pair_ratios 2 4)"
}

# Container / host throughput of each back-to-back pair (host seconds in column H, container seconds in C):
# prints "median min-max" of those ratios. A pair shares the machine's state of the moment, so its ratio is
# steadier than a ratio of two medians taken over different moments.
pair_ratios() {
  local r
  r="$(awk -v h="$1" -v c="$2" '$h > 0 && $c > 0 {printf "%.4f\n", $h / $c}')"
  printf '%s %s\n' "$(echo "$r" | median | awk '{printf "%.3f", $1}')" \
    "$(echo "$r" | sort -n | awk 'NR == 1 {lo = $1} {hi = $1} END {printf "%.2f-%.2f", lo, hi}')"
}

# What a container's /data is and whether its block I/O is throttled: a volume is a bind mount of a directory
# on the host's disk, so "ext4 /dev/vda" (or whatever the host directory is on) and no throttle are expected.
ENV_SCRIPT='m="$(grep " /data " /proc/self/mountinfo | sed "s/.* - //" | cut -d" " -f1,2)"
t="$(cat /sys/fs/cgroup/blkio/blkio.throttle.*_bps_device /sys/fs/cgroup/io.max 2>/dev/null | tr "\n" " ")"
echo "$m, blkio throttle: ${t:-none}"'

run_io_suite() {
  local name="$1" sock="$2"; shift 2
  local net=("$@")
  mkdir -p "$WORK/$name-bind"
  docker -H "unix://$sock" volume create el-bench-vol >/dev/null
  RESULT_ENV["$name"]="$(docker -H "unix://$sock" run --rm "${net[@]}" -v el-bench-vol:/data el-bench-busybox \
    sh -c "$ENV_SCRIPT")"
  RESULT_IO["$name/volume"]="$(paired "$WORK/host-disk" iflag=direct "$sock" /data "${net[@]}" \
    -v el-bench-vol:/data)"
  RESULT_IO["$name/bind"]="$(paired "$WORK/host-disk" iflag=direct "$sock" /data "${net[@]}" \
    -v "$WORK/$name-bind:/data")"
  RESULT_IO["$name/tmpfs"]="$(paired "$WORK/host-tmpfs" "" "$sock" /scratch "${net[@]}" \
    --tmpfs "/scratch:size=$((SIZE_MIB + 64))m")"
  docker -H "unix://$sock" volume rm el-bench-vol >/dev/null
}

declare -A RESULT_API RESULT_IO RESULT_ENV DPID SOCK=([engine-lite]="$EL_SOCK" [docker]="$DK_SOCK")
"$EL_ROOT/bin/lib/make-busybox-rootfs.sh" "$WORK/busybox.tar" >/dev/null

mkdir -p "$WORK/host-disk" "$WORK/host-tmpfs"
mount -t tmpfs -o "size=$((SIZE_MIB + 64))m" tmpfs "$WORK/host-tmpfs"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"

ENGINES=${ENGINES:-engine-lite docker}
engines=()
if [[ " $ENGINES " == *" engine-lite "* ]]; then
  start_engine_lite
  engines+=(engine-lite)
fi
if [[ " $ENGINES " == *" docker "* ]] && command -v dockerd >/dev/null 2>&1; then
  start_dockerd
  engines+=(docker)
fi
for e in "${engines[@]}"; do
  docker -H "unix://${SOCK[$e]}" import "$WORK/busybox.tar" el-bench-busybox >/dev/null
done
measure_api
LOAD_API="$(cut -d' ' -f1-3 /proc/loadavg)"
for e in "${engines[@]}"; do
  run_io_suite "$e" "${SOCK[$e]}" --network none
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}'; }
echo
echo "volume create+rm through the API, median of $RUNS (ms), after the same uncounted warm-up per daemon:"
echo "  $WARMUP kept-alive pairs, then $WARMUP_CONN pairs and $WARMUP_CONN pings with a connection per request"
echo "  per-request: one curl process and connection per request, curl's time_total (start-up not counted)"
echo "  keep-alive:  all requests from one curl process on one connection, back to back"
echo "  ping: GET /_ping timed the same way, the transport's floor (engine-lite: no worker hand-off for it)"
echo "  cpu: CPU time (user + system, all threads) of the daemon process per keep-alive create+rm pair"
echo "  warm cpu: the same during the $WARMUP kept-alive warm-up pairs (engine-lite: includes its JIT compiler)"
printf '  %-12s %12s %12s %12s %12s %12s %12s\n' "" "create+rm" "ping" "create+rm ka" "ping ka" "cpu/pair" \
  "warm cpu"
for e in "${engines[@]}"; do
  printf '  %-12s %12s %12s %12s %12s %12s %12s\n' "$e" "${RESULT_API[$e/create_rm]}" "${RESULT_API[$e/ping]}" \
    "${RESULT_API[$e/create_rm_ka]}" "${RESULT_API[$e/ping_ka]}" "${RESULT_API[$e/cpu]}" "${RESULT_API[$e/warm_cpu]}"
done
if [ ${#engines[@]} = 2 ]; then
  printf '  %-12s %12s %12s %12s %12s %12s %12s   (target for create+rm <= 0.33)\n' "el / docker" \
    "$(ratio "${RESULT_API[engine-lite/create_rm]}" "${RESULT_API[docker/create_rm]}")" \
    "$(ratio "${RESULT_API[engine-lite/ping]}" "${RESULT_API[docker/ping]}")" \
    "$(ratio "${RESULT_API[engine-lite/create_rm_ka]}" "${RESULT_API[docker/create_rm_ka]}")" \
    "$(ratio "${RESULT_API[engine-lite/ping_ka]}" "${RESULT_API[docker/ping_ka]}")" \
    "$(ratio "${RESULT_API[engine-lite/cpu]}" "${RESULT_API[docker/cpu]}")" \
    "$(ratio "${RESULT_API[engine-lite/warm_cpu]}" "${RESULT_API[docker/warm_cpu]}")"
fi
echo
echo "dd of $SIZE_MIB MiB, median of $REPS (MiB/s; host runs alternate with container runs, page cache dropped"
echo "before each; min-max below each row). write/read ratio = container / host throughput: the median over the"
echo "$REPS back-to-back pairs of each pair's own ratio, min-max of those ratios below (target: >= 0.95)"
printf '  %-20s %9s %9s %9s %9s %9s %9s\n' "" "c-write" "c-read" "h-write" "h-read" "write" "read"
for e in "${engines[@]}"; do
  for kind in volume bind tmpfs; do
    read -r cw cr hw hr scw scr shw shr rw srw rr srr <<<"${RESULT_IO[$e/$kind]}"
    printf '  %-20s %9s %9s %9s %9s %9s %9s\n' "$e $kind" "$cw" "$cr" "$hw" "$hr" "$rw" "$rr"
    printf '  %-20s %9s %9s %9s %9s %9s %9s\n' "" "$scw" "$scr" "$shw" "$shr" "$srw" "$srr"
  done
done
echo "  host directory: $(findmnt -n -o FSTYPE,SOURCE --target "$WORK/host-disk" | tr -s ' ')"
for e in "${engines[@]}"; do
  echo "  $e container /data: ${RESULT_ENV[$e]}"
done
echo
echo "load average before: $LOAD_BEFORE  after the API part: $LOAD_API  at the end: $(cut -d' ' -f1-3 /proc/loadavg)" \
  "($(nproc) cores)"
