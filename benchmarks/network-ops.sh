#!/usr/bin/env bash
# network-ops.sh: the network control plane side by side with Docker, through the Engine API on each daemon's
# unix socket (curl --unix-socket, so no CLI start-up cost is counted on either side).
#
# Median over RUNS (default 20) of:
#   create+rm          POST /networks/create, then DELETE /networks/{id}
#   connect+disconnect POST /networks/{id}/connect and /disconnect of a running container
#   run --net          POST /containers/create with NetworkMode my_bridge + POST /containers/{id}/start
# Two clocks per sample: "wall" around the whole sample in this script (so it includes starting each curl
# process and the shell's own forks, which on a loaded machine cost as much as the operations), and "API" the sum
# of curl's own time_total for the sample's requests (connect, request, response: the operation as the daemon
# serves it). The same requests go to both daemons; both clocks are printed with their ratios.
# Each daemon runs in a network namespace of its own made here (entered with nsenter, which leaves mounts alone) (so neither touches the host's links or
# iptables), on temporary data and exec roots; dockerd runs only when installed, and gets only an image made
# locally with `docker import` (asked for an image it lacks it would try a registry).
#
# usage: benchmarks/network-ops.sh            (RUNS=5 benchmarks/network-ops.sh for a quick look)
set -euo pipefail
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../bin/lib/common.sh"
RUNS=${RUNS:-20}
[ "$(id -u)" -eq 0 ] || { echo "network-ops.sh needs root (network namespaces, bridges, iptables)" >&2; exit 1; }
el_ensure_packages
el_build

WORK="$(mktemp -d /tmp/el-bench-net.XXXXXX)"
NS_EL="elbn$$a"
NS_DOCKER="elbn$$d"
PIDS=()
declare -A SOCK NET CID SAMPLES

cleanup() {
  set +e # best effort: every step runs even when an earlier one finds nothing to do
  local p sock id
  # engine-lite leaves containers running when it stops (the next daemon adopts them): remove them first.
  for sock in "${SOCK[@]}"; do
    for id in $(curl -s --unix-socket "$sock" "http://localhost/v1.41/containers/json?all=1" | grep -o '"Id":"[0-9a-f]*"' | cut -d'"' -f4); do
      curl -s --unix-socket "$sock" -X DELETE "http://localhost/v1.41/containers/$id?force=1" >/dev/null || true
    done
  done
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do
    for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$p" 2>/dev/null || true
  done
  ip netns del "$NS_EL" 2>/dev/null || true
  ip netns del "$NS_DOCKER" 2>/dev/null || true
  # Mounts left under the temporary roots by a daemon that died (overlay rootfs, netns pins).
  awk -v w="$WORK" 'index($2, w) == 1 {print $2}' /proc/mounts | sort -r | while read -r m; do umount -l "$m"; done
  rm -rf "$WORK"
  return 0
}
trap cleanup EXIT

ms_now() { date +%s%N; }
# Median of the numbers on stdin (nanoseconds) printed in milliseconds with one decimal.
median_ms() { sort -n | awk '{a[NR]=$1} END {m = NR % 2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2; printf "%.1f", m/1e6}'; }

# api SOCKET METHOD PATH [JSON]: prints the body; fails on HTTP >= 400 with the daemon's message. Appends curl's
# time_total for the request (seconds) to $API_TIMES.
API_TIMES=/dev/null
api() {
  local sock="$1" method="$2" path="$3" body="${4:-}" out code
  out="$(curl -sS --unix-socket "$sock" -X "$method" -H 'Content-Type: application/json' \
    ${body:+--data "$body"} -w '\n%{http_code} %{time_total}' "http://localhost/v1.41$path")"
  code="${out##*$'\n'}"
  out="${out%$'\n'*}"
  echo "${code#* }" >>"$API_TIMES"
  code="${code% *}"
  if [ "$code" -ge 400 ]; then echo "$method $path: HTTP $code $out" >&2; return 1; fi
  printf '%s' "$out"
}
json_id() { sed -n 's/.*"Id" *: *"\([0-9a-f]*\)".*/\1/p'; }

wait_socket() {
  local sock="$1" log="$2"
  for _ in $(seq 300); do
    curl -s --unix-socket "$sock" http://localhost/_ping >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "daemon did not answer on $sock; its log:" >&2; tail -20 "$log" >&2; return 1
}

IMAGE=elbench-busybox:latest

# The API clock of the sample under way: the sum of the time_total lines api() appended, in nanoseconds.
api_start() { API_TIMES="$WORK/api-times"; : >"$API_TIMES"; }
api_ns() { awk '{s += $1} END {printf "%d", s * 1e9}' "$API_TIMES"; API_TIMES=/dev/null; }

# One sample of each operation against the daemon at SOCKET, in nanoseconds.
sample_create_rm() {
  local sock="$1" i="$2" t0 id took
  api_start
  t0=$(ms_now)
  id=$(api "$sock" POST /networks/create "{\"Name\":\"elbench$i\",\"Driver\":\"bridge\",\"CheckDuplicate\":true}" | json_id)
  api "$sock" DELETE "/networks/$id" >/dev/null
  took=$(( $(ms_now) - t0 ))
  echo "$took $(api_ns)"
}
sample_connect() {
  local sock="$1" net="$2" cid="$3" t0 took
  api_start
  t0=$(ms_now)
  api "$sock" POST "/networks/$net/connect" "{\"Container\":\"$cid\"}" >/dev/null
  api "$sock" POST "/networks/$net/disconnect" "{\"Container\":\"$cid\"}" >/dev/null
  took=$(( $(ms_now) - t0 ))
  echo "$took $(api_ns)"
}
sample_run() {
  local sock="$1" i="$2" t0 cid took api
  api_start
  t0=$(ms_now)
  cid=$(api "$sock" POST "/containers/create?name=elbench-run$i" \
    "{\"Image\":\"$IMAGE\",\"Cmd\":[\"sleep\",\"600\"],\"HostConfig\":{\"NetworkMode\":\"my_bridge\"}}" | json_id)
  api "$sock" POST "/containers/$cid/start" >/dev/null
  took=$(( $(ms_now) - t0 ))
  api=$(api_ns)
  api "$sock" DELETE "/containers/$cid?force=1" >/dev/null
  echo "$took $api"
}

# The daemons take turns sample by sample, so a change in the machine's load hits both alike.
measure() {
  local op="$1" i s label
  for i in $(seq "$RUNS"); do
    for label in "${!SOCK[@]}"; do
      case "$op" in
        create_rm) s=$(sample_create_rm "${SOCK[$label]}" "$i") ;;
        connect) s=$(sample_connect "${SOCK[$label]}" "${NET[$label]}" "${CID[$label]}") ;;
        run) s=$(sample_run "${SOCK[$label]}" "$i") ;;
      esac
      SAMPLES[$label.$op]+="${s% *} "
      SAMPLES[$label.$op.api]+="${s#* } "
    done
  done
}
median_of() { { printf '%s\n' ${SAMPLES[$1]:-} | grep . || true; } | median_ms; }

"$EL_ROOT/bin/lib/make-busybox-rootfs.sh" "$WORK/busybox.tar" >/dev/null

ip netns add "$NS_EL"
ip -n "$NS_EL" link set lo up
mkdir -p "$WORK/el"
nsenter --net="/run/netns/$NS_EL" java "${EL_DAEMON_JVM[@]}" -cp "$EL_ROOT/engine-lite/target/engine-lite-0.1.0-SNAPSHOT.jar:$EL_ROOT/engine-lite/target/lib/*" \
  org.enginelite.engine.EngineDaemon --data-root "$WORK/el/data" --exec-root "$WORK/el/exec" \
  -H "unix://$WORK/el/engine.sock" >"$WORK/el/daemon.log" 2>&1 &
PIDS+=($!)
wait_socket "$WORK/el/engine.sock" "$WORK/el/daemon.log"
SOCK[engine-lite]="$WORK/el/engine.sock"

if command -v dockerd >/dev/null 2>&1; then
  ip netns add "$NS_DOCKER"
  ip -n "$NS_DOCKER" link set lo up
  mkdir -p "$WORK/docker"
  # No default bridge and an address pool of its own, so nothing collides with a system docker0.
  nsenter --net="/run/netns/$NS_DOCKER" dockerd --data-root "$WORK/docker/data" --exec-root "$WORK/docker/exec" \
    --pidfile "$WORK/docker/dockerd.pid" -H "unix://$WORK/docker/docker.sock" --bridge none \
    --default-address-pool base=10.213.0.0/16,size=24 >"$WORK/docker/daemon.log" 2>&1 &
  PIDS+=($!)
  wait_socket "$WORK/docker/docker.sock" "$WORK/docker/daemon.log"
  SOCK[docker]="$WORK/docker/docker.sock"
fi

for label in "${!SOCK[@]}"; do
  docker -H "unix://${SOCK[$label]}" import "$WORK/busybox.tar" "$IMAGE" >/dev/null
  NET[$label]=$(api "${SOCK[$label]}" POST /networks/create '{"Name":"my_bridge","Driver":"bridge"}' | json_id)
  CID[$label]=$(api "${SOCK[$label]}" POST /containers/create "{\"Image\":\"$IMAGE\",\"Cmd\":[\"sleep\",\"600\"]}" | json_id)
  api "${SOCK[$label]}" POST "/containers/${CID[$label]}/start" >/dev/null
done
measure create_rm
measure connect
measure run
for label in "${!SOCK[@]}"; do
  api "${SOCK[$label]}" DELETE "/containers/${CID[$label]}?force=1" >/dev/null
  api "${SOCK[$label]}" DELETE "/networks/${NET[$label]}" >/dev/null
done

row() {
  local el d ratio=-
  el=$(median_of "engine-lite.$2")
  d=-
  if [ -n "${SOCK[docker]:-}" ]; then
    d=$(median_of "docker.$2")
    ratio=$(awk -v a="$el" -v b="$d" 'BEGIN {printf "%.2f", a/b}')
  fi
  printf '%-22s %12s %12s %10s\n' "$1" "$el" "$d" "$ratio"
}
table() {
  printf '%-22s %12s %12s %10s\n' operation engine-lite docker ratio
  row "network create+rm" "create_rm$1"
  row "connect+disconnect" "connect$1"
  row "run -d --net (to run)" "run$1"
}
echo
echo "network operations through the Engine API, median of $RUNS runs each (ms), daemons taking turns"
echo "API clock (curl's time_total, summed over the sample's requests):"
table .api
echo "wall clock (also counts starting curl and the shell's forks, alike for both daemons):"
table ""
echo "(ratio = engine-lite / docker; the target is 0.33 or less)"
