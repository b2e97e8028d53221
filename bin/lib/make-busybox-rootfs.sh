#!/usr/bin/env bash
# make-busybox-rootfs.sh OUT.tar
#
# Builds a small busybox image root filesystem offline, from Debian's busybox-static: /bin/busybox with one
# symlink per applet (sh, ls, httpd, wget ...), /etc/passwd and /etc/group, and /www/index.html for the
# quickstart's `httpd -f -p 80 -h /www`. The tar is deterministic (entries sorted by name, fixed mtime, numeric
# owner 0:0, no atime/ctime), so the same busybox gives the same bytes and `import` gives the same image.
set -euo pipefail
# Modes in the tar must not depend on the caller's umask.
umask 022

[ $# -eq 1 ] || { echo "usage: $0 OUT.tar" >&2; exit 2; }
OUT="$1"
BUSYBOX=/bin/busybox
# A fixed instant (2020-01-01T00:00:00Z): only has to be stable, the value itself means nothing.
EPOCH=1577836800

[ -x "$BUSYBOX" ] || { echo "make-busybox-rootfs: $BUSYBOX missing (apt-get install busybox-static)" >&2; exit 1; }
if ldd "$BUSYBOX" >/dev/null 2>&1; then
  echo "make-busybox-rootfs: $BUSYBOX is dynamically linked; busybox-static is needed" >&2; exit 1
fi

ROOT="$(mktemp -d /tmp/el-busybox-rootfs.XXXXXX)"
trap 'rm -rf "$ROOT"' EXIT
chmod 0755 "$ROOT"
mkdir -p "$ROOT"/{bin,sbin,usr/bin,usr/sbin,etc,root,www,proc,sys,dev,run,var}
install -d -m 1777 "$ROOT/tmp"

install -m 0755 "$BUSYBOX" "$ROOT/bin/busybox"
# --list-full prints each applet with its install directory (bin/sh, usr/sbin/httpd ...).
"$BUSYBOX" --list-full | while read -r applet; do
  [ "$applet" = "bin/busybox" ] && continue
  mkdir -p "$ROOT/$(dirname "$applet")"
  ln -sfn /bin/busybox "$ROOT/$applet"
done

printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' >"$ROOT/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' >"$ROOT/etc/group"
# The engine bind-mounts its own hosts, hostname and resolv.conf over these, as Docker does.
printf '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' >"$ROOT/etc/hosts"
: >"$ROOT/etc/resolv.conf"
cat >"$ROOT/www/index.html" <<'HTML'
<!DOCTYPE html>
<html>
<head><title>engine-lite</title></head>
<body>
<h1>Hello from engine-lite!</h1>
<p>This page is served by busybox httpd in a container run by engine-lite.</p>
</body>
</html>
HTML

find "$ROOT" -exec touch -h -d "@$EPOCH" {} +
mkdir -p "$(dirname "$OUT")"
tar --sort=name --mtime="@$EPOCH" --owner=0 --group=0 --numeric-owner --format=posix \
  --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime \
  -C "$ROOT" -cf "$OUT" .
echo "$OUT"
