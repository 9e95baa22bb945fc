/* IMPORTANT
 * This snapshot file is auto-generated, but designed for humans.
 * It should be checked into source control and tracked carefully.
 * Re-generate by setting TAP_SNAPSHOT=1 and running tests.
 * Make sure to inspect the output below.  Do not ignore changes!
 */
'use strict'
exports[`test/report-merge.test.ts > TAP > lab runs: a row per scenario, kernel package and export line, named after the scenario; old keys unchanged > rows 1`] = `
both sides: NFSv4 export /export of 127.0.0.1 via libnfs (userspace, no host page cache) — on vm, kernel 6.18.44-fc-v595, one kernel for both sides
  a: host vm, kernel 6.18.44-fc-v595, x64
  b: host vm, kernel 6.18.44-fc-v595, x64
  a, b: dir (nfs, stack nfs) through libnfs
  a, b: libnfs dircache=false, export=/export, pagecache=0, readPiece=262144, readahead=0, server=127.0.0.1, version=4, versionFrom=url, writePiece=3584, writeSplit=libnfs 4.0 NFSv4 WRITEs carry at most 3584 bytes: a 4 KiB block is written as several WRITE RPCs, not atomically
coprobe lab scenario nfs42-sync (kernel linux-image-6.12.48+deb13-amd64 6.12.48-1): both sides: NFSv4 export /export of 127.0.0.1 via libnfs (userspace, no host page cache)
  lab: scenario nfs42-sync: two clients
  lab: kernel package linux-image-6.12.48+deb13-amd64 6.12.48-1 (uname -r 6.12.48+deb13-amd64)
  lab: exports: /srv/coprobe-lab 127.0.0.0/8(rw,sync,no_root_squash,no_subtree_check,fsid=0) 10.213.99.0/24(rw,sync,no_root_squash,no_subtree_check,fsid=0)
  a: host vm, kernel 6.18.44-fc-v595, x64
  b: host vm, kernel 6.18.44-fc-v595, x64
  a, b: dir (nfs, stack nfs) through libnfs
  a, b: libnfs dircache=false, export=/export, pagecache=0, readPiece=262144, readahead=0, server=127.0.0.1, version=4, versionFrom=url, writePiece=3584, writeSplit=libnfs 4.0 NFSv4 WRITEs carry at most 3584 bytes: a 4 KiB block is written as several WRITE RPCs, not atomically
coprobe lab scenario nfs42-sync-one-client (kernel linux-image-6.1.0-40-amd64 6.1.153-1): both sides: NFSv4 export /export of 127.0.0.1 via libnfs (userspace, no host page cache)
  lab: scenario nfs42-sync-one-client: NFSv4.2, sync export of ext4; both mounts in one kernel namespace with nosharecache (one client to the server: the confounded case)
  lab: confounded: both mounts are one NFS client to the server (one network and UTS namespace): it never recalls a delegation from one for the other, which two hosts would see; kept because users run it this way
  lab: kernel package linux-image-6.1.0-40-amd64 6.1.153-1 (uname -r 6.1.0-40-amd64)
  lab: exports: /srv/coprobe-lab 127.0.0.0/8(rw,sync,no_root_squash,no_subtree_check,fsid=0) 10.213.99.0/24(rw,sync,no_root_squash,no_subtree_check,fsid=0)
  a: host vm, kernel 6.18.44-fc-v595, x64
  b: host vm, kernel 6.18.44-fc-v595, x64
  a, b: dir (nfs, stack nfs) through libnfs
  a, b: libnfs dircache=false, export=/export, pagecache=0, readPiece=262144, readahead=0, server=127.0.0.1, version=4, versionFrom=url, writePiece=3584, writeSplit=libnfs 4.0 NFSv4 WRITEs carry at most 3584 bytes: a 4 KiB block is written as several WRITE RPCs, not atomically
coprobe lab scenario nfs42-sync-one-client (kernel linux-image-6.12.48+deb13-amd64 6.12.48-1): both sides: NFSv4 export /export of 127.0.0.1 via libnfs (userspace, no host page cache)
  lab: scenario nfs42-sync-one-client: NFSv4.2, sync export of ext4; both mounts in one kernel namespace with nosharecache (one client to the server: the confounded case)
  lab: confounded: both mounts are one NFS client to the server (one network and UTS namespace): it never recalls a delegation from one for the other, which two hosts would see; kept because users run it this way
  lab: kernel package linux-image-6.12.48+deb13-amd64 6.12.48-1 (uname -r 6.12.48+deb13-amd64)
  lab: exports: /srv/coprobe-lab 127.0.0.0/8(rw,sync,no_root_squash,no_subtree_check,fsid=0) 10.213.99.0/24(rw,sync,no_root_squash,no_subtree_check,fsid=0)
  a: host vm, kernel 6.18.44-fc-v595, x64
  b: host vm, kernel 6.18.44-fc-v595, x64
  a, b: dir (nfs, stack nfs) through libnfs
  a, b: libnfs dircache=false, export=/export, pagecache=0, readPiece=262144, readahead=0, server=127.0.0.1, version=4, versionFrom=url, writePiece=3584, writeSplit=libnfs 4.0 NFSv4 WRITEs carry at most 3584 bytes: a 4 KiB block is written as several WRITE RPCs, not atomically
`

exports[`test/report-merge.test.ts > TAP > the committed runs: one row per stack, the window run adds no verdict and no disagreement > markdown, linking the runs beside it 1`] = `
# coprobe compatibility matrix

4 runs, 3 stacks, 0 flaky cells.

Each cell is the worst value the runs of that stack measured (UNSAFE > UNKNOWN > SAFE; VIOLATED > mixed > holds > n/a), the runs and probe records behind it, and a link to each run's evidence. mixed: in one run the claim held under some conditions and was violated under others (listed under Mixed cells). ⚠ flaky: the runs disagree (each run's value is listed). A run that did not measure a cell (probe or mode not selected, no evidence, incomplete run) is not a disagreement.

## Stacks

- **A**: both sides: iSCSI LUN 1 of iqn.2026-11.org.coprobe:lun at 127.0.0.1:3260 via libiscsi (userspace, no host page cache), 512-byte blocks — on vm, kernel 6.18.44-fc-v595, one kernel for both sides (runs [#2](iscsi-user.jsonl))
  - a: host vm, kernel 6.18.44-fc-v595, x64
  - b: host vm, kernel 6.18.44-fc-v595, x64
  - a, b: device (iscsi, stack block) through libiscsi
  - a, b: libiscsi blockLength=512, chap=false, iqn=iqn.2026-11.org.coprobe:lun, lun=1, portal=127.0.0.1:3260, product=VIRTUAL-DISK, vendor=IET
- **B**: both sides: NFSv4 export /export of 127.0.0.1 via libnfs (userspace, no host page cache) — on vm, kernel 6.18.44-fc-v595, one kernel for both sides (runs [#3](nfs-user-v4.jsonl))
  - a: host vm, kernel 6.18.44-fc-v595, x64
  - b: host vm, kernel 6.18.44-fc-v595, x64
  - a, b: dir (nfs, stack nfs) through libnfs
  - a, b: libnfs dircache=false, export=/export, pagecache=0, readPiece=262144, readahead=0, server=127.0.0.1, version=4, versionFrom=url, writePiece=3584, writeSplit=libnfs 4.0 NFSv4 WRITEs carry at most 3584 bytes: a 4 KiB block is written as several WRITE RPCs, not atomically
- **C**: two loop devices (direct I/O on) over one backing file — on vm, kernel 6.18.44-fc-v595, one kernel for both sides (runs [#1](loop-pair.jsonl), [#4](loop-window.jsonl))
  - a: host vm, kernel 6.18.44-fc-v595, x64
  - b: host vm, kernel 6.18.44-fc-v595, x64
  - a, b: device (blockdev, stack block) through libc
  - a, b: block transport loop, direct I/O on
  - a, b: one backing file (its path is a temp directory: not part of the stack)

## Verdicts per QEMU cache mode

| stack | \`none\`<br>QEMU ≥ 4.0 | \`none\`<br>QEMU < 4.0 | \`directsync\`<br>QEMU ≥ 4.0 | \`directsync\`<br>QEMU < 4.0 | \`writethrough\`<br>QEMU ≥ 4.0 | \`writethrough\`<br>QEMU < 4.0 | \`writeback\`<br>QEMU ≥ 4.0 | \`writeback\`<br>QEMU < 4.0 | \`unsafe\`<br>QEMU ≥ 4.0 | \`unsafe\`<br>QEMU < 4.0 |
|---|---|---|---|---|---|---|---|---|---|---|
| **A** | SAFE<br>1 run, 1 record: [#2](iscsi-user.jsonl) | SAFE<br>1 run, 1 record: [#2](iscsi-user.jsonl) | SAFE<br>1 run, 1 record: [#2](iscsi-user.jsonl) | SAFE<br>1 run, 1 record: [#2](iscsi-user.jsonl) | SAFE<br>1 run, 1 record: [#2](iscsi-user.jsonl) | SAFE<br>1 run, 1 record: [#2](iscsi-user.jsonl) | SAFE<br>1 run, 1 record: [#2](iscsi-user.jsonl) | SAFE<br>1 run, 1 record: [#2](iscsi-user.jsonl) | SAFE<br>1 run, 1 record: [#2](iscsi-user.jsonl) | SAFE<br>1 run, 1 record: [#2](iscsi-user.jsonl) |
| **B** | SAFE<br>1 run, 1 record: [#3](nfs-user-v4.jsonl) | SAFE<br>1 run, 1 record: [#3](nfs-user-v4.jsonl) | SAFE<br>1 run, 1 record: [#3](nfs-user-v4.jsonl) | SAFE<br>1 run, 1 record: [#3](nfs-user-v4.jsonl) | SAFE<br>1 run, 1 record: [#3](nfs-user-v4.jsonl) | SAFE<br>1 run, 1 record: [#3](nfs-user-v4.jsonl) | SAFE<br>1 run, 1 record: [#3](nfs-user-v4.jsonl) | SAFE<br>1 run, 1 record: [#3](nfs-user-v4.jsonl) | SAFE<br>1 run, 1 record: [#3](nfs-user-v4.jsonl) | SAFE<br>1 run, 1 record: [#3](nfs-user-v4.jsonl) |
| **C** | SAFE<br>1 run, 1 record: [#1](loop-pair.jsonl) | SAFE<br>1 run, 1 record: [#1](loop-pair.jsonl) | SAFE<br>1 run, 1 record: [#1](loop-pair.jsonl) | SAFE<br>1 run, 1 record: [#1](loop-pair.jsonl) | SAFE<br>1 run, 1 record: [#1](loop-pair.jsonl) | **UNSAFE**<br>1 run, 1 record: [#1](loop-pair.jsonl) | SAFE<br>1 run, 1 record: [#1](loop-pair.jsonl) | **UNSAFE**<br>1 run, 1 record: [#1](loop-pair.jsonl) | **UNSAFE**<br>1 run, 1 record: [#1](loop-pair.jsonl) | **UNSAFE**<br>1 run, 1 record: [#1](loop-pair.jsonl) |

## Claims

| stack | \`BLOCK-PAGECACHE-INCOHERENT\` | \`BLOCK-CACHE-NONE-ONLY\` | \`CLUSTER-FS-ANY-CACHE\` | \`NFS-CTO\` | \`NFS-CACHE-NONE-SAFE\` | \`EARLY-READ-64K\` | \`INVALIDATE-REMEDY\` | \`QEMU-DROP-CACHE\` | \`NFS-UNLINK-AFTER-OPEN\` |
|---|---|---|---|---|---|---|---|---|---|
| **A** | n/a<br>1 run, 3 records: [#2](iscsi-user.jsonl) | holds<br>1 run, 3 records: [#2](iscsi-user.jsonl) | n/a<br>1 run, 0 records: [#2](iscsi-user.jsonl) | n/a<br>1 run, 3 records: [#2](iscsi-user.jsonl) | n/a<br>1 run, 0 records: [#2](iscsi-user.jsonl) | n/a<br>1 run, 3 records: [#2](iscsi-user.jsonl) | n/a<br>1 run, 6 records: [#2](iscsi-user.jsonl) | n/a<br>1 run, 0 records: [#2](iscsi-user.jsonl) | n/a<br>1 run, 0 records: [#2](iscsi-user.jsonl) |
| **B** | n/a<br>1 run, 3 records: [#3](nfs-user-v4.jsonl) | n/a<br>1 run, 0 records: [#3](nfs-user-v4.jsonl) | n/a<br>1 run, 0 records: [#3](nfs-user-v4.jsonl) | holds<br>1 run, 2 records: [#3](nfs-user-v4.jsonl) | n/a<br>1 run, 0 records: [#3](nfs-user-v4.jsonl) | n/a<br>1 run, 3 records: [#3](nfs-user-v4.jsonl) | n/a<br>1 run, 6 records: [#3](nfs-user-v4.jsonl) | n/a<br>1 run, 0 records: [#3](nfs-user-v4.jsonl) | **VIOLATED**<br>1 run, 6 records: [#3](nfs-user-v4.jsonl) |
| **C** | holds<br>1 run, 4 records: [#1](loop-pair.jsonl) | holds<br>1 run, 5 records: [#1](loop-pair.jsonl) | n/a<br>2 runs, 0 records: [#1](loop-pair.jsonl) [#4](loop-window.jsonl) | n/a<br>2 runs, 15 records: [#1](loop-pair.jsonl) [#4](loop-window.jsonl) | n/a<br>2 runs, 0 records: [#1](loop-pair.jsonl) [#4](loop-window.jsonl) | holds<br>1 run, 4 records: [#1](loop-pair.jsonl) | holds<br>1 run, 16 records: [#1](loop-pair.jsonl) | holds<br>1 run, 9 records: [#1](loop-pair.jsonl) | n/a<br>2 runs, 0 records: [#1](loop-pair.jsonl) [#4](loop-window.jsonl) |

<details><summary>Claim sentences</summary>

- \`BLOCK-PAGECACHE-INCOHERENT\`: The Linux page cache is not coherent across nodes: a buffered read can return data older than an acknowledged write.
- \`BLOCK-CACHE-NONE-ONLY\`: Shared block storage is safe for migration only with cache=none or QEMU's userspace iSCSI driver.
- \`CLUSTER-FS-ANY-CACHE\`: Clustered file systems are safe for migration whatever the cache mode.
- \`NFS-CTO\`: NFS guarantees close-to-open coherence: a client that opens after another closed sees its changes.
- \`NFS-CACHE-NONE-SAFE\`: With Linux NFS server and client, migration is safe in practice with cache=none on both sides.
- \`EARLY-READ-64K\`: QEMU reads the first 64 KiB before the guest starts; a write there by the other side leaves stale data.
- \`INVALIDATE-REMEDY\`: Invalidating the destination's cache after the source's final flush (or opening late) removes stale data.
- \`QEMU-DROP-CACHE\`: On activation QEMU flushes and fadvises DONTNEED the whole image; whether that drops stale pages is the stack's property.
- \`NFS-UNLINK-AFTER-OPEN\`: On NFS, removing (or chmod-ing) a file from another client makes access through an open file fail, unlike POSIX.

</details>

## Runs

| # | file | run id | started | stack | verdicts |
|---|---|---|---|---|---|
| [#1](loop-pair.jsonl) | <root>/test/fixtures/runs/loop-pair.jsonl | \`759ef19e04f7acc0\` | 2026-11-22T03:31:38.290Z | **C** | yes |
| [#2](iscsi-user.jsonl) | <root>/test/fixtures/runs/iscsi-user.jsonl | \`603dc082ea2a80eb\` | 2026-11-22T03:31:50.743Z | **A** | yes |
| [#3](nfs-user-v4.jsonl) | <root>/test/fixtures/runs/nfs-user-v4.jsonl | \`1aa717488695b354\` | 2026-11-22T03:32:03.441Z | **B** | yes |
| [#4](loop-window.jsonl) | <root>/test/fixtures/runs/loop-window.jsonl | \`440a921571b55bce\` | 2026-11-22T03:32:18.118Z | **C** | yes |

`

exports[`test/report-merge.test.ts > TAP > the committed runs: one row per stack, the window run adds no verdict and no disagreement > terminal 1`] = `
compatibility matrix: 4 runs, 3 stacks, 0 flaky cells

  A: both sides: iSCSI LUN 1 of iqn.2026-11.org.coprobe:lun at 127.0.0.1:3260 via libiscsi (userspace, no host page cache), 512-byte blocks — on vm, kernel 6.18.44-fc-v595, one kernel for both sides (runs #2)
  B: both sides: NFSv4 export /export of 127.0.0.1 via libnfs (userspace, no host page cache) — on vm, kernel 6.18.44-fc-v595, one kernel for both sides (runs #3)
  C: two loop devices (direct I/O on) over one backing file — on vm, kernel 6.18.44-fc-v595, one kernel for both sides (runs #1, #4)

                            A             B             C
none, QEMU ≥ 4.0            SAFE ×1       SAFE ×1       SAFE ×1
none, QEMU < 4.0            SAFE ×1       SAFE ×1       SAFE ×1
directsync, QEMU ≥ 4.0      SAFE ×1       SAFE ×1       SAFE ×1
directsync, QEMU < 4.0      SAFE ×1       SAFE ×1       SAFE ×1
writethrough, QEMU ≥ 4.0    SAFE ×1       SAFE ×1       SAFE ×1
writethrough, QEMU < 4.0    SAFE ×1       SAFE ×1       UNSAFE ×1
writeback, QEMU ≥ 4.0       SAFE ×1       SAFE ×1       SAFE ×1
writeback, QEMU < 4.0       SAFE ×1       SAFE ×1       UNSAFE ×1
unsafe, QEMU ≥ 4.0          SAFE ×1       SAFE ×1       UNSAFE ×1
unsafe, QEMU < 4.0          SAFE ×1       SAFE ×1       UNSAFE ×1

BLOCK-PAGECACHE-INCOHERENT  n/a ×1        n/a ×1        holds ×1
BLOCK-CACHE-NONE-ONLY       holds ×1      n/a ×1        holds ×1
CLUSTER-FS-ANY-CACHE        n/a ×1        n/a ×1        n/a ×2
NFS-CTO                     n/a ×1        holds ×1      n/a ×2
NFS-CACHE-NONE-SAFE         n/a ×1        n/a ×1        n/a ×2
EARLY-READ-64K              n/a ×1        n/a ×1        holds ×1
INVALIDATE-REMEDY           n/a ×1        n/a ×1        holds ×1
QEMU-DROP-CACHE             n/a ×1        n/a ×1        holds ×1
NFS-UNLINK-AFTER-OPEN       n/a ×1        VIOLATED ×1   n/a ×2

the worst value of a stack's runs (UNSAFE > UNKNOWN > SAFE; VIOLATED > mixed > holds > n/a); mixed: holds under some conditions, violated under others; ×N: runs that measured it; -: not measured; !: flaky

runs:
  #1 <root>/test/fixtures/runs/loop-pair.jsonl: run 759ef19e04f7acc0, started 2026-11-22T03:31:38.290Z, stack C
  #2 <root>/test/fixtures/runs/iscsi-user.jsonl: run 603dc082ea2a80eb, started 2026-11-22T03:31:50.743Z, stack A
  #3 <root>/test/fixtures/runs/nfs-user-v4.jsonl: run 1aa717488695b354, started 2026-11-22T03:32:03.441Z, stack B
  #4 <root>/test/fixtures/runs/loop-window.jsonl: run 440a921571b55bce, started 2026-11-22T03:32:18.118Z, stack C
`
