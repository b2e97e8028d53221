#!/usr/bin/env bash
# Side-by-side TCP proxy benchmark, in one run: direct to the backend (no proxy), engine-lite's ingress load
# balancer, Docker's docker-proxy, HAProxy (TCP mode) and nginx's stream proxy, each in front of the same backend
# (nginx HTTP + iperf3 -s) in a network namespace this script creates. Prints every figure as a ratio to direct,
# the proxy's CPU time per request (utime+stime of its processes from /proc/<pid>/stat, with the kernel's share,
# stime, in brackets), the whole machine's CPU
# per request and per GB (all CPUs from /proc/stat, softirq included, so forwarding done in the kernel is counted
# too; other load on the host counts as well, so run it on a quiet host), then the RSS growth of the engine's
# balancer holding 5,000 idle connections.
#
# Traffic stays on loopback and the script's own veth pair (198.18.0.0/30, the RFC 2544 benchmarking range).
# Every cell is bounded (EL_BENCH_SECONDS, default 4 s) and runs for each proxy in turn, EL_BENCH_ROUNDS times
# (default 2), keeping the best figure; the whole run takes about five minutes. Needs root.
#
#   benchmarks/ingress-e2e.sh                 # all proxies
#   EL_BENCH_SECONDS=2 EL_LB_LOOPS=1 benchmarks/ingress-e2e.sh
#   EL_BENCH_PROXIES="direct engine engine-c2 haproxy nginx" benchmarks/ingress-e2e.sh   # add the C2 balancer
#   EL_LB_TRANSPORT=epoll benchmarks/ingress-e2e.sh   # the balancer's fallback transport instead of its default
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../bin/lib/common.sh
source "$ROOT/bin/lib/common.sh"

SECS=${EL_BENCH_SECONDS:-4}
WARM=${EL_BENCH_WARMUP:-4}
ROUNDS=${EL_BENCH_ROUNDS:-2}
LOOPS=${EL_LB_LOOPS:-$(nproc)}
TRANSPORT_ARGS=()
[ -z "${EL_LB_TRANSPORT:-}" ] || TRANSPORT_ARGS=(--transport "$EL_LB_TRANSPORT")
# The engine's ingress connects to tasks with cubic where the kernel has it (ServiceIngress); the balancer runs
# here as the engine runs it. The other proxies keep the system's algorithm, as they do under Docker.
CC_ARGS=()
if grep -qw cubic /proc/sys/net/ipv4/tcp_available_congestion_control 2>/dev/null; then
  CC_ARGS=(--backend-cc cubic)
fi
CONNS=${EL_BENCH_CONNECTIONS:-32}
IDLE=${EL_BENCH_IDLE:-5000}
PROXIES=${EL_BENCH_PROXIES:-"direct engine docker-proxy haproxy nginx"}

[ "$(id -u)" -eq 0 ] || { echo "ingress-e2e: run as root (it creates a network namespace)" >&2; exit 1; }
el_ensure_packages iperf3 wrk haproxy nginx-light libnginx-mod-stream docker.io python3 iproute2 >/dev/null

DOCKER_PROXY=$(command -v docker-proxy || true)
for p in /usr/sbin/docker-proxy /usr/bin/docker-proxy /usr/libexec/docker/docker-proxy; do
  [ -n "$DOCKER_PROXY" ] || { [ -x "$p" ] && DOCKER_PROXY=$p; }
done
NGINX_STREAM=/usr/lib/nginx/modules/ngx_stream_module.so

ID=$$
NS=elbench$ID
VH=elbh$ID
VN=elbn$ID
HOST_IP=198.18.0.1
BACK_IP=198.18.0.2
HTTP_PORT=8080
IPERF_PORT=5201
TMP=$(mktemp -d /tmp/el-ingress-e2e.XXXXXX)
PIDS=()

cleanup() {
  set +e
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done
  # The balancer closes its connections and event loops on SIGTERM; give it a moment before SIGKILL.
  for _ in $(seq 1 30); do
    local alive=0
    for p in "${PIDS[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && break
    sleep 0.1
  done
  for p in "${PIDS[@]}"; do kill -9 "$p" 2>/dev/null; done
  [ -f "$TMP/backend.pid" ] && kill "$(cat "$TMP/backend.pid")" 2>/dev/null
  ip netns pids "$NS" 2>/dev/null | xargs -r kill -9 2>/dev/null
  ip link del "$VH" 2>/dev/null
  ip netns del "$NS" 2>/dev/null
  rm -rf "$TMP"
}
trap cleanup EXIT INT TERM

log() { printf '%s\n' "$*" >&2; }

# ---- backend namespace: nginx answering a small page, iperf3 server ----
ip netns add "$NS"
ip link add "$VH" type veth peer name "$VN"
ip link set "$VN" netns "$NS"
ip addr add "$HOST_IP/30" dev "$VH"
ip link set "$VH" up
ip netns exec "$NS" ip addr add "$BACK_IP/30" dev "$VN"
ip netns exec "$NS" ip link set "$VN" up
ip netns exec "$NS" ip link set lo up

mkdir -p "$TMP/backend"
cat >"$TMP/backend/nginx.conf" <<EOF
worker_processes 1;
worker_rlimit_nofile 20000;
pid $TMP/backend.pid;
error_log $TMP/backend/error.log;
events { worker_connections 16000; }
http {
  access_log off;
  keepalive_requests 100000000;
  server {
    listen $BACK_IP:$HTTP_PORT backlog=4096;
    location / { return 200 "hello from the backend\n"; }
  }
}
EOF
ip netns exec "$NS" nginx -p "$TMP/backend" -c "$TMP/backend/nginx.conf"
ip netns exec "$NS" iperf3 -s -B "$BACK_IP" -p "$IPERF_PORT" >/dev/null 2>&1 &
PIDS+=($!)

# ---- engine classpath ----
CP_FILE="$ROOT/ingress-lb/target/lb.classpath"
JAR="$ROOT/ingress-lb/target/ingress-lb-0.1.0-SNAPSHOT.jar"
if [ ! -f "$JAR" ] || [ ! -f "$CP_FILE" ] || [ -n "$(find "$ROOT/ingress-lb/src/main" "$ROOT/driver-api/src/main" -newer "$JAR" -print -quit)" ]; then
  log "building ingress-lb"
  (cd "$ROOT" && mvn -B -ntp -q -pl ingress-lb -am package dependency:build-classpath -DskipTests \
    -Dmdep.outputFile="$CP_FILE") >&2
fi
ENGINE_CP="$JAR:$(cat "$CP_FILE")"

wait_port() { # host port
  for _ in $(seq 1 100); do
    (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null && return 0
    sleep 0.1
  done
  log "nothing listening on $1:$2"; return 1
}

# ---- proxies: each listens on 127.0.0.1:$1 (HTTP) and 127.0.0.1:$2 (iperf3) ----
# C1 only (TieredStopAtLevel=1), as the engine's daemon runs its ingress (EL_DAEMON_JVM in bin/lib/common.sh).
ENGINE_JVM=(-Xms64m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dio.netty.leakDetection.level=disabled)
# The standalone balancer as bin/engine-lite lb runs it: the JVM's defaults, C2 included.
LB_JVM=()

# lb_pair TAG HTTP_PORT IPERF_PORT JVM_ARRAY_NAME [LbCommand args]: the balancer in front of both backends.
lb_pair() {
  local tag=$1 ports=("http:$2:$HTTP_PORT" "iperf:$3:$IPERF_PORT") p
  local -n jvm=$4
  shift 4
  PROXY_PIDS=""
  for p in "${ports[@]}"; do
    java "${jvm[@]}" -cp "$ENGINE_CP" org.enginelite.ingress.cli.LbCommand --event-loops "$LOOPS" "${CC_ARGS[@]}" \
      "$@" --listen "127.0.0.1:$(cut -d: -f2 <<<"$p")" --backend "$BACK_IP:${p##*:}" >"$TMP/$tag-${p%%:*}.log" 2>&1 &
    PIDS+=($!); PROXY_PIDS="${PROXY_PIDS:+$PROXY_PIDS }$!"
  done
}

start_engine() { lb_pair engine "$1" "$2" ENGINE_JVM "${TRANSPORT_ARGS[@]}"; }

# Extra columns, not among the "other" proxies below: the balancer on its epoll fallback (splice for bulk
# streams), and the standalone balancer with C2. EL_BENCH_PROXIES="direct engine engine-epoll engine-c2 ...".
start_engine-epoll() { lb_pair engine-epoll "$1" "$2" ENGINE_JVM --transport epoll; }
start_engine-c2() { lb_pair engine-c2 "$1" "$2" LB_JVM "${TRANSPORT_ARGS[@]}"; }

start_docker-proxy() {
  "$DOCKER_PROXY" -proto tcp -host-ip 127.0.0.1 -host-port "$1" -container-ip "$BACK_IP" \
    -container-port "$HTTP_PORT" 3>/dev/null &
  PIDS+=($!); PROXY_PIDS="$!"
  "$DOCKER_PROXY" -proto tcp -host-ip 127.0.0.1 -host-port "$2" -container-ip "$BACK_IP" \
    -container-port "$IPERF_PORT" 3>/dev/null &
  PIDS+=($!); PROXY_PIDS="$PROXY_PIDS $!"
}

start_haproxy() {
  cat >"$TMP/haproxy.cfg" <<EOF
global
  maxconn 9000
defaults
  mode tcp
  timeout connect 5s
  timeout client 60s
  timeout server 60s
listen http
  bind 127.0.0.1:$1
  server backend $BACK_IP:$HTTP_PORT
listen iperf
  bind 127.0.0.1:$2
  server backend $BACK_IP:$IPERF_PORT
EOF
  haproxy -db -f "$TMP/haproxy.cfg" >"$TMP/haproxy.log" 2>&1 &
  PIDS+=($!); PROXY_PIDS="$!"
}

start_nginx() {
  mkdir -p "$TMP/nginx"
  cat >"$TMP/nginx/nginx.conf" <<EOF
load_module $NGINX_STREAM;
worker_processes auto;
worker_rlimit_nofile 20000;
daemon off;
pid $TMP/nginx/nginx.pid;
error_log $TMP/nginx/error.log;
events { worker_connections 9000; }
stream {
  server { listen 127.0.0.1:$1; proxy_pass $BACK_IP:$HTTP_PORT; }
  server { listen 127.0.0.1:$2; proxy_pass $BACK_IP:$IPERF_PORT; }
}
EOF
  nginx -p "$TMP/nginx" -c "$TMP/nginx/nginx.conf" &
  PIDS+=($!); PROXY_PIDS="$!"
}

# "utime+stime stime" (clock ticks) of the given pids and all their threads and children processes: the stime
# part is the kernel's share, which no proxy design in user space avoids (its sends run the receiver's TCP
# processing too, on loopback and veth).
cpu_ticks() {
  local total=0 sys=0 p kids t
  for p in "$@"; do
    kids=$(pgrep -P "$p" || true)
    for q in $p $kids; do
      [ -r "/proc/$q/stat" ] || continue
      read -r t < <(awk '{print $14 + $15, $15}' "/proc/$q/stat")
      total=$((total + ${t% *})); sys=$((sys + ${t#* }))
    done
  done
  echo "$total $sys"
}

iperf_gbps() { # host port streams
  iperf3 -c "$1" -p "$2" -P "$3" -t "$SECS" -J 2>/dev/null |
    python3 -c 'import json,sys; print("%.2f" % (json.load(sys.stdin)["end"]["sum_received"]["bits_per_second"]/1e9))' ||
    echo 0
}

# Busy clock ticks of the whole machine, all CPUs: user+nice+system+irq+softirq from /proc/stat. Counts the
# client, the backend and the proxy alike, and also work no process is charged for (softirq, kernel workers),
# which is where in-kernel forwarding runs; idle, iowait and steal are left out.
machine_ticks() {
  awk '$1 == "cpu" {print $2 + $3 + $4 + $7 + $8; exit}' /proc/stat
}

# Prints "requests/s proxy-cpu-us-per-request machine-cpu-us-per-request proxy-kernel-cpu-us-per-request" for
# wrk against host:port; extra args go to wrk.
wrk_run() {
  local host=$1 port=$2; shift 2
  local before after mbefore mafter out reqs rate
  before=$(cpu_ticks $PROXY_PIDS)
  mbefore=$(machine_ticks)
  out=$(wrk -t1 -c"$CONNS" -d"${SECS}s" "$@" "http://$host:$port/" 2>&1)
  mafter=$(machine_ticks)
  after=$(cpu_ticks $PROXY_PIDS)
  reqs=$(awk '/requests in/ {print $1}' <<<"$out")
  rate=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  if grep -q "Socket errors" <<<"$out"; then log "  wrk: $(grep 'Socket errors' <<<"$out")"; fi
  python3 - "$reqs" "$rate" "$before" "$after" "$(getconf CLK_TCK)" "$PROXY_PIDS" "$mbefore" "$mafter" <<'EOF'
import sys
reqs, rate, before, after, hz, pids, mbefore, mafter = sys.argv[1:]
reqs = int(reqs or 0)
(b, bs), (a, as_) = map(int, before.split()), map(int, after.split())
per = lambda ticks: "%.1f" % (ticks / int(hz) * 1e6 / reqs)
none = not pids.strip() or reqs == 0
machine = "-" if reqs == 0 else per(int(mafter) - int(mbefore))
print(rate or "0", "-" if none else per(a - b), machine, "-" if none else per(as_ - bs))
EOF
}

# Prints "Gbit/s machine-cpu-seconds-per-GB" for iperf3 against host:port with the given number of streams.
iperf_run() { # host port streams
  local mbefore mafter gbps
  mbefore=$(machine_ticks)
  gbps=$(iperf_gbps "$@")
  mafter=$(machine_ticks)
  python3 -c 'import sys; g, b, a, hz, s = map(float, sys.argv[1:]); print("%.2f" % g, "-" if g == 0 else "%.2f" % ((a - b) / hz / (g * s / 8)))' \
    "$gbps" "$mbefore" "$mafter" "$(getconf CLK_TCK)" "$SECS"
}

declare -A R HP IPP HOSTS PP

# Keeps the better of the stored and the new figure: the higher rate, the lower CPU per request. A fourth
# argument (key=value) is stored along with the figure when it is kept, so it comes from the same run.
keep() { # key value higher|lower [key=value]
  local old=${R[$1]:-}
  if [ -n "$old" ] && [ "$old" != - ]; then
    [ "$2" = - ] && return
    awk -v a="$2" -v b="$old" -v m="$3" 'BEGIN { exit !((m == "higher") ? a > b : a < b) }' || return 0
  fi
  R[$1]=$2
  [ -z "${4:-}" ] || R[${4%%=*}]=${4#*=}
}

start_all() {
  local port=18080 name
  for name in $PROXIES; do
    if [ "$name" = direct ]; then
      HOSTS[$name]=$BACK_IP; HP[$name]=$HTTP_PORT; IPP[$name]=$IPERF_PORT; PP[$name]=""
    else
      PROXY_PIDS=""
      "start_$name" $((port + 1)) $((port + 2))
      HOSTS[$name]=127.0.0.1; HP[$name]=$((port + 1)); IPP[$name]=$((port + 2)); PP[$name]=$PROXY_PIDS
      wait_port 127.0.0.1 $((port + 1)); wait_port 127.0.0.1 $((port + 2))
    fi
    port=$((port + 100))
  done
}

# The same warm-up for every proxy, not measured: the JVM needs a few seconds of each traffic shape before it
# runs compiled code (a long-running ingress is always warm).
warm_all() {
  local name h
  for name in $PROXIES; do
    h=${HOSTS[$name]}
    log "warming $name"
    wrk -t1 -c"$CONNS" -d"${WARM}s" "http://$h:${HP[$name]}/" >/dev/null 2>&1 || true
    wrk -t1 -c"$CONNS" -d"${WARM}s" -H "Connection: close" "http://$h:${HP[$name]}/" >/dev/null 2>&1 || true
    iperf3 -c "$h" -p "${IPP[$name]}" -t 2 >/dev/null 2>&1 || true
  done
}

# Each cell runs for every proxy in turn, ROUNDS times, so a burst of load from elsewhere on the host hits all
# of them alike; the best figure of each is kept.
measure_all() {
  local round name h rate cpu v
  for round in $(seq 1 "$ROUNDS"); do
    for name in $PROXIES; do
      h=${HOSTS[$name]}; PROXY_PIDS=${PP[$name]}
      read -r v mcpu < <(iperf_run "$h" "${IPP[$name]}" 1)
      keep "$name,bulk1" "$v" higher; keep "$name,bulk1m" "$mcpu" lower
      read -r v mcpu < <(iperf_run "$h" "${IPP[$name]}" 4)
      keep "$name,bulk4" "$v" higher; keep "$name,bulk4m" "$mcpu" lower
      read -r rate cpu mcpu sys < <(wrk_run "$h" "${HP[$name]}")
      keep "$name,ka" "$rate" higher; keep "$name,kacpu" "$cpu" lower "$name,kasys=$sys"; keep "$name,kam" "$mcpu" lower
      read -r rate cpu mcpu sys < <(wrk_run "$h" "${HP[$name]}" -H "Connection: close")
      keep "$name,close" "$rate" higher; keep "$name,closecpu" "$cpu" lower "$name,closesys=$sys"
      keep "$name,closem" "$mcpu" lower
      log "round $round $name: bulk ${R[$name,bulk1]}/${R[$name,bulk4]} Gbit/s, keep-alive ${R[$name,ka]} req/s" \
        "${R[$name,kacpu]} us (machine ${R[$name,kam]} us), close ${R[$name,close]} req/s ${R[$name,closecpu]} us" \
        "(machine ${R[$name,closem]} us) (best so far)"
    done
  done
}

rss_kib() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }

# Opens $IDLE connections through a fresh engine balancer (no traffic before, so its heap has not grown yet) and
# holds them; reports its RSS before and while holding them. Each connection costs the balancer two descriptors.
idle_test() {
  local port=18999 pid before during established holder
  java "${ENGINE_JVM[@]}" -cp "$ENGINE_CP" org.enginelite.ingress.cli.LbCommand --event-loops "$LOOPS" "${TRANSPORT_ARGS[@]}" "${CC_ARGS[@]}" \
    --listen "127.0.0.1:$port" --backend "$BACK_IP:$HTTP_PORT" >"$TMP/engine-idle.log" 2>&1 &
  pid=$!; PIDS+=("$pid")
  wait_port 127.0.0.1 "$port"
  sleep 1
  before=$(rss_kib "$pid")
  python3 - "$port" "$IDLE" "$TMP/idle.ready" <<'EOF2' &
import socket, sys, time
port, n, ready = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
socks = [socket.create_connection(("127.0.0.1", port)) for _ in range(n)]
open(ready, "w").close()
time.sleep(8)
EOF2
  holder=$!; PIDS+=("$holder")
  for _ in $(seq 1 300); do [ -f "$TMP/idle.ready" ] && break; sleep 0.1; done
  sleep 2
  during=$(rss_kib "$pid")
  established=$(ss -Htn state established "( sport = :$port )" | wc -l)
  IDLE_LINE="engine RSS, fresh process, $established idle client connections (and as many to the backend): before ${before} KiB, holding ${during} KiB, growth $((during - before)) KiB = $(( (during - before) * 1024 / (IDLE > 0 ? IDLE : 1) )) bytes/connection"
  log "  $IDLE_LINE"
  kill "$holder" 2>/dev/null || true; wait "$holder" 2>/dev/null || true
  kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
}

IDLE_LINE="(idle test not run)"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
start_all
# The balancer picks its transport (io_uring where the kernel allows it, else epoll); say which one ran.
ENGINE_TRANSPORT=$(sed -n 's/.*event loops, \([a-z_]*\)).*/\1/p' "$TMP/engine-http.log" 2>/dev/null | head -1)
warm_all
measure_all
if [[ " $PROXIES " == *" engine "* ]]; then
  idle_test
fi

# ---- table ----
for k in "${!R[@]}"; do echo "$k ${R[$k]}"; done >"$TMP/results"
python3 - "$SECS" "$LOOPS ${ENGINE_TRANSPORT:-} ${CC_ARGS[*]}" "$CONNS" "$PROXIES" "$TMP/results" "$ROUNDS" \
  "$LOAD_BEFORE" "$(cut -d' ' -f1-3 /proc/loadavg)" <<'EOF'
import sys
secs, loops, conns, proxies, results, rounds = sys.argv[1], sys.argv[2].strip(), sys.argv[3], sys.argv[4].split(), sys.argv[5], sys.argv[6]
load_before, load_after = sys.argv[7], sys.argv[8]
R = dict(line.split(None, 1) for line in open(results).read().splitlines() if " " in line)
R = {k: v.strip() for k, v in R.items()}
def f(name, key):
    v = R.get(name + "," + key, "0")
    try: return float(v)
    except ValueError: return None
cols = [("bulk1", "iperf3 1 stream"), ("bulk4", "iperf3 4 streams"), ("ka", "wrk keep-alive"), ("close", "wrk Connection: close")]
print()
print("ingress side by side: best of %s rounds of %s s per cell, wrk -t1 -c%s, engine event loops and transport %s (direct = 1.00)" % (rounds, secs, conns, loops))
print("%-15s" % "proxy" + "".join("%-24s" % c[1] for c in cols) + "%-27s%-27s" % ("CPU us/req ka (kernel)", "CPU us/req close (kernel)"))
def cpu(p, key):
    sys_ = R.get(p + "," + key.replace("cpu", "sys"), "-")
    return R.get(p + "," + key, "-") + ("" if sys_ == "-" else " (%s)" % sys_)
for p in proxies:
    row = "%-15s" % p
    for key, _ in cols:
        v, d = f(p, key), f("direct", key)
        unit = "Gbit/s" if key.startswith("bulk") else "req/s"
        ratio = ("%.2fx" % (v / d)) if (v is not None and d) else "-"
        row += "%-24s" % ("%s %s (%s)" % (R.get(p + "," + key, "-"), unit, ratio))
    row += "%-27s%-27s" % (cpu(p, "kacpu"), cpu(p, "closecpu"))
    print(row)
# Whole-machine CPU (all CPUs, user+nice+system+irq+softirq) during each measured interval: client, backend and
# proxy together, including kernel work no process is charged for. "added" subtracts what direct needs for the
# same work, leaving what the proxy costs the machine.
print()
print("whole-machine CPU (all CPUs; client + backend + proxy + softirq/kernel workers); added = minus direct")
print("host load average (1/5/15 min) at start %s, at end %s: other work on the host counts here too" % (load_before, load_after))
print("%-15s%-28s%-28s%-28s" % ("proxy", "us/req keep-alive (added)", "us/req close (added)", "s/GB 1 stream (added)"))
def added(p, key):
    v, d = f(p, key), f("direct", key)
    if v is None or R.get(p + "," + key, "-") == "-":
        return "-"
    return "%s (%s)" % (R[p + "," + key], "%+.1f" % (v - d) if d is not None and p != "direct" else "-")
for p in proxies:
    print("%-15s%-28s%-28s%-28s" % (p, added(p, "kam"), added(p, "closem"), added(p, "bulk1m")))
others = [p for p in proxies if p != "direct" and not p.startswith("engine")]
engines = [p for p in proxies if p.startswith("engine")]
if engines and "direct" in proxies and others:
    def best(key, lower=False, minus_direct=False):
        d = f("direct", key) if minus_direct else 0
        vals = [f(p, key) - d for p in others if f(p, key) is not None]
        return (min(vals) if lower else max(vals)) if vals else None
    for eng in engines:
        print()
        print("targets for %s:" % eng)
        d1, e1 = f("direct", "bulk1"), f(eng, "bulk1")
        if d1 and e1 is not None:
            print("  single-stream bulk >= 0.75x direct: %.2fx %s" % (e1 / d1, "MET" if e1 >= 0.75 * d1 else "not met"))
        for key, label in (("ka", "keep-alive rate"), ("close", "new-connection rate")):
            b, e = best(key), f(eng, key)
            if b and e is not None:
                print("  %s >= 1.1x best other (%.0f): %.2fx %s" % (label, b, e / b, "MET" if e >= 1.1 * b else "not met"))
        for key, label in (("kacpu", "keep-alive"), ("closecpu", "new-connection")):
            b, e = best(key, lower=True), f(eng, key)
            if b and e:
                print("  proxy-process CPU per %s request <= 0.8x best other (%.1f us): %.2fx %s" % (label, b, e / b, "MET" if e <= 0.8 * b else "not met"))
                k = f(eng, key.replace("cpu", "sys"))
                if k is not None:
                    # The kernel's share is what a user-space proxy cannot shed; the rest of the budget is all
                    # there is for its own code.
                    print("    of which kernel %.1f us (%.2fx best other); 0.8x leaves %.1f us for user space, used %.1f" % (k, k / b, 0.8 * b - k, e - k))
        dk = f("direct", "kam")
        for key, label in (("kam", "keep-alive"), ("closem", "new-connection")):
            b, e, d = best(key, lower=True, minus_direct=True), f(eng, key), f("direct", key)
            if b and b > 0 and e is not None and d is not None:
                e -= d
                print("  added machine CPU per %s request <= 0.8x best other (%.1f us): %.1f us = %.2fx %s" % (label, b, e, e / b, "MET" if e <= 0.8 * b else "not met"))
EOF
echo "$IDLE_LINE"
# Bulk figures depend on it: a paced algorithm (bbr) costs CPU per packet and holds one stream below what the hop
# carries; direct and the other proxies use the host's, the engine's backend connections the one named above.
echo "host TCP congestion control: $(cat /proc/sys/net/ipv4/tcp_congestion_control)"
