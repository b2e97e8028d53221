#!/usr/bin/env bash
# make-app-rootfs.sh OUT.tar [STAGING_DIR]
#
# Builds the getting-started app's image root filesystem offline, from what Debian already installed here:
#   - busybox (Debian's busybox-static) as /bin/busybox with one symlink per applet (sh, httpd, nc, hostname ...);
#   - redis-server (Debian's redis-server) as /usr/lib/redis/redis-server with every shared library ldd lists and
#     the dynamic loader, behind a /usr/bin/redis-server wrapper that turns protected mode off as Docker's
#     official redis image does, so `redis-server --port 6379 --dir /data --appendonly yes` runs in a chroot of the tree;
#   - the web app: a busybox httpd CGI script that prints the page of Docker's get-started Python app, its visit
#     counter kept in Redis (INCR counter over `nc redis 6379`), and /usr/bin/app-web to start httpd on port 80.
#
# The tar is deterministic (entries sorted by name, mtime fixed, numeric owner 0:0) so the same inputs give the
# same bytes and so the same image id. Beside it, OUT.config.json (OUT without .tar) is the OCI/Docker image
# config for that one layer (PATH, default command app-web, diff_id = sha256 of the tar); the image id is the
# sha256 of that file, as Docker computes it. With STAGING_DIR the tree is also left there (used by tests and chroot
# checks); without it a temporary directory is used and removed.
set -euo pipefail
# Modes in the tar must not depend on the caller's umask.
umask 022

usage() { echo "usage: $0 OUT.tar [STAGING_DIR]" >&2; exit 2; }
[ $# -ge 1 ] && [ $# -le 2 ] || usage
OUT="$1"
BUSYBOX=/bin/busybox
REDIS=/usr/bin/redis-server
# A fixed instant (2020-01-01T00:00:00Z): only has to be stable, the value itself means nothing.
EPOCH=1577836800

[ -x "$BUSYBOX" ] || { echo "make-app-rootfs: $BUSYBOX missing (apt-get install busybox-static)" >&2; exit 1; }
[ -e "$REDIS" ] || { echo "make-app-rootfs: $REDIS missing (apt-get install redis-server)" >&2; exit 1; }
if ldd "$BUSYBOX" >/dev/null 2>&1; then
  echo "make-app-rootfs: $BUSYBOX is dynamically linked; busybox-static is needed" >&2; exit 1
fi

if [ $# -eq 2 ]; then
  ROOT="$2"; mkdir -p "$ROOT"
  [ -z "$(ls -A "$ROOT")" ] || { echo "make-app-rootfs: staging directory $ROOT is not empty" >&2; exit 1; }
  CLEAN_ROOT=""
else
  ROOT="$(mktemp -d /tmp/el-app-rootfs.XXXXXX)"; CLEAN_ROOT="$ROOT"
fi
trap '[ -z "$CLEAN_ROOT" ] || rm -rf "$CLEAN_ROOT"' EXIT

chmod 0755 "$ROOT"
mkdir -p "$ROOT"/{bin,sbin,usr/bin,usr/sbin,etc,root,data,www/cgi-bin,proc,sys,dev,run,var/log}
install -d -m 1777 "$ROOT/tmp"

# --- busybox and its applets ------------------------------------------------------------------------------
install -m 0755 "$BUSYBOX" "$ROOT/bin/busybox"
# --list-full prints each applet with its install directory (bin/sh, usr/sbin/httpd ...).
"$BUSYBOX" --list-full | while read -r applet; do
  [ "$applet" = "bin/busybox" ] && continue
  mkdir -p "$ROOT/$(dirname "$applet")"
  ln -sfn /bin/busybox "$ROOT/$applet"
done

# --- redis-server with its shared libraries --------------------------------------------------------------
# Debian ships redis-server as a symlink to redis-check-rdb: one binary that picks its role from argv[0].
# It is copied as a regular file named redis-server so argv[0] keeps selecting the server.
install -D -m 0755 "$(readlink -f "$REDIS")" "$ROOT/usr/lib/redis/redis-server"
# Docker's official redis image builds with protected-mode off by default, because replicas of another service
# reach Redis from their own addresses and protected mode refuses every non-loopback client of a password-less
# server. The wrapper gives the same default; an explicit --protected-mode later on the command line still wins.
cat >"$ROOT/usr/bin/redis-server" <<'WRAP'
#!/bin/sh
case "$1" in
  -v|--version|-h|--help|--test-memory|-) exec /usr/lib/redis/redis-server "$@" ;;
  -*|'') exec /usr/lib/redis/redis-server --protected-mode no "$@" ;;
  *) conf="$1"; shift; exec /usr/lib/redis/redis-server "$conf" --protected-mode no "$@" ;;
esac
WRAP
chmod 0755 "$ROOT/usr/bin/redis-server"
copy_lib() {  # copy_lib PATH: the library under the same path inside the tree, symlinks resolved
  local path="$1"
  [ -e "$ROOT$path" ] && return 0
  install -D -m 0755 "$(readlink -f "$path")" "$ROOT$path"
}
# ldd lines: "libx.so.1 => /lib/.../libx.so.1 (0x...)", "/lib64/ld-linux-x86-64.so.2 (0x...)", linux-vdso (no file).
while read -r line; do
  case "$line" in
    *"=> not found"*) echo "make-app-rootfs: redis-server needs a missing library: $line" >&2; exit 1 ;;
    *"=> /"*) lib="${line#*=> }"; copy_lib "${lib%% (*}" ;;
    /*) copy_lib "${line%% (*}" ;;
  esac
done < <(ldd "$(readlink -f "$REDIS")")

# --- files the programs read at run time -----------------------------------------------------------------
printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' >"$ROOT/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' >"$ROOT/etc/group"
# glibc's resolver (busybox's nc uses getaddrinfo): files first, then the engine's embedded DNS from resolv.conf.
printf 'hosts: files dns\n' >"$ROOT/etc/nsswitch.conf"
# The engine bind-mounts its own hosts, hostname and resolv.conf over these, as Docker does.
printf '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' >"$ROOT/etc/hosts"
: >"$ROOT/etc/resolv.conf"
printf 'app\n' >"$ROOT/etc/hostname"

# --- the web app ----------------------------------------------------------------------------------------
# busybox httpd runs /cgi-bin/index.cgi for a directory URL when no index.html exists (httpd.c), so "/" is the
# app, as the Python app's route "/" was.
cat >"$ROOT/www/cgi-bin/index.cgi" <<'CGI'
#!/bin/sh
# The page of Docker's get-started app (app.py): a greeting, the container's hostname and a visit counter kept
# in Redis under the key "counter". REDIS_HOST/REDIS_PORT default to the compose service name and port.
visits=$(printf 'INCR counter\r\nQUIT\r\n' | nc -w 2 "${REDIS_HOST:-redis}" "${REDIS_PORT:-6379}" 2>/dev/null \
  | sed -n 's/^:\([0-9][0-9]*\).*$/\1/p' | head -n 1)
# INCR answers ":N"; anything else (refused, unresolvable, an error reply) means Redis is not usable.
[ -n "$visits" ] || visits='<i>cannot connect to Redis, counter disabled</i>'
printf 'Content-Type: text/html; charset=utf-8\r\n\r\n'
printf '<h3>Hello %s!</h3><b>Hostname:</b> %s<br/><b>Visits:</b> %s' "${NAME:-World}" "$(hostname)" "$visits"
CGI
chmod 0755 "$ROOT/www/cgi-bin/index.cgi"
cat >"$ROOT/usr/bin/app-web" <<'WEB'
#!/bin/sh
# Serves the app on port 80 (or $PORT) in the foreground, so the container lives as long as httpd.
exec httpd -f -p "${PORT:-80}" -h /www
WEB
chmod 0755 "$ROOT/usr/bin/app-web"

# --- deterministic tar -----------------------------------------------------------------------------------
find "$ROOT" -exec touch -h -d "@$EPOCH" {} +
mkdir -p "$(dirname "$OUT")"
tar --sort=name --mtime="@$EPOCH" --owner=0 --group=0 --numeric-owner --format=posix \
  --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime \
  -C "$ROOT" -cf "$OUT" .

# --- image config ----------------------------------------------------------------------------------------
CONFIG="${OUT%.tar}.config.json"
DIFF_ID="sha256:$(sha256sum "$OUT" | cut -d' ' -f1)"
CREATED="$(date -u -d "@$EPOCH" +%Y-%m-%dT%H:%M:%SZ)"
printf '%s' '{"architecture":"'"$(dpkg --print-architecture)"'","os":"linux","created":"'"$CREATED"'",'\
'"config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],'\
'"Cmd":["/usr/bin/app-web"],"ExposedPorts":{"80/tcp":{},"6379/tcp":{}},"WorkingDir":"/"},'\
'"rootfs":{"type":"layers","diff_ids":["'"$DIFF_ID"'"]},'\
'"history":[{"created":"'"$CREATED"'","created_by":"bin/lib/make-app-rootfs.sh"}]}' >"$CONFIG"
echo "$OUT"
echo "$CONFIG"
