#!/usr/bin/env bash
# Debian packages coprobe's tests use: losetup/blkid (util-linux, mount), mkfs.ext4 (e2fsprogs), flock, fio for the benchmark,
# qemu-io/qemu-img (qemu-utils) for the image-format probe.
set -euo pipefail
need=()
command -v losetup >/dev/null || need+=(mount)
command -v blkid >/dev/null || need+=(util-linux)
command -v flock >/dev/null || need+=(util-linux)
command -v mkfs.ext4 >/dev/null || need+=(e2fsprogs)
command -v fio >/dev/null || need+=(fio)
{ command -v qemu-io && command -v qemu-img; } >/dev/null || need+=(qemu-utils)
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
# Loop devices: the tests attach their own; make sure the control node exists.
[ -e /dev/loop-control ] || { echo "ci/install-deps: /dev/loop-control missing: the loop-pair tests need loop devices" >&2; exit 1; }
