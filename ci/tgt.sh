#!/usr/bin/env bash
# A loopback-only iSCSI target (Debian tgt) for the libiscsi side's tests: start|stop|status|export NAME FILE|unexport NAME.
#
# tgtd runs in the foreground of its own session (setsid), so its log goes to a file and it outlives this script;
# pidfile and log live under /run/coprobe-ci, scratch LUN files under /var/tmp/coprobe-ci. Its management socket is
# /var/run/tgtd/socket.$CTL (its own control port), so a system tgtd on socket.0 is never touched.
# start is a no-op when tgtd already runs (it only re-creates a missing default target); stop when stopped is a no-op.
#
# COPROBE_CI_LISTEN=ADDR[/PREFIX] (optional, e.g. the host end of a network namespace's veth): start also opens the portal
# ADDR:3260, for initiators in network namespaces (where 127.0.0.1 is their own loopback). The address must exist when
# start runs; a running tgtd gets the portal added. `unlisten ADDR` closes it again (stop closes every portal). Unset, the
# portal is 127.0.0.1 only, as always.
#
# Backing-store flags: --bsoflags direct (tgt opens the file O_DIRECT), so tgt keeps no page cache of its own over the
# file, as a real array shares none with the host. Measured here (Debian 12 tgt 1.0.85, ext4 on virtio, kernel 6.18):
# the LUN is created with flags "direct", /proc/<tgtd>/fdinfo shows O_DIRECT (0140002), and 512-byte and 4 KiB
# reads/writes through libiscsi succeed. If a filesystem refuses O_DIRECT (the LUN cannot be created), the script
# falls back to no flags and says so on stderr.
set -euo pipefail

STATE=${COPROBE_CI_RUN:-/run/coprobe-ci}
DATA=${COPROBE_CI_DATA:-/var/tmp/coprobe-ci}
CTL=32
PORTAL_HOST=127.0.0.1
PORTAL_PORT=3260
PIDFILE=$STATE/tgtd.pid
LOG=$STATE/tgtd.log
IQN_PREFIX=iqn.2026-11.org.coprobe
CHAP_USER=coprobe
CHAP_PASSWORD=coprobe-secret-1
SIZE=96M
EXTRA_LISTEN=${COPROBE_CI_LISTEN:-}
EXTRA_ADDR=${EXTRA_LISTEN%%/*}

die() { echo "ci/tgt.sh: $*" >&2; exit 1; }
adm() { tgtadm -C "$CTL" --lld iscsi "$@"; }

# Whether our tgtd (the pid in the pidfile, still a tgtd) is alive.
running() {
  [ -s "$PIDFILE" ] || return 1
  local pid; pid=$(cat "$PIDFILE")
  [ -r "/proc/$pid/comm" ] && [ "$(cat "/proc/$pid/comm")" = tgtd ] && ! grep -q '^State:.*Z' "/proc/$pid/status"
}

# Tid of the target with this IQN, empty when absent.
tid_of() { adm --mode target --op show | awk -v iqn="$1" '$1 == "Target" && $3 == iqn { sub(":", "", $2); print $2 }'; }
# Backing file of LUN 1 of the target with this IQN.
backing_of() {
  adm --mode target --op show | awk -v iqn="$1" '$1 == "Target" { on = ($3 == iqn) } on && /LUN: 1$/ { lun = 1 }
    on && lun && /Backing store path:/ { print $4; exit }'
}
next_tid() { adm --mode target --op show | awk '$1 == "Target" { sub(":", "", $2); if ($2 > m) m = $2 } END { print m + 1 }'; }

# Add target IQN with LUN 1 over FILE, O_DIRECT if the filesystem allows it, open to all (loopback) initiators.
add_target() {
  local iqn=$1 file=$2 tid; tid=$(next_tid)
  adm --mode target --op new --tid "$tid" --targetname "$iqn"
  if ! adm --mode logicalunit --op new --tid "$tid" --lun 1 --backing-store "$file" --bsoflags direct 2>/dev/null; then
    echo "ci/tgt.sh: O_DIRECT refused on $file; LUN without --bsoflags direct (tgt may cache it)" >&2
    adm --mode logicalunit --op new --tid "$tid" --lun 1 --backing-store "$file" \
      || { adm --mode target --op delete --force --tid "$tid"; die "cannot create LUN 1 over $file (log: $LOG)"; }
  fi
  adm --mode target --op bind --tid "$tid" --initiator-address ALL
  echo "$tid"
}

# The default target and the CHAP target, created when missing.
configure() {
  if [ -z "$(tid_of "$IQN_PREFIX:lun")" ]; then
    [ -e "$DATA/lun.img" ] || truncate -s "$SIZE" "$DATA/lun.img"
    add_target "$IQN_PREFIX:lun" "$DATA/lun.img" >/dev/null
  fi
  if [ -z "$(tid_of "$IQN_PREFIX:chap")" ]; then
    [ -e "$DATA/chap.img" ] || truncate -s "$SIZE" "$DATA/chap.img"
    local tid; tid=$(add_target "$IQN_PREFIX:chap" "$DATA/chap.img")
    adm --mode account --op show | grep -x "[[:space:]]*$CHAP_USER" >/dev/null \
      || adm --mode account --op new --user "$CHAP_USER" --password "$CHAP_PASSWORD"
    adm --mode account --op bind --tid "$tid" --user "$CHAP_USER"
  fi
}

# Wait until the portal lists the default target (proves the listener and the configuration).
wait_portal() {
  for _ in $(seq 1 50); do
    running || { echo "ci/tgt.sh: tgtd died; log tail ($LOG):" >&2; tail -n 20 "$LOG" >&2; exit 1; }
    timeout 2 iscsi-ls "iscsi://$PORTAL_HOST:$PORTAL_PORT" 2>/dev/null | grep -F "$IQN_PREFIX:lun" >/dev/null && return 0
    sleep 0.1
  done
  die "portal $PORTAL_HOST:$PORTAL_PORT does not answer after 5 s; log tail ($LOG):
$(tail -n 20 "$LOG")"
}

# The portal ADDR:PORT is open.
has_portal() { adm --mode portal --op show | grep -qxF "Portal: $1:$PORTAL_PORT,1"; }

# COPROBE_CI_LISTEN: open the extra portal when it is not open yet.
listen_extra() {
  [ -n "$EXTRA_ADDR" ] || return 0
  [[ $EXTRA_ADDR =~ ^[0-9]{1,3}(\.[0-9]{1,3}){3}$ ]] || die "COPROBE_CI_LISTEN must be an IPv4 address (got '$EXTRA_LISTEN')"
  has_portal "$EXTRA_ADDR" && return 0
  adm --mode portal --op new --param "portal=$EXTRA_ADDR:$PORTAL_PORT" \
    || die "cannot open the portal $EXTRA_ADDR:$PORTAL_PORT (does the address exist here?)"
}

# The portals other than the loopback one, comma-separated (for status).
extra_portals() { adm --mode portal --op show | awk -v lo="$PORTAL_HOST:$PORTAL_PORT,1" '$1 == "Portal:" && $2 != lo { sub(",1$", "", $2); printf "%s%s", (n++ ? ", " : ""), $2 }'; }

start() {
  if running; then configure; listen_extra; return 0; fi
  if timeout 1 bash -c "</dev/tcp/$PORTAL_HOST/$PORTAL_PORT" 2>/dev/null; then
    die "$PORTAL_HOST:$PORTAL_PORT is already served by another process (a system tgtd?): stop it first"
  fi
  : >"$LOG"
  setsid /usr/sbin/tgtd -f -C "$CTL" --iscsi "portal=$PORTAL_HOST:$PORTAL_PORT" </dev/null >>"$LOG" 2>&1 9>&- &
  echo $! >"$PIDFILE"
  for _ in $(seq 1 50); do
    running || { echo "ci/tgt.sh: tgtd exited on start; log tail ($LOG):" >&2; tail -n 20 "$LOG" >&2; rm -f "$PIDFILE"; exit 1; }
    adm --mode target --op show >/dev/null 2>&1 && break
    sleep 0.1
  done
  configure
  wait_portal
  listen_extra
}

stop() {
  running || { rm -f "$PIDFILE"; return 0; }
  local pid tid; pid=$(cat "$PIDFILE")
  for tid in $(adm --mode target --op show | awk '$1 == "Target" { sub(":", "", $2); print $2 }'); do
    adm --mode target --op delete --force --tid "$tid" || true
  done
  tgtadm -C "$CTL" --mode system --op delete || kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do running || break; sleep 0.1; done
  running && kill -KILL "$pid" 2>/dev/null || true
  rm -f "$PIDFILE" "$DATA/lun.img" "$DATA/chap.img"
}

# export NAME FILE: target iqn…:NAME with LUN 1 over FILE; prints its URL. Exporting the same file again is a no-op.
export_file() {
  local name=$1 file=$2 iqn tid
  [[ $name =~ ^[a-z0-9][a-z0-9.-]*$ ]] || die "export: NAME must be lowercase letters, digits, '.' or '-' (got '$name')"
  [ "$name" != lun ] && [ "$name" != chap ] || die "export: '$name' is reserved for the default targets"
  [ -e "$file" ] || die "export: $file does not exist"
  running || die "tgtd is not running: run ci/tgt.sh start first"
  file=$(readlink -f "$file"); iqn="$IQN_PREFIX:$name"; tid=$(tid_of "$iqn")
  if [ -n "$tid" ]; then
    [ "$(backing_of "$iqn")" = "$file" ] \
      || die "export: $iqn already exists over another file; unexport $name first"
  else
    add_target "$iqn" "$file" >/dev/null
  fi
  echo "iscsi://$PORTAL_HOST:$PORTAL_PORT/$iqn/1"
}

unexport() {
  local name=$1 tid
  running || return 0
  tid=$(tid_of "$IQN_PREFIX:$name")
  [ -z "$tid" ] || adm --mode target --op delete --force --tid "$tid"
}

mkdir -p "$STATE" "$DATA"
exec 9>"$STATE/tgt.lock"
flock -w 30 9 || die "another ci/tgt.sh holds $STATE/tgt.lock"
case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status)
    if running; then
      extra=$(extra_portals)
      echo "tgtd running (pid $(cat "$PIDFILE")), portal $PORTAL_HOST:$PORTAL_PORT${extra:+; also $extra}"
    else echo "tgtd not running"; exit 1; fi ;;
  export) [ $# -eq 3 ] || die "usage: ci/tgt.sh export NAME FILE"; export_file "$2" "$3" ;;
  unexport) [ $# -eq 2 ] || die "usage: ci/tgt.sh unexport NAME"; unexport "$2" ;;
  unlisten)
    [ $# -eq 2 ] || die "usage: ci/tgt.sh unlisten ADDR"
    if running && has_portal "${2%%/*}"; then adm --mode portal --op delete --param "portal=${2%%/*}:$PORTAL_PORT"; fi ;;
  restart)
    # tgtd stopped (sessions dropped) and started again over the same backing files, with every target it served:
    # what a server restart does to its initiators, without touching the data.
    if running; then
      saved=$(adm --mode target --op show | awk '$1 == "Target" { iqn = $3; lun = 0 } /LUN: 1$/ { lun = 1 }
        lun && /Backing store path:/ { print iqn, $4; lun = 0 }')
      portals=$(adm --mode portal --op show | awk '$1 == "Portal:" { sub(",1$", "", $2); print $2 }')
      pid=$(cat "$PIDFILE")
      for tid in $(adm --mode target --op show | awk '$1 == "Target" { sub(":", "", $2); print $2 }'); do
        adm --mode target --op delete --force --tid "$tid" || true
      done
      tgtadm -C "$CTL" --mode system --op delete || kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do running || break; sleep 0.1; done
      if running; then
        kill -KILL "$pid" 2>/dev/null || true
        for _ in $(seq 1 50); do running || break; sleep 0.1; done
      fi
      rm -f "$PIDFILE"
    fi
    start
    while read -r iqn file; do
      if [ -n "$iqn" ] && [ -z "$(tid_of "$iqn")" ]; then add_target "$iqn" "$file" >/dev/null; fi
    done <<<"${saved:-}"
    for portal in ${portals:-}; do
      adm --mode portal --op show | grep -qxF "Portal: $portal,1" || adm --mode portal --op new --param "portal=$portal"
    done
    echo "tgtd restarted (pid $(cat "$PIDFILE")), portal $PORTAL_HOST:$PORTAL_PORT"
    ;;
  *) die "usage: ci/tgt.sh start|stop|restart|status|export NAME FILE|unexport NAME|unlisten ADDR" ;;
esac
