#!/usr/bin/env bash
# Debian packages coprobe's tests use: losetup/blkid (util-linux, mount), mkfs.ext4 (e2fsprogs), flock, fio for the benchmark,
# qemu-io/qemu-img (qemu-utils) for the image-format probe; the userspace sides' libraries (libiscsi7, libnfs13) and the servers
# they are tested against: tgt (iSCSI target), nfs-ganesha with its VFS backend and rpcbind, plus iscsi-ls/nfs-ls for diagnosis;
# for the reports: chromium (the HTML report is checked in a real headless browser) and xmllint (libxml2-utils: JUnit XML
# validated against its schema); for the ssh tests: OpenSSH's server and client (openssh-server; the tests run their own
# sshd with their own config in network namespaces, never the system's) and ip (iproute2) for the namespaces.
# Installing openssh-server on a machine with systemd also enables and starts the system's sshd (Debian's default).
# For `coprobe lab`: qemu-system-x86 (the guest), busybox-static (its initramfs), kmod (depmod/modprobe on the unpacked
# kernel), xz-utils (unpacks vmlinux), and the storage software the guest runs from the host's own root:
# nfs-kernel-server (+ nfs-common, rpcbind), open-iscsi, tgt, glusterd and the Ceph daemons. Their services are installed but not started on the host
# (a policy-rc.d that refuses start-up is in place during the install, and removed after): the guest starts its own.
# On a host booted with systemd the packages' units are still enabled and start at its next boot; on a machine that is
# not only a lab, disable them: systemctl disable --now nfs-server rpcbind rpc-statd iscsid open-iscsi tgt.
set -euo pipefail
need=()
command -v losetup >/dev/null || need+=(mount)
command -v blkid >/dev/null || need+=(util-linux)
command -v flock >/dev/null || need+=(util-linux)
command -v mkfs.ext4 >/dev/null || need+=(e2fsprogs)
command -v fio >/dev/null || need+=(fio)
{ command -v qemu-io && command -v qemu-img; } >/dev/null || need+=(qemu-utils)
lib() { ldconfig -p | grep -q "$1" || need+=("$2"); }
lib libiscsi.so.7 libiscsi7
lib libnfs.so.13 libnfs13
command -v tgtd >/dev/null || need+=(tgt)
command -v ganesha.nfsd >/dev/null || need+=(nfs-ganesha)
[ -e /usr/lib/x86_64-linux-gnu/ganesha/libfsalvfs.so ] || [ -n "$(ls /usr/lib/*/ganesha/libfsalvfs.so 2>/dev/null)" ] || need+=(nfs-ganesha-vfs)
command -v rpcbind >/dev/null || need+=(rpcbind)
command -v iscsi-ls >/dev/null || need+=(libiscsi-bin)
command -v nfs-ls >/dev/null || need+=(libnfs-utils)
command -v chromium >/dev/null || need+=(chromium)
command -v xmllint >/dev/null || need+=(libxml2-utils)
{ command -v sshd || [ -x /usr/sbin/sshd ]; } >/dev/null || need+=(openssh-server)
{ command -v ssh && command -v ssh-keygen; } >/dev/null || need+=(openssh-client)
command -v ip >/dev/null || need+=(iproute2)
# coprobe's runtime and `coprobe lab`: the lists ci/Containerfile installs too (ci/packages/runtime.txt and
# ci/packages/lab.txt, one package a line, '#' comments). nodejs: Debian's, only where no node is on PATH (a Node 20
# from elsewhere builds and tests coprobe; Debian's 18 must not shadow it).
here=$(dirname "$0")
while read -r pkg; do
  if [ "$pkg" = nodejs ] && command -v node >/dev/null; then continue; fi
  dpkg-query -W -f '${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed' || need+=("$pkg")
done < <(sed 's/#.*//' "$here/packages/runtime.txt" "$here/packages/lab.txt" | awk 'NF { print $1 }')
# The CI image (ci/build-image.sh, also installed by it when missing): podman with runc, mmdebstrap for its base.
command -v podman >/dev/null || need+=(podman)
command -v runc >/dev/null || need+=(runc)
# The Node 18 tests (test/node18.test.ts, test/deploy.test.ts): ci/node18-root.sh makes a Debian 12 root with Debian's own
# nodejs (the remote hosts' root in the --deploy tests) with mmdebstrap; it runs under chroot in mount namespaces (unshare).
command -v mmdebstrap >/dev/null || need+=(mmdebstrap)
command -v unshare >/dev/null || need+=(util-linux)   # the lab's Ceph scenarios read the MDS session list (JSON)
# Clustered and distributed storage (ci/gluster.sh, ci/ceph.sh; the lab guest runs the same daemons from the host's root):
# GlusterFS server and FUSE client, libgfapi (the libgfapi side, as QEMU's gluster:// driver); a single-host Ceph (mon, OSD,
# MDS), ceph-fuse, the rbd/ceph CLIs (ceph-common), librbd (the librbd side, as QEMU's rbd: driver) and QEMU's own
# userspace block drivers (qemu-block-extra: block-rbd.so, block-gluster.so).
command -v glusterd >/dev/null || need+=(glusterfs-server)
command -v mkfs.xfs >/dev/null || need+=(xfsprogs)   # ci/gluster.sh's bricks: an XFS image (without it: plain directories)
command -v glusterfs >/dev/null || need+=(glusterfs-client)
lib libgfapi.so.0 libgfapi0
command -v ceph-mon >/dev/null || need+=(ceph-mon)
command -v ceph-osd >/dev/null || need+=(ceph-osd)
command -v ceph-mds >/dev/null || need+=(ceph-mds)
command -v ceph-fuse >/dev/null || need+=(ceph-fuse)
{ command -v ceph && command -v rbd; } >/dev/null || need+=(ceph-common)
lib librbd.so.1 librbd1
[ -e /usr/lib/x86_64-linux-gnu/qemu/block-rbd.so ] || [ -n "$(ls /usr/lib/*/qemu/block-rbd.so 2>/dev/null)" ] || need+=(qemu-block-extra)
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  # Refuse service start-up during the install (invoke-rc.d asks policy-rc.d): the host must not run nfsd, iscsid or tgtd.
  policy=/usr/sbin/policy-rc.d
  made_policy=
  if [ ! -e "$policy" ]; then printf '#!/bin/sh\nexit 101\n' > "$policy"; chmod +x "$policy"; made_policy=1; fi
  trap '[ -n "$made_policy" ] && rm -f "$policy"' EXIT
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
# Loop devices: the tests attach their own; make sure the control node exists.
[ -e /dev/loop-control ] || { echo "ci/install-deps: /dev/loop-control missing: the loop-pair tests need loop devices" >&2; exit 1; }
