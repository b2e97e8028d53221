# Shared by bin/engine-lite and bin/run-tests: install missing system packages, build when jars are stale.
# shellcheck shell=bash

EL_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

# Packages the engine and its tests need on a Debian 12 host.
EL_PACKAGES=(runc iptables busybox-static iproute2 curl)

el_log() { printf 'engine-lite: %s\n' "$*" >&2; }

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

# True when any source or pom is newer than the build stamp.
el_build_stale() {
  local stamp="$EL_ROOT/engine-lite/target/lib/.built"
  [ -f "$stamp" ] || return 0
  [ -n "$(find "$EL_ROOT" -path '*/target' -prune -o \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) -newer "$stamp" -print -quit)" ]
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
