#!/usr/bin/env bash
# A loopback NFS-Ganesha (FSAL VFS) for the libnfs tests: `ci/ganesha.sh start|stop|status`, no service manager needed.
#
# One export: /var/tmp/coprobe-ci/nfs-export (a real ext4/xfs directory, FSAL VFS needs open_by_handle_at), Pseudo /export,
# NFSv3 and NFSv4, RW, no_root_squash, reachable as nfs://127.0.0.1/export (v3 mounts use the Pseudo path too:
# mount_path_pseudo). Config, log and state are generated under /var/tmp/coprobe-ci, pid files under /run/coprobe-ci;
# nothing in /etc is read or changed. Without a system D-Bus ganesha logs DBUS CRIT lines and keeps working.
#
# What is configured, and why (the aim is a server that behaves like a real one):
# - Graceless = true: the one thing turned off. With the default 90 s grace period every NFSv4 OPEN fails with
#   NFS4ERR_GRACE (libnfs: EIO) and even an NFSv3 create fails with NFS3ERR_JUKEBOX (libnfs: EAGAIN) until it ends, and
#   libnfs does not retry either. A freshly started test server has no client state to reclaim, so grace buys nothing.
#   Grace_Period is left at its default (unused when graceless); Lease_Lifetime stays at the default 60 s (an NFSv4 client
#   that dies without CLOSE keeps its open state that long, as on any server).
# - MDCACHE: ganesha's defaults, kept. It caches handles, attributes and directory chunks; it is the only server, and it
#   updates that cache on its own operations, so every NFS client (both sides) sees one coherent view. Only changes made to
#   the exported directory behind ganesha's back (e.g. `rm` on the server) can be seen late, for up to
#   Attr_Expiration_Time (default 60 s, written out below so it is visible). File data is not cached by ganesha: FSAL VFS
#   reads and writes the backing filesystem through the server kernel's page cache, like a kernel nfsd.
# - NFS_Commit = false (default, kept): UNSTABLE writes are answered before they are durable and COMMIT fsyncs them, as a
#   real server does. true would make every WRITE FILE_SYNC and hide the difference between flushed and unflushed data.
# - Delegations = None (default, kept): no read/write delegations are handed out, so no client caches under a delegation.
# - Loopback only: ganesha binds 127.0.0.1, TCP only (Enable_UDP = false); NLM and RQUOTA are off (libnfs uses neither,
#   and NLM would need rpc.statd); Kerberos is off. rpcbind (needed by NFSv3 through libnfs: MOUNT and NFS are found
#   through the portmapper) is started by this script only when none answers. It listens on all addresses: Debian's
#   rpcbind 1.2.6 aborts ("double free") when given -h 127.0.0.1, and it only maps to the loopback-bound services.
# - COPROBE_CI_LISTEN=ADDR[/PREFIX] (optional; PREFIX defaults to 24): also serve the clients of that network, e.g.
#   network namespaces behind veths whose host end is ADDR (inside a namespace 127.0.0.1 is its own loopback). Ganesha
#   binds one address, so it then binds all (0.0.0.0) and the export admits only 127.0.0.1 and that network (CLIENT
#   block; everyone else gets no access). start with it on a ganesha running without it fails: stop first. Unset, the
#   server is loopback-only as described above.
set -euo pipefail

RUN_DIR=/run/coprobe-ci
STATE_DIR=/var/tmp/coprobe-ci
EXPORT_DIR=$STATE_DIR/nfs-export
RECOVERY_DIR=$STATE_DIR/ganesha-recovery
CONF=$STATE_DIR/ganesha.conf
LOG=$STATE_DIR/ganesha.log
OUT=$STATE_DIR/ganesha.out
PID_FILE=$RUN_DIR/ganesha.pid
RPCBIND_PID_FILE=$RUN_DIR/ganesha-rpcbind.pid
LOCK_FILE=$RUN_DIR/ganesha.lock
HOST=127.0.0.1
READY_TIMEOUT_S=${COPROBE_GANESHA_READY_TIMEOUT:-30}
LISTEN_FILE=$RUN_DIR/ganesha.listen
EXTRA_LISTEN=${COPROBE_CI_LISTEN:-}

die() { echo "ci/ganesha: $*" >&2; exit 1; }

# A pid that is alive and not a zombie (pid 1 here may not reap, and kill -0 succeeds on a zombie), running $2.
alive() {
  local pid=$1 comm=$2 state
  [ -n "$pid" ] && [ -r "/proc/$pid/stat" ] || return 1
  state=$(sed 's/^.*) \(.\).*$/\1/' "/proc/$pid/stat" 2>/dev/null) || return 1
  [ "$state" != Z ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$comm" ]
}

ganesha_pid() { [ -r "$PID_FILE" ] && cat "$PID_FILE" || true; }
ganesha_running() { alive "$(ganesha_pid)" ganesha.nfsd; }

rpcbind_answers() { timeout 5 rpcinfo -p "$HOST" >/dev/null 2>&1; }

# Both protocol versions answer a directory listing of the export through libnfs.
nfs_answers() {
  timeout 5 nfs-ls "nfs://$HOST/export?version=3" >/dev/null 2>&1 &&
    timeout 5 nfs-ls "nfs://$HOST/export?version=4" >/dev/null 2>&1
}

plugins_dir() {
  local d
  for d in /usr/lib/*/ganesha /usr/lib64/ganesha /usr/lib/ganesha; do
    [ -e "$d/libfsalvfs.so" ] && { echo "$d"; return 0; }
  done
  return 1
}

# COPROBE_CI_LISTEN as the network it names (host bits cleared): "10.213.0.0/16"; empty when unset.
extra_network() {
  [ -n "$EXTRA_LISTEN" ] || return 0
  local addr=${EXTRA_LISTEN%%/*} prefix=24 a b c d n mask
  [[ $EXTRA_LISTEN == */* ]] && prefix=${EXTRA_LISTEN#*/}
  [[ $prefix =~ ^[0-9]{1,2}$ ]] && [ "$prefix" -le 32 ] && [[ $addr =~ ^([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})$ ]] \
    || die "COPROBE_CI_LISTEN must be ADDR[/PREFIX] with an IPv4 ADDR (got '$EXTRA_LISTEN')"
  a=${BASH_REMATCH[1]} b=${BASH_REMATCH[2]} c=${BASH_REMATCH[3]} d=${BASH_REMATCH[4]}
  n=$(( (a << 24) | (b << 16) | (c << 8) | d ))
  mask=$(( prefix == 0 ? 0 : (0xffffffff << (32 - prefix)) & 0xffffffff ))
  n=$(( n & mask ))
  echo "$(( n >> 24 & 255 )).$(( n >> 16 & 255 )).$(( n >> 8 & 255 )).$(( n & 255 ))/$prefix"
}

write_config() {
  local plugins=$1 net bind=$HOST access=RW clients=""
  net=$(extra_network)
  if [ -n "$net" ]; then
    bind=0.0.0.0 access=None
    clients="  CLIENT {
    Clients = 127.0.0.1, $net;
    Access_Type = RW;
    Squash = No_root_squash;
  }"
  fi
  cat >"$CONF" <<EOF
# Generated by ci/ganesha.sh: see the comments there. Loopback-only NFS-Ganesha for coprobe's libnfs tests.
NFS_CORE_PARAM {
  Bind_addr = $bind;
  Protocols = 3, 4;
  Enable_UDP = false;
  Enable_NLM = false;
  Enable_RQUOTA = false;
  mount_path_pseudo = true;
  Plugins_Dir = "$plugins";
}
NFS_KRB5 {
  Active_krb5 = false;
}
NFSv4 {
  Graceless = true;
  Lease_Lifetime = 60;
  RecoveryRoot = "$RECOVERY_DIR";
}
MDCACHE {
  # Defaults, written out as documentation.
  Dir_Chunk = 128;
  Entries_HWMark = 100000;
}
EXPORT {
  Export_Id = 1;
  Path = "$EXPORT_DIR";
  Pseudo = "/export";
  Protocols = 3, 4;
  Transports = TCP;
  Access_Type = $access;
  Squash = No_root_squash;
  SecType = sys;
  NFS_Commit = false;
  Delegations = None;
  Attr_Expiration_Time = 60;
  FSAL {
    Name = VFS;
  }
$clients
}
LOG {
  Default_Log_Level = EVENT;
}
EOF
}

log_tail() { [ -r "$LOG" ] && tail -n 25 "$LOG" | sed 's/^/  /' >&2; [ -s "$OUT" ] && tail -n 10 "$OUT" | sed 's/^/  /' >&2; true; }

start_rpcbind() {
  rpcbind_answers && return 0
  command -v rpcbind >/dev/null || die "rpcbind is not installed (Debian package rpcbind; see ci/install-deps.sh)"
  setsid rpcbind -f >"$STATE_DIR/rpcbind.out" 2>&1 </dev/null 9>&- &
  echo $! >"$RPCBIND_PID_FILE"
  for _ in $(seq 50); do rpcbind_answers && return 0; sleep 0.1; done
  cat "$STATE_DIR/rpcbind.out" >&2 || true
  die "rpcbind started (pid $(cat "$RPCBIND_PID_FILE")) but does not answer on $HOST:111"
}

start() {
  local net
  net=$(extra_network)
  if ganesha_running; then
    if [ -n "$net" ] && [ "$(cat "$LISTEN_FILE" 2>/dev/null)" != "$net" ]; then
      die "ganesha (pid $(ganesha_pid)) runs without serving $net (COPROBE_CI_LISTEN): stop it first"
    fi
    nfs_answers || die "ganesha (pid $(ganesha_pid)) is running but NFSv3/v4 on $HOST do not answer; try: $0 stop && $0 start"
    echo "ci/ganesha: already running (pid $(ganesha_pid)), nfs://$HOST/export"
    return 0
  fi
  command -v ganesha.nfsd >/dev/null || die "ganesha.nfsd is not installed (Debian packages nfs-ganesha nfs-ganesha-vfs)"
  command -v nfs-ls >/dev/null || die "nfs-ls is not installed (Debian package libnfs-utils)"
  local plugins
  plugins=$(plugins_dir) || die "FSAL VFS (libfsalvfs.so) not found: install Debian's nfs-ganesha-vfs"
  mkdir -p "$EXPORT_DIR"
  # No client state survives a restart (the server is graceless), so old recovery records are dropped.
  rm -rf "$RECOVERY_DIR" && mkdir -p "$RECOVERY_DIR"
  write_config "$plugins"
  if [ -n "$net" ]; then echo "$net" >"$LISTEN_FILE"; else rm -f "$LISTEN_FILE"; fi
  start_rpcbind
  [ -e "$LOG" ] && mv -f "$LOG" "$LOG.prev"
  rm -f "$PID_FILE"
  setsid ganesha.nfsd -F -f "$CONF" -L "$LOG" -p "$PID_FILE" -N NIV_EVENT >"$OUT" 2>&1 </dev/null 9>&- &
  local pid=$!
  echo "$pid" >"$PID_FILE"
  local deadline=$((SECONDS + READY_TIMEOUT_S))
  until nfs_answers; do
    if ! alive "$pid" ganesha.nfsd; then
      echo "ci/ganesha: ganesha.nfsd (pid $pid) died during start; last lines of $LOG:" >&2
      log_tail
      rm -f "$PID_FILE"
      exit 1
    fi
    if [ $SECONDS -ge $deadline ]; then
      echo "ci/ganesha: NFSv3/v4 on $HOST did not answer within ${READY_TIMEOUT_S}s (pid $pid); last lines of $LOG:" >&2
      log_tail
      exit 1
    fi
    sleep 0.2
  done
  # NFSv4 OPEN/create fails during a grace period: make sure the server really skipped it.
  grep -q 'skipping GRACE' "$LOG" || {
    echo "ci/ganesha: ganesha did not skip its grace period: NFSv4 opens would fail with NFS4ERR_GRACE; last lines of $LOG:" >&2
    log_tail
    exit 1
  }
  echo "ci/ganesha: started (pid $pid), nfs://$HOST/export -> $EXPORT_DIR (log $LOG)${net:+; also serving $net (bound to all addresses)}"
}

stop_pid() {
  local pid=$1 comm=$2
  alive "$pid" "$comm" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 100); do alive "$pid" "$comm" || return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
}

stop() {
  local pid
  pid=$(ganesha_pid)
  if alive "$pid" ganesha.nfsd; then
    stop_pid "$pid" ganesha.nfsd
    echo "ci/ganesha: stopped ganesha (pid $pid)"
  fi
  rm -f "$PID_FILE" "$LISTEN_FILE"
  if [ -r "$RPCBIND_PID_FILE" ]; then
    pid=$(cat "$RPCBIND_PID_FILE")
    if alive "$pid" rpcbind; then
      stop_pid "$pid" rpcbind
      echo "ci/ganesha: stopped rpcbind (pid $pid), started by this script"
    fi
    rm -f "$RPCBIND_PID_FILE"
  fi
}

status() {
  if ganesha_running; then
    local net
    net=$(cat "$LISTEN_FILE" 2>/dev/null || true)
    echo "ci/ganesha: running (pid $(ganesha_pid)), nfs://$HOST/export -> $EXPORT_DIR${net:+; also serving $net (bound to all addresses)}"
    return 0
  fi
  echo "ci/ganesha: not running"
  return 1
}

mkdir -p "$RUN_DIR" "$STATE_DIR"
cmd=${1:-}
case "$cmd" in
  start|stop)
    # One start/stop at a time (parallel test files may all call start).
    exec 9>"$LOCK_FILE"
    flock 9
    "$cmd"
    ;;
  status) status ;;
  restart)
    # ganesha.nfsd stopped (SIGTERM: clients' connections and state dropped) and started again over the same export
    # directory; rpcbind is kept. Graceless, so the new server answers at once.
    exec 9>"$LOCK_FILE"
    flock 9
    # A server started to serve another network too (COPROBE_CI_LISTEN, recorded in ganesha.listen) keeps serving it.
    [ -n "${EXTRA_LISTEN:-}" ] || EXTRA_LISTEN=$(cat "$RUN_DIR/ganesha.listen" 2>/dev/null || true)
    if ganesha_running; then
      stop_pid "$(ganesha_pid)" ganesha.nfsd
      rm -f "$PID_FILE"
    fi
    start
    ;;
  *) die "usage: $0 start|stop|restart|status" ;;
esac
