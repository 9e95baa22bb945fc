/* IMPORTANT
 * This snapshot file is auto-generated, but designed for humans.
 * It should be checked into source control and tracked carefully.
 * Re-generate by setting TAP_SNAPSHOT=1 and running tests.
 * Make sure to inspect the output below.  Do not ignore changes!
 */
'use strict'
exports[`test/tap-report.test.ts > TAP > a lab run: a comment per lab fact after the sides (snapshot); nothing without lab facts > header comments 1`] = `
TAP version 14
1..130
# ━━ At a glance: run <run-id> ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
# on QEMU's userspace NFS driver (nfs://, libnfs) (profile nfs-user)
# Safe with drop-cache (QEMU ≥ 4.0): none, directsync, writethrough, writeback,
#   unsafe; with older QEMU: none, directsync, writethrough, writeback, unsafe.
# cache mode     QEMU ≥ 4.0 (drop-cache)   QEMU < 4.0
# none           SAFE                      SAFE
# directsync     SAFE                      SAFE
# writethrough   SAFE                      SAFE
# writeback      SAFE                      SAFE
# unsafe         SAFE                      SAFE
# Confounders: lab scenario nfs42-sync-one-client is confounded on purpose
# Document claims this stack contradicts (1):
#   NFS-UNLINK-AFTER-OPEN (qemu-devel 2010) VIOLATED
#       claims: "On NFS, removing (or chmod-ing) a file from another client makes
#       access through an open file fail, unlike POSIX."
# coprobe 0.1.0 run <run-id>, started <iso>
# a (writer): nfs://127.0.0.1/export?version=4 — NFS export through libnfs (userspace), stack nfs, on vm, kernel 6.18.44-fc-v595
# b (reader): nfs://127.0.0.1/export?version=4 — NFS export through libnfs (userspace), stack nfs, on vm, kernel 6.18.44-fc-v595
# lab scenario: nfs42-sync-one-client
# lab summary: NFSv4.2, sync export of ext4; both mounts in one kernel namespace with nosharecache (one client to the server: the confounded case)
# lab confounded: both mounts are one NFS client to the server (one network and UTS namespace): it never recalls a delegation from one for the other, which two hosts would see; kept because users run it this way
# lab kernel package: linux-image-6.12.48+deb13-amd64 6.12.48-1
# lab guest kernel: 6.12.48+deb13-amd64
# lab accelerator: kvm
# lab packages: nfs-common 1:2.8.3-1, nfs-kernel-server 1:2.8.3-1, open-iscsi 2.1.11-1, tgt 1:1.0.85-1
# lab exports: /srv/coprobe-lab 127.0.0.0/8(rw,sync,no_root_squash,no_subtree_check,fsid=0) 10.213.99.0/24(rw,sync,no_root_squash,no_subtree_check,fsid=0)
# lab set-up a: mount -t nfs -o vers=4.2,nosharecache 127.0.0.1:/ /mnt/coprobe-lab-a
# lab set-up b: mount -t nfs -o vers=4.2,nosharecache 127.0.0.1:/ /mnt/coprobe-lab-b
# lab clients: one NFS client: both mounts in one network and UTS namespace (nosharecache keeps two superblocks, but the server sees one client id)
`

exports[`test/tap-report.test.ts > TAP > iscsi-user: snapshot, and tap-parser reads it back > run.tap 1`] = `
TAP version 14
1..130
# ━━ At a glance: run <run-id> ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
# on QEMU's userspace iSCSI driver (iscsi://, libiscsi) (profile iscsi-user)
# Safe with drop-cache (QEMU ≥ 4.0): none, directsync, writethrough, writeback,
#   unsafe; with older QEMU: none, directsync, writethrough, writeback, unsafe.
# cache mode     QEMU ≥ 4.0 (drop-cache)   QEMU < 4.0
# none           SAFE                      SAFE
# directsync     SAFE                      SAFE
# writethrough   SAFE                      SAFE
# writeback      SAFE                      SAFE
# unsafe         SAFE                      SAFE
# Confounders: none detected
# Document claims this stack contradicts: none
# coprobe 0.1.0 run <run-id>, started <iso>
# a (writer): iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1 — iSCSI LUN through libiscsi (userspace), stack block, on vm, kernel 6.18.44-fc-v595
# b (reader): iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1 — iSCSI LUN through libiscsi (userspace), stack block, on vm, kernel 6.18.44-fc-v595
ok 1 - SHARE1 writeback→writeback # SKIP needs a host page cache on side a; side a (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none
ok 2 - CTO1 none→none
ok 3 - CTO1 directsync→directsync
ok 4 - CTO1 writethrough→writethrough # SKIP same I/O as directsync→directsync (\\#3): sides a (libiscsi) and b (libiscsi) have no host page cache, so O_DIRECT and buffered are one mode there
ok 5 - CTO1 writeback→writeback # SKIP same I/O as none→none (\\#2): sides a (libiscsi) and b (libiscsi) have no host page cache, so O_DIRECT and buffered are one mode there
ok 6 - CTO1 unsafe→unsafe
ok 7 - BOTH1 none→none
ok 8 - BOTH1 directsync→directsync
ok 9 - BOTH1 writethrough→writethrough # SKIP same I/O as directsync→directsync (\\#8): sides a (libiscsi) and b (libiscsi) have no host page cache, so O_DIRECT and buffered are one mode there
ok 10 - BOTH1 writeback→writeback # SKIP same I/O as none→none (\\#7): sides a (libiscsi) and b (libiscsi) have no host page cache, so O_DIRECT and buffered are one mode there
ok 11 - BOTH1 unsafe→unsafe
ok 12 - FLUSH1 writethrough→writethrough [none]
ok 13 - FLUSH1 writethrough→writethrough [reopen]
ok 14 - FLUSH1 writethrough→writethrough [reopen-other]
ok 15 - FLUSH1 writethrough→writethrough [fadvise] # SKIP needs posix_fadvise/mincore on a page cache on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none
ok 16 - FLUSH1 writethrough→writethrough [blkflsbuf] # SKIP needs a kernel block device (BLKFLSBUF) on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none
ok 17 - FLUSH1 writethrough→writethrough [direct-newfd] # SKIP needs O_DIRECT on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none
ok 18 - FLUSH1 writethrough→writethrough [direct-setfl] # SKIP needs O_DIRECT on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none
ok 19 - FLUSH1 writethrough→writethrough [fchmod] # SKIP needs scratch files in a directory on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none
ok 20 - FLUSH1 writethrough→writethrough [stat] # SKIP needs scratch files in a directory on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none
ok 21 - FLUSH1 writethrough→writethrough [sleep]
ok 22 - FLUSH1 writeback→writeback [none]
ok 23 - FLUSH1 writeback→writeback [reopen]
ok 24 - FLUSH1 writeback→writeback [reopen-other]
ok 25 - FLUSH1 writeback→writeback [fadvise] # SKIP needs posix_fadvise/mincore on a page cache on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none
ok 26 - FLUSH1 writeback→writeback [blkflsbuf] # SKIP needs a kernel block device (BLKFLSBUF) on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none
ok 27 - FLUSH1 writeback→writeback [direct-newfd] # SKIP needs O_DIRECT on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none
ok 28 - FLUSH1 writeback→writeback [direct-setfl] # SKIP needs O_DIRECT on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none
ok 29 - FLUSH1 writeback→writeback [fchmod] # SKIP needs scratch files in a directory on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none
ok 30 - FLUSH1 writeback→writeback [stat] # SKIP needs scratch files in a directory on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none
ok 31 - FLUSH1 writeback→writeback [sleep]
ok 32 - FLUSH1 unsafe→unsafe [none]
ok 33 - FLUSH1 unsafe→unsafe [reopen]
ok 34 - FLUSH1 unsafe→unsafe [reopen-other]
ok 35 - FLUSH1 unsafe→unsafe [fadvise] # SKIP needs posix_fadvise/mincore on a page cache on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none
ok 36 - FLUSH1 unsafe→unsafe [blkflsbuf] # SKIP needs a kernel block device (BLKFLSBUF) on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none
ok 37 - FLUSH1 unsafe→unsafe [direct-newfd] # SKIP needs O_DIRECT on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none
ok 38 - FLUSH1 unsafe→unsafe [direct-setfl] # SKIP needs O_DIRECT on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none
ok 39 - FLUSH1 unsafe→unsafe [fchmod] # SKIP needs scratch files in a directory on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none
ok 40 - FLUSH1 unsafe→unsafe [stat] # SKIP needs scratch files in a directory on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none
ok 41 - FLUSH1 unsafe→unsafe [sleep]
ok 42 - LOCK1 writethrough→writethrough [posix-read] # SKIP needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none
ok 43 - LOCK1 writethrough→writethrough [posix-write] # SKIP needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none
ok 44 - LOCK1 writethrough→writethrough [ofd-read] # SKIP needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none
ok 45 - LOCK1 writethrough→writethrough [ofd-write] # SKIP needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none
ok 46 - LOCK1 writethrough→writethrough [flock-shared] # SKIP needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none
ok 47 - LOCK1 writethrough→writethrough [flock-exclusive] # SKIP needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none
ok 48 - LOCK1 writeback→writeback [posix-read] # SKIP needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none
ok 49 - LOCK1 writeback→writeback [posix-write] # SKIP needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none
ok 50 - LOCK1 writeback→writeback [ofd-read] # SKIP needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none
ok 51 - LOCK1 writeback→writeback [ofd-write] # SKIP needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none
ok 52 - LOCK1 writeback→writeback [flock-shared] # SKIP needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none
ok 53 - LOCK1 writeback→writeback [flock-exclusive] # SKIP needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none
ok 54 - LOCK1 unsafe→unsafe [posix-read] # SKIP needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none
ok 55 - LOCK1 unsafe→unsafe [posix-write] # SKIP needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none
ok 56 - LOCK1 unsafe→unsafe [ofd-read] # SKIP needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none
ok 57 - LOCK1 unsafe→unsafe [ofd-write] # SKIP needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none
ok 58 - LOCK1 unsafe→unsafe [flock-shared] # SKIP needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none
ok 59 - LOCK1 unsafe→unsafe [flock-exclusive] # SKIP needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none
ok 60 - EARLY1 writethrough→writethrough [none]
ok 61 - EARLY1 writethrough→writethrough [reopen]
ok 62 - EARLY1 writethrough→writethrough [fadvise] # SKIP needs posix_fadvise/mincore on a page cache on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none
ok 63 - EARLY1 writethrough→writethrough [fcntl] # SKIP needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none
ok 64 - EARLY1 writethrough→writethrough [blkflsbuf] # SKIP needs a kernel block device (BLKFLSBUF) on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none
ok 65 - EARLY1 writeback→writeback [none]
ok 66 - EARLY1 writeback→writeback [reopen]
ok 67 - EARLY1 writeback→writeback [fadvise] # SKIP needs posix_fadvise/mincore on a page cache on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none
ok 68 - EARLY1 writeback→writeback [fcntl] # SKIP needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none
ok 69 - EARLY1 writeback→writeback [blkflsbuf] # SKIP needs a kernel block device (BLKFLSBUF) on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none
ok 70 - EARLY1 unsafe→unsafe [none]
ok 71 - EARLY1 unsafe→unsafe [reopen]
ok 72 - EARLY1 unsafe→unsafe [fadvise] # SKIP needs posix_fadvise/mincore on a page cache on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none
ok 73 - EARLY1 unsafe→unsafe [fcntl] # SKIP needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none
ok 74 - EARLY1 unsafe→unsafe [blkflsbuf] # SKIP needs a kernel block device (BLKFLSBUF) on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none
ok 75 - RA1 writethrough→writethrough
ok 76 - RA1 writeback→writeback
ok 77 - RA1 unsafe→unsafe
ok 78 - RES1 writethrough→writethrough # SKIP needs posix_fadvise/mincore on a page cache on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none
ok 79 - RES1 writeback→writeback # SKIP needs posix_fadvise/mincore on a page cache on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none
ok 80 - RES1 unsafe→unsafe # SKIP needs posix_fadvise/mincore on a page cache on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none
ok 81 - SIZE1 none→none # SKIP needs a dir target; side a is a device
ok 82 - SIZE1 directsync→directsync # SKIP needs a dir target; side a is a device
ok 83 - SIZE1 writethrough→writethrough # SKIP needs a dir target; side a is a device
ok 84 - SIZE1 writeback→writeback # SKIP needs a dir target; side a is a device
ok 85 - SIZE1 unsafe→unsafe # SKIP needs a dir target; side a is a device
ok 86 - UNL1 none→none [unlink] # SKIP needs a dir target; side a is a device
ok 87 - UNL1 none→none [chmod] # SKIP needs a dir target; side a is a device
ok 88 - UNL1 directsync→directsync [unlink] # SKIP needs a dir target; side a is a device
ok 89 - UNL1 directsync→directsync [chmod] # SKIP needs a dir target; side a is a device
ok 90 - UNL1 writethrough→writethrough [unlink] # SKIP needs a dir target; side a is a device
ok 91 - UNL1 writethrough→writethrough [chmod] # SKIP needs a dir target; side a is a device
ok 92 - UNL1 writeback→writeback [unlink] # SKIP needs a dir target; side a is a device
ok 93 - UNL1 writeback→writeback [chmod] # SKIP needs a dir target; side a is a device
ok 94 - UNL1 unsafe→unsafe [unlink] # SKIP needs a dir target; side a is a device
ok 95 - UNL1 unsafe→unsafe [chmod] # SKIP needs a dir target; side a is a device
ok 96 - HAND1 none→none [none]
ok 97 - HAND1 none→none [fadvise] # SKIP b reads through libiscsi (userspace, no host page cache): QEMU applies no remedy, only the "none" run applies
ok 98 - HAND1 none→none [reopen] # SKIP b reads through libiscsi (userspace, no host page cache): QEMU applies no remedy, only the "none" run applies
ok 99 - HAND1 none→none [fcntl] # SKIP b reads through libiscsi (userspace, no host page cache): QEMU applies no remedy, only the "none" run applies
ok 100 - HAND1 directsync→directsync [none]
ok 101 - HAND1 directsync→directsync [fadvise] # SKIP b reads through libiscsi (userspace, no host page cache): QEMU applies no remedy, only the "none" run applies
ok 102 - HAND1 directsync→directsync [reopen] # SKIP b reads through libiscsi (userspace, no host page cache): QEMU applies no remedy, only the "none" run applies
ok 103 - HAND1 directsync→directsync [fcntl] # SKIP b reads through libiscsi (userspace, no host page cache): QEMU applies no remedy, only the "none" run applies
ok 104 - HAND1 writethrough→writethrough [none] # SKIP same I/O as directsync→directsync [none] (\\#100): sides a (libiscsi) and b (libiscsi) have no host page cache, so O_DIRECT and buffered are one mode there
ok 105 - HAND1 writethrough→writethrough [fadvise] # SKIP b reads through libiscsi (userspace, no host page cache): QEMU applies no remedy, only the "none" run applies
ok 106 - HAND1 writethrough→writethrough [reopen] # SKIP b reads through libiscsi (userspace, no host page cache): QEMU applies no remedy, only the "none" run applies
ok 107 - HAND1 writethrough→writethrough [fcntl] # SKIP b reads through libiscsi (userspace, no host page cache): QEMU applies no remedy, only the "none" run applies
ok 108 - HAND1 writeback→writeback [none] # SKIP same I/O as none→none [none] (\\#96): sides a (libiscsi) and b (libiscsi) have no host page cache, so O_DIRECT and buffered are one mode there
ok 109 - HAND1 writeback→writeback [fadvise] # SKIP b reads through libiscsi (userspace, no host page cache): QEMU applies no remedy, only the "none" run applies
ok 110 - HAND1 writeback→writeback [reopen] # SKIP b reads through libiscsi (userspace, no host page cache): QEMU applies no remedy, only the "none" run applies
ok 111 - HAND1 writeback→writeback [fcntl] # SKIP b reads through libiscsi (userspace, no host page cache): QEMU applies no remedy, only the "none" run applies
ok 112 - HAND1 unsafe→unsafe [none]
ok 113 - HAND1 unsafe→unsafe [fadvise] # SKIP b reads through libiscsi (userspace, no host page cache): QEMU applies no remedy, only the "none" run applies
ok 114 - HAND1 unsafe→unsafe [reopen] # SKIP b reads through libiscsi (userspace, no host page cache): QEMU applies no remedy, only the "none" run applies
ok 115 - HAND1 unsafe→unsafe [fcntl] # SKIP b reads through libiscsi (userspace, no host page cache): QEMU applies no remedy, only the "none" run applies
ok 116 - IMG1 none→none [qcow2] # SKIP needs a dir target; side a is a device
ok 117 - IMG1 none→none [qed] # SKIP needs a dir target; side a is a device
ok 118 - IMG1 none→none [raw] # SKIP needs a dir target; side a is a device
ok 119 - IMG1 directsync→directsync [qcow2] # SKIP needs a dir target; side a is a device
ok 120 - IMG1 directsync→directsync [qed] # SKIP needs a dir target; side a is a device
ok 121 - IMG1 directsync→directsync [raw] # SKIP needs a dir target; side a is a device
ok 122 - IMG1 writethrough→writethrough [qcow2] # SKIP needs a dir target; side a is a device
ok 123 - IMG1 writethrough→writethrough [qed] # SKIP needs a dir target; side a is a device
ok 124 - IMG1 writethrough→writethrough [raw] # SKIP needs a dir target; side a is a device
ok 125 - IMG1 writeback→writeback [qcow2] # SKIP needs a dir target; side a is a device
ok 126 - IMG1 writeback→writeback [qed] # SKIP needs a dir target; side a is a device
ok 127 - IMG1 writeback→writeback [raw] # SKIP needs a dir target; side a is a device
ok 128 - IMG1 unsafe→unsafe [qcow2] # SKIP needs a dir target; side a is a device
ok 129 - IMG1 unsafe→unsafe [qed] # SKIP needs a dir target; side a is a device
ok 130 - IMG1 unsafe→unsafe [raw] # SKIP needs a dir target; side a is a device
# verdicts on profile iscsi-user (QEMU's userspace iSCSI driver (iscsi://, libiscsi)): reader reaches the LUN through libiscsi (userspace, no host page cache), as QEMU's iscsi:// driver does
# verdict cache=none: SAFE with QEMU ≥ 4.0 (drop-cache): HAND1 none→none [none] #96: 1024 blocks: 1024 fresh; libvirt allows; documents: safe
# verdict cache=none: SAFE with QEMU < 4.0: HAND1 none→none [none] #96: 1024 blocks: 1024 fresh; libvirt allows; documents: safe
# verdict cache=directsync: SAFE with QEMU ≥ 4.0 (drop-cache): HAND1 directsync→directsync [none] #100: 1024 blocks: 1024 fresh; libvirt allows; documents: safe
# verdict cache=directsync: SAFE with QEMU < 4.0: HAND1 directsync→directsync [none] #100: 1024 blocks: 1024 fresh; libvirt allows; documents: safe
# verdict cache=writethrough: SAFE with QEMU ≥ 4.0 (drop-cache): HAND1 writethrough→writethrough [none] #100: directsync→directsync [none] ran this mode's I/O (no host page cache: O_DIRECT and buffered are one mode): 1024 blocks: 1024 fresh; libvirt allows; documents: safe
# verdict cache=writethrough: SAFE with QEMU < 4.0: HAND1 writethrough→writethrough [none] #100: directsync→directsync [none] ran this mode's I/O (no host page cache: O_DIRECT and buffered are one mode): 1024 blocks: 1024 fresh; libvirt allows; documents: safe
# verdict cache=writeback: SAFE with QEMU ≥ 4.0 (drop-cache): HAND1 writeback→writeback [none] #96: none→none [none] ran this mode's I/O (no host page cache: O_DIRECT and buffered are one mode): 1024 blocks: 1024 fresh; libvirt allows; documents: safe
# verdict cache=writeback: SAFE with QEMU < 4.0: HAND1 writeback→writeback [none] #96: none→none [none] ran this mode's I/O (no host page cache: O_DIRECT and buffered are one mode): 1024 blocks: 1024 fresh; libvirt allows; documents: safe
# verdict cache=unsafe: SAFE with QEMU ≥ 4.0 (drop-cache): HAND1 unsafe→unsafe [none] #112: 1024 blocks: 1024 fresh; libvirt allows; documents: safe
# verdict cache=unsafe: SAFE with QEMU < 4.0: HAND1 unsafe→unsafe [none] #112: 1024 blocks: 1024 fresh; libvirt allows; documents: safe
# claim NFS-CTO: not applicable: the claim is about NFS; side b is QEMU's userspace iSCSI driver (iscsi://, libiscsi); 16 blocks: 16 fresh: the writer skipped its flush (cache=unsafe)
# claim NFS-OPEN-BOTH: not applicable: the claim is about NFS; side b is QEMU's userspace iSCSI driver (iscsi://, libiscsi); 16 blocks: 16 fresh after nothing (control): the writer skipped its flush (cache=unsafe)
# claim NFS-SYNC-STABLE-READ: not applicable: the claim is about a Linux NFS server exporting with sync; side b is QEMU's userspace iSCSI driver (iscsi://, libiscsi); 16 blocks: 16 fresh: the writer skipped its flush (cache=unsafe)
# claim NFS-ODIRECT-READ: not applicable: the claim is about the Linux NFS client; side b is QEMU's userspace iSCSI driver (iscsi://, libiscsi); 16 blocks: 16 fresh: the writer skipped its flush (cache=unsafe)
# claim NFS-CACHE-NONE-SAFE: not applicable: the QEMU wiki page (W) makes this claim about Linux NFS server and client, not about QEMU's userspace iSCSI driver (iscsi://, libiscsi)
# claim BLOCK-PROTOCOL-COHERENT: holds: BOTH1 none→none #7: reader with O_DIRECT should see the new data after fsync on the writer, without reopening: 16 blocks: 16 fresh (and 1 more)
# claim BLOCK-PAGECACHE-INCOHERENT: not applicable: the claim is about the Linux page cache over shared block storage; side b is QEMU's userspace iSCSI driver (iscsi://, libiscsi); 16 blocks: 16 fresh after nothing (control): the writer skipped its flush (cache=unsafe)
# claim BLOCK-CACHE-NONE-ONLY: holds: HAND1 none→none [none] #96: cache=none, without drop-cache (QEMU < 4.0): measured SAFE: 1024 blocks: 1024 fresh (and 4 more)
# claim CLUSTER-FS-ANY-CACHE: not applicable: the QEMU wiki page (W) makes this claim about clustered filesystems (GPFS, Ceph, GlusterFS, GFS2), not about QEMU's userspace iSCSI driver (iscsi://, libiscsi)
# claim QCOW2-METADATA: not checked: every run of IMG1 ended without a judgement: IMG1 OMIT: needs a dir target; side a is a device
# claim QED-DIRTY: not checked: every run of IMG1 ended without a judgement: IMG1 OMIT: needs a dir target; side a is a device
# claim RAW-SIZE: not checked: every run of SIZE1 ended without a judgement: SIZE1 OMIT: needs a dir target; side a is a device
# claim EARLY-READ-64K: not applicable: the claim is about weakly coherent storage read through a host page cache (T: NFS); side b is QEMU's userspace iSCSI driver (iscsi://, libiscsi); 16 blocks: 16 fresh of the head after no remedy: the writer skipped its flush (cache=unsafe)
# claim LOCK-INVALIDATES: not applicable: the 2010 qemu-devel thread (T) makes this claim about NFS, not about QEMU's userspace iSCSI driver (iscsi://, libiscsi)
# claim INVALIDATE-REMEDY: not applicable: the control read before close and reopen (last descriptor) was already fresh: nothing stale to remove; the control read before close and reopen (delayed open) was already fresh: nothing stale to remove
# claim READAHEAD: not applicable: the claim is about the Linux NFS client; side b is QEMU's userspace iSCSI driver (iscsi://, libiscsi); 15 blocks: 15 fresh b had never read: the writer skipped its flush (cache=unsafe)
# claim NFS-UNLINK-AFTER-OPEN: not applicable: the 2010 qemu-devel thread (T) makes this claim about NFS, not about QEMU's userspace iSCSI driver (iscsi://, libiscsi)
# claim HANDOFF: holds: HAND1 none→none [none] #96: after the source's final flush and no remedy, every block the destination reads should equal what the source last flushed: 1024 blocks: 1024 fresh (and 1 more)
# claim QEMU-DROP-CACHE: not applicable: the QEMU, libvirt or Linux source cited in CLAIMS.md makes this claim about images QEMU opens through file-posix (a host page cache), not about QEMU's userspace iSCSI driver (iscsi://, libiscsi)
# claim QCOW2-REOPEN: not checked: every run of IMG1 ended without a judgement: IMG1 OMIT: needs a dir target; side a is a device
# claim LIBVIRT-POLICY: not checked: no probe checks it: it describes libvirt's code (qemuMigrationSrcIsSafe), not the storage, so no probe can observe it; the verdict table instead sets libvirt's decision beside each measured verdict and flags where they disagree
# claim NFS-NOSHARECACHE: not applicable: the QEMU, libvirt or Linux source cited in CLAIMS.md makes this claim about two NFS mounts of one export in one client, not about QEMU's userspace iSCSI driver (iscsi://, libiscsi)
# claim NFS-LOCALIO: not applicable: the QEMU, libvirt or Linux source cited in CLAIMS.md makes this claim about an NFS client on the server's host (Linux ≥ 6.12), not about QEMU's userspace iSCSI driver (iscsi://, libiscsi)
# exit code 0, finished <iso>

`

exports[`test/tap-report.test.ts > TAP > loop-pair: snapshot, and tap-parser reads it back > run.tap 1`] = `
TAP version 14
1..130
# ━━ At a glance: run <run-id> on shared block storage (profile block) ━━━
# Safe with drop-cache (QEMU ≥ 4.0): none, directsync, writethrough, writeback;
#   with older QEMU: none, directsync.
# cache mode     QEMU ≥ 4.0 (drop-cache)   QEMU < 4.0
# none           SAFE                      SAFE
# directsync     SAFE                      SAFE
# writethrough   SAFE                      UNSAFE
# writeback      SAFE                      UNSAFE
# unsafe         UNSAFE (libvirt allows)   UNSAFE
# Confounders: none detected
# Document claims this stack contradicts: none
# coprobe 0.1.0 run <run-id>, started <iso>
# a (writer): /dev/loop0 — block device 7:0, stack block, on vm, kernel 6.18.44-fc-v595
# b (reader): /dev/loop1 — block device 7:1, stack block, on vm, kernel 6.18.44-fc-v595
ok 1 - SHARE1 writeback→writeback
ok 2 - CTO1 none→none
ok 3 - CTO1 directsync→directsync
ok 4 - CTO1 writethrough→writethrough
ok 5 - CTO1 writeback→writeback
ok 6 - CTO1 unsafe→unsafe
ok 7 - BOTH1 none→none
ok 8 - BOTH1 directsync→directsync
ok 9 - BOTH1 writethrough→writethrough
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: "buffered reader sees the new data after fsync on the writer, without reopening (the documents warn it may not)"
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 19, found 18 — hazard present: b's page cache kept old data, so cache=writethrough on the destination is not coherent here"
      claims:
        - NFS-OPEN-BOTH
        - BLOCK-PAGECACHE-INCOHERENT
      outcome: WARN
  record: 9
  title: "both open: a writes and fsyncs, b reads without reopening"
  duration_ms: <ms>
  ...
ok 10 - BOTH1 writeback→writeback
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: "buffered reader sees the new data after fsync on the writer, without reopening (the documents warn it may not)"
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 21, found 20 — hazard present: b's page cache kept old data, so cache=writeback on the destination is not coherent here"
      claims:
        - NFS-OPEN-BOTH
        - BLOCK-PAGECACHE-INCOHERENT
      outcome: WARN
  record: 10
  title: "both open: a writes and fsyncs, b reads without reopening"
  duration_ms: <ms>
  ...
ok 11 - BOTH1 unsafe→unsafe
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: reader should see the data written and fsynced before it opened
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 22, found 21 — writer skipped its flush (cache=unsafe)"
      claims:
        - NFS-OPEN-BOTH
      outcome: WARN
    - sentence: "buffered reader sees the new data after fsync on the writer, without reopening (the documents warn it may not)"
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 23, found 21 — hazard present: b's page cache kept old data, so cache=unsafe on the destination is not coherent here"
      claims:
        - NFS-OPEN-BOTH
        - BLOCK-PAGECACHE-INCOHERENT
      outcome: WARN
  record: 11
  title: "both open: a writes and fsyncs, b reads without reopening"
  duration_ms: <ms>
  ...
ok 12 - FLUSH1 writethrough→writethrough [none]
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: "without a remedy, a buffered reader sees the new data after the writer's fsync (the documents warn it may not)"
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 25, found 24 — hazard present: the stale data stays in b's page cache until something removes it"
      claims:
        - BLOCK-PAGECACHE-INCOHERENT
        - NFS-OPEN-BOTH
      outcome: WARN
  record: 12
  title: "flush-method matrix: b holds stale pages and tries one way to see a's flushed change"
  duration_ms: <ms>
  ...
ok 13 - FLUSH1 writethrough→writethrough [reopen]
ok 14 - FLUSH1 writethrough→writethrough [reopen-other]
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: reader should see the new data after a second open while the first descriptor stays open
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 29, found 28 — a second open while the first descriptor stays open is not a remedy on this stack; a buffered read on the old descriptor afterwards: 16 blocks: 16 stale"
      claims: []
      outcome: WARN
  record: 14
  title: "flush-method matrix: b holds stale pages and tries one way to see a's flushed change"
  duration_ms: <ms>
  ...
ok 15 - FLUSH1 writethrough→writethrough [fadvise]
ok 16 - FLUSH1 writethrough→writethrough [blkflsbuf]
ok 17 - FLUSH1 writethrough→writethrough [direct-newfd]
ok 18 - FLUSH1 writethrough→writethrough [direct-setfl]
ok 19 - FLUSH1 writethrough→writethrough [fchmod] # SKIP needs scratch files in a directory on side b; side b (block device /dev/loop1) has none
ok 20 - FLUSH1 writethrough→writethrough [stat] # SKIP needs scratch files in a directory on side b; side b (block device /dev/loop1) has none
ok 21 - FLUSH1 writethrough→writethrough [sleep]
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: reader should see the new data after a 3 s wait
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 39, found 38 — a 3 s wait is not a remedy on this stack"
      claims: []
      outcome: WARN
  record: 21
  title: "flush-method matrix: b holds stale pages and tries one way to see a's flushed change"
  duration_ms: <ms>
  ...
ok 22 - FLUSH1 writeback→writeback [none]
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: "without a remedy, a buffered reader sees the new data after the writer's fsync (the documents warn it may not)"
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 41, found 40 — hazard present: the stale data stays in b's page cache until something removes it"
      claims:
        - BLOCK-PAGECACHE-INCOHERENT
        - NFS-OPEN-BOTH
      outcome: WARN
  record: 22
  title: "flush-method matrix: b holds stale pages and tries one way to see a's flushed change"
  duration_ms: <ms>
  ...
ok 23 - FLUSH1 writeback→writeback [reopen]
ok 24 - FLUSH1 writeback→writeback [reopen-other]
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: reader should see the new data after a second open while the first descriptor stays open
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 45, found 44 — a second open while the first descriptor stays open is not a remedy on this stack; a buffered read on the old descriptor afterwards: 16 blocks: 16 stale"
      claims: []
      outcome: WARN
  record: 24
  title: "flush-method matrix: b holds stale pages and tries one way to see a's flushed change"
  duration_ms: <ms>
  ...
ok 25 - FLUSH1 writeback→writeback [fadvise]
ok 26 - FLUSH1 writeback→writeback [blkflsbuf]
ok 27 - FLUSH1 writeback→writeback [direct-newfd]
ok 28 - FLUSH1 writeback→writeback [direct-setfl]
ok 29 - FLUSH1 writeback→writeback [fchmod] # SKIP needs scratch files in a directory on side b; side b (block device /dev/loop1) has none
ok 30 - FLUSH1 writeback→writeback [stat] # SKIP needs scratch files in a directory on side b; side b (block device /dev/loop1) has none
ok 31 - FLUSH1 writeback→writeback [sleep]
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: reader should see the new data after a 3 s wait
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 55, found 54 — a 3 s wait is not a remedy on this stack"
      claims: []
      outcome: WARN
  record: 31
  title: "flush-method matrix: b holds stale pages and tries one way to see a's flushed change"
  duration_ms: <ms>
  ...
ok 32 - FLUSH1 unsafe→unsafe [none]
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: "without a remedy, a buffered reader sees the new data after the writer's fsync (the documents warn it may not)"
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 57, found 55 — hazard present: the stale data stays in b's page cache until something removes it"
      claims:
        - BLOCK-PAGECACHE-INCOHERENT
        - NFS-OPEN-BOTH
      outcome: WARN
  record: 32
  title: "flush-method matrix: b holds stale pages and tries one way to see a's flushed change"
  duration_ms: <ms>
  ...
ok 33 - FLUSH1 unsafe→unsafe [reopen]
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: reader should see the new data after close and reopen (last descriptor)
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 59, found 57 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data"
      claims:
        - INVALIDATE-REMEDY
      outcome: WARN
  record: 33
  title: "flush-method matrix: b holds stale pages and tries one way to see a's flushed change"
  duration_ms: <ms>
  ...
ok 34 - FLUSH1 unsafe→unsafe [reopen-other]
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: reader should see the new data after a second open while the first descriptor stays open
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 61, found 59 — a second open while the first descriptor stays open is not a remedy on this stack; a buffered read on the old descriptor afterwards: 16 blocks: 16 stale"
      claims: []
      outcome: WARN
  record: 34
  title: "flush-method matrix: b holds stale pages and tries one way to see a's flushed change"
  duration_ms: <ms>
  ...
ok 35 - FLUSH1 unsafe→unsafe [fadvise]
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: reader should see the new data after posix_fadvise(DONTNEED) on the whole file
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 63, found 61 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data"
      claims:
        - INVALIDATE-REMEDY
        - QEMU-DROP-CACHE
      outcome: WARN
  record: 35
  title: "flush-method matrix: b holds stale pages and tries one way to see a's flushed change"
  duration_ms: <ms>
  ...
ok 36 - FLUSH1 unsafe→unsafe [blkflsbuf]
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: reader should see the new data after ioctl(BLKFLSBUF)
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 65, found 63 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data"
      claims:
        - INVALIDATE-REMEDY
      outcome: WARN
  record: 36
  title: "flush-method matrix: b holds stale pages and tries one way to see a's flushed change"
  duration_ms: <ms>
  ...
ok 37 - FLUSH1 unsafe→unsafe [direct-newfd]
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: reader should see the new data after a new O_DIRECT descriptor
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 67, found 65 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data; a buffered read on the old descriptor afterwards: 16 blocks: 16 stale"
      claims:
        - NFS-ODIRECT-READ
        - NFS-SYNC-STABLE-READ
        - BLOCK-PROTOCOL-COHERENT
      outcome: WARN
  record: 37
  title: "flush-method matrix: b holds stale pages and tries one way to see a's flushed change"
  duration_ms: <ms>
  ...
ok 38 - FLUSH1 unsafe→unsafe [direct-setfl]
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: reader should see the new data after O_DIRECT set with fcntl(F_SETFL) on the same descriptor
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 69, found 67 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data; a buffered read on the old descriptor afterwards: 16 blocks: 16 stale"
      claims:
        - NFS-ODIRECT-READ
        - BLOCK-PROTOCOL-COHERENT
      outcome: WARN
  record: 38
  title: "flush-method matrix: b holds stale pages and tries one way to see a's flushed change"
  duration_ms: <ms>
  ...
ok 39 - FLUSH1 unsafe→unsafe [fchmod] # SKIP needs scratch files in a directory on side b; side b (block device /dev/loop1) has none
ok 40 - FLUSH1 unsafe→unsafe [stat] # SKIP needs scratch files in a directory on side b; side b (block device /dev/loop1) has none
ok 41 - FLUSH1 unsafe→unsafe [sleep]
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: reader should see the new data after a 3 s wait
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 71, found 69 — a 3 s wait is not a remedy on this stack"
      claims: []
      outcome: WARN
  record: 41
  title: "flush-method matrix: b holds stale pages and tries one way to see a's flushed change"
  duration_ms: <ms>
  ...
ok 42 - LOCK1 writethrough→writethrough [posix-read]
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: "reader should see the new data after taking a fcntl read lock (F_SETLKW, F_RDLCK) on its open file"
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 73, found 72 — the claim is not about block storage; reported as observed"
      claims:
        - LOCK-INVALIDATES
      outcome: WARN
  record: 42
  title: "lock invalidation: b takes a lock on its already-open file after a's flush, then reads"
  duration_ms: <ms>
  ...
ok 43 - LOCK1 writethrough→writethrough [posix-write]
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: "reader should see the new data after taking a fcntl write lock (F_SETLKW, F_WRLCK) on its open file"
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 75, found 74 — the claim is not about block storage; reported as observed"
      claims:
        - LOCK-INVALIDATES
      outcome: WARN
  record: 43
  title: "lock invalidation: b takes a lock on its already-open file after a's flush, then reads"
  duration_ms: <ms>
  ...
ok 44 - LOCK1 writethrough→writethrough [ofd-read]
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: reader should see the new data after taking a OFD read lock (F_OFD_SETLKW) on its open file
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 77, found 76 — the claim is not about block storage; reported as observed"
      claims:
        - LOCK-INVALIDATES
      outcome: WARN
  record: 44
  title: "lock invalidation: b takes a lock on its already-open file after a's flush, then reads"
  duration_ms: <ms>
  ...
ok 45 - LOCK1 writethrough→writethrough [ofd-write]
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: reader should see the new data after taking a OFD write lock (F_OFD_SETLKW) on its open file
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 79, found 78 — the claim is not about block storage; reported as observed"
      claims:
        - LOCK-INVALIDATES
      outcome: WARN
  record: 45
  title: "lock invalidation: b takes a lock on its already-open file after a's flush, then reads"
  duration_ms: <ms>
  ...
ok 46 - LOCK1 writethrough→writethrough [flock-shared]
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: reader should see the new data after taking a flock(LOCK_SH) on its open file
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 81, found 80 — the claim is not about block storage; reported as observed"
      claims:
        - LOCK-INVALIDATES
      outcome: WARN
  record: 46
  title: "lock invalidation: b takes a lock on its already-open file after a's flush, then reads"
  duration_ms: <ms>
  ...
ok 47 - LOCK1 writethrough→writethrough [flock-exclusive]
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: reader should see the new data after taking a flock(LOCK_EX) on its open file
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 83, found 82 — the claim is not about block storage; reported as observed"
      claims:
        - LOCK-INVALIDATES
      outcome: WARN
  record: 47
  title: "lock invalidation: b takes a lock on its already-open file after a's flush, then reads"
  duration_ms: <ms>
  ...
ok 48 - LOCK1 writeback→writeback [posix-read]
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: "reader should see the new data after taking a fcntl read lock (F_SETLKW, F_RDLCK) on its open file"
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 85, found 84 — the claim is not about block storage; reported as observed"
      claims:
        - LOCK-INVALIDATES
      outcome: WARN
  record: 48
  title: "lock invalidation: b takes a lock on its already-open file after a's flush, then reads"
  duration_ms: <ms>
  ...
ok 49 - LOCK1 writeback→writeback [posix-write]
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: "reader should see the new data after taking a fcntl write lock (F_SETLKW, F_WRLCK) on its open file"
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 87, found 86 — the claim is not about block storage; reported as observed"
      claims:
        - LOCK-INVALIDATES
      outcome: WARN
  record: 49
  title: "lock invalidation: b takes a lock on its already-open file after a's flush, then reads"
  duration_ms: <ms>
  ...
ok 50 - LOCK1 writeback→writeback [ofd-read]
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: reader should see the new data after taking a OFD read lock (F_OFD_SETLKW) on its open file
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 89, found 88 — the claim is not about block storage; reported as observed"
      claims:
        - LOCK-INVALIDATES
      outcome: WARN
  record: 50
  title: "lock invalidation: b takes a lock on its already-open file after a's flush, then reads"
  duration_ms: <ms>
  ...
ok 51 - LOCK1 writeback→writeback [ofd-write]
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: reader should see the new data after taking a OFD write lock (F_OFD_SETLKW) on its open file
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 91, found 90 — the claim is not about block storage; reported as observed"
      claims:
        - LOCK-INVALIDATES
      outcome: WARN
  record: 51
  title: "lock invalidation: b takes a lock on its already-open file after a's flush, then reads"
  duration_ms: <ms>
  ...
ok 52 - LOCK1 writeback→writeback [flock-shared]
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: reader should see the new data after taking a flock(LOCK_SH) on its open file
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 93, found 92 — the claim is not about block storage; reported as observed"
      claims:
        - LOCK-INVALIDATES
      outcome: WARN
  record: 52
  title: "lock invalidation: b takes a lock on its already-open file after a's flush, then reads"
  duration_ms: <ms>
  ...
ok 53 - LOCK1 writeback→writeback [flock-exclusive]
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: reader should see the new data after taking a flock(LOCK_EX) on its open file
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 95, found 94 — the claim is not about block storage; reported as observed"
      claims:
        - LOCK-INVALIDATES
      outcome: WARN
  record: 53
  title: "lock invalidation: b takes a lock on its already-open file after a's flush, then reads"
  duration_ms: <ms>
  ...
ok 54 - LOCK1 unsafe→unsafe [posix-read]
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: "reader should see the new data after taking a fcntl read lock (F_SETLKW, F_RDLCK) on its open file"
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 97, found 95 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data"
      claims:
        - LOCK-INVALIDATES
      outcome: WARN
  record: 54
  title: "lock invalidation: b takes a lock on its already-open file after a's flush, then reads"
  duration_ms: <ms>
  ...
ok 55 - LOCK1 unsafe→unsafe [posix-write]
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: "reader should see the new data after taking a fcntl write lock (F_SETLKW, F_WRLCK) on its open file"
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 99, found 97 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data"
      claims:
        - LOCK-INVALIDATES
      outcome: WARN
  record: 55
  title: "lock invalidation: b takes a lock on its already-open file after a's flush, then reads"
  duration_ms: <ms>
  ...
ok 56 - LOCK1 unsafe→unsafe [ofd-read]
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: reader should see the new data after taking a OFD read lock (F_OFD_SETLKW) on its open file
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 101, found 99 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data"
      claims:
        - LOCK-INVALIDATES
      outcome: WARN
  record: 56
  title: "lock invalidation: b takes a lock on its already-open file after a's flush, then reads"
  duration_ms: <ms>
  ...
ok 57 - LOCK1 unsafe→unsafe [ofd-write]
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: reader should see the new data after taking a OFD write lock (F_OFD_SETLKW) on its open file
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 103, found 101 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data"
      claims:
        - LOCK-INVALIDATES
      outcome: WARN
  record: 57
  title: "lock invalidation: b takes a lock on its already-open file after a's flush, then reads"
  duration_ms: <ms>
  ...
ok 58 - LOCK1 unsafe→unsafe [flock-shared]
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: reader should see the new data after taking a flock(LOCK_SH) on its open file
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 105, found 103 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data"
      claims:
        - LOCK-INVALIDATES
      outcome: WARN
  record: 58
  title: "lock invalidation: b takes a lock on its already-open file after a's flush, then reads"
  duration_ms: <ms>
  ...
ok 59 - LOCK1 unsafe→unsafe [flock-exclusive]
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: reader should see the new data after taking a flock(LOCK_EX) on its open file
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 107, found 105 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data"
      claims:
        - LOCK-INVALIDATES
      outcome: WARN
  record: 59
  title: "lock invalidation: b takes a lock on its already-open file after a's flush, then reads"
  duration_ms: <ms>
  ...
ok 60 - EARLY1 writethrough→writethrough [none]
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: "without a remedy, the image head b read early is fresh after a rewrote it and flushed (T says it is not)"
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 109, found 108 — hazard present: the head b read before the guest started is stale"
      claims:
        - EARLY-READ-64K
      outcome: WARN
  record: 60
  title: "early-read hazard: b reads the first 64 KiB, a rewrites them and flushes, b re-reads (remedies)"
  duration_ms: <ms>
  ...
ok 61 - EARLY1 writethrough→writethrough [reopen]
ok 62 - EARLY1 writethrough→writethrough [fadvise]
ok 63 - EARLY1 writethrough→writethrough [fcntl]
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: the image head b read early should be fresh after fcntl read lock (F_SETLKW) on the open file
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 115, found 114 — the claim is not about block storage; reported as observed"
      claims:
        - LOCK-INVALIDATES
      outcome: WARN
  record: 63
  title: "early-read hazard: b reads the first 64 KiB, a rewrites them and flushes, b re-reads (remedies)"
  duration_ms: <ms>
  ...
ok 64 - EARLY1 writethrough→writethrough [blkflsbuf]
ok 65 - EARLY1 writeback→writeback [none]
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: "without a remedy, the image head b read early is fresh after a rewrote it and flushed (T says it is not)"
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 119, found 118 — hazard present: the head b read before the guest started is stale"
      claims:
        - EARLY-READ-64K
      outcome: WARN
  record: 65
  title: "early-read hazard: b reads the first 64 KiB, a rewrites them and flushes, b re-reads (remedies)"
  duration_ms: <ms>
  ...
ok 66 - EARLY1 writeback→writeback [reopen]
ok 67 - EARLY1 writeback→writeback [fadvise]
ok 68 - EARLY1 writeback→writeback [fcntl]
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: the image head b read early should be fresh after fcntl read lock (F_SETLKW) on the open file
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 125, found 124 — the claim is not about block storage; reported as observed"
      claims:
        - LOCK-INVALIDATES
      outcome: WARN
  record: 68
  title: "early-read hazard: b reads the first 64 KiB, a rewrites them and flushes, b re-reads (remedies)"
  duration_ms: <ms>
  ...
ok 69 - EARLY1 writeback→writeback [blkflsbuf]
ok 70 - EARLY1 unsafe→unsafe [none]
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: "without a remedy, the image head b read early is fresh after a rewrote it and flushed (T says it is not)"
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 129, found 127 — hazard present: the head b read before the guest started is stale"
      claims:
        - EARLY-READ-64K
      outcome: WARN
  record: 70
  title: "early-read hazard: b reads the first 64 KiB, a rewrites them and flushes, b re-reads (remedies)"
  duration_ms: <ms>
  ...
ok 71 - EARLY1 unsafe→unsafe [reopen]
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: the image head b read early should be fresh after close and reopen (delayed open)
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 131, found 129 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data"
      claims:
        - INVALIDATE-REMEDY
      outcome: WARN
  record: 71
  title: "early-read hazard: b reads the first 64 KiB, a rewrites them and flushes, b re-reads (remedies)"
  duration_ms: <ms>
  ...
ok 72 - EARLY1 unsafe→unsafe [fadvise]
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: the image head b read early should be fresh after posix_fadvise(DONTNEED) on the whole file (QEMU ≥ 4.0 on activation)
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 133, found 131 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data"
      claims:
        - INVALIDATE-REMEDY
        - QEMU-DROP-CACHE
      outcome: WARN
  record: 72
  title: "early-read hazard: b reads the first 64 KiB, a rewrites them and flushes, b re-reads (remedies)"
  duration_ms: <ms>
  ...
ok 73 - EARLY1 unsafe→unsafe [fcntl]
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: the image head b read early should be fresh after fcntl read lock (F_SETLKW) on the open file
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 135, found 133 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data"
      claims:
        - LOCK-INVALIDATES
      outcome: WARN
  record: 73
  title: "early-read hazard: b reads the first 64 KiB, a rewrites them and flushes, b re-reads (remedies)"
  duration_ms: <ms>
  ...
ok 74 - EARLY1 unsafe→unsafe [blkflsbuf]
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: the image head b read early should be fresh after ioctl(BLKFLSBUF) on the device
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 137, found 135 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data"
      claims:
        - INVALIDATE-REMEDY
      outcome: WARN
  record: 74
  title: "early-read hazard: b reads the first 64 KiB, a rewrites them and flushes, b re-reads (remedies)"
  duration_ms: <ms>
  ...
ok 75 - RA1 writethrough→writethrough
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: blocks b had not read yet should be fresh after a rewrote them and flushed (readahead may have fetched 15 blocks early)
      observed: "15 blocks: 12 fresh, 3 stale; block 1 stale: generation expected 139, found 138 — readahead on b fetched 3 of the 15 following blocks before a's write and served them stale"
      claims:
        - READAHEAD
      outcome: WARN
  record: 75
  title: "readahead hazard: b reads block 0, a rewrites blocks 1..k and flushes, b reads them"
  duration_ms: <ms>
  ...
ok 76 - RA1 writeback→writeback
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: blocks b had not read yet should be fresh after a rewrote them and flushed (readahead may have fetched 15 blocks early)
      observed: "15 blocks: 12 fresh, 3 stale; block 1 stale: generation expected 141, found 140 — readahead on b fetched 3 of the 15 following blocks before a's write and served them stale"
      claims:
        - READAHEAD
      outcome: WARN
  record: 76
  title: "readahead hazard: b reads block 0, a rewrites blocks 1..k and flushes, b reads them"
  duration_ms: <ms>
  ...
ok 77 - RA1 unsafe→unsafe
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: blocks b had not read yet should be fresh after a rewrote them and flushed (readahead may have fetched 15 blocks early)
      observed: "15 blocks: 15 stale; block 1 stale: generation expected 143, found 141 — the writer skipped its flush (cache=unsafe)"
      claims:
        - READAHEAD
      outcome: WARN
  record: 77
  title: "readahead hazard: b reads block 0, a rewrites blocks 1..k and flushes, b reads them"
  duration_ms: <ms>
  ...
ok 78 - RES1 writethrough→writethrough
ok 79 - RES1 writeback→writeback
ok 80 - RES1 unsafe→unsafe
ok 81 - SIZE1 none→none # SKIP needs a dir target; side a is a device
ok 82 - SIZE1 directsync→directsync # SKIP needs a dir target; side a is a device
ok 83 - SIZE1 writethrough→writethrough # SKIP needs a dir target; side a is a device
ok 84 - SIZE1 writeback→writeback # SKIP needs a dir target; side a is a device
ok 85 - SIZE1 unsafe→unsafe # SKIP needs a dir target; side a is a device
ok 86 - UNL1 none→none [unlink] # SKIP needs a dir target; side a is a device
ok 87 - UNL1 none→none [chmod] # SKIP needs a dir target; side a is a device
ok 88 - UNL1 directsync→directsync [unlink] # SKIP needs a dir target; side a is a device
ok 89 - UNL1 directsync→directsync [chmod] # SKIP needs a dir target; side a is a device
ok 90 - UNL1 writethrough→writethrough [unlink] # SKIP needs a dir target; side a is a device
ok 91 - UNL1 writethrough→writethrough [chmod] # SKIP needs a dir target; side a is a device
ok 92 - UNL1 writeback→writeback [unlink] # SKIP needs a dir target; side a is a device
ok 93 - UNL1 writeback→writeback [chmod] # SKIP needs a dir target; side a is a device
ok 94 - UNL1 unsafe→unsafe [unlink] # SKIP needs a dir target; side a is a device
ok 95 - UNL1 unsafe→unsafe [chmod] # SKIP needs a dir target; side a is a device
ok 96 - HAND1 none→none [none]
ok 97 - HAND1 none→none [fadvise] # SKIP b reads with O_DIRECT (no page cache): QEMU applies no remedy, only the "none" run applies
ok 98 - HAND1 none→none [reopen] # SKIP b reads with O_DIRECT (no page cache): QEMU applies no remedy, only the "none" run applies
ok 99 - HAND1 none→none [fcntl] # SKIP b reads with O_DIRECT (no page cache): QEMU applies no remedy, only the "none" run applies
ok 100 - HAND1 directsync→directsync [none]
ok 101 - HAND1 directsync→directsync [fadvise] # SKIP b reads with O_DIRECT (no page cache): QEMU applies no remedy, only the "none" run applies
ok 102 - HAND1 directsync→directsync [reopen] # SKIP b reads with O_DIRECT (no page cache): QEMU applies no remedy, only the "none" run applies
ok 103 - HAND1 directsync→directsync [fcntl] # SKIP b reads with O_DIRECT (no page cache): QEMU applies no remedy, only the "none" run applies
ok 104 - HAND1 writethrough→writethrough [none]
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: "after the source's final flush and no remedy, every block the destination reads should equal what the source last flushed"
      observed: "1024 blocks: 944 fresh, 80 stale; block 0 stale: generation expected 159, found 157 — the early read's pages (and their readahead) stayed in b's page cache: the guest on b would see these blocks wrong"
      claims:
        - HANDOFF
      outcome: WARN
  record: 104
  title: "migration handoff: b reads the head early, a runs a workload and flushes, b applies a remedy and reads every block"
  duration_ms: <ms>
  ...
ok 105 - HAND1 writethrough→writethrough [fadvise]
ok 106 - HAND1 writethrough→writethrough [reopen]
ok 107 - HAND1 writethrough→writethrough [fcntl]
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: "after the source's final flush and fcntl read lock (F_SETLKW) on the open file, every block the destination reads should equal what the source last flushed"
      observed: "1024 blocks: 944 fresh, 80 stale; block 0 stale: generation expected 173, found 172 — the claim is not about block storage; reported as observed"
      claims:
        - HANDOFF
        - LOCK-INVALIDATES
      outcome: WARN
  record: 107
  title: "migration handoff: b reads the head early, a runs a workload and flushes, b applies a remedy and reads every block"
  duration_ms: <ms>
  ...
ok 108 - HAND1 writeback→writeback [none]
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: "after the source's final flush and no remedy, every block the destination reads should equal what the source last flushed"
      observed: "1024 blocks: 944 fresh, 80 stale; block 0 stale: generation expected 181, found 177 — the early read's pages (and their readahead) stayed in b's page cache: the guest on b would see these blocks wrong"
      claims:
        - HANDOFF
      outcome: WARN
  record: 108
  title: "migration handoff: b reads the head early, a runs a workload and flushes, b applies a remedy and reads every block"
  duration_ms: <ms>
  ...
ok 109 - HAND1 writeback→writeback [fadvise]
ok 110 - HAND1 writeback→writeback [reopen]
ok 111 - HAND1 writeback→writeback [fcntl]
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: "after the source's final flush and fcntl read lock (F_SETLKW) on the open file, every block the destination reads should equal what the source last flushed"
      observed: "1024 blocks: 944 fresh, 80 stale; block 0 stale: generation expected 196, found 192 — the claim is not about block storage; reported as observed"
      claims:
        - HANDOFF
        - LOCK-INVALIDATES
      outcome: WARN
  record: 111
  title: "migration handoff: b reads the head early, a runs a workload and flushes, b applies a remedy and reads every block"
  duration_ms: <ms>
  ...
ok 112 - HAND1 unsafe→unsafe [none]
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: "after the source's final flush and no remedy, every block the destination reads should equal what the source last flushed"
      observed: "1024 blocks: 1024 stale; block 0 stale: generation expected 201, found 196 — the writer skipped its flush (cache=unsafe)"
      claims:
        - HANDOFF
      outcome: WARN
  record: 112
  title: "migration handoff: b reads the head early, a runs a workload and flushes, b applies a remedy and reads every block"
  duration_ms: <ms>
  ...
ok 113 - HAND1 unsafe→unsafe [fadvise]
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: "after the source's final flush and posix_fadvise(DONTNEED) on the whole file (QEMU ≥ 4.0 on activation), every block the destination reads should equal what the source last flushed"
      observed: "1024 blocks: 1024 stale; block 0 stale: generation expected 206, found 201 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data"
      claims:
        - HANDOFF
        - QEMU-DROP-CACHE
        - INVALIDATE-REMEDY
      outcome: WARN
  record: 113
  title: "migration handoff: b reads the head early, a runs a workload and flushes, b applies a remedy and reads every block"
  duration_ms: <ms>
  ...
ok 114 - HAND1 unsafe→unsafe [reopen]
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: "after the source's final flush and close and reopen (delayed open), every block the destination reads should equal what the source last flushed"
      observed: "1024 blocks: 1024 stale; block 0 stale: generation expected 208, found 206 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data"
      claims:
        - HANDOFF
        - INVALIDATE-REMEDY
      outcome: WARN
  record: 114
  title: "migration handoff: b reads the head early, a runs a workload and flushes, b applies a remedy and reads every block"
  duration_ms: <ms>
  ...
ok 115 - HAND1 unsafe→unsafe [fcntl]
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: "after the source's final flush and fcntl read lock (F_SETLKW) on the open file, every block the destination reads should equal what the source last flushed"
      observed: "1024 blocks: 1024 stale; block 0 stale: generation expected 213, found 208 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data"
      claims:
        - HANDOFF
        - LOCK-INVALIDATES
      outcome: WARN
  record: 115
  title: "migration handoff: b reads the head early, a runs a workload and flushes, b applies a remedy and reads every block"
  duration_ms: <ms>
  ...
ok 116 - IMG1 none→none [qcow2] # SKIP needs a dir target; side a is a device
ok 117 - IMG1 none→none [qed] # SKIP needs a dir target; side a is a device
ok 118 - IMG1 none→none [raw] # SKIP needs a dir target; side a is a device
ok 119 - IMG1 directsync→directsync [qcow2] # SKIP needs a dir target; side a is a device
ok 120 - IMG1 directsync→directsync [qed] # SKIP needs a dir target; side a is a device
ok 121 - IMG1 directsync→directsync [raw] # SKIP needs a dir target; side a is a device
ok 122 - IMG1 writethrough→writethrough [qcow2] # SKIP needs a dir target; side a is a device
ok 123 - IMG1 writethrough→writethrough [qed] # SKIP needs a dir target; side a is a device
ok 124 - IMG1 writethrough→writethrough [raw] # SKIP needs a dir target; side a is a device
ok 125 - IMG1 writeback→writeback [qcow2] # SKIP needs a dir target; side a is a device
ok 126 - IMG1 writeback→writeback [qed] # SKIP needs a dir target; side a is a device
ok 127 - IMG1 writeback→writeback [raw] # SKIP needs a dir target; side a is a device
ok 128 - IMG1 unsafe→unsafe [qcow2] # SKIP needs a dir target; side a is a device
ok 129 - IMG1 unsafe→unsafe [qed] # SKIP needs a dir target; side a is a device
ok 130 - IMG1 unsafe→unsafe [raw] # SKIP needs a dir target; side a is a device
# verdicts on profile block (shared block storage)
# verdict cache=none: SAFE with QEMU ≥ 4.0 (drop-cache): HAND1 none→none [none] #96: 1024 blocks: 1024 fresh; libvirt allows; documents: safe
# verdict cache=none: SAFE with QEMU < 4.0: HAND1 none→none [none] #96: 1024 blocks: 1024 fresh; libvirt allows; documents: safe
# verdict cache=directsync: SAFE with QEMU ≥ 4.0 (drop-cache): HAND1 directsync→directsync [none] #100: 1024 blocks: 1024 fresh; libvirt allows; documents: safe
# verdict cache=directsync: SAFE with QEMU < 4.0: HAND1 directsync→directsync [none] #100: 1024 blocks: 1024 fresh; libvirt allows; documents: safe
# verdict cache=writethrough: SAFE with QEMU ≥ 4.0 (drop-cache): HAND1 writethrough→writethrough [fadvise] #105: 1024 blocks: 1024 fresh; libvirt allows; documents: -
# verdict cache=writethrough: UNSAFE with QEMU < 4.0: HAND1 writethrough→writethrough [none] #104: 1024 blocks: 944 fresh, 80 stale; block 0 stale: generation expected 159, found 157; libvirt refuses; documents: unsafe
# verdict cache=writeback: SAFE with QEMU ≥ 4.0 (drop-cache): HAND1 writeback→writeback [fadvise] #109: 1024 blocks: 1024 fresh; libvirt allows; documents: -
# verdict cache=writeback: UNSAFE with QEMU < 4.0: HAND1 writeback→writeback [none] #108: 1024 blocks: 944 fresh, 80 stale; block 0 stale: generation expected 181, found 177; libvirt refuses; documents: unsafe
# verdict cache=unsafe: UNSAFE with QEMU ≥ 4.0 (drop-cache): HAND1 unsafe→unsafe [fadvise] #113: 1024 blocks: 1024 stale; block 0 stale: generation expected 206, found 201; libvirt allows; documents: -; libvirt allows cache=unsafe here (QEMU drops the cache on activation: libvirt allows cache=unsafe), but the measurement is UNSAFE
# verdict cache=unsafe: UNSAFE with QEMU < 4.0: HAND1 unsafe→unsafe [none] #112: 1024 blocks: 1024 stale; block 0 stale: generation expected 201, found 196; libvirt refuses; documents: unsafe
# claim NFS-CTO: not applicable: the claim is about NFS; side b is shared block storage; 16 blocks: 16 fresh: the writer skipped its flush (cache=unsafe)
# claim NFS-OPEN-BOTH: not applicable: the claim is about NFS; side b is shared block storage; 16 blocks: 16 stale: the writer skipped its flush (cache=unsafe); 16 blocks: 16 stale after nothing (control): the writer skipped its flush (cache=unsafe)
# claim NFS-SYNC-STABLE-READ: not applicable: the claim is about a Linux NFS server exporting with sync; side b is shared block storage; 16 blocks: 16 stale after a new O_DIRECT descriptor: the writer skipped its flush (cache=unsafe)
# claim NFS-ODIRECT-READ: not applicable: the claim is about the Linux NFS client; side b is shared block storage; 16 blocks: 16 stale after a new O_DIRECT descriptor: the writer skipped its flush (cache=unsafe); 16 blocks: 16 stale after O_DIRECT set with fcntl(F_SETFL) on the same descriptor: the writer skipped its flush (cache=unsafe)
# claim NFS-CACHE-NONE-SAFE: not applicable: the QEMU wiki page (W) makes this claim about Linux NFS server and client, not about shared block storage
# claim BLOCK-PROTOCOL-COHERENT: holds: BOTH1 none→none #7: reader with O_DIRECT should see the new data after fsync on the writer, without reopening: 16 blocks: 16 fresh (and 5 more)
# claim BLOCK-PAGECACHE-INCOHERENT: holds: BOTH1 writethrough→writethrough #9: buffered reader sees the new data after fsync on the writer, without reopening (the documents warn it may not): 16 blocks: 16 stale; block 0 stale: generation expected 19, found 18 — hazard present: b's page cache kept old data, so cache=writethrough on the destination is not coherent here (and 3 more)
# claim BLOCK-CACHE-NONE-ONLY: holds: HAND1 none→none [none] #96: cache=none, without drop-cache (QEMU < 4.0): measured SAFE: 1024 blocks: 1024 fresh (and 4 more)
# claim CLUSTER-FS-ANY-CACHE: not applicable: the QEMU wiki page (W) makes this claim about clustered filesystems (GPFS, Ceph, GlusterFS, GFS2), not about shared block storage
# claim QCOW2-METADATA: not checked: every run of IMG1 ended without a judgement: IMG1 OMIT: needs a dir target; side a is a device
# claim QED-DIRTY: not checked: every run of IMG1 ended without a judgement: IMG1 OMIT: needs a dir target; side a is a device
# claim RAW-SIZE: not checked: every run of SIZE1 ended without a judgement: SIZE1 OMIT: needs a dir target; side a is a device
# claim EARLY-READ-64K: holds: EARLY1 writethrough→writethrough [none] #60: without a remedy, the image head b read early is fresh after a rewrote it and flushed (T says it is not): 16 blocks: 16 stale; block 0 stale: generation expected 109, found 108 — hazard present: the head b read before the guest started is stale (and 3 more)
# claim LOCK-INVALIDATES: not applicable: the claim is about NFS; side b is shared block storage; 16 blocks: 16 stale after fcntl read lock (F_SETLKW, F_RDLCK): the writer skipped its flush (cache=unsafe); 16 blocks: 16 stale after fcntl write lock (F_SETLKW, F_WRLCK): the writer skipped its flush (cache=unsafe); 16 blocks: 16 stale after OFD read lock (F_OFD_SETLKW): the writer skipped its flush (cache=unsafe); 16 blocks: 16 stale after OFD write lock (F_OFD_SETLKW): the writer skipped its flush (cache=unsafe); 16 blocks: 16 stale after flock(LOCK_SH): the writer skipped its flush (cache=unsafe); 16 blocks: 16 stale after flock(LOCK_EX): the writer skipped its flush (cache=unsafe); 16 blocks: 16 stale of the head after fcntl read lock (F_SETLKW) on the open file: the writer skipped its flush (cache=unsafe); 1024 blocks: 1024 stale after fcntl read lock (F_SETLKW) on the open file: the writer skipped its flush (cache=unsafe)
# claim INVALIDATE-REMEDY: holds: FLUSH1 writethrough→writethrough [reopen] #13: reader should see the new data after close and reopen (last descriptor): 16 blocks: 16 fresh (and 15 more)
# claim READAHEAD: not applicable: the claim is about the Linux NFS client; side b is shared block storage; 15 blocks: 15 stale b had never read: the writer skipped its flush (cache=unsafe)
# claim NFS-UNLINK-AFTER-OPEN: not applicable: the 2010 qemu-devel thread (T) makes this claim about NFS, not about shared block storage
# claim HANDOFF: holds: HAND1 none→none [none] #96: after the source's final flush and no remedy, every block the destination reads should equal what the source last flushed: 1024 blocks: 1024 fresh (and 5 more)
# claim QEMU-DROP-CACHE: holds: FLUSH1 writethrough→writethrough [fadvise] #15: reader should see the new data after posix_fadvise(DONTNEED) on the whole file: 16 blocks: 16 fresh (and 8 more)
# claim QCOW2-REOPEN: not checked: every run of IMG1 ended without a judgement: IMG1 OMIT: needs a dir target; side a is a device
# claim LIBVIRT-POLICY: not checked: no probe checks it: it describes libvirt's code (qemuMigrationSrcIsSafe), not the storage, so no probe can observe it; the verdict table instead sets libvirt's decision beside each measured verdict and flags where they disagree
# claim NFS-NOSHARECACHE: not applicable: the claim is about two NFS mounts in one kernel; these sides are not
# claim NFS-LOCALIO: not applicable: side b is not an NFS mount
# exit code 0, finished <iso>

`

exports[`test/tap-report.test.ts > TAP > loop-window: snapshot, and tap-parser reads it back > run.tap 1`] = `
TAP version 14
1..20
# ━━ At a glance: run <run-id> on shared block storage (profile block) ━━━
# Safe with drop-cache (QEMU ≥ 4.0): no mode; with older QEMU: no mode.
# cache mode     QEMU ≥ 4.0 (drop-cache)   QEMU < 4.0
# none           UNKNOWN¹                  UNKNOWN¹
# directsync     UNKNOWN¹                  UNKNOWN¹
# writethrough   UNKNOWN¹                  UNKNOWN¹
# writeback      UNKNOWN¹                  UNKNOWN¹
# unsafe         UNKNOWN¹                  UNKNOWN¹
#   ¹ not measured: HAND1 was not selected
# Confounders: none detected
# Document claims this stack contradicts: none
# coprobe 0.1.0 run <run-id>, started <iso>
# a (writer): /dev/loop0 — block device 7:0, stack block, on vm, kernel 6.18.44-fc-v595
# b (reader): /dev/loop1 — block device 7:1, stack block, on vm, kernel 6.18.44-fc-v595
ok 1 - CTO1 unsafe→none (repeat 1)
ok 2 - CTO1 unsafe→none (repeat 2)
ok 3 - CTO1 unsafe→none (repeat 3)
ok 4 - CTO1 unsafe→none (repeat 4)
ok 5 - CTO1 unsafe→none (repeat 5)
ok 6 - CTO1 unsafe→directsync (repeat 1)
ok 7 - CTO1 unsafe→directsync (repeat 2)
ok 8 - CTO1 unsafe→directsync (repeat 3)
ok 9 - CTO1 unsafe→directsync (repeat 4)
ok 10 - CTO1 unsafe→directsync (repeat 5)
ok 11 - BOTH1 unsafe→none (repeat 1)
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: reader should see the data written and fsynced before it opened
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 22, found 21 — writer skipped its flush (cache=unsafe)"
      claims:
        - NFS-OPEN-BOTH
      outcome: WARN
    - sentence: "reader with O_DIRECT should see the new data after fsync on the writer, without reopening"
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 23, found 21 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data"
      claims:
        - NFS-ODIRECT-READ
        - BLOCK-PROTOCOL-COHERENT
      outcome: WARN
  record: 11
  title: "both open: a writes and fsyncs, b reads without reopening"
  duration_ms: <ms>
  ...
ok 12 - BOTH1 unsafe→none (repeat 2)
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: reader should see the data written and fsynced before it opened
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 24, found 23 — writer skipped its flush (cache=unsafe)"
      claims:
        - NFS-OPEN-BOTH
      outcome: WARN
    - sentence: "reader with O_DIRECT should see the new data after fsync on the writer, without reopening"
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 25, found 23 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data"
      claims:
        - NFS-ODIRECT-READ
        - BLOCK-PROTOCOL-COHERENT
      outcome: WARN
  record: 12
  title: "both open: a writes and fsyncs, b reads without reopening"
  duration_ms: <ms>
  ...
ok 13 - BOTH1 unsafe→none (repeat 3)
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: reader should see the data written and fsynced before it opened
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 26, found 25 — writer skipped its flush (cache=unsafe)"
      claims:
        - NFS-OPEN-BOTH
      outcome: WARN
    - sentence: "reader with O_DIRECT should see the new data after fsync on the writer, without reopening"
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 27, found 25 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data"
      claims:
        - NFS-ODIRECT-READ
        - BLOCK-PROTOCOL-COHERENT
      outcome: WARN
  record: 13
  title: "both open: a writes and fsyncs, b reads without reopening"
  duration_ms: <ms>
  ...
ok 14 - BOTH1 unsafe→none (repeat 4)
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: reader should see the data written and fsynced before it opened
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 28, found 27 — writer skipped its flush (cache=unsafe)"
      claims:
        - NFS-OPEN-BOTH
      outcome: WARN
    - sentence: "reader with O_DIRECT should see the new data after fsync on the writer, without reopening"
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 29, found 27 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data"
      claims:
        - NFS-ODIRECT-READ
        - BLOCK-PROTOCOL-COHERENT
      outcome: WARN
  record: 14
  title: "both open: a writes and fsyncs, b reads without reopening"
  duration_ms: <ms>
  ...
ok 15 - BOTH1 unsafe→none (repeat 5)
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: reader should see the data written and fsynced before it opened
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 30, found 29 — writer skipped its flush (cache=unsafe)"
      claims:
        - NFS-OPEN-BOTH
      outcome: WARN
    - sentence: "reader with O_DIRECT should see the new data after fsync on the writer, without reopening"
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 31, found 29 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data"
      claims:
        - NFS-ODIRECT-READ
        - BLOCK-PROTOCOL-COHERENT
      outcome: WARN
  record: 15
  title: "both open: a writes and fsyncs, b reads without reopening"
  duration_ms: <ms>
  ...
ok 16 - BOTH1 unsafe→directsync (repeat 1)
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: reader should see the data written and fsynced before it opened
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 32, found 31 — writer skipped its flush (cache=unsafe)"
      claims:
        - NFS-OPEN-BOTH
      outcome: WARN
    - sentence: "reader with O_DIRECT should see the new data after fsync on the writer, without reopening"
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 33, found 31 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data"
      claims:
        - NFS-ODIRECT-READ
        - BLOCK-PROTOCOL-COHERENT
      outcome: WARN
  record: 16
  title: "both open: a writes and fsyncs, b reads without reopening"
  duration_ms: <ms>
  ...
ok 17 - BOTH1 unsafe→directsync (repeat 2)
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: reader should see the data written and fsynced before it opened
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 34, found 33 — writer skipped its flush (cache=unsafe)"
      claims:
        - NFS-OPEN-BOTH
      outcome: WARN
    - sentence: "reader with O_DIRECT should see the new data after fsync on the writer, without reopening"
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 35, found 33 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data"
      claims:
        - NFS-ODIRECT-READ
        - BLOCK-PROTOCOL-COHERENT
      outcome: WARN
  record: 17
  title: "both open: a writes and fsyncs, b reads without reopening"
  duration_ms: <ms>
  ...
ok 18 - BOTH1 unsafe→directsync (repeat 3)
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: reader should see the data written and fsynced before it opened
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 36, found 35 — writer skipped its flush (cache=unsafe)"
      claims:
        - NFS-OPEN-BOTH
      outcome: WARN
    - sentence: "reader with O_DIRECT should see the new data after fsync on the writer, without reopening"
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 37, found 35 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data"
      claims:
        - NFS-ODIRECT-READ
        - BLOCK-PROTOCOL-COHERENT
      outcome: WARN
  record: 18
  title: "both open: a writes and fsyncs, b reads without reopening"
  duration_ms: <ms>
  ...
ok 19 - BOTH1 unsafe→directsync (repeat 4)
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: reader should see the data written and fsynced before it opened
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 38, found 37 — writer skipped its flush (cache=unsafe)"
      claims:
        - NFS-OPEN-BOTH
      outcome: WARN
    - sentence: "reader with O_DIRECT should see the new data after fsync on the writer, without reopening"
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 39, found 37 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data"
      claims:
        - NFS-ODIRECT-READ
        - BLOCK-PROTOCOL-COHERENT
      outcome: WARN
  record: 19
  title: "both open: a writes and fsyncs, b reads without reopening"
  duration_ms: <ms>
  ...
ok 20 - BOTH1 unsafe→directsync (repeat 5)
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: reader should see the data written and fsynced before it opened
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 40, found 39 — writer skipped its flush (cache=unsafe)"
      claims:
        - NFS-OPEN-BOTH
      outcome: WARN
    - sentence: "reader with O_DIRECT should see the new data after fsync on the writer, without reopening"
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 41, found 39 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data"
      claims:
        - NFS-ODIRECT-READ
        - BLOCK-PROTOCOL-COHERENT
      outcome: WARN
  record: 20
  title: "both open: a writes and fsyncs, b reads without reopening"
  duration_ms: <ms>
  ...
# verdicts on profile block (shared block storage)
# verdict cache=none: UNKNOWN with QEMU ≥ 4.0 (drop-cache): not measured: HAND1 was not selected; libvirt allows; documents: safe
# verdict cache=none: UNKNOWN with QEMU < 4.0: not measured: HAND1 was not selected; libvirt allows; documents: safe
# verdict cache=directsync: UNKNOWN with QEMU ≥ 4.0 (drop-cache): not measured: HAND1 was not selected; libvirt allows; documents: safe
# verdict cache=directsync: UNKNOWN with QEMU < 4.0: not measured: HAND1 was not selected; libvirt allows; documents: safe
# verdict cache=writethrough: UNKNOWN with QEMU ≥ 4.0 (drop-cache): not measured: HAND1 was not selected; libvirt allows; documents: -
# verdict cache=writethrough: UNKNOWN with QEMU < 4.0: not measured: HAND1 was not selected; libvirt refuses; documents: unsafe
# verdict cache=writeback: UNKNOWN with QEMU ≥ 4.0 (drop-cache): not measured: HAND1 was not selected; libvirt allows; documents: -
# verdict cache=writeback: UNKNOWN with QEMU < 4.0: not measured: HAND1 was not selected; libvirt refuses; documents: unsafe
# verdict cache=unsafe: UNKNOWN with QEMU ≥ 4.0 (drop-cache): not measured: HAND1 was not selected; libvirt allows; documents: -
# verdict cache=unsafe: UNKNOWN with QEMU < 4.0: not measured: HAND1 was not selected; libvirt refuses; documents: unsafe
# claim NFS-CTO: not applicable: 16 blocks: 16 fresh: the writer skipped its flush (cache=unsafe)
# claim NFS-OPEN-BOTH: not applicable: the 2010 qemu-devel thread (T) makes this claim about NFS, not about shared block storage
# claim NFS-SYNC-STABLE-READ: not applicable: 16 blocks: 16 stale: the writer skipped its flush (cache=unsafe)
# claim NFS-ODIRECT-READ: not applicable: 16 blocks: 16 stale: the writer skipped its flush (cache=unsafe)
# claim NFS-CACHE-NONE-SAFE: not applicable: the QEMU wiki page (W) makes this claim about Linux NFS server and client, not about shared block storage
# claim BLOCK-PROTOCOL-COHERENT: not applicable: 16 blocks: 16 stale: the writer skipped its flush (cache=unsafe)
# claim BLOCK-PAGECACHE-INCOHERENT: not checked: 10 completed runs of BOTH1, but no check bore on it with the variants run
# claim BLOCK-CACHE-NONE-ONLY: not checked: judged from the verdict table, where cache=none is UNKNOWN: not measured: HAND1 was not selected (and 4 more UNKNOWN)
# claim CLUSTER-FS-ANY-CACHE: not applicable: the QEMU wiki page (W) makes this claim about clustered filesystems (GPFS, Ceph, GlusterFS, GFS2), not about shared block storage
# claim QCOW2-METADATA: not checked: not selected: IMG1
# claim QED-DIRTY: not checked: not selected: IMG1
# claim RAW-SIZE: not checked: not selected: SIZE1
# claim EARLY-READ-64K: not checked: not selected: EARLY1, HAND1
# claim LOCK-INVALIDATES: not applicable: the 2010 qemu-devel thread (T) makes this claim about NFS, not about shared block storage
# claim INVALIDATE-REMEDY: not checked: not selected: FLUSH1, EARLY1, HAND1
# claim READAHEAD: not applicable: the 2010 qemu-devel thread (T) makes this claim about the Linux NFS client, not about shared block storage
# claim NFS-UNLINK-AFTER-OPEN: not applicable: the 2010 qemu-devel thread (T) makes this claim about NFS, not about shared block storage
# claim HANDOFF: not checked: not selected: HAND1
# claim QEMU-DROP-CACHE: not checked: not selected: FLUSH1, EARLY1, RES1, HAND1
# claim QCOW2-REOPEN: not checked: not selected: IMG1
# claim LIBVIRT-POLICY: not checked: no probe checks it: it describes libvirt's code (qemuMigrationSrcIsSafe), not the storage, so no probe can observe it; the verdict table instead sets libvirt's decision beside each measured verdict and flags where they disagree
# claim NFS-NOSHARECACHE: not applicable: the QEMU, libvirt or Linux source cited in CLAIMS.md makes this claim about two NFS mounts of one export in one client, not about shared block storage
# claim NFS-LOCALIO: not applicable: the QEMU, libvirt or Linux source cited in CLAIMS.md makes this claim about an NFS client on the server's host (Linux ≥ 6.12), not about shared block storage
# exit code 0, finished <iso>

`

exports[`test/tap-report.test.ts > TAP > nfs-user-v4: snapshot, and tap-parser reads it back > run.tap 1`] = `
TAP version 14
1..130
# ━━ At a glance: run <run-id> ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
# on QEMU's userspace NFS driver (nfs://, libnfs) (profile nfs-user)
# Safe with drop-cache (QEMU ≥ 4.0): none, directsync, writethrough, writeback,
#   unsafe; with older QEMU: none, directsync, writethrough, writeback, unsafe.
# cache mode     QEMU ≥ 4.0 (drop-cache)   QEMU < 4.0
# none           SAFE                      SAFE
# directsync     SAFE                      SAFE
# writethrough   SAFE                      SAFE
# writeback      SAFE                      SAFE
# unsafe         SAFE                      SAFE
# Confounders: none detected
# Document claims this stack contradicts (1):
#   NFS-UNLINK-AFTER-OPEN (qemu-devel 2010) VIOLATED
#       claims: "On NFS, removing (or chmod-ing) a file from another client makes
#       access through an open file fail, unlike POSIX."
# coprobe 0.1.0 run <run-id>, started <iso>
# a (writer): nfs://127.0.0.1/export?version=4 — NFS export through libnfs (userspace), stack nfs, on vm, kernel 6.18.44-fc-v595
# b (reader): nfs://127.0.0.1/export?version=4 — NFS export through libnfs (userspace), stack nfs, on vm, kernel 6.18.44-fc-v595
ok 1 - SHARE1 writeback→writeback # SKIP needs a host page cache on side a; side a (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none
ok 2 - CTO1 none→none
ok 3 - CTO1 directsync→directsync
ok 4 - CTO1 writethrough→writethrough # SKIP same I/O as directsync→directsync (\\#3): sides a (libnfs) and b (libnfs) have no host page cache, so O_DIRECT and buffered are one mode there
ok 5 - CTO1 writeback→writeback # SKIP same I/O as none→none (\\#2): sides a (libnfs) and b (libnfs) have no host page cache, so O_DIRECT and buffered are one mode there
ok 6 - CTO1 unsafe→unsafe
ok 7 - BOTH1 none→none
ok 8 - BOTH1 directsync→directsync
ok 9 - BOTH1 writethrough→writethrough # SKIP same I/O as directsync→directsync (\\#8): sides a (libnfs) and b (libnfs) have no host page cache, so O_DIRECT and buffered are one mode there
ok 10 - BOTH1 writeback→writeback # SKIP same I/O as none→none (\\#7): sides a (libnfs) and b (libnfs) have no host page cache, so O_DIRECT and buffered are one mode there
ok 11 - BOTH1 unsafe→unsafe
ok 12 - FLUSH1 writethrough→writethrough [none]
ok 13 - FLUSH1 writethrough→writethrough [reopen]
ok 14 - FLUSH1 writethrough→writethrough [reopen-other]
ok 15 - FLUSH1 writethrough→writethrough [fadvise] # SKIP needs posix_fadvise/mincore on a page cache on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none
ok 16 - FLUSH1 writethrough→writethrough [blkflsbuf] # SKIP needs a kernel block device (BLKFLSBUF) on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none
ok 17 - FLUSH1 writethrough→writethrough [direct-newfd] # SKIP needs O_DIRECT on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none
ok 18 - FLUSH1 writethrough→writethrough [direct-setfl] # SKIP needs O_DIRECT on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none
ok 19 - FLUSH1 writethrough→writethrough [fchmod]
ok 20 - FLUSH1 writethrough→writethrough [stat]
ok 21 - FLUSH1 writethrough→writethrough [sleep]
ok 22 - FLUSH1 writeback→writeback [none]
ok 23 - FLUSH1 writeback→writeback [reopen]
ok 24 - FLUSH1 writeback→writeback [reopen-other]
ok 25 - FLUSH1 writeback→writeback [fadvise] # SKIP needs posix_fadvise/mincore on a page cache on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none
ok 26 - FLUSH1 writeback→writeback [blkflsbuf] # SKIP needs a kernel block device (BLKFLSBUF) on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none
ok 27 - FLUSH1 writeback→writeback [direct-newfd] # SKIP needs O_DIRECT on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none
ok 28 - FLUSH1 writeback→writeback [direct-setfl] # SKIP needs O_DIRECT on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none
ok 29 - FLUSH1 writeback→writeback [fchmod]
ok 30 - FLUSH1 writeback→writeback [stat]
ok 31 - FLUSH1 writeback→writeback [sleep]
ok 32 - FLUSH1 unsafe→unsafe [none]
ok 33 - FLUSH1 unsafe→unsafe [reopen]
ok 34 - FLUSH1 unsafe→unsafe [reopen-other]
ok 35 - FLUSH1 unsafe→unsafe [fadvise] # SKIP needs posix_fadvise/mincore on a page cache on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none
ok 36 - FLUSH1 unsafe→unsafe [blkflsbuf] # SKIP needs a kernel block device (BLKFLSBUF) on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none
ok 37 - FLUSH1 unsafe→unsafe [direct-newfd] # SKIP needs O_DIRECT on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none
ok 38 - FLUSH1 unsafe→unsafe [direct-setfl] # SKIP needs O_DIRECT on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none
ok 39 - FLUSH1 unsafe→unsafe [fchmod]
ok 40 - FLUSH1 unsafe→unsafe [stat]
ok 41 - FLUSH1 unsafe→unsafe [sleep]
ok 42 - LOCK1 writethrough→writethrough [posix-read] # SKIP needs file locks on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none
ok 43 - LOCK1 writethrough→writethrough [posix-write] # SKIP needs file locks on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none
ok 44 - LOCK1 writethrough→writethrough [ofd-read] # SKIP needs file locks on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none
ok 45 - LOCK1 writethrough→writethrough [ofd-write] # SKIP needs file locks on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none
ok 46 - LOCK1 writethrough→writethrough [flock-shared] # SKIP needs file locks on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none
ok 47 - LOCK1 writethrough→writethrough [flock-exclusive] # SKIP needs file locks on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none
ok 48 - LOCK1 writeback→writeback [posix-read] # SKIP needs file locks on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none
ok 49 - LOCK1 writeback→writeback [posix-write] # SKIP needs file locks on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none
ok 50 - LOCK1 writeback→writeback [ofd-read] # SKIP needs file locks on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none
ok 51 - LOCK1 writeback→writeback [ofd-write] # SKIP needs file locks on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none
ok 52 - LOCK1 writeback→writeback [flock-shared] # SKIP needs file locks on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none
ok 53 - LOCK1 writeback→writeback [flock-exclusive] # SKIP needs file locks on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none
ok 54 - LOCK1 unsafe→unsafe [posix-read] # SKIP needs file locks on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none
ok 55 - LOCK1 unsafe→unsafe [posix-write] # SKIP needs file locks on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none
ok 56 - LOCK1 unsafe→unsafe [ofd-read] # SKIP needs file locks on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none
ok 57 - LOCK1 unsafe→unsafe [ofd-write] # SKIP needs file locks on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none
ok 58 - LOCK1 unsafe→unsafe [flock-shared] # SKIP needs file locks on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none
ok 59 - LOCK1 unsafe→unsafe [flock-exclusive] # SKIP needs file locks on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none
ok 60 - EARLY1 writethrough→writethrough [none]
ok 61 - EARLY1 writethrough→writethrough [reopen]
ok 62 - EARLY1 writethrough→writethrough [fadvise] # SKIP needs posix_fadvise/mincore on a page cache on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none
ok 63 - EARLY1 writethrough→writethrough [fcntl] # SKIP needs file locks on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none
ok 64 - EARLY1 writethrough→writethrough [blkflsbuf] # SKIP needs a kernel block device (BLKFLSBUF) on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none
ok 65 - EARLY1 writeback→writeback [none]
ok 66 - EARLY1 writeback→writeback [reopen]
ok 67 - EARLY1 writeback→writeback [fadvise] # SKIP needs posix_fadvise/mincore on a page cache on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none
ok 68 - EARLY1 writeback→writeback [fcntl] # SKIP needs file locks on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none
ok 69 - EARLY1 writeback→writeback [blkflsbuf] # SKIP needs a kernel block device (BLKFLSBUF) on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none
ok 70 - EARLY1 unsafe→unsafe [none]
ok 71 - EARLY1 unsafe→unsafe [reopen]
ok 72 - EARLY1 unsafe→unsafe [fadvise] # SKIP needs posix_fadvise/mincore on a page cache on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none
ok 73 - EARLY1 unsafe→unsafe [fcntl] # SKIP needs file locks on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none
ok 74 - EARLY1 unsafe→unsafe [blkflsbuf] # SKIP needs a kernel block device (BLKFLSBUF) on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none
ok 75 - RA1 writethrough→writethrough
ok 76 - RA1 writeback→writeback
ok 77 - RA1 unsafe→unsafe
ok 78 - RES1 writethrough→writethrough # SKIP needs posix_fadvise/mincore on a page cache on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none
ok 79 - RES1 writeback→writeback # SKIP needs posix_fadvise/mincore on a page cache on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none
ok 80 - RES1 unsafe→unsafe # SKIP needs posix_fadvise/mincore on a page cache on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none
ok 81 - SIZE1 none→none
ok 82 - SIZE1 directsync→directsync
ok 83 - SIZE1 writethrough→writethrough # SKIP same I/O as directsync→directsync (\\#82): sides a (libnfs) and b (libnfs) have no host page cache, so O_DIRECT and buffered are one mode there
ok 84 - SIZE1 writeback→writeback # SKIP same I/O as none→none (\\#81): sides a (libnfs) and b (libnfs) have no host page cache, so O_DIRECT and buffered are one mode there
ok 85 - SIZE1 unsafe→unsafe
ok 86 - UNL1 none→none [unlink]
ok 87 - UNL1 none→none [chmod]
ok 88 - UNL1 directsync→directsync [unlink]
ok 89 - UNL1 directsync→directsync [chmod]
ok 90 - UNL1 writethrough→writethrough [unlink] # SKIP same I/O as directsync→directsync [unlink] (\\#88): sides a (libnfs) and b (libnfs) have no host page cache, so O_DIRECT and buffered are one mode there
ok 91 - UNL1 writethrough→writethrough [chmod] # SKIP same I/O as directsync→directsync [chmod] (\\#89): sides a (libnfs) and b (libnfs) have no host page cache, so O_DIRECT and buffered are one mode there
ok 92 - UNL1 writeback→writeback [unlink] # SKIP same I/O as none→none [unlink] (\\#86): sides a (libnfs) and b (libnfs) have no host page cache, so O_DIRECT and buffered are one mode there
ok 93 - UNL1 writeback→writeback [chmod] # SKIP same I/O as none→none [chmod] (\\#87): sides a (libnfs) and b (libnfs) have no host page cache, so O_DIRECT and buffered are one mode there
ok 94 - UNL1 unsafe→unsafe [unlink]
ok 95 - UNL1 unsafe→unsafe [chmod]
ok 96 - HAND1 none→none [none]
ok 97 - HAND1 none→none [fadvise] # SKIP b reads through libnfs (userspace, no host page cache): QEMU applies no remedy, only the "none" run applies
ok 98 - HAND1 none→none [reopen] # SKIP b reads through libnfs (userspace, no host page cache): QEMU applies no remedy, only the "none" run applies
ok 99 - HAND1 none→none [fcntl] # SKIP b reads through libnfs (userspace, no host page cache): QEMU applies no remedy, only the "none" run applies
ok 100 - HAND1 directsync→directsync [none]
ok 101 - HAND1 directsync→directsync [fadvise] # SKIP b reads through libnfs (userspace, no host page cache): QEMU applies no remedy, only the "none" run applies
ok 102 - HAND1 directsync→directsync [reopen] # SKIP b reads through libnfs (userspace, no host page cache): QEMU applies no remedy, only the "none" run applies
ok 103 - HAND1 directsync→directsync [fcntl] # SKIP b reads through libnfs (userspace, no host page cache): QEMU applies no remedy, only the "none" run applies
ok 104 - HAND1 writethrough→writethrough [none] # SKIP same I/O as directsync→directsync [none] (\\#100): sides a (libnfs) and b (libnfs) have no host page cache, so O_DIRECT and buffered are one mode there
ok 105 - HAND1 writethrough→writethrough [fadvise] # SKIP b reads through libnfs (userspace, no host page cache): QEMU applies no remedy, only the "none" run applies
ok 106 - HAND1 writethrough→writethrough [reopen] # SKIP b reads through libnfs (userspace, no host page cache): QEMU applies no remedy, only the "none" run applies
ok 107 - HAND1 writethrough→writethrough [fcntl] # SKIP b reads through libnfs (userspace, no host page cache): QEMU applies no remedy, only the "none" run applies
ok 108 - HAND1 writeback→writeback [none] # SKIP same I/O as none→none [none] (\\#96): sides a (libnfs) and b (libnfs) have no host page cache, so O_DIRECT and buffered are one mode there
ok 109 - HAND1 writeback→writeback [fadvise] # SKIP b reads through libnfs (userspace, no host page cache): QEMU applies no remedy, only the "none" run applies
ok 110 - HAND1 writeback→writeback [reopen] # SKIP b reads through libnfs (userspace, no host page cache): QEMU applies no remedy, only the "none" run applies
ok 111 - HAND1 writeback→writeback [fcntl] # SKIP b reads through libnfs (userspace, no host page cache): QEMU applies no remedy, only the "none" run applies
ok 112 - HAND1 unsafe→unsafe [none]
ok 113 - HAND1 unsafe→unsafe [fadvise] # SKIP b reads through libnfs (userspace, no host page cache): QEMU applies no remedy, only the "none" run applies
ok 114 - HAND1 unsafe→unsafe [reopen] # SKIP b reads through libnfs (userspace, no host page cache): QEMU applies no remedy, only the "none" run applies
ok 115 - HAND1 unsafe→unsafe [fcntl] # SKIP b reads through libnfs (userspace, no host page cache): QEMU applies no remedy, only the "none" run applies
ok 116 - IMG1 none→none [qcow2] # SKIP qemu-io opens the image by a kernel path; side a is reached through libnfs (QEMU's own nfs:// driver in qemu-io is not wired in)
ok 117 - IMG1 none→none [qed] # SKIP qemu-io opens the image by a kernel path; side a is reached through libnfs (QEMU's own nfs:// driver in qemu-io is not wired in)
ok 118 - IMG1 none→none [raw] # SKIP qemu-io opens the image by a kernel path; side a is reached through libnfs (QEMU's own nfs:// driver in qemu-io is not wired in)
ok 119 - IMG1 directsync→directsync [qcow2] # SKIP qemu-io opens the image by a kernel path; side a is reached through libnfs (QEMU's own nfs:// driver in qemu-io is not wired in)
ok 120 - IMG1 directsync→directsync [qed] # SKIP qemu-io opens the image by a kernel path; side a is reached through libnfs (QEMU's own nfs:// driver in qemu-io is not wired in)
ok 121 - IMG1 directsync→directsync [raw] # SKIP qemu-io opens the image by a kernel path; side a is reached through libnfs (QEMU's own nfs:// driver in qemu-io is not wired in)
ok 122 - IMG1 writethrough→writethrough [qcow2] # SKIP qemu-io opens the image by a kernel path; side a is reached through libnfs (QEMU's own nfs:// driver in qemu-io is not wired in)
ok 123 - IMG1 writethrough→writethrough [qed] # SKIP qemu-io opens the image by a kernel path; side a is reached through libnfs (QEMU's own nfs:// driver in qemu-io is not wired in)
ok 124 - IMG1 writethrough→writethrough [raw] # SKIP qemu-io opens the image by a kernel path; side a is reached through libnfs (QEMU's own nfs:// driver in qemu-io is not wired in)
ok 125 - IMG1 writeback→writeback [qcow2] # SKIP qemu-io opens the image by a kernel path; side a is reached through libnfs (QEMU's own nfs:// driver in qemu-io is not wired in)
ok 126 - IMG1 writeback→writeback [qed] # SKIP qemu-io opens the image by a kernel path; side a is reached through libnfs (QEMU's own nfs:// driver in qemu-io is not wired in)
ok 127 - IMG1 writeback→writeback [raw] # SKIP qemu-io opens the image by a kernel path; side a is reached through libnfs (QEMU's own nfs:// driver in qemu-io is not wired in)
ok 128 - IMG1 unsafe→unsafe [qcow2] # SKIP qemu-io opens the image by a kernel path; side a is reached through libnfs (QEMU's own nfs:// driver in qemu-io is not wired in)
ok 129 - IMG1 unsafe→unsafe [qed] # SKIP qemu-io opens the image by a kernel path; side a is reached through libnfs (QEMU's own nfs:// driver in qemu-io is not wired in)
ok 130 - IMG1 unsafe→unsafe [raw] # SKIP qemu-io opens the image by a kernel path; side a is reached through libnfs (QEMU's own nfs:// driver in qemu-io is not wired in)
# verdicts on profile nfs-user (QEMU's userspace NFS driver (nfs://, libnfs)): reader reaches the export through libnfs (userspace, no host page cache), as QEMU's nfs:// driver does
# verdict cache=none: SAFE with QEMU ≥ 4.0 (drop-cache): HAND1 none→none [none] #96: 1024 blocks: 1024 fresh; libvirt allows; documents: -
# verdict cache=none: SAFE with QEMU < 4.0: HAND1 none→none [none] #96: 1024 blocks: 1024 fresh; libvirt allows; documents: -
# verdict cache=directsync: SAFE with QEMU ≥ 4.0 (drop-cache): HAND1 directsync→directsync [none] #100: 1024 blocks: 1024 fresh; libvirt allows; documents: -
# verdict cache=directsync: SAFE with QEMU < 4.0: HAND1 directsync→directsync [none] #100: 1024 blocks: 1024 fresh; libvirt allows; documents: -
# verdict cache=writethrough: SAFE with QEMU ≥ 4.0 (drop-cache): HAND1 writethrough→writethrough [none] #100: directsync→directsync [none] ran this mode's I/O (no host page cache: O_DIRECT and buffered are one mode): 1024 blocks: 1024 fresh; libvirt allows; documents: -
# verdict cache=writethrough: SAFE with QEMU < 4.0: HAND1 writethrough→writethrough [none] #100: directsync→directsync [none] ran this mode's I/O (no host page cache: O_DIRECT and buffered are one mode): 1024 blocks: 1024 fresh; libvirt allows; documents: -
# verdict cache=writeback: SAFE with QEMU ≥ 4.0 (drop-cache): HAND1 writeback→writeback [none] #96: none→none [none] ran this mode's I/O (no host page cache: O_DIRECT and buffered are one mode): 1024 blocks: 1024 fresh; libvirt allows; documents: -
# verdict cache=writeback: SAFE with QEMU < 4.0: HAND1 writeback→writeback [none] #96: none→none [none] ran this mode's I/O (no host page cache: O_DIRECT and buffered are one mode): 1024 blocks: 1024 fresh; libvirt allows; documents: -
# verdict cache=unsafe: SAFE with QEMU ≥ 4.0 (drop-cache): HAND1 unsafe→unsafe [none] #112: 1024 blocks: 1024 fresh; libvirt allows; documents: -
# verdict cache=unsafe: SAFE with QEMU < 4.0: HAND1 unsafe→unsafe [none] #112: 1024 blocks: 1024 fresh; libvirt allows; documents: -
# claim NFS-CTO: holds: CTO1 none→none #2: reader should see the data when it opens after the writer fsynced and closed (first open): 16 blocks: 16 fresh (and 3 more)
# claim NFS-OPEN-BOTH: not applicable: 16 blocks: 16 fresh after nothing (control): fresh; 16 blocks: 16 fresh after nothing (control): the writer skipped its flush (cache=unsafe)
# claim NFS-SYNC-STABLE-READ: holds: BOTH1 none→none #7: reader with O_DIRECT should see the new data after fsync on the writer, without reopening: 16 blocks: 16 fresh (and 1 more)
# claim NFS-ODIRECT-READ: not applicable: the claim is about the Linux NFS client; side b is QEMU's userspace NFS driver (nfs://, libnfs); 16 blocks: 16 fresh: the writer skipped its flush (cache=unsafe)
# claim NFS-CACHE-NONE-SAFE: not applicable: the QEMU wiki page (W) makes this claim about Linux NFS server and client, not about QEMU's userspace NFS driver (nfs://, libnfs)
# claim BLOCK-PROTOCOL-COHERENT: not applicable: the claim is about shared block storage (iSCSI, FC, direct-attached); side b is QEMU's userspace NFS driver (nfs://, libnfs); 16 blocks: 16 fresh: the writer skipped its flush (cache=unsafe)
# claim BLOCK-PAGECACHE-INCOHERENT: not applicable: the claim is about the Linux page cache over shared block storage; side b is QEMU's userspace NFS driver (nfs://, libnfs); 16 blocks: 16 fresh after nothing (control): the writer skipped its flush (cache=unsafe)
# claim BLOCK-CACHE-NONE-ONLY: not applicable: the QEMU wiki page (W) makes this claim about shared block storage (iSCSI, FC, direct-attached), not about QEMU's userspace NFS driver (nfs://, libnfs)
# claim CLUSTER-FS-ANY-CACHE: not applicable: the QEMU wiki page (W) makes this claim about clustered filesystems (GPFS, Ceph, GlusterFS, GFS2), not about QEMU's userspace NFS driver (nfs://, libnfs)
# claim QCOW2-METADATA: not checked: every run of IMG1 ended without a judgement: IMG1 OMIT: qemu-io opens the image by a kernel path; side a is reached through libnfs (QEMU's own nfs:// driver in qemu-io is not wired in)
# claim QED-DIRTY: not checked: every run of IMG1 ended without a judgement: IMG1 OMIT: qemu-io opens the image by a kernel path; side a is reached through libnfs (QEMU's own nfs:// driver in qemu-io is not wired in)
# claim RAW-SIZE: not applicable: b saw every size change at once through every call: only the size QEMU caches itself could be stale; the writer skipped its flush (cache=unsafe)
# claim EARLY-READ-64K: not applicable: the claim is about weakly coherent storage read through a host page cache (T: NFS); side b is QEMU's userspace NFS driver (nfs://, libnfs); 16 blocks: 16 fresh of the head after no remedy: the writer skipped its flush (cache=unsafe)
# claim LOCK-INVALIDATES: not applicable: the 2010 qemu-devel thread (T) makes this claim about NFS, not about QEMU's userspace NFS driver (nfs://, libnfs)
# claim INVALIDATE-REMEDY: not applicable: the control read before close and reopen (last descriptor) was already fresh: nothing stale to remove; the control read before close and reopen (delayed open) was already fresh: nothing stale to remove
# claim READAHEAD: not applicable: the claim is about the Linux NFS client; side b is QEMU's userspace NFS driver (nfs://, libnfs); 15 blocks: 15 fresh b had never read: the writer skipped its flush (cache=unsafe)
# claim NFS-UNLINK-AFTER-OPEN: VIOLATED: UNL1 none→none [unlink] #86: reader's open descriptor should keep working after the other side removed the file (POSIX; the documents say NFS differs): 16 blocks: 16 fresh; fstat on b succeeded (and 5 more); The stack contradicts the 2010 qemu-devel thread (T): it claims "On NFS, removing (or chmod-ing) a file from another client makes access through an open file fail, unlike POSIX", but UNL1 none→none [unlink] #86 observed: 16 blocks: 16 fresh; fstat on b succeeded.
# claim HANDOFF: holds: HAND1 none→none [none] #96: after the source's final flush and no remedy, every block the destination reads should equal what the source last flushed: 1024 blocks: 1024 fresh (and 1 more)
# claim QEMU-DROP-CACHE: not applicable: the QEMU, libvirt or Linux source cited in CLAIMS.md makes this claim about images QEMU opens through file-posix (a host page cache), not about QEMU's userspace NFS driver (nfs://, libnfs)
# claim QCOW2-REOPEN: not checked: every run of IMG1 ended without a judgement: IMG1 OMIT: qemu-io opens the image by a kernel path; side a is reached through libnfs (QEMU's own nfs:// driver in qemu-io is not wired in)
# claim LIBVIRT-POLICY: not checked: no probe checks it: it describes libvirt's code (qemuMigrationSrcIsSafe), not the storage, so no probe can observe it; the verdict table instead sets libvirt's decision beside each measured verdict and flags where they disagree
# claim NFS-NOSHARECACHE: not applicable: the QEMU, libvirt or Linux source cited in CLAIMS.md makes this claim about two NFS mounts of one export in one client, not about QEMU's userspace NFS driver (nfs://, libnfs)
# claim NFS-LOCALIO: not applicable: the QEMU, libvirt or Linux source cited in CLAIMS.md makes this claim about an NFS client on the server's host (Linux ≥ 6.12), not about QEMU's userspace NFS driver (nfs://, libnfs)
# exit code 0, finished <iso>

`

exports[`test/tap-report.test.ts > TAP > one test point per outcome, each with its mapping > test points 1`] = `
TAP version 14
1..8
# ━━ At a glance: run <run-id> on shared block storage (profile block) ━━━
# Safe with drop-cache (QEMU ≥ 4.0): none, directsync, writethrough, writeback;
#   with older QEMU: none, directsync.
# cache mode     QEMU ≥ 4.0 (drop-cache)   QEMU < 4.0
# none           SAFE                      SAFE
# directsync     SAFE                      SAFE
# writethrough   SAFE                      UNSAFE
# writeback      SAFE                      UNSAFE
# unsafe         UNSAFE (libvirt allows)   UNSAFE
# Confounders: none detected
# Document claims this stack contradicts: none
# coprobe 0.1.0 run <run-id>, started <iso>
# a (writer): /dev/loop0 — block device 7:0, stack block, on vm, kernel 6.18.44-fc-v595
# b (reader): /dev/loop1 — block device 7:1, stack block, on vm, kernel 6.18.44-fc-v595
ok 1 - SHARE1 writeback→writeback (repeat 1)
ok 2 - BOTH1 writethrough→writethrough (repeat 2)
  ---
  outcome: WARN
  meaning: a hazard the documents describe was observed (not a violation)
  checks:
    - sentence: "buffered reader sees the new data after fsync on the writer, without reopening (the documents warn it may not)"
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 19, found 18 — hazard present: b's page cache kept old data, so cache=writethrough on the destination is not coherent here"
      claims:
        - NFS-OPEN-BOTH
        - BLOCK-PAGECACHE-INCOHERENT
      outcome: WARN
  record: 2
  title: "both open: a writes and fsyncs, b reads without reopening"
  duration_ms: <ms>
  ...
ok 3 - FLUSH1 writethrough→writethrough [fchmod] (repeat 3) # SKIP unsupported: renderer test: side b refused O_DIRECT (EINVAL)
ok 4 - FLUSH1 writethrough→writethrough [fchmod] (repeat 4) # SKIP needs scratch files in a directory on side b; side b (block device /dev/loop1) has none
not ok 5 - BOTH1 writethrough→writethrough (repeat 5) # TODO known issue: renderer test: a known issue of this stack
  ---
  outcome: KNOWN
  meaning: a failure a known-issues entry matches (not a pass)
  checks:
    - sentence: "buffered reader sees the new data after fsync on the writer, without reopening (the documents warn it may not)"
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 19, found 18 — hazard present: b's page cache kept old data, so cache=writethrough on the destination is not coherent here"
      claims:
        - NFS-OPEN-BOTH
        - BLOCK-PAGECACHE-INCOHERENT
      outcome: KNOWN
  reason: "known: renderer test: a known issue of this stack"
  record: 5
  title: "both open: a writes and fsyncs, b reads without reopening"
  duration_ms: <ms>
  ...
not ok 6 - BOTH1 writethrough→writethrough (repeat 6)
  ---
  outcome: FAIL
  meaning: a claim the probe expects to hold was violated
  checks:
    - sentence: "buffered reader sees the new data after fsync on the writer, without reopening (the documents warn it may not)"
      observed: "16 blocks: 16 stale; block 0 stale: generation expected 19, found 18 — hazard present: b's page cache kept old data, so cache=writethrough on the destination is not coherent here"
      claims:
        - NFS-OPEN-BOTH
        - BLOCK-PAGECACHE-INCOHERENT
      outcome: FAIL
  record: 6
  title: "both open: a writes and fsyncs, b reads without reopening"
  duration_ms: <ms>
  ...
not ok 7 - SHARE1 writeback→writeback (repeat 7)
  ---
  outcome: HUNG
  meaning: a side did not answer within the timeout
  reason: "side b did not answer \\"read\\" within 30000 ms (stuck in I/O?): its agent was killed"
  record: 7
  title: "one cache for both sides? a writes without a flush, b reads at once"
  duration_ms: <ms>
  ...
not ok 8 - SHARE1 writeback→writeback (repeat 8)
  ---
  outcome: LOST
  meaning: "a side's agent went away"
  reason: "side a: agent went away during \\"write\\" (signal SIGKILL)"
  record: 8
  title: "one cache for both sides? a writes without a flush, b reads at once"
  duration_ms: <ms>
  ...

`
