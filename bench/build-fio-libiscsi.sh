#!/usr/bin/env bash
# Build Debian's fio with the libiscsi engine in a scratch dir (outside the repo); prints the binary's path on stdout.
#
# Debian's fio is built without libiscsi. This fetches Debian's fio source (the installed version) and libiscsi-dev
# (matching the installed libiscsi7) with apt using a private sources list and private state/cache dirs (the system's
# apt configuration is never touched), unpacks libiscsi-dev with dpkg -x for its headers and .pc, links against the
# installed libiscsi.so.7 through a dev symlink made in the scratch dir, and configures fio with --enable-libiscsi.
# Idempotent: a finished build that lists libiscsi in `fio --enghelp` is reused. Logs go to stderr.
set -euo pipefail

S=${COPROBE_FIO_DIR:-/var/tmp/coprobe-bench/fio}
MIRROR=${COPROBE_DEBIAN_MIRROR:-http://deb.debian.org/debian}
SUITE=bookworm
KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg
MULTIARCH=$(gcc -print-multiarch 2>/dev/null || echo x86_64-linux-gnu)
BIN=$S/src/fio

log() { echo "build-fio-libiscsi: $*" >&2; }
die() { log "$*"; exit 1; }
has_libiscsi() { [ -x "$1" ] && "$1" --enghelp 2>/dev/null | grep -qw libiscsi; }

if has_libiscsi "$BIN"; then echo "$BIN"; exit 0; fi

for t in gcc make pkg-config dpkg-source apt-get; do command -v "$t" >/dev/null || die "$t is missing (build-essential, pkg-config, dpkg-dev)"; done
LIBVER=$(dpkg-query -W -f='${Version}' libiscsi7 2>/dev/null) || die "libiscsi7 is not installed (apt-get install libiscsi7)"
FIOVER=$(dpkg-query -W -f='${Version}' fio 2>/dev/null || true)
[ -e "/usr/lib/$MULTIARCH/libiscsi.so.7" ] || die "/usr/lib/$MULTIARCH/libiscsi.so.7 not found"

mkdir -p "$S/apt/lists/partial" "$S/apt/cache/archives/partial" "$S/apt/sources.list.d" "$S/apt/preferences.d" "$S/dl" "$S/lib"
cat >"$S/apt/sources.list" <<EOF
deb [signed-by=$KEYRING] $MIRROR $SUITE main
deb-src [signed-by=$KEYRING] $MIRROR $SUITE main
EOF
APT=(apt-get -q -o "Dir::Etc::SourceList=$S/apt/sources.list" -o "Dir::Etc::SourceParts=$S/apt/sources.list.d"
  -o "Dir::Etc::PreferencesParts=$S/apt/preferences.d" -o "Dir::State::Lists=$S/apt/lists" -o "Dir::Cache=$S/apt/cache"
  -o "Dir::Cache::archives=$S/apt/cache/archives" -o APT::Sandbox::User=root)

if [ ! -d "$S/src" ]; then
  log "apt-get update (private lists in $S/apt)"
  "${APT[@]}" update >&2
  log "fetching fio source ${FIOVER:-(latest in $SUITE)} and libiscsi-dev $LIBVER"
  rm -rf "$S/dl"; mkdir -p "$S/dl"
  (cd "$S/dl" && "${APT[@]}" source "fio${FIOVER:+=$FIOVER}" >&2 && "${APT[@]}" download "libiscsi-dev=$LIBVER" >&2)
  dpkg -x "$S"/dl/libiscsi-dev_*.deb "$S/libiscsi-dev"
  src=$(find "$S/dl" -maxdepth 1 -mindepth 1 -type d -name 'fio-*' | head -n 1)
  [ -n "$src" ] || die "apt-get source produced no fio-* directory in $S/dl"
  mv "$src" "$S/src"
fi

# A dev symlink to the installed runtime library, and the .pc file pointed at the unpacked headers and that symlink.
ln -sfn "/usr/lib/$MULTIARCH/libiscsi.so.7" "$S/lib/libiscsi.so"
mkdir -p "$S/pkgconfig"
pc=$(find "$S/libiscsi-dev" -name libiscsi.pc | head -n 1)
[ -n "$pc" ] || die "libiscsi.pc not found in the unpacked libiscsi-dev"
sed -e "s|^prefix=.*|prefix=$S/libiscsi-dev/usr|" -e "s|^libdir=.*|libdir=$S/lib|" \
  -e "s|^includedir=.*|includedir=$S/libiscsi-dev/usr/include|" "$pc" >"$S/pkgconfig/libiscsi.pc"

cd "$S/src"
log "configuring fio with --enable-libiscsi"
PKG_CONFIG_PATH=$S/pkgconfig ./configure --enable-libiscsi >"$S/configure.log" 2>&1 || die "configure failed; see $S/configure.log"
grep -Eq '^iscsi engine +yes' "$S/configure.log" || die "configure did not enable libiscsi: $(grep -i iscsi "$S/configure.log" | tr '\n' ' ') (see $S/configure.log)"
log "building (make -j$(nproc)), log in $S/make.log"
make -j"$(nproc)" >"$S/make.log" 2>&1 || die "make failed; tail of $S/make.log: $(tail -n 5 "$S/make.log")"
has_libiscsi "$BIN" || die "built $BIN but its --enghelp lists no libiscsi"
echo "$BIN"
