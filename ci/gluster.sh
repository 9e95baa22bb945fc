#!/usr/bin/env bash
# A loopback GlusterFS server for coprobe's cluster tests: `ci/gluster.sh start|stop|status|restart`, no service manager.
#
# One glusterd (foreground, -N, its own session) with its own glusterd.vol: working directory (volume definitions),
# run directory (pid files), CLI socket and logs all under this script's directories, so a system glusterd
# (/var/lib/glusterd, /var/run/glusterd.socket) is neither read nor changed. Two one-brick (Distribute) volumes, two
# option profiles:
#   coprobe        GlusterFS's defaults (10.x: write-behind, quick-read, open-behind, md-cache on; read-ahead, io-cache
#                  off; strict-o-direct off; remote-dio disable; no upcall cache invalidation).
#   coprobe-virt   the options of the "virt" group (/var/lib/glusterd/groups/virt, what oVirt sets for VM images) that
#                  decide caching and O_DIRECT and apply to a one-brick volume, set one by one (`volume set VOL group
#                  virt` is refused as a whole on a non-replicated volume: cluster.shd-max-threads needs replicas):
#                  performance.quick-read off, performance.read-ahead off, performance.io-cache off,
#                  performance.strict-o-direct on, network.remote-dio disable, features.shard on.
#                  Left out although accepted here: the replication/heal options (cluster.eager-lock, quorum-type,
#                  server-quorum-type, data-self-heal-algorithm, locking-scheme, shd-wait-qlength, choose-local: no AFR
#                  translator is loaded on a plain volume, they do nothing), threads (low-prio-threads, event-threads,
#                  client-io-threads), timeouts and keepalives (network.ping-timeout 20, server.tcp-user-timeout,
#                  keepalive-*), cluster.lookup-optimize off and user.cifs off: none of them changes what a read returns.
#                  Refused: cluster.shd-max-threads ("Cannot set cluster.shd-max-threads for a non-replicate volume").
# Clients mount HOST:/coprobe and HOST:/coprobe-virt (`mount -t glusterfs` or `glusterfs --volfile-server=HOST
# --volfile-id=VOL DIR`).
#
# Loopback only: glusterd and the bricks (glusterfsd) bind HOST, 127.0.0.2 by default. glusterd refuses 127.0.0.1 and
# `localhost` as a brick host ("Please provide a valid hostname/ip other than localhost, 127.0.0.1 or loopback
# address"); any other 127.x address is on `lo` already and needs no /etc/hosts name. COPROBE_GLUSTER_HOST=ADDR
# overrides it (e.g. a lab guest's own address); the address must be configured on this host.
#
# Bricks: one XFS filesystem in a file ($DATA/bricks.img, 512 MiB sparse: mkfs.xfs wants > 300 MB) loop-mounted on $DATA/bricks, one directory
# per volume, so the bricks have the xattrs gluster needs and are not on the root filesystem (which gluster refuses
# without `force`). Set-up cost measured here: mkfs.xfs + mount ~0.1 s. Where no loop device can be had (a container,
# some guests) the bricks are plain directories under $DATA, created with `force`; start says so on stderr.
#
# Directories: COPROBE_CI_RUN (default /run/coprobe-ci) holds gluster/ (pid files, CLI socket, glusterd's run
# directory); COPROBE_CI_DATA (default /var/tmp/coprobe-ci) holds gluster/ (glusterd.vol, working directory, logs,
# brick image). glusterd's bricks put their CLI sockets in /var/run/gluster/ (hard-wired); stop removes ours.
#
# start: idempotent; when everything runs it only re-checks (and re-applies the profiles). It prints the set-up time
# ("set up in N.NNs"). stop: unmounts every FUSE mount of these volumes (lazy), stops the volumes, glusterd and any
# brick process it started, unmounts and detaches the brick filesystem and deletes the state, so the next start is
# a fresh server. restart: glusterd and the bricks killed (clients see the server go away) and started again over the
# same bricks and volume definitions, data kept. status: exit 0 only when glusterd runs, both volumes are started with
# their brick online, and each volume can really be FUSE-mounted (a mount, statfs and unmount in a scratch directory).
# Every wait is bounded. COPROBE_GLUSTER_BRICKS=dir skips the loop image (bricks are directories, created with force).
set -euo pipefail
[ -z "${COPROBE_GLUSTER_TRACE:-}" ] || { PS4='+ ${EPOCHREALTIME} '; set -x; }

RUN=${COPROBE_CI_RUN:-/run/coprobe-ci}/gluster
DATA=${COPROBE_CI_DATA:-/var/tmp/coprobe-ci}/gluster
HOST=${COPROBE_GLUSTER_HOST:-127.0.0.2}
PORT=24007
VOLS=(coprobe coprobe-virt)
WORKDIR=$DATA/glusterd
LOGDIR=$DATA/log
VOLFILE=$DATA/glusterd.vol
IMAGE=$DATA/bricks.img
BRICKS=$DATA/bricks
PIDFILE=$RUN/glusterd.pid
SOCK=$RUN/glusterd.socket
MODEFILE=$RUN/bricks.mode
LOG=$LOGDIR/glusterd.log
IMAGE_SIZE=512M
READY_TIMEOUT_S=${COPROBE_GLUSTER_READY_TIMEOUT:-30}
# auto: the XFS loop image when it can be made, else directories; dir: directories (created with force) always.
BRICK_MODE=${COPROBE_GLUSTER_BRICKS:-auto}
# The coprobe-virt profile, in the order it is applied.
VIRT_OPTIONS=(
  performance.quick-read=off
  performance.read-ahead=off
  performance.io-cache=off
  performance.strict-o-direct=on
  network.remote-dio=disable
  features.shard=on
)

die() { echo "ci/gluster.sh: $*" >&2; exit 1; }
now() { date +%s.%N; }
# The CLI, talking to our glusterd through its own socket only; its log goes to our log directory.
cli() { timeout 20 gluster --mode=script --glusterd-sock="$SOCK" --log-file="$LOGDIR/cli.log" "$@"; }

# A pid that is alive and not a zombie (pid 1 here may not reap), whose comm is $2.
alive() {
  local pid=$1 comm=$2 state
  [[ $pid =~ ^[0-9]+$ ]] && [ -r "/proc/$pid/stat" ] || return 1
  state=$(sed 's/^.*) \(.\).*$/\1/' "/proc/$pid/stat" 2>/dev/null) || return 1
  [ "$state" != Z ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$comm" ]
}
glusterd_pid() { cat "$PIDFILE" 2>/dev/null || true; }
running() { alive "$(glusterd_pid)" glusterd; }

# Brick processes of our volumes: the pid files glusterd writes under its run directory (RUN/vols/VOL/*.pid).
brick_pids() {
  local f pid
  for f in "$RUN"/vols/*/*.pid; do
    [ -r "$f" ] || continue
    pid=$(cat "$f" 2>/dev/null || true)
    alive "$pid" glusterfsd && echo "$pid"
  done
  true
}

# The brick directory of VOL.
brick_of() { echo "$BRICKS/$1"; }

# FUSE mounts of our volumes (mount points), whoever made them: source HOST:/VOL or HOST:VOL.
our_mounts() {
  local v srcs=""
  for v in "${VOLS[@]}"; do srcs+=" $HOST:/$v $HOST:$v"; done
  awk -v srcs="$srcs" 'BEGIN { n = split(srcs, a, " "); for (i = 1; i <= n; i++) want[a[i]] = 1 }
    { for (i = 7; i <= NF; i++) if ($i == "-") break
      if ($(i + 1) == "fuse.glusterfs" && ($(i + 2) in want)) print $5 }' /proc/self/mountinfo |
    sed 's/\\040/ /g'
}

write_volfile() {
  cat >"$VOLFILE" <<EOF
# Generated by ci/gluster.sh (see the comments there): a glusterd of its own, bound to $HOST only.
volume management
    type mgmt/glusterd
    option working-directory $WORKDIR
    option run-directory $RUN
    option logging-directory $LOGDIR
    option glusterd-sockfile $SOCK
    option transport-type socket
    option transport.address-family inet
    option transport.socket.bind-address $HOST
    option transport.socket.listen-port $PORT
    option transport.socket.keepalive-time 10
    option transport.socket.keepalive-interval 2
    option transport.socket.read-fail-log off
    option ping-timeout 0
    option event-threads 1
    option max-port 60999
end-volume
EOF
}

check_host() {
  case "$HOST" in
    127.0.0.1|localhost|0.*) die "glusterd refuses $HOST as a brick host: use another address (COPROBE_GLUSTER_HOST, default 127.0.0.2)" ;;
  esac
  [[ $HOST =~ ^[0-9]{1,3}(\.[0-9]{1,3}){3}$ ]] || die "COPROBE_GLUSTER_HOST must be an IPv4 address (got '$HOST')"
  if [[ $HOST != 127.* ]] && ! ip -4 -o addr show 2>/dev/null | awk '{ print $4 }' | grep -q "^$HOST/"; then
    die "$HOST is not an address of this host (COPROBE_GLUSTER_HOST)"
  fi
}

# The brick filesystem: a loop-mounted XFS image, or plain directories (mode recorded in MODEFILE for stop and status).
mount_bricks() {
  mkdir -p "$BRICKS"
  if mountpoint -q "$BRICKS"; then return 0; fi
  if [ "$(cat "$MODEFILE" 2>/dev/null)" = dir ]; then return 0; fi
  if [ "$BRICK_MODE" = dir ]; then echo dir >"$MODEFILE"; return 0; fi
  if command -v mkfs.xfs >/dev/null && { [ -e "$IMAGE" ] || { truncate -s "$IMAGE_SIZE" "$IMAGE" && mkfs.xfs -q -f "$IMAGE" >"$LOGDIR/mount-bricks.err" 2>&1; }; } &&
    mount -o loop,noatime "$IMAGE" "$BRICKS" 2>"$LOGDIR/mount-bricks.err"; then
    echo loop >"$MODEFILE"
    return 0
  fi
  echo "ci/gluster.sh: cannot loop-mount an XFS brick filesystem ($(head -c 300 "$LOGDIR/mount-bricks.err" 2>/dev/null)); bricks are plain directories under $BRICKS (created with force)" >&2
  rm -f "$IMAGE"
  echo dir >"$MODEFILE"
}

# Unmount the brick filesystem and free its loop device.
unmount_bricks() {
  local dev
  if mountpoint -q "$BRICKS" 2>/dev/null; then
    dev=$(findmnt -n -o SOURCE --target "$BRICKS" 2>/dev/null || true)
    umount "$BRICKS" 2>/dev/null || umount -l "$BRICKS" || true
    # mount -o loop sets autoclear; detach explicitly in case it did not.
    if [[ $dev == /dev/loop* ]] && losetup "$dev" >/dev/null 2>&1; then losetup -d "$dev" 2>/dev/null || true; fi
  fi
  for dev in $(losetup -j "$IMAGE" -O NAME -n 2>/dev/null || true); do losetup -d "$dev" 2>/dev/null || true; done
}

start_glusterd() {
  if timeout 1 bash -c "</dev/tcp/$HOST/$PORT" 2>/dev/null; then
    die "$HOST:$PORT is already served by another process (a system glusterd?): stop it first"
  fi
  command -v glusterd >/dev/null || die "glusterd is not installed (Debian package glusterfs-server; ci/install-deps.sh)"
  write_volfile
  [ -e "$LOG" ] && mv -f "$LOG" "$LOG.prev"
  rm -f "$PIDFILE" "$SOCK"
  # glusterd writes its own pid file (-p): when this script runs as a process group leader, setsid forks and $! is
  # setsid's pid, not glusterd's.
  setsid glusterd -N -p "$PIDFILE" -f "$VOLFILE" -l "$LOG" --log-level INFO </dev/null >"$LOGDIR/glusterd.out" 2>&1 9>&- &
  local launcher=$! pid=""
  local deadline=$((SECONDS + READY_TIMEOUT_S))
  until [ -n "$pid" ] && [ -S "$SOCK" ] && cli pool list >/dev/null 2>&1; do
    [ -n "$pid" ] || { pid=$(cat "$PIDFILE" 2>/dev/null || true); alive "$pid" glusterd || pid=""; }
    if [ -z "$pid" ] && ! alive "$launcher" glusterd && ! alive "$launcher" setsid && [ ! -s "$PIDFILE" ]; then
      sleep 0.5; pid=$(cat "$PIDFILE" 2>/dev/null || true); alive "$pid" glusterd || pid=""
      [ -n "$pid" ] && continue
      echo "ci/gluster.sh: glusterd exited on start; log tail ($LOG):" >&2
      tail -n 20 "$LOG" "$LOGDIR/glusterd.out" >&2 2>/dev/null || true
      rm -f "$PIDFILE"; exit 1
    fi
    if [ -n "$pid" ] && ! alive "$pid" glusterd; then
      echo "ci/gluster.sh: glusterd (pid $pid) exited on start; log tail ($LOG):" >&2
      tail -n 20 "$LOG" "$LOGDIR/glusterd.out" >&2 2>/dev/null || true
      rm -f "$PIDFILE"; exit 1
    fi
    [ $SECONDS -lt $deadline ] || die "glusterd (pid $pid) does not answer its CLI after ${READY_TIMEOUT_S}s; log: $LOG"
    sleep 0.1
  done
}

vol_exists() { cli volume info "$1" >/dev/null 2>&1; }
vol_started() { cli volume info "$1" 2>/dev/null | grep -qx 'Status: Started'; }
# The brick of VOL is online (volume status: "Online Y" in the brick's row).
brick_online() {
  cli volume status "$1" detail 2>/dev/null | awk -F': ' '$1 ~ /^Online/ { gsub(/ /, "", $2); print $2 }' | grep -qx Y
}

create_volume() {
  local vol=$1 brick force=""
  brick=$(brick_of "$vol")
  mkdir -p "$brick"
  [ "$(cat "$MODEFILE" 2>/dev/null)" = dir ] && force=force
  cli volume create "$vol" "$HOST:$brick" $force >/dev/null || die "volume create $vol ($HOST:$brick) failed; log: $LOGDIR"
}

# The profile of coprobe-virt (one option at a time; a refusal is fatal: the profile would not be what it says).
apply_profile() {
  local kv out set
  set=$(cli volume info coprobe-virt 2>/dev/null | sed -n 's/^\([a-z.-]*\): \(.*\)$/\1=\2/p')
  for kv in "${VIRT_OPTIONS[@]}"; do
    grep -qxF "$kv" <<<"$set" && continue
    out=$(cli volume set coprobe-virt "${kv%%=*}" "${kv#*=}" 2>&1) || die "volume set coprobe-virt ${kv%%=*} ${kv#*=}: $out"
  done
}

configure() {
  local vol
  for vol in "${VOLS[@]}"; do
    vol_exists "$vol" || create_volume "$vol"
  done
  apply_profile
  for vol in "${VOLS[@]}"; do
    vol_started "$vol" || cli volume start "$vol" force >/dev/null || die "volume start $vol failed; log: $LOGDIR"
  done
  local deadline=$((SECONDS + READY_TIMEOUT_S))
  for vol in "${VOLS[@]}"; do
    until brick_online "$vol"; do
      [ $SECONDS -lt $deadline ] || die "the brick of $vol is not online after ${READY_TIMEOUT_S}s; logs: $LOGDIR/bricks"
      sleep 0.2
    done
  done
}

start() {
  local t0; t0=$(now)
  check_host
  mkdir -p "$RUN" "$DATA" "$LOGDIR" "$WORKDIR"
  mount_bricks
  running || start_glusterd
  configure
  printf 'ci/gluster.sh: running (pid %s), volumes %s:/coprobe and %s:/coprobe-virt (bricks: %s); set up in %.2fs\n' \
    "$(glusterd_pid)" "$HOST" "$HOST" \
    "$([ "$(cat "$MODEFILE")" = loop ] && echo "XFS loop image $IMAGE" || echo "directories under $BRICKS")" \
    "$(awk -v a="$t0" -v b="$(now)" 'BEGIN { print b - a }')"
}

# Kill a pid (TERM, then KILL after 5 s).
stop_pid() {
  local pid=$1 comm=$2
  alive "$pid" "$comm" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 50); do alive "$pid" "$comm" || return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  for _ in $(seq 20); do alive "$pid" "$comm" || return 0; sleep 0.1; done
}

# The CLI sockets (-S) of our brick processes, from their command lines.
brick_sockets() {
  local pid
  for pid in "$@"; do
    tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null | awk 'prev == "-S" { print } { prev = $0 }'
  done
}

# Kill glusterd and the bricks (no volume stop): what a server crash or restart does. $1: brick sockets to remove.
kill_server() {
  local pids socks pid
  pids=$(brick_pids)
  # shellcheck disable=SC2086
  socks="${1:-} $(brick_sockets $pids)"
  stop_pid "$(glusterd_pid)" glusterd
  for pid in $pids; do stop_pid "$pid" glusterfsd; done
  for pid in $(brick_pids); do stop_pid "$pid" glusterfsd; done
  # shellcheck disable=SC2086
  rm -f "$PIDFILE" "$SOCK" $socks
}

stop() {
  local m vol socks
  # shellcheck disable=SC2046
  socks=$(brick_sockets $(brick_pids))
  while IFS= read -r m; do
    [ -n "$m" ] || continue
    timeout 10 umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true
  done <<<"$(our_mounts)"
  if running; then
    for vol in "${VOLS[@]}"; do
      vol_started "$vol" && { cli volume stop "$vol" force >/dev/null 2>&1 || true; }
    done
  fi
  kill_server "$socks"
  unmount_bricks
  rm -rf "$WORKDIR" "$BRICKS" "$IMAGE" "$VOLFILE" "$MODEFILE" "$RUN"/vols "$RUN"/bitd "$RUN"/quotad "$RUN"/scrub "$RUN"/probe-mount.*
}

# Both volumes started, bricks online, and each one really mountable.
status() {
  running || { echo "ci/gluster.sh: glusterd not running"; return 1; }
  local vol dir bad=""
  for vol in "${VOLS[@]}"; do
    if ! vol_started "$vol"; then bad+=" $vol: not started;"; continue; fi
    brick_online "$vol" || { bad+=" $vol: brick offline;"; continue; }
    dir=$(mktemp -d "$RUN/probe-mount.XXXXXX")
    if timeout 15 glusterfs --volfile-server="$HOST" --volfile-id="$vol" --log-file="$LOGDIR/status-mount.log" "$dir" 2>/dev/null &&
      timeout 10 stat -f "$dir" >/dev/null 2>&1 && mountpoint -q "$dir"; then :; else bad+=" $vol: not mountable;"; fi
    mountpoint -q "$dir" && { timeout 10 umount "$dir" 2>/dev/null || umount -l "$dir" 2>/dev/null || true; }
    rmdir "$dir" 2>/dev/null || true
  done
  if [ -n "$bad" ]; then echo "ci/gluster.sh: glusterd running (pid $(glusterd_pid)) but${bad%;}"; return 1; fi
  echo "ci/gluster.sh: running (pid $(glusterd_pid)), $HOST:/coprobe and $HOST:/coprobe-virt started and mountable; bricks (pids $(brick_pids | paste -sd, -)) under $BRICKS"
}

mkdir -p "$RUN" "$DATA"
exec 9>"$RUN/gluster.lock"
flock -w 60 9 || die "another ci/gluster.sh holds $RUN/gluster.lock"
case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  restart)
    # glusterd and the bricks killed and started again over the same bricks and volume definitions (data kept):
    # clients lose the server and reconnect. glusterd restarts the bricks of started volumes itself.
    if [ -e "$WORKDIR/vols" ]; then kill_server; fi
    start
    ;;
  *) die "usage: ci/gluster.sh start|stop|status|restart" ;;
esac
