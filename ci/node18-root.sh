#!/usr/bin/env bash
# Build once (cached) a Debian 12 root holding Debian's own Node.js 18, and print its path: the tests run coprobe under
# it with chroot (a loop-pair run, `coprobe report`) and use it as the ssh test hosts' root (sshd's ChrootDirectory), a
# host with only its distribution's Node and no coprobe, where `coprobe run --deploy` copies coprobe to.
#
# The root is made with mmdebstrap from Debian's archive (the host's apt sources' mirror) and kept under
# ${COPROBE_ROOT_CACHE:-$XDG_CACHE_HOME/coprobe or ~/.cache/coprobe}/node18-root-<key>, the key a hash of the suite, the
# variant and the package list (change either, and a new root is built beside the old one). It is built in a temporary
# directory beside it and renamed into place only when complete, so a killed build never leaves a half root; concurrent
# builds wait for each other (flock). Nothing is mounted into it here: its users bind /dev, /proc, /sys in their own
# mount namespace. Needs root and mmdebstrap (ci/install-deps.sh installs it). About 35 s and 274 MB the first time.
set -euo pipefail
SUITE=bookworm
VARIANT=minbase
# nodejs: Debian's Node 18 (with its own builtins under /usr/share/nodejs); util-linux and mount: blkid and losetup,
# which the agent (device signatures) and the loop-pair run (attaching its devices) call; both are in minbase already.
PACKAGES=(nodejs util-linux mount)
FORMAT=1   # bump when the way the root is made changes
[ "$(id -u)" = 0 ] || { echo "ci/node18-root.sh: needs root (mmdebstrap makes device nodes and chroots)" >&2; exit 2; }
command -v mmdebstrap >/dev/null || { echo "ci/node18-root.sh: mmdebstrap is not installed: apt-get install mmdebstrap (ci/install-deps.sh)" >&2; exit 2; }
key=$(printf '%s\n' "$FORMAT" "$SUITE" "$VARIANT" "${PACKAGES[@]}" | sha256sum | cut -c1-12)
cache=${COPROBE_ROOT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/coprobe}
root="$cache/node18-root-$key"
done_mark=.coprobe-root-complete
if [ -e "$root/$done_mark" ]; then echo "$root"; exit 0; fi
mkdir -p "$cache"
exec 9>"$cache/.node18-root-$key.lock"
flock 9
if [ -e "$root/$done_mark" ]; then echo "$root"; exit 0; fi   # built by another process while this one waited
[ ! -e "$root" ] || { echo "ci/node18-root.sh: $root exists but is not a complete root: remove it (rm -rf '$root') and run again" >&2; exit 1; }
tmp=$(mktemp -d "$cache/.node18-root-$key.XXXXXX")
trap 'rm -rf --one-file-system "$tmp"' EXIT
# The host's Debian mirror (deb.debian.org unless its sources say otherwise); stdin closed: mmdebstrap would read mirror lines from it.
mirror=$(sed -n 's/^URIs: *\(\S*debian\)\/*$/\1/p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -n1)
mirror=${mirror:-http://deb.debian.org/debian}
t0=$(date +%s)
mmdebstrap --quiet --variant="$VARIANT" --include="$(IFS=,; echo "${PACKAGES[*]}")" "$SUITE" "$tmp" "$mirror" </dev/null >&2
chmod 755 "$tmp"   # sshd's ChrootDirectory wants it root-owned and writable by root only (mktemp made it 0700)
"$tmp/usr/bin/node" --version >/dev/null 2>&1 || chroot "$tmp" node --version >/dev/null
touch "$tmp/$done_mark"
mv -T "$tmp" "$root"
trap - EXIT
echo "ci/node18-root.sh: built $root in $(( $(date +%s) - t0 )) s ($(du -sh --one-file-system "$root" | cut -f1)), Node $(chroot "$root" node --version)" >&2
echo "$root"
