# Shared by bin/engine-lite and bin/run-tests: install missing system packages, build when jars are stale.
# shellcheck shell=bash

# The checkout's canonical path, found with the cd builtin in this shell (no subshell, no fork: bin/engine-lite's
# hot path), so the AppCDS archive always sees the same class path.
el_root() {
  local here="${BASH_SOURCE[0]}" back="$PWD"
  case "$here" in */*) here="${here%/*}" ;; *) here=. ;; esac
  CDPATH='' builtin cd -P "$here/../.." || return 1
  EL_ROOT="$PWD"
  builtin cd "$back" || return 1
}
el_root

# Packages the engine and its tests need on a Debian 12 host.
EL_PACKAGES=(runc iptables busybox-static iproute2 curl)

el_log() { printf 'engine-lite: %s\n' "$*" >&2; }

# The daemon's JVM flags, for bin/engine-lite daemon and for every benchmark that starts a daemon. C1 only: the
# daemon's requests spend their time in system calls (fsync, mount, netlink), and C2 kept recompiling the request
# path for thousands of requests, costing more CPU than the requests themselves (volume-ops.sh: 5.5 ms per
# create+rm pair over the first 3000 with C2, 1.7 with C1 only). The ingress balancer's data path is run with C1
# only as well (benchmarks/ingress-e2e.sh).
# Compile thresholds at 1% of the default: a request path runs once per request, so at the default C1 compiles it
# only after a couple of hundred requests and each earlier one runs interpreted. Side by side (connect+disconnect
# of a container's first 20 pairs, after 20 network create+rm): about 20 ms at the default, 13-16.5 at 2%, 10.5-11.5
# at 1%, and no better at 0.5%. The price is compiling at start: the daemon answers about 0.9 s later (3.0 s, not 2.1).
EL_DAEMON_JVM=(-XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=0.01)

# el_ensure_packages [pkg...]: apt-get install whatever of the given (default EL_PACKAGES) is missing.
el_ensure_packages() {
  local wanted=("$@") missing=() p
  [ ${#wanted[@]} -gt 0 ] || wanted=("${EL_PACKAGES[@]}")
  for p in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    el_log "missing packages: ${missing[*]} (run as root so they can be installed)"
    return 1
  fi
  el_log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null 2>&1 || {
    apt-get update -q >/dev/null 2>&1
    apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
  }
}

# The docker client, for compatibility tests and side-by-side benchmarks (Debian's docker.io carries it).
el_ensure_docker_client() {
  command -v docker >/dev/null 2>&1 || el_ensure_packages docker.io
}

# True when a pom or anything under a module's src/main is newer than the build stamp. One find over those trees
# only (not .git, target/ or tests: a few hundred entries), exec'd straight from the command substitution.
el_build_stale() {
  local stamp="$EL_ROOT/engine-lite/target/lib/.built" roots=() d newer
  [ -f "$stamp" ] || return 0
  for d in "$EL_ROOT"/pom.xml "$EL_ROOT"/*/pom.xml "$EL_ROOT"/*/src/main; do
    [ ! -e "$d" ] || roots+=("$d")
  done
  newer="$(find "${roots[@]}" -newer "$stamp" -print -quit)" || return 0
  [ -n "$newer" ]
}

# el_build [extra mvn args]: package every module without running tests, when stale.
el_build() {
  el_build_stale || return 0
  el_log "building (mvn package)"
  (cd "$EL_ROOT" && mvn -q -B -DskipTests package "$@") >&2 || return 1
  touch "$EL_ROOT/engine-lite/target/lib/.built"
}

# What the getting-started app image is built from (bin/lib/make-app-rootfs.sh): busybox-static for the shell,
# httpd and nc, and redis-server whose binary and shared libraries are copied into the image.
el_ensure_app_packages() {
  el_ensure_packages busybox-static redis-server
}
