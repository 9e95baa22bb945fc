/* IMPORTANT
 * This snapshot file is auto-generated, but designed for humans.
 * It should be checked into source control and tracked carefully.
 * Re-generate by setting TAP_SNAPSHOT=1 and running tests.
 * Make sure to inspect the output below.  Do not ignore changes!
 */
'use strict'
exports[`test/table.test.ts > TAP > header: a lab run shows its scenario, kernel, packages, set-up and clients; a confounded one warns first > lab header 1`] = `
coprobe 0.1.0 run RUNID
  a: nfs://127.0.0.1/export?version=4 — NFS export through libnfs (userspace), stack nfs, on vm, kernel 6.18.44-fc-v595
     NFSv4 export /export of 127.0.0.1 via libnfs (userspace, no host page cache)
     flush: NFS COMMIT (nfs_fsync); write-through: NFS WRITE DATA_SYNC4
     no host page cache: O_DIRECT and buffered are one mode here (none≡writeback, directsync≡writethrough); repeated I/O is run once
  b: nfs://127.0.0.1/export?version=4 — NFS export through libnfs (userspace), stack nfs, on vm, kernel 6.18.44-fc-v595
     NFSv4 export /export of 127.0.0.1 via libnfs (userspace, no host page cache)
     flush: NFS COMMIT (nfs_fsync); write-through: NFS WRITE DATA_SYNC4
     no host page cache: O_DIRECT and buffered are one mode here (none≡writeback, directsync≡writethrough); repeated I/O is run once
  block size 4096, 16 blocks per probe
  coprobe lab scenario nfs42-sync-one-client (kernel linux-image-6.12.48+deb13-amd64 6.12.48-1): NFSv4.2, sync export of ext4; both mounts in one kernel namespace with nosharecache (one client to the server: the confounded case)
     guest kernel 6.12.48+deb13-amd64, accelerator kvm
     packages: nfs-common 1:2.8.3-1, nfs-kernel-server 1:2.8.3-1, open-iscsi 2.1.11-1, tgt 1:1.0.85-1
     exports: /srv/coprobe-lab 127.0.0.0/8(rw,sync,no_root_squash,no_subtree_check,fsid=0) 10.213.99.0/24(rw,sync,no_root_squash,no_subtree_check,fsid=0)
     set-up a: mount -t nfs -o vers=4.2,nosharecache 127.0.0.1:/ /mnt/coprobe-lab-a
     set-up b: mount -t nfs -o vers=4.2,nosharecache 127.0.0.1:/ /mnt/coprobe-lab-b
     clients: one NFS client: both mounts in one network and UTS namespace (nosharecache keeps two superblocks, but the server sees one client id)
WARNING: confounded lab scenario nfs42-sync-one-client: both mounts are one NFS client to the server (one network and UTS namespace): it never recalls a delegation from one for the other, which two hosts would see; kept because users run it this way

probe  modes a→b [param]                  outcome     blocks fresh/stale/other fsync→read observed
`

exports[`test/table.test.ts > TAP > rows for every outcome (timings scrubbed) > must match snapshot 1`] = `
BOTH1  writeback→writeback                PASS        16/0/0                   N ms    
BOTH1  writeback→writeback                WARN        0/16/0                   N ms    reader sees the new data: 0 fresh, 16 stale
BOTH1  writeback→writeback                UNSUPPORTED -                        -          why UNSUPPORTED
BOTH1  writeback→writeback                OMIT        -                        -          why OMIT
BOTH1  writeback→writeback                KNOWN       0/16/0                   N ms    reader sees the new data: 0 fresh, 16 stale
BOTH1  writeback→writeback                FAIL        0/16/0                   N ms    reader sees the new data: 0 fresh, 16 stale
BOTH1  writeback→writeback                HUNG        -                        -          why HUNG
BOTH1  writeback→writeback                LOST        -                        -          why LOST
`
