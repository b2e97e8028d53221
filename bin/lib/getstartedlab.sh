# bin/engine-lite quickstart, second part: Docker's "Get Started" stack, offline. Builds the app image from
# Debian's busybox-static and redis-server (bin/lib/make-app-rootfs.sh), imports it as
# engine-lite/getstarted:latest, makes this node a one-node swarm, deploys examples/getstartedlab/docker-compose.yml
# as the stack getstartedlab (5 web replicas behind port 4000, redis keeping the visit counter on the volume
# getstartedlab_redis-data) and curls port 4000 five times: five replicas answer in turn, the counter rises.
# Safe to run again: what exists is reused, and the counter continues. Needs bin/lib/quickstart.sh's helpers.
# shellcheck shell=bash

EL_GS_IMAGE=engine-lite/getstarted:latest
EL_GS_STACK=getstartedlab
EL_GS_PORT=4000

el_gs_image() {
  local tar
  if el_qs_api "/images/$EL_GS_IMAGE/json" >/dev/null; then
    el_log "image $EL_GS_IMAGE present"
    return 0
  fi
  el_ensure_app_packages
  tar="$EL_ROOT/engine-lite/target/quickstart/getstarted.tar"
  mkdir -p "$(dirname "$tar")"
  el_log "building $EL_GS_IMAGE from Debian's busybox-static and redis-server"
  "$EL_ROOT/bin/lib/make-app-rootfs.sh" "$tar" >/dev/null
  el_qs_cli import -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    -c 'CMD ["app-web"]' "$tar" "$EL_GS_IMAGE" >/dev/null
  el_log "imported $EL_GS_IMAGE"
}

el_gs_swarm() {
  if el_qs_api /swarm >/dev/null 2>&1; then
    el_log "this node is already a swarm manager"
    return 0
  fi
  el_qs_cli swarm init >/dev/null
  el_log "swarm initialized: this node is its manager"
}

el_gs_wait_replicas() {  # el_gs_wait_replicas SERVICE N: until the service runs N tasks (60 s at most)
  local i
  for i in $(seq 1 300); do
    if el_qs_cli service ls 2>/dev/null | grep -Eq "^[a-z0-9]+ +$1 +replicated +$2/$2 "; then
      return 0
    fi
    sleep 0.2
  done
  el_log "service $1 did not reach $2/$2 replicas within 60 s:"
  el_qs_cli service ps "$1" >&2 || true
  return 1
}

el_gs_show() {
  local i page
  echo "\$ for i in 1 2 3 4 5; do curl -s localhost:$EL_GS_PORT; echo; done"
  for i in 1 2 3 4 5; do
    page="$(curl -s --max-time 5 "http://localhost:$EL_GS_PORT/" || true)"
    printf '%s\n' "$page"
  done
}

el_getstartedlab() {
  el_gs_image
  el_gs_swarm
  el_qs_cli stack deploy -c "$EL_ROOT/examples/getstartedlab/docker-compose.yml" "$EL_GS_STACK"
  el_gs_wait_replicas "${EL_GS_STACK}_redis" 1
  el_gs_wait_replicas "${EL_GS_STACK}_web" 5
  el_qs_cli stack services "$EL_GS_STACK"
  el_gs_show
  cat <<NEXT

The stack keeps running. Try:
  bin/engine-lite service ps ${EL_GS_STACK}_web          # tasks ${EL_GS_STACK}_web.1 ... .5
  bin/engine-lite service scale ${EL_GS_STACK}_web=8
  bin/engine-lite stack rm $EL_GS_STACK                 # the volume ${EL_GS_STACK}_redis-data stays:
  bin/engine-lite stack deploy -c examples/getstartedlab/docker-compose.yml $EL_GS_STACK   # counter continues
  bin/engine-lite swarm leave --force                   # removes every service
NEXT
}
