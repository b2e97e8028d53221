# bin/engine-lite quickstart: start a daemon if none answers, make the busybox image offline, run a web
# container with a published port and show it answering. Safe to run again: what exists is reused.
# shellcheck shell=bash

EL_QS_NAME=el-quickstart-web
EL_QS_IMAGE=engine-lite/busybox:latest
EL_QS_PORT="${EL_QUICKSTART_PORT:-8080}"

el_qs_cli() { EL_NO_BUILD=1 "$EL_ROOT/bin/engine-lite" "$@"; }

el_qs_socket() {
  local host="${ENGINE_LITE_HOST:-unix:///run/engine-lite/engine.sock}"
  printf '%s' "${host#unix://}"
}

el_qs_api() {  # el_qs_api PATH: GET on the daemon's socket, body on stdout
  curl -sf --unix-socket "$(el_qs_socket)" "http://engine-lite/v1.41$1"
}

el_qs_start_daemon() {
  local sock log pid i
  sock="$(el_qs_socket)"
  if curl -sf --unix-socket "$sock" http://engine-lite/_ping >/dev/null 2>&1; then
    el_log "daemon already answering on unix://$sock"
    return 0
  fi
  log="${EL_QUICKSTART_LOG:-/var/log/engine-lite/daemon.log}"
  mkdir -p "$(dirname "$log")"
  el_log "starting the daemon (log: $log)"
  EL_NO_BUILD=1 nohup "$EL_ROOT/bin/engine-lite" daemon -H "unix://$sock" >>"$log" 2>&1 </dev/null &
  pid=$!
  for i in $(seq 1 150); do
    if curl -sf --unix-socket "$sock" http://engine-lite/_ping >/dev/null 2>&1; then
      el_log "daemon running (pid $pid) on unix://$sock"
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      el_log "the daemon exited before answering; last lines of $log:"
      tail -n 15 "$log" >&2
      return 1
    fi
    sleep 0.2
  done
  el_log "the daemon did not answer within 30 s; see $log"
  return 1
}

el_qs_image() {
  local tar
  if el_qs_api "/images/$EL_QS_IMAGE/json" >/dev/null; then
    el_log "image $EL_QS_IMAGE present"
    return 0
  fi
  tar="$EL_ROOT/engine-lite/target/quickstart/busybox.tar"
  el_log "building $EL_QS_IMAGE from Debian's busybox-static"
  "$EL_ROOT/bin/lib/make-busybox-rootfs.sh" "$tar" >/dev/null
  el_qs_cli import "$tar" "$EL_QS_IMAGE" >/dev/null
  el_log "imported $EL_QS_IMAGE"
}

el_qs_container() {
  local state
  state="$(el_qs_api "/containers/$EL_QS_NAME/json" || true)"
  if [ -n "$state" ] && printf '%s' "$state" | grep -q '"Running": *true'; then
    el_log "container $EL_QS_NAME already running"
    return 0
  fi
  if [ -n "$state" ]; then
    el_qs_cli rm -f "$EL_QS_NAME" >/dev/null
  fi
  el_qs_cli run -d --name "$EL_QS_NAME" -p "$EL_QS_PORT:80" "$EL_QS_IMAGE" httpd -f -p 80 -h /www >/dev/null
  el_log "container $EL_QS_NAME started, port $EL_QS_PORT published to its port 80"
}

el_qs_show() {
  local i page=""
  for i in $(seq 1 25); do
    page="$(curl -sf --max-time 2 "http://127.0.0.1:$EL_QS_PORT/" || true)"
    [ -n "$page" ] && break
    sleep 0.2
  done
  if [ -n "$page" ]; then
    echo "\$ curl http://127.0.0.1:$EL_QS_PORT/"
    printf '%s\n' "$page"
    return 0
  fi
  el_log "http://127.0.0.1:$EL_QS_PORT/ does not answer; asking the server from inside the container instead"
  echo "\$ bin/engine-lite exec $EL_QS_NAME wget -qO- http://127.0.0.1/"
  if el_qs_cli exec "$EL_QS_NAME" wget -qO- http://127.0.0.1/; then
    return 0
  fi
  el_log "the web server runs but does not answer over the network (daemon log: ${EL_QUICKSTART_LOG:-/var/log/engine-lite/daemon.log})"
  el_qs_cli ps
  return 1
}

el_qs_next() {
  local sock
  sock="$(el_qs_socket)"
  cat <<NEXT

What to try next:
  bin/engine-lite ps
  bin/engine-lite logs $EL_QS_NAME
  bin/engine-lite run --rm $EL_QS_IMAGE echo hello
  bin/engine-lite network create -d bridge my_bridge
  bin/engine-lite volume create my-vol
  bin/engine-lite run --rm -v my-vol:/data $EL_QS_IMAGE sh -c 'date > /data/now; cat /data/now'
  DOCKER_HOST=unix://$sock docker ps
  bin/engine-lite rm -f $EL_QS_NAME
NEXT
}

el_quickstart() {
  el_qs_start_daemon
  el_qs_image
  el_qs_container
  local shown=0
  el_qs_show || shown=$?
  el_qs_next
  return "$shown"
}
