/* IMPORTANT
 * This snapshot file is auto-generated, but designed for humans.
 * It should be checked into source control and tracked carefully.
 * Re-generate by setting TAP_SNAPSHOT=1 and running tests.
 * Make sure to inspect the output below.  Do not ignore changes!
 */
'use strict'
exports[`test/verdict-render.test.ts > TAP > block stack on two hosts: verdict table and claim table > claims 1`] = `
Claims on shared block storage (profile block)
claim                      status          evidence / why
NFS-CTO                    not applicable  the QEMU wiki page and the 2010 qemu-devel thread make this claim about NFS, not about shared block storage
NFS-OPEN-BOTH              not applicable  the 2010 qemu-devel thread (T) makes this claim about NFS, not about shared block storage
NFS-SYNC-STABLE-READ       not applicable  the QEMU wiki page (W) makes this claim about a Linux NFS server exporting with sync, not about shared block storage
NFS-ODIRECT-READ           not applicable  the QEMU wiki page (W) makes this claim about the Linux NFS client, not about shared block storage
NFS-CACHE-NONE-SAFE        not applicable  the QEMU wiki page (W) makes this claim about Linux NFS server and client, not about shared block storage
BLOCK-PROTOCOL-COHERENT    VIOLATED        BOTH1 none→none #2: sentence of BLOCK-PROTOCOL-COHERENT: observed
  The stack contradicts the QEMU wiki page (W): it claims "iSCSI/FC/direct-attached storage: a read returns data another client's acknowledged write put there", but BOTH1 none→none #2 observed: observed.
BLOCK-PAGECACHE-INCOHERENT holds           BOTH1 writeback→writeback #1: sentence of BLOCK-PAGECACHE-INCOHERENT: observed
BLOCK-CACHE-NONE-ONLY      MIXED           holds under some conditions, violated under others:
  - violated for cache=none no-drop-cache (1 check)
  - holds for cache=writethrough no-drop-cache (1 check)
  - holds for cache=writeback no-drop-cache (1 check)
  - holds for cache=unsafe no-drop-cache (1 check)
  The stack contradicts the QEMU wiki page (W): it claims "Shared block storage is safe for migration only with cache=none or QEMU's userspace iSCSI driver", but for cache=none no-drop-cache HAND1 none→none [none] #3 observed: 1024 blocks: 1023 fresh, 1 torn; block 0 torn.
CLUSTER-FS-ANY-CACHE       not applicable  the QEMU wiki page (W) makes this claim about clustered filesystems (GPFS, Ceph, GlusterFS, GFS2), not about shared block storage
QCOW2-METADATA             not checked     no probe cites it
QED-DIRTY                  not checked     no probe cites it
RAW-SIZE                   not checked     not selected: SIZE1
EARLY-READ-64K             holds           HAND1 writethrough→writethrough [none] #5: sentence of HANDOFF: 1008 fresh (and 2 more)
LOCK-INVALIDATES           not applicable  the 2010 qemu-devel thread (T) makes this claim about NFS, not about shared block storage
INVALIDATE-REMEDY          MIXED           holds under some conditions, violated under others:
  - violated for buffered reader (through its page cache), HAND1 fadvise, writer cache=unsafe (flushes ignored) (1 check)
  - holds for buffered reader (through its page cache), HAND1 fadvise (2 checks)
READAHEAD                  not applicable  the 2010 qemu-devel thread (T) makes this claim about the Linux NFS client, not about shared block storage
NFS-UNLINK-AFTER-OPEN      not applicable  the 2010 qemu-devel thread (T) makes this claim about NFS, not about shared block storage
HANDOFF                    MIXED           holds under some conditions, violated under others:
  - violated for O_DIRECT reader, HAND1 none (1 check)
  - violated for buffered reader (through its page cache), HAND1 fadvise, writer cache=unsafe (flushes ignored) (1 check)
  - holds for buffered reader (through its page cache), HAND1 fadvise (2 checks)
  note: not observable: that the source frees nothing and the destination starts the guest at once is QEMU's migration protocol, not the storage's; probes check only the consequence: what b reads after the handoff equals what a last flushed
QEMU-DROP-CACHE            MIXED           holds under some conditions, violated under others:
  - violated for buffered reader (through its page cache), HAND1 fadvise, writer cache=unsafe (flushes ignored) (1 check)
  - holds for buffered reader (through its page cache), HAND1 fadvise (2 checks)
QCOW2-REOPEN               not checked     no probe cites it
LIBVIRT-POLICY             not checked     no probe checks it: it describes libvirt's code (qemuMigrationSrcIsSafe), not the storage, so no probe can observe it; the verdict table instead sets libvirt's decision beside each measured verdict and flags where they disagree
  note: libvirt's decision disagrees with the measurement in 3 of 8 measured mode × QEMU pairs (verdict table)
NFS-NOSHARECACHE           not applicable  the QEMU, libvirt or Linux source cited in CLAIMS.md makes this claim about two NFS mounts of one export in one client, not about shared block storage
NFS-LOCALIO                not applicable  the QEMU, libvirt or Linux source cited in CLAIMS.md makes this claim about an NFS client on the server's host (Linux ≥ 6.12), not about shared block storage
`

exports[`test/verdict-render.test.ts > TAP > block stack on two hosts: verdict table and claim table > verdicts 1`] = `
Verdicts on shared block storage (profile block)
mode          QEMU                     verdict  libvirt  docs    evidence
none          QEMU ≥ 4.0 (drop-cache)  UNSAFE   allows   safe    HAND1 none→none [none] #3: 1024 blocks: 1023 fresh, 1 torn; block 0 torn
none          QEMU < 4.0               UNSAFE   allows   safe    HAND1 none→none [none] #3: 1024 blocks: 1023 fresh, 1 torn; block 0 torn
directsync    QEMU ≥ 4.0 (drop-cache)  UNKNOWN  allows   safe    HAND1 directsync→directsync [none] #4: HUNG: side b did not answer "read" within 10000 ms
directsync    QEMU < 4.0               UNKNOWN  allows   safe    HAND1 directsync→directsync [none] #4: HUNG: side b did not answer "read" within 10000 ms
writethrough  QEMU ≥ 4.0 (drop-cache)  SAFE     allows   -       HAND1 writethrough→writethrough [fadvise] #6: 1024 blocks: 1024 fresh
writethrough  QEMU < 4.0               UNSAFE   refuses  unsafe  HAND1 writethrough→writethrough [none] #5: 1024 blocks: 1008 fresh, 16 stale; block 0 stale: generation expected 7, found 6
writeback     QEMU ≥ 4.0 (drop-cache)  SAFE     allows   -       HAND1 writeback→writeback [fadvise] #8: 1024 blocks: 1024 fresh
writeback     QEMU < 4.0               UNSAFE   refuses  unsafe  HAND1 writeback→writeback [none] #7: 1024 blocks: 1008 fresh, 16 stale; block 0 stale: generation expected 7, found 6
unsafe        QEMU ≥ 4.0 (drop-cache)  UNSAFE   allows   -       HAND1 unsafe→unsafe [fadvise] #10: 1024 blocks: 1024 stale; block 0 stale: generation expected 7, found 6
unsafe        QEMU < 4.0               UNSAFE   refuses  unsafe  HAND1 unsafe→unsafe [none] #9: 1024 blocks: 1008 fresh, 16 stale; block 0 stale: generation expected 7, found 6

  none, QEMU ≥ 4.0 (drop-cache): libvirt allows cache=none here (cache=none: libvirt allows it on shared storage), but the measurement is UNSAFE
  none, QEMU ≥ 4.0 (drop-cache): The stack contradicts the QEMU wiki page (W): BLOCK-CACHE-NONE-ONLY says cache=none is safe on shared block storage (cache=none bypasses the page cache, which makes shared block storage safe), but b read blocks that were not fresh after the handoff (#3: 1024 blocks: 1023 fresh, 1 torn; block 0 torn).
  none, QEMU < 4.0: libvirt allows cache=none here (cache=none: libvirt allows it on shared storage), but the measurement is UNSAFE
  none, QEMU < 4.0: The stack contradicts the QEMU wiki page (W): BLOCK-CACHE-NONE-ONLY says cache=none is safe on shared block storage (cache=none bypasses the page cache, which makes shared block storage safe), but b read blocks that were not fresh after the handoff (#3: 1024 blocks: 1023 fresh, 1 torn; block 0 torn).
  unsafe, QEMU ≥ 4.0 (drop-cache): libvirt allows cache=unsafe here (QEMU drops the cache on activation: libvirt allows cache=unsafe), but the measurement is UNSAFE
`

exports[`test/verdict-render.test.ts > TAP > one page cache voids SAFE; a glusterfs FUSE mount uses the cluster profile > claims 1`] = `
Claims on a clustered filesystem (profile cluster): FUSE client of glusterfs: judged as the clustered filesystem the wiki names
SAFE VOIDED: one page cache serves both sides
CAVEAT: the client may bypass RPC
claim                      status          evidence / why
NFS-CTO                    not applicable  the QEMU wiki page and the 2010 qemu-devel thread make this claim about NFS, not about a clustered filesystem
NFS-OPEN-BOTH              not applicable  the 2010 qemu-devel thread (T) makes this claim about NFS, not about a clustered filesystem
NFS-SYNC-STABLE-READ       not applicable  the QEMU wiki page (W) makes this claim about a Linux NFS server exporting with sync, not about a clustered filesystem
NFS-ODIRECT-READ           not applicable  the QEMU wiki page (W) makes this claim about the Linux NFS client, not about a clustered filesystem
NFS-CACHE-NONE-SAFE        not applicable  the QEMU wiki page (W) makes this claim about Linux NFS server and client, not about a clustered filesystem
BLOCK-PROTOCOL-COHERENT    not applicable  the QEMU wiki page (W) makes this claim about shared block storage (iSCSI, FC, direct-attached), not about a clustered filesystem
BLOCK-PAGECACHE-INCOHERENT not applicable  the QEMU wiki page (W) makes this claim about the Linux page cache over shared block storage, not about a clustered filesystem
BLOCK-CACHE-NONE-ONLY      not applicable  the QEMU wiki page (W) makes this claim about shared block storage (iSCSI, FC, direct-attached), not about a clustered filesystem
CLUSTER-FS-ANY-CACHE       VIOLATED        HAND1 writeback→writeback [none] #2: cache=writeback, without drop-cache (QEMU < 4.0): measured UNSAFE: 1024 blocks: 1022 fresh, 2 stale; block 0 stale: generation expected 7, found 6
  The stack contradicts the QEMU wiki page (W): it claims "Clustered file systems are safe for migration whatever the cache mode", but HAND1 writeback→writeback [none] #2 observed: 1024 blocks: 1022 fresh, 2 stale; block 0 stale: generation expected 7, found 6.
  note: decided by HAND1 on a 4096 KiB image (1024 blocks of 4096 bytes) (the other probes use files of 64 KiB, which some client caches hold whole: GlusterFS quick-read caches files up to 64 KiB). b's GlusterFS client runs quick-read (performance.quick-read not read): it holds files up to its cache-max-file-size (64 KiB by default) whole and answers them even with O_DIRECT, so an image that small can read stale in every mode; this row says nothing about such images (measure them with --image-size 64K)
QCOW2-METADATA             not checked     no probe cites it
QED-DIRTY                  not checked     no probe cites it
RAW-SIZE                   not checked     not selected: SIZE1
EARLY-READ-64K             holds           HAND1 writeback→writeback [none] #2: sentence of HANDOFF: 1022 fresh
LOCK-INVALIDATES           not applicable  the 2010 qemu-devel thread (T) makes this claim about NFS, not about a clustered filesystem
INVALIDATE-REMEDY          not checked     2 completed runs of HAND1, but no check bore on it with the variants run
READAHEAD                  not applicable  the 2010 qemu-devel thread (T) makes this claim about the Linux NFS client, not about a clustered filesystem
NFS-UNLINK-AFTER-OPEN      not applicable  the 2010 qemu-devel thread (T) makes this claim about NFS, not about a clustered filesystem
HANDOFF                    holds           HAND1 none→none [none] #1: sentence of HANDOFF: 1024 fresh
  note: not observable: that the source frees nothing and the destination starts the guest at once is QEMU's migration protocol, not the storage's; probes check only the consequence: what b reads after the handoff equals what a last flushed
QEMU-DROP-CACHE            not checked     2 completed runs of HAND1, but no check bore on it with the variants run
QCOW2-REOPEN               not checked     no probe cites it
LIBVIRT-POLICY             not checked     no probe checks it: it describes libvirt's code (qemuMigrationSrcIsSafe), not the storage, so no probe can observe it; the verdict table instead sets libvirt's decision beside each measured verdict and flags where they disagree
  note: libvirt's decision disagrees with the measurement in 1 of 1 measured mode × QEMU pairs (verdict table)
NFS-NOSHARECACHE           not applicable  the QEMU, libvirt or Linux source cited in CLAIMS.md makes this claim about two NFS mounts of one export in one client, not about a clustered filesystem
NFS-LOCALIO                not applicable  the QEMU, libvirt or Linux source cited in CLAIMS.md makes this claim about an NFS client on the server's host (Linux ≥ 6.12), not about a clustered filesystem
`

exports[`test/verdict-render.test.ts > TAP > one page cache voids SAFE; a glusterfs FUSE mount uses the cluster profile > verdicts 1`] = `
Verdicts on a clustered filesystem (profile cluster): FUSE client of glusterfs: judged as the clustered filesystem the wiki names
SAFE VOIDED: one page cache serves both sides
CAVEAT: the client may bypass RPC
mode          QEMU                     verdict  libvirt  docs    evidence
none          QEMU ≥ 4.0 (drop-cache)  UNKNOWN  allows   safe    would be SAFE (HAND1 none→none [none] #1: 1024 blocks: 1024 fresh), but one page cache serves both sides
none          QEMU < 4.0               UNKNOWN  allows   safe    would be SAFE (HAND1 none→none [none] #1: 1024 blocks: 1024 fresh), but one page cache serves both sides
directsync    QEMU ≥ 4.0 (drop-cache)  UNKNOWN  allows   safe    not measured: mode directsync was not selected for both sides
directsync    QEMU < 4.0               UNKNOWN  allows   safe    not measured: mode directsync was not selected for both sides
writethrough  QEMU ≥ 4.0 (drop-cache)  UNKNOWN  allows   safe    not measured: mode writethrough was not selected for both sides
writethrough  QEMU < 4.0               UNKNOWN  allows   safe    not measured: mode writethrough was not selected for both sides
writeback     QEMU ≥ 4.0 (drop-cache)  UNKNOWN  allows   safe    not measured: HAND1 writeback→writeback [fadvise] was not among the runs
writeback     QEMU < 4.0               UNSAFE   allows   safe    HAND1 writeback→writeback [none] #2: 1024 blocks: 1022 fresh, 2 stale; block 0 stale: generation expected 7, found 6
unsafe        QEMU ≥ 4.0 (drop-cache)  UNKNOWN  allows   safe    not measured: mode unsafe was not selected for both sides
unsafe        QEMU < 4.0               UNKNOWN  allows   safe    not measured: mode unsafe was not selected for both sides

  writeback, QEMU < 4.0: libvirt allows cache=writeback here (fuse.glusterfs is a cluster filesystem libvirt knows: any cache mode), but the measurement is UNSAFE
  writeback, QEMU < 4.0: The stack contradicts the QEMU wiki page (W): CLUSTER-FS-ANY-CACHE says cache=writeback is safe on a clustered filesystem (clustered filesystems such as Ceph and GlusterFS are safe for migration whatever the cache mode), but b read blocks that were not fresh after the handoff (#2: 1024 blocks: 1022 fresh, 2 stale; block 0 stale: generation expected 7, found 6).
`
