#!/usr/bin/env bash
# cli-startup.sh [RUNS]: wall time of `bin/engine-lite ps` as a user calls it (the launcher, the JVM with the CLI's
# AppCDS archive and one API call), median over RUNS (default 20), against the daemon on ENGINE_LITE_HOST or the
# default socket. With no daemon there, it measures the same path up to the "not running" message.
# Target: under 150 ms. When the docker client and a dockerd are reachable (DOCKER_HOST), `docker ps` is measured
# in the same run.
set -euo pipefail
source "$(dirname "$(readlink -f "$0")")/../bin/lib/common.sh"
RUNS="${1:-20}"
CLI="$EL_ROOT/bin/engine-lite"
el_cli_socket() { local h="${ENGINE_LITE_HOST:-unix:///run/engine-lite/engine.sock}"; printf '%s' "${h#unix://}"; }
"$CLI" version >/dev/null 2>&1 || true   # builds when stale and makes the AppCDS archive once
"$CLI" ps >/dev/null 2>&1 || true        # and the archive of ps's own classes
el_ensure_packages hyperfine >/dev/null 2>&1 || true

# Which path is measured: a whole ps call when a daemon answers on the socket, else the "not running" message.
if curl -sf --unix-socket "$(el_cli_socket)" http://engine-lite/_ping >/dev/null 2>&1; then
  echo "bin/engine-lite ps against the daemon on $(el_cli_socket)"
else
  echo "bin/engine-lite ps with no daemon on $(el_cli_socket) (the \"not running\" path)"
fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores (the figures below are wall times)"

if command -v hyperfine >/dev/null 2>&1; then
  cmds=("$CLI ps")
  if [ -n "${DOCKER_HOST:-}" ] && docker ps >/dev/null 2>&1; then cmds+=("docker ps"); fi
  hyperfine -N --warmup 3 --runs "$RUNS" -i --export-json /tmp/el-cli-startup.json "${cmds[@]}" >/dev/null 2>&1 \
    || hyperfine --warmup 3 --runs "$RUNS" -i --export-json /tmp/el-cli-startup.json "${cmds[@]}" >/dev/null
  python3 - /tmp/el-cli-startup.json <<'PY' 2>/dev/null || cat /tmp/el-cli-startup.json
import json, sys
r = json.load(open(sys.argv[1]))["results"]
for x in r:
    print(f'{x["command"]}: median {x["median"]*1000:.0f} ms, mean {x["mean"]*1000:.0f} ms, min {x["min"]*1000:.0f} ms'
          f' (CPU user+sys mean {(x["user"] + x["system"])*1000:.0f} ms)')
if len(r) == 2:
    print(f'ratio engine-lite/docker: {r[0]["median"]/r[1]["median"]:.2f}')
PY
else
  times=()
  for _ in $(seq 1 "$RUNS"); do
    s=$(date +%s%N); "$CLI" ps >/dev/null 2>&1 || true; e=$(date +%s%N)
    times+=($(( (e - s) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print "bin/engine-lite ps: median " a[int((NR+1)/2)] " ms over " NR " runs"}'
fi
