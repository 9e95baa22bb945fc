/* IMPORTANT
 * This snapshot file is auto-generated, but designed for humans.
 * It should be checked into source control and tracked carefully.
 * Re-generate by setting TAP_SNAPSHOT=1 and running tests.
 * Make sure to inspect the output below.  Do not ignore changes!
 */
'use strict'
exports[`test/markdown.test.ts > TAP > a lab run: a Lab section after the sides (snapshot); nothing else changes, and nothing without lab facts > Lab section 1`] = `
## Lab

Run by \`coprobe lab\` in a qemu guest with Debian's kernel, scenario **nfs42-sync-one-client** — NFSv4.2, sync export of ext4; both mounts in one kernel namespace with nosharecache (one client to the server: the confounded case).

> **Confounded scenario:** both mounts are one NFS client to the server (one network and UTS namespace): it never recalls a delegation from one for the other, which two hosts would see; kept because users run it this way

- **kernel package:** linux-image-6.12.48+deb13-amd64 6.12.48-1
- **guest kernel:** 6.12.48+deb13-amd64
- **accelerator:** kvm
- **packages:** nfs-common 1:2.8.3-1, nfs-kernel-server 1:2.8.3-1, open-iscsi 2.1.11-1, tgt 1:1.0.85-1
- **exports:** \`/srv/coprobe-lab 127.0.0.0/8(rw,sync,no_root_squash,no_subtree_check,fsid=0) 10.213.99.0/24(rw,sync,no_root_squash,no_subtree_check,fsid=0)\`
- **set-up a:** \`mount -t nfs -o vers=4.2,nosharecache 127.0.0.1:/ /mnt/coprobe-lab-a\`
- **set-up b:** \`mount -t nfs -o vers=4.2,nosharecache 127.0.0.1:/ /mnt/coprobe-lab-b\`
- **clients:** one NFS client: both mounts in one network and UTS namespace (nosharecache keeps two superblocks, but the server sees one client id)


`

exports[`test/markdown.test.ts > TAP > Markdown of the iscsi-user run (snapshot, timings and run id scrubbed) > must match snapshot 1`] = `
# coprobe run RUNID

## At a glance

On QEMU's userspace iSCSI driver (iscsi://, libiscsi) (profile iscsi-user).

**Safe with drop-cache (QEMU ≥ 4.0): none, directsync, writethrough, writeback, unsafe; with older QEMU: none, directsync, writethrough, writeback, unsafe.**

| cache mode | QEMU ≥ 4.0 (drop-cache) | QEMU \\< 4.0 |
|---|---|---|
| \`none\` | **SAFE** | **SAFE** |
| \`directsync\` | **SAFE** | **SAFE** |
| \`writethrough\` | **SAFE** | **SAFE** |
| \`writeback\` | **SAFE** | **SAFE** |
| \`unsafe\` | **SAFE** | **SAFE** |

**Confounders:** none detected.

**Document claims this stack contradicts:** none.

## Run

coprobe 0.1.0, started TIME; block size 4096, 16 blocks per probe.

- **a** (writer): iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1 — iSCSI LUN through libiscsi (userspace), stack block, on vm, kernel 6.18.44-fc-v595
  - iSCSI LUN 1 of iqn.2026-11.org.coprobe:lun at 127.0.0.1:3260 via libiscsi (userspace, no host page cache), 512-byte blocks
  - flush: SYNCHRONIZE CACHE(16); write-through: WRITE(16) with FUA
  - no host page cache: O\\_DIRECT and buffered are one mode here (none≡writeback, directsync≡writethrough); repeated I/O is run once
- **b** (reader): iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1 — iSCSI LUN through libiscsi (userspace), stack block, on vm, kernel 6.18.44-fc-v595
  - iSCSI LUN 1 of iqn.2026-11.org.coprobe:lun at 127.0.0.1:3260 via libiscsi (userspace, no host page cache), 512-byte blocks
  - flush: SYNCHRONIZE CACHE(16); write-through: WRITE(16) with FUA
  - no host page cache: O\\_DIRECT and buffered are one mode here (none≡writeback, directsync≡writethrough); repeated I/O is run once

## Verdicts per QEMU cache mode

On QEMU's userspace iSCSI driver (iscsi://, libiscsi) (profile \`iscsi-user\`): reader reaches the LUN through libiscsi (userspace, no host page cache), as QEMU's iscsi:// driver does.

| mode | QEMU | verdict | libvirt | documents | evidence |
|---|---|---|---|---|---|
| \`none\` | QEMU ≥ 4.0 (drop-cache) | **SAFE** | allows | safe | HAND1 none→none \\[none\\] #96: 1024 blocks: 1024 fresh |
| \`none\` | QEMU < 4.0 | **SAFE** | allows | safe | HAND1 none→none \\[none\\] #96: 1024 blocks: 1024 fresh |
| \`directsync\` | QEMU ≥ 4.0 (drop-cache) | **SAFE** | allows | safe | HAND1 directsync→directsync \\[none\\] #100: 1024 blocks: 1024 fresh |
| \`directsync\` | QEMU < 4.0 | **SAFE** | allows | safe | HAND1 directsync→directsync \\[none\\] #100: 1024 blocks: 1024 fresh |
| \`writethrough\` | QEMU ≥ 4.0 (drop-cache) | **SAFE** | allows | safe | HAND1 writethrough→writethrough \\[none\\] #100: directsync→directsync \\[none\\] ran this mode's I/O (no host page cache: O\\_DIRECT and buffered are one mode): 1024 blocks: 1024 fresh |
| \`writethrough\` | QEMU < 4.0 | **SAFE** | allows | safe | HAND1 writethrough→writethrough \\[none\\] #100: directsync→directsync \\[none\\] ran this mode's I/O (no host page cache: O\\_DIRECT and buffered are one mode): 1024 blocks: 1024 fresh |
| \`writeback\` | QEMU ≥ 4.0 (drop-cache) | **SAFE** | allows | safe | HAND1 writeback→writeback \\[none\\] #96: none→none \\[none\\] ran this mode's I/O (no host page cache: O\\_DIRECT and buffered are one mode): 1024 blocks: 1024 fresh |
| \`writeback\` | QEMU < 4.0 | **SAFE** | allows | safe | HAND1 writeback→writeback \\[none\\] #96: none→none \\[none\\] ran this mode's I/O (no host page cache: O\\_DIRECT and buffered are one mode): 1024 blocks: 1024 fresh |
| \`unsafe\` | QEMU ≥ 4.0 (drop-cache) | **SAFE** | allows | safe | HAND1 unsafe→unsafe \\[none\\] #112: 1024 blocks: 1024 fresh |
| \`unsafe\` | QEMU < 4.0 | **SAFE** | allows | safe | HAND1 unsafe→unsafe \\[none\\] #112: 1024 blocks: 1024 fresh |

## Claims

| claim | status | evidence / why |
|---|---|---|
| \`NFS-CTO\` | not applicable | the claim is about NFS; side b is QEMU's userspace iSCSI driver (iscsi://, libiscsi); 16 blocks: 16 fresh: the writer skipped its flush (cache=unsafe) |
| \`NFS-OPEN-BOTH\` | not applicable | the claim is about NFS; side b is QEMU's userspace iSCSI driver (iscsi://, libiscsi); 16 blocks: 16 fresh after nothing (control): the writer skipped its flush (cache=unsafe) |
| \`NFS-SYNC-STABLE-READ\` | not applicable | the claim is about a Linux NFS server exporting with sync; side b is QEMU's userspace iSCSI driver (iscsi://, libiscsi); 16 blocks: 16 fresh: the writer skipped its flush (cache=unsafe) |
| \`NFS-ODIRECT-READ\` | not applicable | the claim is about the Linux NFS client; side b is QEMU's userspace iSCSI driver (iscsi://, libiscsi); 16 blocks: 16 fresh: the writer skipped its flush (cache=unsafe) |
| \`NFS-CACHE-NONE-SAFE\` | not applicable | the QEMU wiki page (W) makes this claim about Linux NFS server and client, not about QEMU's userspace iSCSI driver (iscsi://, libiscsi) |
| \`BLOCK-PROTOCOL-COHERENT\` | holds | BOTH1 none→none #7: reader with O\\_DIRECT should see the new data after fsync on the writer, without reopening: 16 blocks: 16 fresh (and 1 more) |
| \`BLOCK-PAGECACHE-INCOHERENT\` | not applicable | the claim is about the Linux page cache over shared block storage; side b is QEMU's userspace iSCSI driver (iscsi://, libiscsi); 16 blocks: 16 fresh after nothing (control): the writer skipped its flush (cache=unsafe) |
| \`BLOCK-CACHE-NONE-ONLY\` | holds | HAND1 none→none \\[none\\] #96: cache=none, without drop-cache (QEMU \\< 4.0): measured SAFE: 1024 blocks: 1024 fresh (and 4 more) |
| \`CLUSTER-FS-ANY-CACHE\` | not applicable | the QEMU wiki page (W) makes this claim about clustered filesystems (GPFS, Ceph, GlusterFS, GFS2), not about QEMU's userspace iSCSI driver (iscsi://, libiscsi) |
| \`QCOW2-METADATA\` | not checked | every run of IMG1 ended without a judgement: IMG1 OMIT: needs a dir target; side a is a device |
| \`QED-DIRTY\` | not checked | every run of IMG1 ended without a judgement: IMG1 OMIT: needs a dir target; side a is a device |
| \`RAW-SIZE\` | not checked | every run of SIZE1 ended without a judgement: SIZE1 OMIT: needs a dir target; side a is a device |
| \`EARLY-READ-64K\` | not applicable | the claim is about weakly coherent storage read through a host page cache (T: NFS); side b is QEMU's userspace iSCSI driver (iscsi://, libiscsi); 16 blocks: 16 fresh of the head after no remedy: the writer skipped its flush (cache=unsafe) |
| \`LOCK-INVALIDATES\` | not applicable | the 2010 qemu-devel thread (T) makes this claim about NFS, not about QEMU's userspace iSCSI driver (iscsi://, libiscsi) |
| \`INVALIDATE-REMEDY\` | not applicable | the control read before close and reopen (last descriptor) was already fresh: nothing stale to remove; the control read before close and reopen (delayed open) was already fresh: nothing stale to remove |
| \`READAHEAD\` | not applicable | the claim is about the Linux NFS client; side b is QEMU's userspace iSCSI driver (iscsi://, libiscsi); 15 blocks: 15 fresh b had never read: the writer skipped its flush (cache=unsafe) |
| \`NFS-UNLINK-AFTER-OPEN\` | not applicable | the 2010 qemu-devel thread (T) makes this claim about NFS, not about QEMU's userspace iSCSI driver (iscsi://, libiscsi) |
| \`HANDOFF\` | holds | HAND1 none→none \\[none\\] #96: after the source's final flush and no remedy, every block the destination reads should equal what the source last flushed: 1024 blocks: 1024 fresh (and 1 more)<br>note: not observable: that the source frees nothing and the destination starts the guest at once is QEMU's migration protocol, not the storage's; probes check only the consequence: what b reads after the handoff equals what a last flushed |
| \`QEMU-DROP-CACHE\` | not applicable | the QEMU, libvirt or Linux source cited in CLAIMS.md makes this claim about images QEMU opens through file-posix (a host page cache), not about QEMU's userspace iSCSI driver (iscsi://, libiscsi) |
| \`QCOW2-REOPEN\` | not checked | every run of IMG1 ended without a judgement: IMG1 OMIT: needs a dir target; side a is a device |
| \`LIBVIRT-POLICY\` | not checked | no probe checks it: it describes libvirt's code (qemuMigrationSrcIsSafe), not the storage, so no probe can observe it; the verdict table instead sets libvirt's decision beside each measured verdict and flags where they disagree<br>note: libvirt's decision disagrees with the measurement in 0 of 10 measured mode × QEMU pairs (verdict table) |
| \`NFS-NOSHARECACHE\` | not applicable | the QEMU, libvirt or Linux source cited in CLAIMS.md makes this claim about two NFS mounts of one export in one client, not about QEMU's userspace iSCSI driver (iscsi://, libiscsi) |
| \`NFS-LOCALIO\` | not applicable | the QEMU, libvirt or Linux source cited in CLAIMS.md makes this claim about an NFS client on the server's host (Linux ≥ 6.12), not about QEMU's userspace iSCSI driver (iscsi://, libiscsi) |

<details><summary>Claim sentences</summary>

- \`NFS-CTO\`: NFS guarantees close-to-open coherence: a client that opens after another closed sees its changes.
- \`NFS-OPEN-BOTH\`: With the image open on both sides, fsync on the source does not by protocol make the data visible to the destination.
- \`NFS-SYNC-STABLE-READ\`: A Linux NFS server exporting with sync answers READ with data another client wrote stably, without reopen.
- \`NFS-ODIRECT-READ\`: On the Linux NFS client an O\\_DIRECT read() always issues a protocol READ: fsync + O\\_DIRECT reads are coherent.
- \`NFS-CACHE-NONE-SAFE\`: With Linux NFS server and client, migration is safe in practice with cache=none on both sides.
- \`BLOCK-PROTOCOL-COHERENT\`: iSCSI/FC/direct-attached storage: a read returns data another client's acknowledged write put there.
- \`BLOCK-PAGECACHE-INCOHERENT\`: The Linux page cache is not coherent across nodes: a buffered read can return data older than an acknowledged write.
- \`BLOCK-CACHE-NONE-ONLY\`: Shared block storage is safe for migration only with cache=none or QEMU's userspace iSCSI driver.
- \`CLUSTER-FS-ANY-CACHE\`: Clustered file systems are safe for migration whatever the cache mode.
- \`QCOW2-METADATA\`: qcow2 caches metadata; QEMU discards it after the last migration data and before the guest starts.
- \`QED-DIRTY\`: QED caches metadata and has a dirty flag whose check QEMU postpones until migration completes.
- \`RAW-SIZE\`: A raw image's size is cached mutable metadata; it matters only with online resize during migration.
- \`EARLY-READ-64K\`: QEMU reads the first 64 KiB before the guest starts; a write there by the other side leaves stale data.
- \`LOCK-INVALIDATES\`: On NFS, acquiring a file lock makes the client drop its cached data for that file.
- \`INVALIDATE-REMEDY\`: Invalidating the destination's cache after the source's final flush (or opening late) removes stale data.
- \`READAHEAD\`: An NFS client that prefetched aggressively could read stale data ahead; Linux does not in practice.
- \`NFS-UNLINK-AFTER-OPEN\`: On NFS, removing (or chmod-ing) a file from another client makes access through an open file fail, unlike POSIX.
- \`HANDOFF\`: What the destination reads after the handoff must equal what the source last flushed.
- \`QEMU-DROP-CACHE\`: On activation QEMU flushes and fadvises DONTNEED the whole image; whether that drops stale pages is the stack's property.
- \`QCOW2-REOPEN\`: On activation qcow2 closes and reopens the image, discarding its metadata caches.
- \`LIBVIRT-POLICY\`: libvirt allows migration from file-system type and cache mode alone, without measuring.
- \`NFS-NOSHARECACHE\`: Two mounts of one export in one client share one cache unless mounted nosharecache.
- \`NFS-LOCALIO\`: Since Linux 6.12 a client on the server's host may bypass RPC (LOCALIO), changing what a same-host test measures.

</details>

## Probe runs

| # | probe | modes a→b [param] | outcome | fresh/stale/other | fsync→read | observed |
|---|---|---|---|---|---|---|
| 1 | SHARE1 | writeback→writeback | OMIT | - | - | needs a host page cache on side a; side a (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none |
| 2 | CTO1 | none→none | PASS | 16/0/0 | N ms |  |
| 3 | CTO1 | directsync→directsync | PASS | 16/0/0 | N ms |  |
| 4 | CTO1 | writethrough→writethrough | OMIT | - | - | same I/O as directsync→directsync (#3): sides a (libiscsi) and b (libiscsi) have no host page cache, so O\\_DIRECT and buffered are one mode there |
| 5 | CTO1 | writeback→writeback | OMIT | - | - | same I/O as none→none (#2): sides a (libiscsi) and b (libiscsi) have no host page cache, so O\\_DIRECT and buffered are one mode there |
| 6 | CTO1 | unsafe→unsafe | PASS | 16/0/0 | N ms |  |
| 7 | BOTH1 | none→none | PASS | 16/0/0 | N ms |  |
| 8 | BOTH1 | directsync→directsync | PASS | 16/0/0 | N ms |  |
| 9 | BOTH1 | writethrough→writethrough | OMIT | - | - | same I/O as directsync→directsync (#8): sides a (libiscsi) and b (libiscsi) have no host page cache, so O\\_DIRECT and buffered are one mode there |
| 10 | BOTH1 | writeback→writeback | OMIT | - | - | same I/O as none→none (#7): sides a (libiscsi) and b (libiscsi) have no host page cache, so O\\_DIRECT and buffered are one mode there |
| 11 | BOTH1 | unsafe→unsafe | PASS | 16/0/0 | N ms |  |
| 12 | FLUSH1 | writethrough→writethrough \\[none\\] | PASS | 16/0/0 | N ms |  |
| 13 | FLUSH1 | writethrough→writethrough \\[reopen\\] | PASS | 16/0/0 | N ms |  |
| 14 | FLUSH1 | writethrough→writethrough \\[reopen-other\\] | PASS | 16/0/0 | N ms |  |
| 15 | FLUSH1 | writethrough→writethrough \\[fadvise\\] | OMIT | - | - | needs posix\\_fadvise/mincore on a page cache on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none |
| 16 | FLUSH1 | writethrough→writethrough \\[blkflsbuf\\] | OMIT | - | - | needs a kernel block device (BLKFLSBUF) on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none |
| 17 | FLUSH1 | writethrough→writethrough \\[direct-newfd\\] | OMIT | - | - | needs O\\_DIRECT on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none |
| 18 | FLUSH1 | writethrough→writethrough \\[direct-setfl\\] | OMIT | - | - | needs O\\_DIRECT on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none |
| 19 | FLUSH1 | writethrough→writethrough \\[fchmod\\] | OMIT | - | - | needs scratch files in a directory on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none |
| 20 | FLUSH1 | writethrough→writethrough \\[stat\\] | OMIT | - | - | needs scratch files in a directory on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none |
| 21 | FLUSH1 | writethrough→writethrough \\[sleep\\] | PASS | 16/0/0 | N ms |  |
| 22 | FLUSH1 | writeback→writeback \\[none\\] | PASS | 16/0/0 | N ms |  |
| 23 | FLUSH1 | writeback→writeback \\[reopen\\] | PASS | 16/0/0 | N ms |  |
| 24 | FLUSH1 | writeback→writeback \\[reopen-other\\] | PASS | 16/0/0 | N ms |  |
| 25 | FLUSH1 | writeback→writeback \\[fadvise\\] | OMIT | - | - | needs posix\\_fadvise/mincore on a page cache on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none |
| 26 | FLUSH1 | writeback→writeback \\[blkflsbuf\\] | OMIT | - | - | needs a kernel block device (BLKFLSBUF) on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none |
| 27 | FLUSH1 | writeback→writeback \\[direct-newfd\\] | OMIT | - | - | needs O\\_DIRECT on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none |
| 28 | FLUSH1 | writeback→writeback \\[direct-setfl\\] | OMIT | - | - | needs O\\_DIRECT on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none |
| 29 | FLUSH1 | writeback→writeback \\[fchmod\\] | OMIT | - | - | needs scratch files in a directory on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none |
| 30 | FLUSH1 | writeback→writeback \\[stat\\] | OMIT | - | - | needs scratch files in a directory on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none |
| 31 | FLUSH1 | writeback→writeback \\[sleep\\] | PASS | 16/0/0 | N ms |  |
| 32 | FLUSH1 | unsafe→unsafe \\[none\\] | PASS | 16/0/0 | N ms |  |
| 33 | FLUSH1 | unsafe→unsafe \\[reopen\\] | PASS | 16/0/0 | N ms |  |
| 34 | FLUSH1 | unsafe→unsafe \\[reopen-other\\] | PASS | 16/0/0 | N ms |  |
| 35 | FLUSH1 | unsafe→unsafe \\[fadvise\\] | OMIT | - | - | needs posix\\_fadvise/mincore on a page cache on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none |
| 36 | FLUSH1 | unsafe→unsafe \\[blkflsbuf\\] | OMIT | - | - | needs a kernel block device (BLKFLSBUF) on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none |
| 37 | FLUSH1 | unsafe→unsafe \\[direct-newfd\\] | OMIT | - | - | needs O\\_DIRECT on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none |
| 38 | FLUSH1 | unsafe→unsafe \\[direct-setfl\\] | OMIT | - | - | needs O\\_DIRECT on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none |
| 39 | FLUSH1 | unsafe→unsafe \\[fchmod\\] | OMIT | - | - | needs scratch files in a directory on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none |
| 40 | FLUSH1 | unsafe→unsafe \\[stat\\] | OMIT | - | - | needs scratch files in a directory on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none |
| 41 | FLUSH1 | unsafe→unsafe \\[sleep\\] | PASS | 16/0/0 | N ms |  |
| 42 | LOCK1 | writethrough→writethrough \\[posix-read\\] | OMIT | - | - | needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none |
| 43 | LOCK1 | writethrough→writethrough \\[posix-write\\] | OMIT | - | - | needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none |
| 44 | LOCK1 | writethrough→writethrough \\[ofd-read\\] | OMIT | - | - | needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none |
| 45 | LOCK1 | writethrough→writethrough \\[ofd-write\\] | OMIT | - | - | needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none |
| 46 | LOCK1 | writethrough→writethrough \\[flock-shared\\] | OMIT | - | - | needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none |
| 47 | LOCK1 | writethrough→writethrough \\[flock-exclusive\\] | OMIT | - | - | needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none |
| 48 | LOCK1 | writeback→writeback \\[posix-read\\] | OMIT | - | - | needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none |
| 49 | LOCK1 | writeback→writeback \\[posix-write\\] | OMIT | - | - | needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none |
| 50 | LOCK1 | writeback→writeback \\[ofd-read\\] | OMIT | - | - | needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none |
| 51 | LOCK1 | writeback→writeback \\[ofd-write\\] | OMIT | - | - | needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none |
| 52 | LOCK1 | writeback→writeback \\[flock-shared\\] | OMIT | - | - | needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none |
| 53 | LOCK1 | writeback→writeback \\[flock-exclusive\\] | OMIT | - | - | needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none |
| 54 | LOCK1 | unsafe→unsafe \\[posix-read\\] | OMIT | - | - | needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none |
| 55 | LOCK1 | unsafe→unsafe \\[posix-write\\] | OMIT | - | - | needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none |
| 56 | LOCK1 | unsafe→unsafe \\[ofd-read\\] | OMIT | - | - | needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none |
| 57 | LOCK1 | unsafe→unsafe \\[ofd-write\\] | OMIT | - | - | needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none |
| 58 | LOCK1 | unsafe→unsafe \\[flock-shared\\] | OMIT | - | - | needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none |
| 59 | LOCK1 | unsafe→unsafe \\[flock-exclusive\\] | OMIT | - | - | needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none |
| 60 | EARLY1 | writethrough→writethrough \\[none\\] | PASS | 16/0/0 | N ms |  |
| 61 | EARLY1 | writethrough→writethrough \\[reopen\\] | PASS | 16/0/0 | N ms |  |
| 62 | EARLY1 | writethrough→writethrough \\[fadvise\\] | OMIT | - | - | needs posix\\_fadvise/mincore on a page cache on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none |
| 63 | EARLY1 | writethrough→writethrough \\[fcntl\\] | OMIT | - | - | needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none |
| 64 | EARLY1 | writethrough→writethrough \\[blkflsbuf\\] | OMIT | - | - | needs a kernel block device (BLKFLSBUF) on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none |
| 65 | EARLY1 | writeback→writeback \\[none\\] | PASS | 16/0/0 | N ms |  |
| 66 | EARLY1 | writeback→writeback \\[reopen\\] | PASS | 16/0/0 | N ms |  |
| 67 | EARLY1 | writeback→writeback \\[fadvise\\] | OMIT | - | - | needs posix\\_fadvise/mincore on a page cache on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none |
| 68 | EARLY1 | writeback→writeback \\[fcntl\\] | OMIT | - | - | needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none |
| 69 | EARLY1 | writeback→writeback \\[blkflsbuf\\] | OMIT | - | - | needs a kernel block device (BLKFLSBUF) on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none |
| 70 | EARLY1 | unsafe→unsafe \\[none\\] | PASS | 16/0/0 | N ms |  |
| 71 | EARLY1 | unsafe→unsafe \\[reopen\\] | PASS | 16/0/0 | N ms |  |
| 72 | EARLY1 | unsafe→unsafe \\[fadvise\\] | OMIT | - | - | needs posix\\_fadvise/mincore on a page cache on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none |
| 73 | EARLY1 | unsafe→unsafe \\[fcntl\\] | OMIT | - | - | needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none |
| 74 | EARLY1 | unsafe→unsafe \\[blkflsbuf\\] | OMIT | - | - | needs a kernel block device (BLKFLSBUF) on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none |
| 75 | RA1 | writethrough→writethrough | PASS | 15/0/0 | N ms |  |
| 76 | RA1 | writeback→writeback | PASS | 15/0/0 | N ms |  |
| 77 | RA1 | unsafe→unsafe | PASS | 15/0/0 | N ms |  |
| 78 | RES1 | writethrough→writethrough | OMIT | - | - | needs posix\\_fadvise/mincore on a page cache on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none |
| 79 | RES1 | writeback→writeback | OMIT | - | - | needs posix\\_fadvise/mincore on a page cache on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none |
| 80 | RES1 | unsafe→unsafe | OMIT | - | - | needs posix\\_fadvise/mincore on a page cache on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none |
| 81 | SIZE1 | none→none | OMIT | - | - | needs a dir target; side a is a device |
| 82 | SIZE1 | directsync→directsync | OMIT | - | - | needs a dir target; side a is a device |
| 83 | SIZE1 | writethrough→writethrough | OMIT | - | - | needs a dir target; side a is a device |
| 84 | SIZE1 | writeback→writeback | OMIT | - | - | needs a dir target; side a is a device |
| 85 | SIZE1 | unsafe→unsafe | OMIT | - | - | needs a dir target; side a is a device |
| 86 | UNL1 | none→none \\[unlink\\] | OMIT | - | - | needs a dir target; side a is a device |
| 87 | UNL1 | none→none \\[chmod\\] | OMIT | - | - | needs a dir target; side a is a device |
| 88 | UNL1 | directsync→directsync \\[unlink\\] | OMIT | - | - | needs a dir target; side a is a device |
| 89 | UNL1 | directsync→directsync \\[chmod\\] | OMIT | - | - | needs a dir target; side a is a device |
| 90 | UNL1 | writethrough→writethrough \\[unlink\\] | OMIT | - | - | needs a dir target; side a is a device |
| 91 | UNL1 | writethrough→writethrough \\[chmod\\] | OMIT | - | - | needs a dir target; side a is a device |
| 92 | UNL1 | writeback→writeback \\[unlink\\] | OMIT | - | - | needs a dir target; side a is a device |
| 93 | UNL1 | writeback→writeback \\[chmod\\] | OMIT | - | - | needs a dir target; side a is a device |
| 94 | UNL1 | unsafe→unsafe \\[unlink\\] | OMIT | - | - | needs a dir target; side a is a device |
| 95 | UNL1 | unsafe→unsafe \\[chmod\\] | OMIT | - | - | needs a dir target; side a is a device |
| 96 | HAND1 | none→none \\[none\\] | PASS | 1024/0/0 | N ms |  |
| 97 | HAND1 | none→none \\[fadvise\\] | OMIT | - | - | b reads through libiscsi (userspace, no host page cache): QEMU applies no remedy, only the "none" run applies |
| 98 | HAND1 | none→none \\[reopen\\] | OMIT | - | - | b reads through libiscsi (userspace, no host page cache): QEMU applies no remedy, only the "none" run applies |
| 99 | HAND1 | none→none \\[fcntl\\] | OMIT | - | - | b reads through libiscsi (userspace, no host page cache): QEMU applies no remedy, only the "none" run applies |
| 100 | HAND1 | directsync→directsync \\[none\\] | PASS | 1024/0/0 | N ms |  |
| 101 | HAND1 | directsync→directsync \\[fadvise\\] | OMIT | - | - | b reads through libiscsi (userspace, no host page cache): QEMU applies no remedy, only the "none" run applies |
| 102 | HAND1 | directsync→directsync \\[reopen\\] | OMIT | - | - | b reads through libiscsi (userspace, no host page cache): QEMU applies no remedy, only the "none" run applies |
| 103 | HAND1 | directsync→directsync \\[fcntl\\] | OMIT | - | - | b reads through libiscsi (userspace, no host page cache): QEMU applies no remedy, only the "none" run applies |
| 104 | HAND1 | writethrough→writethrough \\[none\\] | OMIT | - | - | same I/O as directsync→directsync \\[none\\] (#100): sides a (libiscsi) and b (libiscsi) have no host page cache, so O\\_DIRECT and buffered are one mode there |
| 105 | HAND1 | writethrough→writethrough \\[fadvise\\] | OMIT | - | - | b reads through libiscsi (userspace, no host page cache): QEMU applies no remedy, only the "none" run applies |
| 106 | HAND1 | writethrough→writethrough \\[reopen\\] | OMIT | - | - | b reads through libiscsi (userspace, no host page cache): QEMU applies no remedy, only the "none" run applies |
| 107 | HAND1 | writethrough→writethrough \\[fcntl\\] | OMIT | - | - | b reads through libiscsi (userspace, no host page cache): QEMU applies no remedy, only the "none" run applies |
| 108 | HAND1 | writeback→writeback \\[none\\] | OMIT | - | - | same I/O as none→none \\[none\\] (#96): sides a (libiscsi) and b (libiscsi) have no host page cache, so O\\_DIRECT and buffered are one mode there |
| 109 | HAND1 | writeback→writeback \\[fadvise\\] | OMIT | - | - | b reads through libiscsi (userspace, no host page cache): QEMU applies no remedy, only the "none" run applies |
| 110 | HAND1 | writeback→writeback \\[reopen\\] | OMIT | - | - | b reads through libiscsi (userspace, no host page cache): QEMU applies no remedy, only the "none" run applies |
| 111 | HAND1 | writeback→writeback \\[fcntl\\] | OMIT | - | - | b reads through libiscsi (userspace, no host page cache): QEMU applies no remedy, only the "none" run applies |
| 112 | HAND1 | unsafe→unsafe \\[none\\] | PASS | 1024/0/0 | N ms |  |
| 113 | HAND1 | unsafe→unsafe \\[fadvise\\] | OMIT | - | - | b reads through libiscsi (userspace, no host page cache): QEMU applies no remedy, only the "none" run applies |
| 114 | HAND1 | unsafe→unsafe \\[reopen\\] | OMIT | - | - | b reads through libiscsi (userspace, no host page cache): QEMU applies no remedy, only the "none" run applies |
| 115 | HAND1 | unsafe→unsafe \\[fcntl\\] | OMIT | - | - | b reads through libiscsi (userspace, no host page cache): QEMU applies no remedy, only the "none" run applies |
| 116 | IMG1 | none→none \\[qcow2\\] | OMIT | - | - | needs a dir target; side a is a device |
| 117 | IMG1 | none→none \\[qed\\] | OMIT | - | - | needs a dir target; side a is a device |
| 118 | IMG1 | none→none \\[raw\\] | OMIT | - | - | needs a dir target; side a is a device |
| 119 | IMG1 | directsync→directsync \\[qcow2\\] | OMIT | - | - | needs a dir target; side a is a device |
| 120 | IMG1 | directsync→directsync \\[qed\\] | OMIT | - | - | needs a dir target; side a is a device |
| 121 | IMG1 | directsync→directsync \\[raw\\] | OMIT | - | - | needs a dir target; side a is a device |
| 122 | IMG1 | writethrough→writethrough \\[qcow2\\] | OMIT | - | - | needs a dir target; side a is a device |
| 123 | IMG1 | writethrough→writethrough \\[qed\\] | OMIT | - | - | needs a dir target; side a is a device |
| 124 | IMG1 | writethrough→writethrough \\[raw\\] | OMIT | - | - | needs a dir target; side a is a device |
| 125 | IMG1 | writeback→writeback \\[qcow2\\] | OMIT | - | - | needs a dir target; side a is a device |
| 126 | IMG1 | writeback→writeback \\[qed\\] | OMIT | - | - | needs a dir target; side a is a device |
| 127 | IMG1 | writeback→writeback \\[raw\\] | OMIT | - | - | needs a dir target; side a is a device |
| 128 | IMG1 | unsafe→unsafe \\[qcow2\\] | OMIT | - | - | needs a dir target; side a is a device |
| 129 | IMG1 | unsafe→unsafe \\[qed\\] | OMIT | - | - | needs a dir target; side a is a device |
| 130 | IMG1 | unsafe→unsafe \\[raw\\] | OMIT | - | - | needs a dir target; side a is a device |

**Outcomes:** 30 PASS, 100 OMIT; exit code 0, finished TIME.

`

exports[`test/markdown.test.ts > TAP > Markdown of the loop-pair run (snapshot, timings and run id scrubbed) > must match snapshot 1`] = `
# coprobe run RUNID

## At a glance

On shared block storage (profile block).

**Safe with drop-cache (QEMU ≥ 4.0): none, directsync, writethrough, writeback; with older QEMU: none, directsync.**

| cache mode | QEMU ≥ 4.0 (drop-cache) | QEMU \\< 4.0 |
|---|---|---|
| \`none\` | **SAFE** | **SAFE** |
| \`directsync\` | **SAFE** | **SAFE** |
| \`writethrough\` | **SAFE** | **UNSAFE** |
| \`writeback\` | **SAFE** | **UNSAFE** |
| \`unsafe\` | **UNSAFE** (libvirt allows) | **UNSAFE** |

**Confounders:** none detected.

**Document claims this stack contradicts:** none.

## Run

coprobe 0.1.0, started TIME; block size 4096, 16 blocks per probe.

- **a** (writer): /dev/loop0 — block device 7:0, stack block, on vm, kernel 6.18.44-fc-v595
  - block: loop0, loop over /tmp/coprobe-loop-tcQCyR/backing.img, direct I/O on \\[/sys/devices/virtual/block/loop0\\]
- **b** (reader): /dev/loop1 — block device 7:1, stack block, on vm, kernel 6.18.44-fc-v595
  - block: loop1, loop over /tmp/coprobe-loop-tcQCyR/backing.img, direct I/O on \\[/sys/devices/virtual/block/loop1\\]

## Verdicts per QEMU cache mode

On shared block storage (profile \`block\`).

| mode | QEMU | verdict | libvirt | documents | evidence |
|---|---|---|---|---|---|
| \`none\` | QEMU ≥ 4.0 (drop-cache) | **SAFE** | allows | safe | HAND1 none→none \\[none\\] #96: 1024 blocks: 1024 fresh |
| \`none\` | QEMU < 4.0 | **SAFE** | allows | safe | HAND1 none→none \\[none\\] #96: 1024 blocks: 1024 fresh |
| \`directsync\` | QEMU ≥ 4.0 (drop-cache) | **SAFE** | allows | safe | HAND1 directsync→directsync \\[none\\] #100: 1024 blocks: 1024 fresh |
| \`directsync\` | QEMU < 4.0 | **SAFE** | allows | safe | HAND1 directsync→directsync \\[none\\] #100: 1024 blocks: 1024 fresh |
| \`writethrough\` | QEMU ≥ 4.0 (drop-cache) | **SAFE** | allows | - | HAND1 writethrough→writethrough \\[fadvise\\] #105: 1024 blocks: 1024 fresh |
| \`writethrough\` | QEMU < 4.0 | **UNSAFE** | refuses | unsafe | HAND1 writethrough→writethrough \\[none\\] #104: 1024 blocks: 944 fresh, 80 stale; block 0 stale: generation expected 159, found 157 |
| \`writeback\` | QEMU ≥ 4.0 (drop-cache) | **SAFE** | allows | - | HAND1 writeback→writeback \\[fadvise\\] #109: 1024 blocks: 1024 fresh |
| \`writeback\` | QEMU < 4.0 | **UNSAFE** | refuses | unsafe | HAND1 writeback→writeback \\[none\\] #108: 1024 blocks: 944 fresh, 80 stale; block 0 stale: generation expected 181, found 177 |
| \`unsafe\` | QEMU ≥ 4.0 (drop-cache) | **UNSAFE** | allows | - | HAND1 unsafe→unsafe \\[fadvise\\] #113: 1024 blocks: 1024 stale; block 0 stale: generation expected 206, found 201 |
| \`unsafe\` | QEMU < 4.0 | **UNSAFE** | refuses | unsafe | HAND1 unsafe→unsafe \\[none\\] #112: 1024 blocks: 1024 stale; block 0 stale: generation expected 201, found 196 |

- \`unsafe\`, QEMU ≥ 4.0 (drop-cache): libvirt allows cache=unsafe here (QEMU drops the cache on activation: libvirt allows cache=unsafe), but the measurement is UNSAFE

## Claims

| claim | status | evidence / why |
|---|---|---|
| \`NFS-CTO\` | not applicable | the claim is about NFS; side b is shared block storage; 16 blocks: 16 fresh: the writer skipped its flush (cache=unsafe) |
| \`NFS-OPEN-BOTH\` | not applicable | the claim is about NFS; side b is shared block storage; 16 blocks: 16 stale: the writer skipped its flush (cache=unsafe); 16 blocks: 16 stale after nothing (control): the writer skipped its flush (cache=unsafe) |
| \`NFS-SYNC-STABLE-READ\` | not applicable | the claim is about a Linux NFS server exporting with sync; side b is shared block storage; 16 blocks: 16 stale after a new O\\_DIRECT descriptor: the writer skipped its flush (cache=unsafe) |
| \`NFS-ODIRECT-READ\` | not applicable | the claim is about the Linux NFS client; side b is shared block storage; 16 blocks: 16 stale after a new O\\_DIRECT descriptor: the writer skipped its flush (cache=unsafe); 16 blocks: 16 stale after O\\_DIRECT set with fcntl(F\\_SETFL) on the same descriptor: the writer skipped its flush (cache=unsafe) |
| \`NFS-CACHE-NONE-SAFE\` | not applicable | the QEMU wiki page (W) makes this claim about Linux NFS server and client, not about shared block storage |
| \`BLOCK-PROTOCOL-COHERENT\` | holds | BOTH1 none→none #7: reader with O\\_DIRECT should see the new data after fsync on the writer, without reopening: 16 blocks: 16 fresh (and 5 more) |
| \`BLOCK-PAGECACHE-INCOHERENT\` | holds | BOTH1 writethrough→writethrough #9: buffered reader sees the new data after fsync on the writer, without reopening (the documents warn it may not): 16 blocks: 16 stale; block 0 stale: generation expected 19, found 18 — hazard present: b's page cache kept old data, so cache=writethrough on the destination is not coherent here (and 3 more) |
| \`BLOCK-CACHE-NONE-ONLY\` | holds | HAND1 none→none \\[none\\] #96: cache=none, without drop-cache (QEMU \\< 4.0): measured SAFE: 1024 blocks: 1024 fresh (and 4 more) |
| \`CLUSTER-FS-ANY-CACHE\` | not applicable | the QEMU wiki page (W) makes this claim about clustered filesystems (GPFS, Ceph, GlusterFS, GFS2), not about shared block storage |
| \`QCOW2-METADATA\` | not checked | every run of IMG1 ended without a judgement: IMG1 OMIT: needs a dir target; side a is a device |
| \`QED-DIRTY\` | not checked | every run of IMG1 ended without a judgement: IMG1 OMIT: needs a dir target; side a is a device |
| \`RAW-SIZE\` | not checked | every run of SIZE1 ended without a judgement: SIZE1 OMIT: needs a dir target; side a is a device |
| \`EARLY-READ-64K\` | holds | EARLY1 writethrough→writethrough \\[none\\] #60: without a remedy, the image head b read early is fresh after a rewrote it and flushed (T says it is not): 16 blocks: 16 stale; block 0 stale: generation expected 109, found 108 — hazard present: the head b read before the guest started is stale (and 3 more) |
| \`LOCK-INVALIDATES\` | not applicable | the claim is about NFS; side b is shared block storage; 16 blocks: 16 stale after fcntl read lock (F\\_SETLKW, F\\_RDLCK): the writer skipped its flush (cache=unsafe); 16 blocks: 16 stale after fcntl write lock (F\\_SETLKW, F\\_WRLCK): the writer skipped its flush (cache=unsafe); 16 blocks: 16 stale after OFD read lock (F\\_OFD\\_SETLKW): the writer skipped its flush (cache=unsafe); 16 blocks: 16 stale after OFD write lock (F\\_OFD\\_SETLKW): the writer skipped its flush (cache=unsafe); 16 blocks: 16 stale after flock(LOCK\\_SH): the writer skipped its flush (cache=unsafe); 16 blocks: 16 stale after flock(LOCK\\_EX): the writer skipped its flush (cache=unsafe); 16 blocks: 16 stale of the head after fcntl read lock (F\\_SETLKW) on the open file: the writer skipped its flush (cache=unsafe); 1024 blocks: 1024 stale after fcntl read lock (F\\_SETLKW) on the open file: the writer skipped its flush (cache=unsafe) |
| \`INVALIDATE-REMEDY\` | holds | FLUSH1 writethrough→writethrough \\[reopen\\] #13: reader should see the new data after close and reopen (last descriptor): 16 blocks: 16 fresh (and 15 more) |
| \`READAHEAD\` | not applicable | the claim is about the Linux NFS client; side b is shared block storage; 15 blocks: 15 stale b had never read: the writer skipped its flush (cache=unsafe) |
| \`NFS-UNLINK-AFTER-OPEN\` | not applicable | the 2010 qemu-devel thread (T) makes this claim about NFS, not about shared block storage |
| \`HANDOFF\` | holds | HAND1 none→none \\[none\\] #96: after the source's final flush and no remedy, every block the destination reads should equal what the source last flushed: 1024 blocks: 1024 fresh (and 5 more)<br>note: not observable: that the source frees nothing and the destination starts the guest at once is QEMU's migration protocol, not the storage's; probes check only the consequence: what b reads after the handoff equals what a last flushed |
| \`QEMU-DROP-CACHE\` | holds | FLUSH1 writethrough→writethrough \\[fadvise\\] #15: reader should see the new data after posix\\_fadvise(DONTNEED) on the whole file: 16 blocks: 16 fresh (and 8 more) |
| \`QCOW2-REOPEN\` | not checked | every run of IMG1 ended without a judgement: IMG1 OMIT: needs a dir target; side a is a device |
| \`LIBVIRT-POLICY\` | not checked | no probe checks it: it describes libvirt's code (qemuMigrationSrcIsSafe), not the storage, so no probe can observe it; the verdict table instead sets libvirt's decision beside each measured verdict and flags where they disagree<br>note: libvirt's decision disagrees with the measurement in 1 of 10 measured mode × QEMU pairs (verdict table) |
| \`NFS-NOSHARECACHE\` | not applicable | the claim is about two NFS mounts in one kernel; these sides are not |
| \`NFS-LOCALIO\` | not applicable | side b is not an NFS mount |

<details><summary>Claim sentences</summary>

- \`NFS-CTO\`: NFS guarantees close-to-open coherence: a client that opens after another closed sees its changes.
- \`NFS-OPEN-BOTH\`: With the image open on both sides, fsync on the source does not by protocol make the data visible to the destination.
- \`NFS-SYNC-STABLE-READ\`: A Linux NFS server exporting with sync answers READ with data another client wrote stably, without reopen.
- \`NFS-ODIRECT-READ\`: On the Linux NFS client an O\\_DIRECT read() always issues a protocol READ: fsync + O\\_DIRECT reads are coherent.
- \`NFS-CACHE-NONE-SAFE\`: With Linux NFS server and client, migration is safe in practice with cache=none on both sides.
- \`BLOCK-PROTOCOL-COHERENT\`: iSCSI/FC/direct-attached storage: a read returns data another client's acknowledged write put there.
- \`BLOCK-PAGECACHE-INCOHERENT\`: The Linux page cache is not coherent across nodes: a buffered read can return data older than an acknowledged write.
- \`BLOCK-CACHE-NONE-ONLY\`: Shared block storage is safe for migration only with cache=none or QEMU's userspace iSCSI driver.
- \`CLUSTER-FS-ANY-CACHE\`: Clustered file systems are safe for migration whatever the cache mode.
- \`QCOW2-METADATA\`: qcow2 caches metadata; QEMU discards it after the last migration data and before the guest starts.
- \`QED-DIRTY\`: QED caches metadata and has a dirty flag whose check QEMU postpones until migration completes.
- \`RAW-SIZE\`: A raw image's size is cached mutable metadata; it matters only with online resize during migration.
- \`EARLY-READ-64K\`: QEMU reads the first 64 KiB before the guest starts; a write there by the other side leaves stale data.
- \`LOCK-INVALIDATES\`: On NFS, acquiring a file lock makes the client drop its cached data for that file.
- \`INVALIDATE-REMEDY\`: Invalidating the destination's cache after the source's final flush (or opening late) removes stale data.
- \`READAHEAD\`: An NFS client that prefetched aggressively could read stale data ahead; Linux does not in practice.
- \`NFS-UNLINK-AFTER-OPEN\`: On NFS, removing (or chmod-ing) a file from another client makes access through an open file fail, unlike POSIX.
- \`HANDOFF\`: What the destination reads after the handoff must equal what the source last flushed.
- \`QEMU-DROP-CACHE\`: On activation QEMU flushes and fadvises DONTNEED the whole image; whether that drops stale pages is the stack's property.
- \`QCOW2-REOPEN\`: On activation qcow2 closes and reopens the image, discarding its metadata caches.
- \`LIBVIRT-POLICY\`: libvirt allows migration from file-system type and cache mode alone, without measuring.
- \`NFS-NOSHARECACHE\`: Two mounts of one export in one client share one cache unless mounted nosharecache.
- \`NFS-LOCALIO\`: Since Linux 6.12 a client on the server's host may bypass RPC (LOCALIO), changing what a same-host test measures.

</details>

## Probe runs

| # | probe | modes a→b [param] | outcome | fresh/stale/other | fsync→read | observed |
|---|---|---|---|---|---|---|
| 1 | SHARE1 | writeback→writeback | PASS | 0/16/0 | - |  |
| 2 | CTO1 | none→none | PASS | 16/0/0 | N ms |  |
| 3 | CTO1 | directsync→directsync | PASS | 16/0/0 | N ms |  |
| 4 | CTO1 | writethrough→writethrough | PASS | 16/0/0 | N ms |  |
| 5 | CTO1 | writeback→writeback | PASS | 16/0/0 | N ms |  |
| 6 | CTO1 | unsafe→unsafe | PASS | 16/0/0 | N ms |  |
| 7 | BOTH1 | none→none | PASS | 16/0/0 | N ms |  |
| 8 | BOTH1 | directsync→directsync | PASS | 16/0/0 | N ms |  |
| 9 | BOTH1 | writethrough→writethrough | **WARN** | 0/16/0 | N ms | buffered reader sees the new data after fsync on the writer, without reopening (the documents warn it may not): 16 blocks: 16 stale; block 0 stale: generation expected 19, found 18 — hazard present: b's page cache kept old data, so cache=writethrough on the destination is not coherent here |
| 10 | BOTH1 | writeback→writeback | **WARN** | 0/16/0 | N ms | buffered reader sees the new data after fsync on the writer, without reopening (the documents warn it may not): 16 blocks: 16 stale; block 0 stale: generation expected 21, found 20 — hazard present: b's page cache kept old data, so cache=writeback on the destination is not coherent here |
| 11 | BOTH1 | unsafe→unsafe | **WARN** | 0/16/0 | N ms | reader should see the data written and fsynced before it opened: 16 blocks: 16 stale; block 0 stale: generation expected 22, found 21 — writer skipped its flush (cache=unsafe) |
| 12 | FLUSH1 | writethrough→writethrough \\[none\\] | **WARN** | 0/16/0 | N ms | without a remedy, a buffered reader sees the new data after the writer's fsync (the documents warn it may not): 16 blocks: 16 stale; block 0 stale: generation expected 25, found 24 — hazard present: the stale data stays in b's page cache until something removes it |
| 13 | FLUSH1 | writethrough→writethrough \\[reopen\\] | PASS | 16/0/0 | N ms |  |
| 14 | FLUSH1 | writethrough→writethrough \\[reopen-other\\] | **WARN** | 0/16/0 | N ms | reader should see the new data after a second open while the first descriptor stays open: 16 blocks: 16 stale; block 0 stale: generation expected 29, found 28 — a second open while the first descriptor stays open is not a remedy on this stack; a buffered read on the old descriptor afterwards: 16 blocks: 16 stale |
| 15 | FLUSH1 | writethrough→writethrough \\[fadvise\\] | PASS | 16/0/0 | N ms |  |
| 16 | FLUSH1 | writethrough→writethrough \\[blkflsbuf\\] | PASS | 16/0/0 | N ms |  |
| 17 | FLUSH1 | writethrough→writethrough \\[direct-newfd\\] | PASS | 16/0/0 | N ms |  |
| 18 | FLUSH1 | writethrough→writethrough \\[direct-setfl\\] | PASS | 16/0/0 | N ms |  |
| 19 | FLUSH1 | writethrough→writethrough \\[fchmod\\] | OMIT | - | - | needs scratch files in a directory on side b; side b (block device /dev/loop1) has none |
| 20 | FLUSH1 | writethrough→writethrough \\[stat\\] | OMIT | - | - | needs scratch files in a directory on side b; side b (block device /dev/loop1) has none |
| 21 | FLUSH1 | writethrough→writethrough \\[sleep\\] | **WARN** | 0/16/0 | N ms | reader should see the new data after a N s wait: 16 blocks: 16 stale; block 0 stale: generation expected 39, found 38 — a N s wait is not a remedy on this stack |
| 22 | FLUSH1 | writeback→writeback \\[none\\] | **WARN** | 0/16/0 | N ms | without a remedy, a buffered reader sees the new data after the writer's fsync (the documents warn it may not): 16 blocks: 16 stale; block 0 stale: generation expected 41, found 40 — hazard present: the stale data stays in b's page cache until something removes it |
| 23 | FLUSH1 | writeback→writeback \\[reopen\\] | PASS | 16/0/0 | N ms |  |
| 24 | FLUSH1 | writeback→writeback \\[reopen-other\\] | **WARN** | 0/16/0 | N ms | reader should see the new data after a second open while the first descriptor stays open: 16 blocks: 16 stale; block 0 stale: generation expected 45, found 44 — a second open while the first descriptor stays open is not a remedy on this stack; a buffered read on the old descriptor afterwards: 16 blocks: 16 stale |
| 25 | FLUSH1 | writeback→writeback \\[fadvise\\] | PASS | 16/0/0 | N ms |  |
| 26 | FLUSH1 | writeback→writeback \\[blkflsbuf\\] | PASS | 16/0/0 | N ms |  |
| 27 | FLUSH1 | writeback→writeback \\[direct-newfd\\] | PASS | 16/0/0 | N ms |  |
| 28 | FLUSH1 | writeback→writeback \\[direct-setfl\\] | PASS | 16/0/0 | N ms |  |
| 29 | FLUSH1 | writeback→writeback \\[fchmod\\] | OMIT | - | - | needs scratch files in a directory on side b; side b (block device /dev/loop1) has none |
| 30 | FLUSH1 | writeback→writeback \\[stat\\] | OMIT | - | - | needs scratch files in a directory on side b; side b (block device /dev/loop1) has none |
| 31 | FLUSH1 | writeback→writeback \\[sleep\\] | **WARN** | 0/16/0 | N ms | reader should see the new data after a N s wait: 16 blocks: 16 stale; block 0 stale: generation expected 55, found 54 — a N s wait is not a remedy on this stack |
| 32 | FLUSH1 | unsafe→unsafe \\[none\\] | **WARN** | 0/16/0 | N ms | without a remedy, a buffered reader sees the new data after the writer's fsync (the documents warn it may not): 16 blocks: 16 stale; block 0 stale: generation expected 57, found 55 — hazard present: the stale data stays in b's page cache until something removes it |
| 33 | FLUSH1 | unsafe→unsafe \\[reopen\\] | **WARN** | 0/16/0 | N ms | reader should see the new data after close and reopen (last descriptor): 16 blocks: 16 stale; block 0 stale: generation expected 59, found 57 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data |
| 34 | FLUSH1 | unsafe→unsafe \\[reopen-other\\] | **WARN** | 0/16/0 | N ms | reader should see the new data after a second open while the first descriptor stays open: 16 blocks: 16 stale; block 0 stale: generation expected 61, found 59 — a second open while the first descriptor stays open is not a remedy on this stack; a buffered read on the old descriptor afterwards: 16 blocks: 16 stale |
| 35 | FLUSH1 | unsafe→unsafe \\[fadvise\\] | **WARN** | 0/16/0 | N ms | reader should see the new data after posix\\_fadvise(DONTNEED) on the whole file: 16 blocks: 16 stale; block 0 stale: generation expected 63, found 61 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data |
| 36 | FLUSH1 | unsafe→unsafe \\[blkflsbuf\\] | **WARN** | 0/16/0 | N ms | reader should see the new data after ioctl(BLKFLSBUF): 16 blocks: 16 stale; block 0 stale: generation expected 65, found 63 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data |
| 37 | FLUSH1 | unsafe→unsafe \\[direct-newfd\\] | **WARN** | 0/16/0 | N ms | reader should see the new data after a new O\\_DIRECT descriptor: 16 blocks: 16 stale; block 0 stale: generation expected 67, found 65 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data; a buffered read on the old descriptor afterwards: 16 blocks: 16 stale |
| 38 | FLUSH1 | unsafe→unsafe \\[direct-setfl\\] | **WARN** | 0/16/0 | N ms | reader should see the new data after O\\_DIRECT set with fcntl(F\\_SETFL) on the same descriptor: 16 blocks: 16 stale; block 0 stale: generation expected 69, found 67 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data; a buffered read on the old descriptor afterwards: 16 blocks: 16 stale |
| 39 | FLUSH1 | unsafe→unsafe \\[fchmod\\] | OMIT | - | - | needs scratch files in a directory on side b; side b (block device /dev/loop1) has none |
| 40 | FLUSH1 | unsafe→unsafe \\[stat\\] | OMIT | - | - | needs scratch files in a directory on side b; side b (block device /dev/loop1) has none |
| 41 | FLUSH1 | unsafe→unsafe \\[sleep\\] | **WARN** | 0/16/0 | N ms | reader should see the new data after a N s wait: 16 blocks: 16 stale; block 0 stale: generation expected 71, found 69 — a N s wait is not a remedy on this stack |
| 42 | LOCK1 | writethrough→writethrough \\[posix-read\\] | **WARN** | 0/16/0 | N ms | reader should see the new data after taking a fcntl read lock (F\\_SETLKW, F\\_RDLCK) on its open file: 16 blocks: 16 stale; block 0 stale: generation expected 73, found 72 — the claim is not about block storage; reported as observed |
| 43 | LOCK1 | writethrough→writethrough \\[posix-write\\] | **WARN** | 0/16/0 | N ms | reader should see the new data after taking a fcntl write lock (F\\_SETLKW, F\\_WRLCK) on its open file: 16 blocks: 16 stale; block 0 stale: generation expected 75, found 74 — the claim is not about block storage; reported as observed |
| 44 | LOCK1 | writethrough→writethrough \\[ofd-read\\] | **WARN** | 0/16/0 | N ms | reader should see the new data after taking a OFD read lock (F\\_OFD\\_SETLKW) on its open file: 16 blocks: 16 stale; block 0 stale: generation expected 77, found 76 — the claim is not about block storage; reported as observed |
| 45 | LOCK1 | writethrough→writethrough \\[ofd-write\\] | **WARN** | 0/16/0 | N ms | reader should see the new data after taking a OFD write lock (F\\_OFD\\_SETLKW) on its open file: 16 blocks: 16 stale; block 0 stale: generation expected 79, found 78 — the claim is not about block storage; reported as observed |
| 46 | LOCK1 | writethrough→writethrough \\[flock-shared\\] | **WARN** | 0/16/0 | N ms | reader should see the new data after taking a flock(LOCK\\_SH) on its open file: 16 blocks: 16 stale; block 0 stale: generation expected 81, found 80 — the claim is not about block storage; reported as observed |
| 47 | LOCK1 | writethrough→writethrough \\[flock-exclusive\\] | **WARN** | 0/16/0 | N ms | reader should see the new data after taking a flock(LOCK\\_EX) on its open file: 16 blocks: 16 stale; block 0 stale: generation expected 83, found 82 — the claim is not about block storage; reported as observed |
| 48 | LOCK1 | writeback→writeback \\[posix-read\\] | **WARN** | 0/16/0 | N ms | reader should see the new data after taking a fcntl read lock (F\\_SETLKW, F\\_RDLCK) on its open file: 16 blocks: 16 stale; block 0 stale: generation expected 85, found 84 — the claim is not about block storage; reported as observed |
| 49 | LOCK1 | writeback→writeback \\[posix-write\\] | **WARN** | 0/16/0 | N ms | reader should see the new data after taking a fcntl write lock (F\\_SETLKW, F\\_WRLCK) on its open file: 16 blocks: 16 stale; block 0 stale: generation expected 87, found 86 — the claim is not about block storage; reported as observed |
| 50 | LOCK1 | writeback→writeback \\[ofd-read\\] | **WARN** | 0/16/0 | N ms | reader should see the new data after taking a OFD read lock (F\\_OFD\\_SETLKW) on its open file: 16 blocks: 16 stale; block 0 stale: generation expected 89, found 88 — the claim is not about block storage; reported as observed |
| 51 | LOCK1 | writeback→writeback \\[ofd-write\\] | **WARN** | 0/16/0 | N ms | reader should see the new data after taking a OFD write lock (F\\_OFD\\_SETLKW) on its open file: 16 blocks: 16 stale; block 0 stale: generation expected 91, found 90 — the claim is not about block storage; reported as observed |
| 52 | LOCK1 | writeback→writeback \\[flock-shared\\] | **WARN** | 0/16/0 | N ms | reader should see the new data after taking a flock(LOCK\\_SH) on its open file: 16 blocks: 16 stale; block 0 stale: generation expected 93, found 92 — the claim is not about block storage; reported as observed |
| 53 | LOCK1 | writeback→writeback \\[flock-exclusive\\] | **WARN** | 0/16/0 | N ms | reader should see the new data after taking a flock(LOCK\\_EX) on its open file: 16 blocks: 16 stale; block 0 stale: generation expected 95, found 94 — the claim is not about block storage; reported as observed |
| 54 | LOCK1 | unsafe→unsafe \\[posix-read\\] | **WARN** | 0/16/0 | N ms | reader should see the new data after taking a fcntl read lock (F\\_SETLKW, F\\_RDLCK) on its open file: 16 blocks: 16 stale; block 0 stale: generation expected 97, found 95 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data |
| 55 | LOCK1 | unsafe→unsafe \\[posix-write\\] | **WARN** | 0/16/0 | N ms | reader should see the new data after taking a fcntl write lock (F\\_SETLKW, F\\_WRLCK) on its open file: 16 blocks: 16 stale; block 0 stale: generation expected 99, found 97 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data |
| 56 | LOCK1 | unsafe→unsafe \\[ofd-read\\] | **WARN** | 0/16/0 | N ms | reader should see the new data after taking a OFD read lock (F\\_OFD\\_SETLKW) on its open file: 16 blocks: 16 stale; block 0 stale: generation expected 101, found 99 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data |
| 57 | LOCK1 | unsafe→unsafe \\[ofd-write\\] | **WARN** | 0/16/0 | N ms | reader should see the new data after taking a OFD write lock (F\\_OFD\\_SETLKW) on its open file: 16 blocks: 16 stale; block 0 stale: generation expected 103, found 101 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data |
| 58 | LOCK1 | unsafe→unsafe \\[flock-shared\\] | **WARN** | 0/16/0 | N ms | reader should see the new data after taking a flock(LOCK\\_SH) on its open file: 16 blocks: 16 stale; block 0 stale: generation expected 105, found 103 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data |
| 59 | LOCK1 | unsafe→unsafe \\[flock-exclusive\\] | **WARN** | 0/16/0 | N ms | reader should see the new data after taking a flock(LOCK\\_EX) on its open file: 16 blocks: 16 stale; block 0 stale: generation expected 107, found 105 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data |
| 60 | EARLY1 | writethrough→writethrough \\[none\\] | **WARN** | 0/16/0 | N ms | without a remedy, the image head b read early is fresh after a rewrote it and flushed (T says it is not): 16 blocks: 16 stale; block 0 stale: generation expected 109, found 108 — hazard present: the head b read before the guest started is stale |
| 61 | EARLY1 | writethrough→writethrough \\[reopen\\] | PASS | 16/0/0 | N ms |  |
| 62 | EARLY1 | writethrough→writethrough \\[fadvise\\] | PASS | 16/0/0 | N ms |  |
| 63 | EARLY1 | writethrough→writethrough \\[fcntl\\] | **WARN** | 0/16/0 | N ms | the image head b read early should be fresh after fcntl read lock (F\\_SETLKW) on the open file: 16 blocks: 16 stale; block 0 stale: generation expected 115, found 114 — the claim is not about block storage; reported as observed |
| 64 | EARLY1 | writethrough→writethrough \\[blkflsbuf\\] | PASS | 16/0/0 | N ms |  |
| 65 | EARLY1 | writeback→writeback \\[none\\] | **WARN** | 0/16/0 | N ms | without a remedy, the image head b read early is fresh after a rewrote it and flushed (T says it is not): 16 blocks: 16 stale; block 0 stale: generation expected 119, found 118 — hazard present: the head b read before the guest started is stale |
| 66 | EARLY1 | writeback→writeback \\[reopen\\] | PASS | 16/0/0 | N ms |  |
| 67 | EARLY1 | writeback→writeback \\[fadvise\\] | PASS | 16/0/0 | N ms |  |
| 68 | EARLY1 | writeback→writeback \\[fcntl\\] | **WARN** | 0/16/0 | N ms | the image head b read early should be fresh after fcntl read lock (F\\_SETLKW) on the open file: 16 blocks: 16 stale; block 0 stale: generation expected 125, found 124 — the claim is not about block storage; reported as observed |
| 69 | EARLY1 | writeback→writeback \\[blkflsbuf\\] | PASS | 16/0/0 | N ms |  |
| 70 | EARLY1 | unsafe→unsafe \\[none\\] | **WARN** | 0/16/0 | N ms | without a remedy, the image head b read early is fresh after a rewrote it and flushed (T says it is not): 16 blocks: 16 stale; block 0 stale: generation expected 129, found 127 — hazard present: the head b read before the guest started is stale |
| 71 | EARLY1 | unsafe→unsafe \\[reopen\\] | **WARN** | 0/16/0 | N ms | the image head b read early should be fresh after close and reopen (delayed open): 16 blocks: 16 stale; block 0 stale: generation expected 131, found 129 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data |
| 72 | EARLY1 | unsafe→unsafe \\[fadvise\\] | **WARN** | 0/16/0 | N ms | the image head b read early should be fresh after posix\\_fadvise(DONTNEED) on the whole file (QEMU ≥ 4.0 on activation): 16 blocks: 16 stale; block 0 stale: generation expected 133, found 131 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data |
| 73 | EARLY1 | unsafe→unsafe \\[fcntl\\] | **WARN** | 0/16/0 | N ms | the image head b read early should be fresh after fcntl read lock (F\\_SETLKW) on the open file: 16 blocks: 16 stale; block 0 stale: generation expected 135, found 133 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data |
| 74 | EARLY1 | unsafe→unsafe \\[blkflsbuf\\] | **WARN** | 0/16/0 | N ms | the image head b read early should be fresh after ioctl(BLKFLSBUF) on the device: 16 blocks: 16 stale; block 0 stale: generation expected 137, found 135 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data |
| 75 | RA1 | writethrough→writethrough | **WARN** | 12/3/0 | N ms | blocks b had not read yet should be fresh after a rewrote them and flushed (readahead may have fetched 15 blocks early): 15 blocks: 12 fresh, 3 stale; block 1 stale: generation expected 139, found 138 — readahead on b fetched 3 of the 15 following blocks before a's write and served them stale |
| 76 | RA1 | writeback→writeback | **WARN** | 12/3/0 | N ms | blocks b had not read yet should be fresh after a rewrote them and flushed (readahead may have fetched 15 blocks early): 15 blocks: 12 fresh, 3 stale; block 1 stale: generation expected 141, found 140 — readahead on b fetched 3 of the 15 following blocks before a's write and served them stale |
| 77 | RA1 | unsafe→unsafe | **WARN** | 0/15/0 | N ms | blocks b had not read yet should be fresh after a rewrote them and flushed (readahead may have fetched 15 blocks early): 15 blocks: 15 stale; block 1 stale: generation expected 143, found 141 — the writer skipped its flush (cache=unsafe) |
| 78 | RES1 | writethrough→writethrough | PASS | - | - |  |
| 79 | RES1 | writeback→writeback | PASS | - | - |  |
| 80 | RES1 | unsafe→unsafe | PASS | - | - |  |
| 81 | SIZE1 | none→none | OMIT | - | - | needs a dir target; side a is a device |
| 82 | SIZE1 | directsync→directsync | OMIT | - | - | needs a dir target; side a is a device |
| 83 | SIZE1 | writethrough→writethrough | OMIT | - | - | needs a dir target; side a is a device |
| 84 | SIZE1 | writeback→writeback | OMIT | - | - | needs a dir target; side a is a device |
| 85 | SIZE1 | unsafe→unsafe | OMIT | - | - | needs a dir target; side a is a device |
| 86 | UNL1 | none→none \\[unlink\\] | OMIT | - | - | needs a dir target; side a is a device |
| 87 | UNL1 | none→none \\[chmod\\] | OMIT | - | - | needs a dir target; side a is a device |
| 88 | UNL1 | directsync→directsync \\[unlink\\] | OMIT | - | - | needs a dir target; side a is a device |
| 89 | UNL1 | directsync→directsync \\[chmod\\] | OMIT | - | - | needs a dir target; side a is a device |
| 90 | UNL1 | writethrough→writethrough \\[unlink\\] | OMIT | - | - | needs a dir target; side a is a device |
| 91 | UNL1 | writethrough→writethrough \\[chmod\\] | OMIT | - | - | needs a dir target; side a is a device |
| 92 | UNL1 | writeback→writeback \\[unlink\\] | OMIT | - | - | needs a dir target; side a is a device |
| 93 | UNL1 | writeback→writeback \\[chmod\\] | OMIT | - | - | needs a dir target; side a is a device |
| 94 | UNL1 | unsafe→unsafe \\[unlink\\] | OMIT | - | - | needs a dir target; side a is a device |
| 95 | UNL1 | unsafe→unsafe \\[chmod\\] | OMIT | - | - | needs a dir target; side a is a device |
| 96 | HAND1 | none→none \\[none\\] | PASS | 1024/0/0 | N ms |  |
| 97 | HAND1 | none→none \\[fadvise\\] | OMIT | - | - | b reads with O\\_DIRECT (no page cache): QEMU applies no remedy, only the "none" run applies |
| 98 | HAND1 | none→none \\[reopen\\] | OMIT | - | - | b reads with O\\_DIRECT (no page cache): QEMU applies no remedy, only the "none" run applies |
| 99 | HAND1 | none→none \\[fcntl\\] | OMIT | - | - | b reads with O\\_DIRECT (no page cache): QEMU applies no remedy, only the "none" run applies |
| 100 | HAND1 | directsync→directsync \\[none\\] | PASS | 1024/0/0 | N ms |  |
| 101 | HAND1 | directsync→directsync \\[fadvise\\] | OMIT | - | - | b reads with O\\_DIRECT (no page cache): QEMU applies no remedy, only the "none" run applies |
| 102 | HAND1 | directsync→directsync \\[reopen\\] | OMIT | - | - | b reads with O\\_DIRECT (no page cache): QEMU applies no remedy, only the "none" run applies |
| 103 | HAND1 | directsync→directsync \\[fcntl\\] | OMIT | - | - | b reads with O\\_DIRECT (no page cache): QEMU applies no remedy, only the "none" run applies |
| 104 | HAND1 | writethrough→writethrough \\[none\\] | **WARN** | 944/80/0 | N ms | after the source's final flush and no remedy, every block the destination reads should equal what the source last flushed: 1024 blocks: 944 fresh, 80 stale; block 0 stale: generation expected 159, found 157 — the early read's pages (and their readahead) stayed in b's page cache: the guest on b would see these blocks wrong |
| 105 | HAND1 | writethrough→writethrough \\[fadvise\\] | PASS | 1024/0/0 | N ms |  |
| 106 | HAND1 | writethrough→writethrough \\[reopen\\] | PASS | 1024/0/0 | N ms |  |
| 107 | HAND1 | writethrough→writethrough \\[fcntl\\] | **WARN** | 944/80/0 | N ms | after the source's final flush and fcntl read lock (F\\_SETLKW) on the open file, every block the destination reads should equal what the source last flushed: 1024 blocks: 944 fresh, 80 stale; block 0 stale: generation expected 173, found 172 — the claim is not about block storage; reported as observed |
| 108 | HAND1 | writeback→writeback \\[none\\] | **WARN** | 944/80/0 | N ms | after the source's final flush and no remedy, every block the destination reads should equal what the source last flushed: 1024 blocks: 944 fresh, 80 stale; block 0 stale: generation expected 181, found 177 — the early read's pages (and their readahead) stayed in b's page cache: the guest on b would see these blocks wrong |
| 109 | HAND1 | writeback→writeback \\[fadvise\\] | PASS | 1024/0/0 | N ms |  |
| 110 | HAND1 | writeback→writeback \\[reopen\\] | PASS | 1024/0/0 | N ms |  |
| 111 | HAND1 | writeback→writeback \\[fcntl\\] | **WARN** | 944/80/0 | N ms | after the source's final flush and fcntl read lock (F\\_SETLKW) on the open file, every block the destination reads should equal what the source last flushed: 1024 blocks: 944 fresh, 80 stale; block 0 stale: generation expected 196, found 192 — the claim is not about block storage; reported as observed |
| 112 | HAND1 | unsafe→unsafe \\[none\\] | **WARN** | 0/1024/0 | N ms | after the source's final flush and no remedy, every block the destination reads should equal what the source last flushed: 1024 blocks: 1024 stale; block 0 stale: generation expected 201, found 196 — the writer skipped its flush (cache=unsafe) |
| 113 | HAND1 | unsafe→unsafe \\[fadvise\\] | **WARN** | 0/1024/0 | N ms | after the source's final flush and posix\\_fadvise(DONTNEED) on the whole file (QEMU ≥ 4.0 on activation), every block the destination reads should equal what the source last flushed: 1024 blocks: 1024 stale; block 0 stale: generation expected 206, found 201 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data |
| 114 | HAND1 | unsafe→unsafe \\[reopen\\] | **WARN** | 0/1024/0 | N ms | after the source's final flush and close and reopen (delayed open), every block the destination reads should equal what the source last flushed: 1024 blocks: 1024 stale; block 0 stale: generation expected 208, found 206 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data |
| 115 | HAND1 | unsafe→unsafe \\[fcntl\\] | **WARN** | 0/1024/0 | N ms | after the source's final flush and fcntl read lock (F\\_SETLKW) on the open file, every block the destination reads should equal what the source last flushed: 1024 blocks: 1024 stale; block 0 stale: generation expected 213, found 208 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data |
| 116 | IMG1 | none→none \\[qcow2\\] | OMIT | - | - | needs a dir target; side a is a device |
| 117 | IMG1 | none→none \\[qed\\] | OMIT | - | - | needs a dir target; side a is a device |
| 118 | IMG1 | none→none \\[raw\\] | OMIT | - | - | needs a dir target; side a is a device |
| 119 | IMG1 | directsync→directsync \\[qcow2\\] | OMIT | - | - | needs a dir target; side a is a device |
| 120 | IMG1 | directsync→directsync \\[qed\\] | OMIT | - | - | needs a dir target; side a is a device |
| 121 | IMG1 | directsync→directsync \\[raw\\] | OMIT | - | - | needs a dir target; side a is a device |
| 122 | IMG1 | writethrough→writethrough \\[qcow2\\] | OMIT | - | - | needs a dir target; side a is a device |
| 123 | IMG1 | writethrough→writethrough \\[qed\\] | OMIT | - | - | needs a dir target; side a is a device |
| 124 | IMG1 | writethrough→writethrough \\[raw\\] | OMIT | - | - | needs a dir target; side a is a device |
| 125 | IMG1 | writeback→writeback \\[qcow2\\] | OMIT | - | - | needs a dir target; side a is a device |
| 126 | IMG1 | writeback→writeback \\[qed\\] | OMIT | - | - | needs a dir target; side a is a device |
| 127 | IMG1 | writeback→writeback \\[raw\\] | OMIT | - | - | needs a dir target; side a is a device |
| 128 | IMG1 | unsafe→unsafe \\[qcow2\\] | OMIT | - | - | needs a dir target; side a is a device |
| 129 | IMG1 | unsafe→unsafe \\[qed\\] | OMIT | - | - | needs a dir target; side a is a device |
| 130 | IMG1 | unsafe→unsafe \\[raw\\] | OMIT | - | - | needs a dir target; side a is a device |

**Outcomes:** 33 PASS, 55 WARN, 42 OMIT; exit code 0, finished TIME.

`

exports[`test/markdown.test.ts > TAP > Markdown of the loop-window run (snapshot, timings and run id scrubbed) > must match snapshot 1`] = `
# coprobe run RUNID

## At a glance

On shared block storage (profile block).

**Safe with drop-cache (QEMU ≥ 4.0): no mode; with older QEMU: no mode.**

| cache mode | QEMU ≥ 4.0 (drop-cache) | QEMU \\< 4.0 |
|---|---|---|
| \`none\` | **UNKNOWN**¹ | **UNKNOWN**¹ |
| \`directsync\` | **UNKNOWN**¹ | **UNKNOWN**¹ |
| \`writethrough\` | **UNKNOWN**¹ | **UNKNOWN**¹ |
| \`writeback\` | **UNKNOWN**¹ | **UNKNOWN**¹ |
| \`unsafe\` | **UNKNOWN**¹ | **UNKNOWN**¹ |

¹ not measured: HAND1 was not selected

**Confounders:** none detected.

**Document claims this stack contradicts:** none.

## Run

coprobe 0.1.0, started TIME; block size 4096, 16 blocks per probe.

- **a** (writer): /dev/loop0 — block device 7:0, stack block, on vm, kernel 6.18.44-fc-v595
  - block: loop0, loop over /tmp/coprobe-loop-WZkblR/backing.img, direct I/O on \\[/sys/devices/virtual/block/loop0\\]
- **b** (reader): /dev/loop1 — block device 7:1, stack block, on vm, kernel 6.18.44-fc-v595
  - block: loop1, loop over /tmp/coprobe-loop-WZkblR/backing.img, direct I/O on \\[/sys/devices/virtual/block/loop1\\]

## Verdicts per QEMU cache mode

On shared block storage (profile \`block\`).

| mode | QEMU | verdict | libvirt | documents | evidence |
|---|---|---|---|---|---|
| \`none\` | QEMU ≥ 4.0 (drop-cache) | **UNKNOWN** | allows | safe | not measured: HAND1 was not selected |
| \`none\` | QEMU < 4.0 | **UNKNOWN** | allows | safe | not measured: HAND1 was not selected |
| \`directsync\` | QEMU ≥ 4.0 (drop-cache) | **UNKNOWN** | allows | safe | not measured: HAND1 was not selected |
| \`directsync\` | QEMU < 4.0 | **UNKNOWN** | allows | safe | not measured: HAND1 was not selected |
| \`writethrough\` | QEMU ≥ 4.0 (drop-cache) | **UNKNOWN** | allows | - | not measured: HAND1 was not selected |
| \`writethrough\` | QEMU < 4.0 | **UNKNOWN** | refuses | unsafe | not measured: HAND1 was not selected |
| \`writeback\` | QEMU ≥ 4.0 (drop-cache) | **UNKNOWN** | allows | - | not measured: HAND1 was not selected |
| \`writeback\` | QEMU < 4.0 | **UNKNOWN** | refuses | unsafe | not measured: HAND1 was not selected |
| \`unsafe\` | QEMU ≥ 4.0 (drop-cache) | **UNKNOWN** | allows | - | not measured: HAND1 was not selected |
| \`unsafe\` | QEMU < 4.0 | **UNKNOWN** | refuses | unsafe | not measured: HAND1 was not selected |

## Claims

| claim | status | evidence / why |
|---|---|---|
| \`NFS-CTO\` | not applicable | 16 blocks: 16 fresh: the writer skipped its flush (cache=unsafe) |
| \`NFS-OPEN-BOTH\` | not applicable | the 2010 qemu-devel thread (T) makes this claim about NFS, not about shared block storage |
| \`NFS-SYNC-STABLE-READ\` | not applicable | 16 blocks: 16 stale: the writer skipped its flush (cache=unsafe) |
| \`NFS-ODIRECT-READ\` | not applicable | 16 blocks: 16 stale: the writer skipped its flush (cache=unsafe) |
| \`NFS-CACHE-NONE-SAFE\` | not applicable | the QEMU wiki page (W) makes this claim about Linux NFS server and client, not about shared block storage |
| \`BLOCK-PROTOCOL-COHERENT\` | not applicable | 16 blocks: 16 stale: the writer skipped its flush (cache=unsafe) |
| \`BLOCK-PAGECACHE-INCOHERENT\` | not checked | 10 completed runs of BOTH1, but no check bore on it with the variants run |
| \`BLOCK-CACHE-NONE-ONLY\` | not checked | judged from the verdict table, where cache=none is UNKNOWN: not measured: HAND1 was not selected (and 4 more UNKNOWN) |
| \`CLUSTER-FS-ANY-CACHE\` | not applicable | the QEMU wiki page (W) makes this claim about clustered filesystems (GPFS, Ceph, GlusterFS, GFS2), not about shared block storage |
| \`QCOW2-METADATA\` | not checked | not selected: IMG1 |
| \`QED-DIRTY\` | not checked | not selected: IMG1 |
| \`RAW-SIZE\` | not checked | not selected: SIZE1 |
| \`EARLY-READ-64K\` | not checked | not selected: EARLY1, HAND1 |
| \`LOCK-INVALIDATES\` | not applicable | the 2010 qemu-devel thread (T) makes this claim about NFS, not about shared block storage |
| \`INVALIDATE-REMEDY\` | not checked | not selected: FLUSH1, EARLY1, HAND1 |
| \`READAHEAD\` | not applicable | the 2010 qemu-devel thread (T) makes this claim about the Linux NFS client, not about shared block storage |
| \`NFS-UNLINK-AFTER-OPEN\` | not applicable | the 2010 qemu-devel thread (T) makes this claim about NFS, not about shared block storage |
| \`HANDOFF\` | not checked | not selected: HAND1<br>note: not observable: that the source frees nothing and the destination starts the guest at once is QEMU's migration protocol, not the storage's; probes check only the consequence: what b reads after the handoff equals what a last flushed |
| \`QEMU-DROP-CACHE\` | not checked | not selected: FLUSH1, EARLY1, RES1, HAND1 |
| \`QCOW2-REOPEN\` | not checked | not selected: IMG1 |
| \`LIBVIRT-POLICY\` | not checked | no probe checks it: it describes libvirt's code (qemuMigrationSrcIsSafe), not the storage, so no probe can observe it; the verdict table instead sets libvirt's decision beside each measured verdict and flags where they disagree<br>note: libvirt's decision disagrees with the measurement in 0 of 0 measured mode × QEMU pairs (verdict table) |
| \`NFS-NOSHARECACHE\` | not applicable | the QEMU, libvirt or Linux source cited in CLAIMS.md makes this claim about two NFS mounts of one export in one client, not about shared block storage |
| \`NFS-LOCALIO\` | not applicable | the QEMU, libvirt or Linux source cited in CLAIMS.md makes this claim about an NFS client on the server's host (Linux ≥ 6.12), not about shared block storage |

<details><summary>Claim sentences</summary>

- \`NFS-CTO\`: NFS guarantees close-to-open coherence: a client that opens after another closed sees its changes.
- \`NFS-OPEN-BOTH\`: With the image open on both sides, fsync on the source does not by protocol make the data visible to the destination.
- \`NFS-SYNC-STABLE-READ\`: A Linux NFS server exporting with sync answers READ with data another client wrote stably, without reopen.
- \`NFS-ODIRECT-READ\`: On the Linux NFS client an O\\_DIRECT read() always issues a protocol READ: fsync + O\\_DIRECT reads are coherent.
- \`NFS-CACHE-NONE-SAFE\`: With Linux NFS server and client, migration is safe in practice with cache=none on both sides.
- \`BLOCK-PROTOCOL-COHERENT\`: iSCSI/FC/direct-attached storage: a read returns data another client's acknowledged write put there.
- \`BLOCK-PAGECACHE-INCOHERENT\`: The Linux page cache is not coherent across nodes: a buffered read can return data older than an acknowledged write.
- \`BLOCK-CACHE-NONE-ONLY\`: Shared block storage is safe for migration only with cache=none or QEMU's userspace iSCSI driver.
- \`CLUSTER-FS-ANY-CACHE\`: Clustered file systems are safe for migration whatever the cache mode.
- \`QCOW2-METADATA\`: qcow2 caches metadata; QEMU discards it after the last migration data and before the guest starts.
- \`QED-DIRTY\`: QED caches metadata and has a dirty flag whose check QEMU postpones until migration completes.
- \`RAW-SIZE\`: A raw image's size is cached mutable metadata; it matters only with online resize during migration.
- \`EARLY-READ-64K\`: QEMU reads the first 64 KiB before the guest starts; a write there by the other side leaves stale data.
- \`LOCK-INVALIDATES\`: On NFS, acquiring a file lock makes the client drop its cached data for that file.
- \`INVALIDATE-REMEDY\`: Invalidating the destination's cache after the source's final flush (or opening late) removes stale data.
- \`READAHEAD\`: An NFS client that prefetched aggressively could read stale data ahead; Linux does not in practice.
- \`NFS-UNLINK-AFTER-OPEN\`: On NFS, removing (or chmod-ing) a file from another client makes access through an open file fail, unlike POSIX.
- \`HANDOFF\`: What the destination reads after the handoff must equal what the source last flushed.
- \`QEMU-DROP-CACHE\`: On activation QEMU flushes and fadvises DONTNEED the whole image; whether that drops stale pages is the stack's property.
- \`QCOW2-REOPEN\`: On activation qcow2 closes and reopens the image, discarding its metadata caches.
- \`LIBVIRT-POLICY\`: libvirt allows migration from file-system type and cache mode alone, without measuring.
- \`NFS-NOSHARECACHE\`: Two mounts of one export in one client share one cache unless mounted nosharecache.
- \`NFS-LOCALIO\`: Since Linux 6.12 a client on the server's host may bypass RPC (LOCALIO), changing what a same-host test measures.

</details>

## Probe runs

| # | probe | modes a→b [param] | outcome | fresh/stale/other | fsync→read | observed |
|---|---|---|---|---|---|---|
| 1 | CTO1 | unsafe→none (repeat 1) | PASS | 16/0/0 | N ms |  |
| 2 | CTO1 | unsafe→none (repeat 2) | PASS | 16/0/0 | N ms |  |
| 3 | CTO1 | unsafe→none (repeat 3) | PASS | 16/0/0 | N ms |  |
| 4 | CTO1 | unsafe→none (repeat 4) | PASS | 16/0/0 | N ms |  |
| 5 | CTO1 | unsafe→none (repeat 5) | PASS | 16/0/0 | N ms |  |
| 6 | CTO1 | unsafe→directsync (repeat 1) | PASS | 16/0/0 | N ms |  |
| 7 | CTO1 | unsafe→directsync (repeat 2) | PASS | 16/0/0 | N ms |  |
| 8 | CTO1 | unsafe→directsync (repeat 3) | PASS | 16/0/0 | N ms |  |
| 9 | CTO1 | unsafe→directsync (repeat 4) | PASS | 16/0/0 | N ms |  |
| 10 | CTO1 | unsafe→directsync (repeat 5) | PASS | 16/0/0 | N ms |  |
| 11 | BOTH1 | unsafe→none (repeat 1) | **WARN** | 0/16/0 | N ms | reader should see the data written and fsynced before it opened: 16 blocks: 16 stale; block 0 stale: generation expected 22, found 21 — writer skipped its flush (cache=unsafe) |
| 12 | BOTH1 | unsafe→none (repeat 2) | **WARN** | 0/16/0 | N ms | reader should see the data written and fsynced before it opened: 16 blocks: 16 stale; block 0 stale: generation expected 24, found 23 — writer skipped its flush (cache=unsafe) |
| 13 | BOTH1 | unsafe→none (repeat 3) | **WARN** | 0/16/0 | N ms | reader should see the data written and fsynced before it opened: 16 blocks: 16 stale; block 0 stale: generation expected 26, found 25 — writer skipped its flush (cache=unsafe) |
| 14 | BOTH1 | unsafe→none (repeat 4) | **WARN** | 0/16/0 | N ms | reader should see the data written and fsynced before it opened: 16 blocks: 16 stale; block 0 stale: generation expected 28, found 27 — writer skipped its flush (cache=unsafe) |
| 15 | BOTH1 | unsafe→none (repeat 5) | **WARN** | 0/16/0 | N ms | reader should see the data written and fsynced before it opened: 16 blocks: 16 stale; block 0 stale: generation expected 30, found 29 — writer skipped its flush (cache=unsafe) |
| 16 | BOTH1 | unsafe→directsync (repeat 1) | **WARN** | 0/16/0 | N ms | reader should see the data written and fsynced before it opened: 16 blocks: 16 stale; block 0 stale: generation expected 32, found 31 — writer skipped its flush (cache=unsafe) |
| 17 | BOTH1 | unsafe→directsync (repeat 2) | **WARN** | 0/16/0 | N ms | reader should see the data written and fsynced before it opened: 16 blocks: 16 stale; block 0 stale: generation expected 34, found 33 — writer skipped its flush (cache=unsafe) |
| 18 | BOTH1 | unsafe→directsync (repeat 3) | **WARN** | 0/16/0 | N ms | reader should see the data written and fsynced before it opened: 16 blocks: 16 stale; block 0 stale: generation expected 36, found 35 — writer skipped its flush (cache=unsafe) |
| 19 | BOTH1 | unsafe→directsync (repeat 4) | **WARN** | 0/16/0 | N ms | reader should see the data written and fsynced before it opened: 16 blocks: 16 stale; block 0 stale: generation expected 38, found 37 — writer skipped its flush (cache=unsafe) |
| 20 | BOTH1 | unsafe→directsync (repeat 5) | **WARN** | 0/16/0 | N ms | reader should see the data written and fsynced before it opened: 16 blocks: 16 stale; block 0 stale: generation expected 40, found 39 — writer skipped its flush (cache=unsafe) |

## Staleness windows

First read stale → fresh, polled inside b's agent.

| probe | modes | ended fresh | min ms | median ms | p95 ms | max ms | still stale at bound |
|---|---|---|---|---|---|---|---|
| BOTH1 | unsafe→none | 5 | 1004.5 | 1012.0 | 1029.9 | 1029.9 | 0 |
| BOTH1 | unsafe→directsync | 5 | 1010.7 | 1017.2 | 1023.2 | 1023.2 | 0 |

**Outcomes:** 10 PASS, 10 WARN; exit code 0, finished TIME.

`
