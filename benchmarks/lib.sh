# Sourced by the side-by-side benchmark scripts: the set-up and helpers they share.
# shellcheck shell=bash
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../bin/lib/common.sh"

# el_bench_prepare NAME: root, the engine's packages, docker.io for the side-by-side figures (best effort), a
# fresh build.
el_bench_prepare() {
  [ "$(id -u)" -eq 0 ] || { echo "$1: run as root" >&2; exit 1; }
  el_ensure_packages
  el_ensure_packages docker.io >/dev/null 2>&1 || true
  el_build
}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# el_wait_ping SOCKET: waits (60 s at most) until a daemon answers /_ping on SOCKET.
el_wait_ping() {
  for _ in $(seq 1 600); do curl -sf --unix-socket "$1" http://d/_ping >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "no daemon answers on $1" >&2; return 1
}

# The daemon's class path from the build (engine-lite classes and its dependencies).
el_daemon_classpath() {
  echo "$EL_ROOT/engine-lite/target/classes:$(ls "$EL_ROOT"/engine-lite/target/lib/*.jar | tr '\n' ':')"
}

# el_dockerd_args DIR SOCKET: a private dockerd's flags: its own roots and pidfile under DIR, no bridge and no
# iptables rules, so it touches nothing of the host's; give it only images made with `docker import`.
el_dockerd_args() {
  echo --data-root "$1/data" --exec-root "$1/exec" -H "unix://$2" --pidfile "$1/docker.pid" --bridge=none \
    --iptables=false --ip6tables=false --storage-driver overlay2
}
