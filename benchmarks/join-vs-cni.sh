#!/usr/bin/env bash
# join-vs-cni.sh: one endpoint into a fresh network namespace, side by side in one run:
#   engine-lite  BridgeNetworkDriver createEndpoint+join (JMH BridgeJoinBenchmark, median of its samples)
#   CNI          the reference bridge plugin's ADD (Debian's containernetworking-plugins), median of RUNS runs
# Both act inside network namespaces made here, never on the host's own links or iptables; both create the veth
# pair, move/create the container end, set address, MTU, lo/eth0 up and the default route on an existing bridge.
# The CNI ADD also leases its address (host-local IPAM, a file write); the engine leases in its IPAM beforehand.
#
# usage: sudo benchmarks/join-vs-cni.sh      (RUNS=50 for more CNI samples; KEEP=1 keeps the raw samples)
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
source bin/lib/common.sh
RUNS=${RUNS:-20}
[ "$(id -u)" -eq 0 ] || { echo "join-vs-cni.sh needs root (network namespaces, bridges)" >&2; exit 1; }
el_ensure_packages iproute2 containernetworking-plugins
CNI_PATH=/usr/lib/cni
[ -x "$CNI_PATH/bridge" ] || { echo "no CNI bridge plugin in $CNI_PATH" >&2; exit 1; }

WORK="$(mktemp -d /tmp/el-join-cni.XXXXXX)"
HOST_NS="elbjc$$"
cleanup() {
  local n
  for n in $(ip netns list | awk '{print $1}' | grep "^elbjc$$" || true); do ip netns del "$n" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
[ -z "${KEEP:-}" ] || trap - EXIT

# --- CNI reference bridge plugin ---------------------------------------------------------------------------
ip netns add "$HOST_NS"
cat >"$WORK/conf.json" <<JSON
{"cniVersion":"1.0.0","name":"elbjcni","type":"bridge","bridge":"elcni0","isGateway":true,"ipMasq":false,
 "ipam":{"type":"host-local","subnet":"10.124.0.0/16","dataDir":"$WORK/ipam"}}
JSON
# Timed inside the host namespace so `ip netns exec` start-up is not counted against the plugin.
ip netns exec "$HOST_NS" bash -c '
  set -euo pipefail
  for i in $(seq "$1"); do
    ip netns add "$2c$i"
    t0=$(date +%s%N)
    CNI_COMMAND=ADD CNI_CONTAINERID="c$i" CNI_NETNS="/run/netns/$2c$i" CNI_IFNAME=eth0 CNI_PATH="$3" \
      "$3/bridge" <"$4" >/dev/null
    t1=$(date +%s%N)
    echo $(( (t1 - t0) / 1000 ))
    ip netns del "$2c$i"
  done' _ "$RUNS" "$HOST_NS" "$CNI_PATH" "$WORK/conf.json" >"$WORK/cni.us"
cni_ms=$(sort -n "$WORK/cni.us" | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.3f", m/1000}')
ip netns del "$HOST_NS"

# --- engine-lite bridge driver (JMH) --------------------------------------------------------------------------
benchmarks/run-jmh.sh BridgeJoinBenchmark -rf text -rff "$WORK/jmh.txt" >"$WORK/jmh.log" 2>&1 \
  || { tail -30 "$WORK/jmh.log"; exit 1; }
el_ms=$(awk '/createEndpointAndJoin:p0.50/ {print $(NF-1)}' "$WORK/jmh.txt" | tr ',' '.')
el_mean=$(awk '$1 ~ /createEndpointAndJoin$/ {print $4}' "$WORK/jmh.txt" | tr ',' '.')

printf '%-44s %10s\n' "endpoint into a fresh netns (median)" "ms"
printf '%-44s %10s\n' "CNI bridge plugin ADD ($RUNS runs)" "$cni_ms"
printf '%-44s %10s  (mean %s)\n' "engine-lite createEndpoint+join (JMH)" "$el_ms" "$el_mean"
awk -v c="$cni_ms" -v e="$el_ms" 'BEGIN { if (e > 0) printf "ratio CNI / engine-lite: %.1fx (engine-lite is %.0f%% of the CNI time)\n", c/e, 100*e/c }'
