/* IMPORTANT
 * This snapshot file is auto-generated, but designed for humans.
 * It should be checked into source control and tracked carefully.
 * Re-generate by setting TAP_SNAPSHOT=1 and running tests.
 * Make sure to inspect the output below.  Do not ignore changes!
 */
'use strict'
exports[`test/junit.test.ts > TAP > a lab run: coprobe.lab.* properties, the lab in the summary, a confounded scenario as a warning; nothing without lab facts > properties up to the verdicts 1`] = `
    <properties>
      <property name="coprobe.run-id" value="<run-id>"/>
      <property name="coprobe.version" value="0.1.0"/>
      <property name="coprobe.started-at" value="<iso>"/>
      <property name="coprobe.block-size" value="4096"/>
      <property name="coprobe.blocks" value="16"/>
      <property name="coprobe.glance.stack" value="QEMU's userspace NFS driver (nfs://, libnfs) (profile nfs-user)"/>
      <property name="coprobe.glance.headline" value="Safe with drop-cache (QEMU ≥ 4.0): none, directsync, writethrough, writeback, unsafe; with older QEMU: none, directsync, writethrough, writeback, unsafe."/>
      <property name="coprobe.glance.none.drop-cache" value="SAFE"/>
      <property name="coprobe.glance.none.no-drop-cache" value="SAFE"/>
      <property name="coprobe.glance.directsync.drop-cache" value="SAFE"/>
      <property name="coprobe.glance.directsync.no-drop-cache" value="SAFE"/>
      <property name="coprobe.glance.writethrough.drop-cache" value="SAFE"/>
      <property name="coprobe.glance.writethrough.no-drop-cache" value="SAFE"/>
      <property name="coprobe.glance.writeback.drop-cache" value="SAFE"/>
      <property name="coprobe.glance.writeback.no-drop-cache" value="SAFE"/>
      <property name="coprobe.glance.unsafe.drop-cache" value="SAFE"/>
      <property name="coprobe.glance.unsafe.no-drop-cache" value="SAFE"/>
      <property name="coprobe.glance.confounders" value="lab scenario nfs42-sync-one-client is confounded on purpose"/>
      <property name="coprobe.glance.contradicts" value="NFS-UNLINK-AFTER-OPEN (violated)"/>
      <property name="coprobe.glance.contradicts.NFS-UNLINK-AFTER-OPEN" value="VIOLATED (qemu-devel 2010 claims: On NFS, removing (or chmod-ing) a file from another client makes access through an open file fail, unlike POSIX.)"/>
      <property name="side.a" value="writer: nfs://127.0.0.1/export?version=4 — NFS export through libnfs (userspace), stack nfs, on vm, kernel 6.18.44-fc-v595"/>
      <property name="side.a.kernel" value="6.18.44-fc-v595"/>
      <property name="side.a.details" value="NFSv4 export /export of 127.0.0.1 via libnfs (userspace, no host page cache); flush: NFS COMMIT (nfs_fsync); write-through: NFS WRITE DATA_SYNC4; no host page cache: O_DIRECT and buffered are one mode here (none≡writeback, directsync≡writethrough); repeated I/O is run once"/>
      <property name="side.b" value="reader: nfs://127.0.0.1/export?version=4 — NFS export through libnfs (userspace), stack nfs, on vm, kernel 6.18.44-fc-v595"/>
      <property name="side.b.kernel" value="6.18.44-fc-v595"/>
      <property name="side.b.details" value="NFSv4 export /export of 127.0.0.1 via libnfs (userspace, no host page cache); flush: NFS COMMIT (nfs_fsync); write-through: NFS WRITE DATA_SYNC4; no host page cache: O_DIRECT and buffered are one mode here (none≡writeback, directsync≡writethrough); repeated I/O is run once"/>
      <property name="coprobe.lab.scenario" value="nfs42-sync-one-client"/>
      <property name="coprobe.lab.summary" value="NFSv4.2, sync export of ext4; both mounts in one kernel namespace with nosharecache (one client to the server: the confounded case)"/>
      <property name="coprobe.lab.confounded" value="both mounts are one NFS client to the server (one network and UTS namespace): it never recalls a delegation from one for the other, which two hosts would see; kept because users run it this way"/>
      <property name="coprobe.lab.kernel-package" value="linux-image-6.12.48+deb13-amd64 6.12.48-1"/>
      <property name="coprobe.lab.kernel" value="6.12.48+deb13-amd64"/>
      <property name="coprobe.lab.accel" value="kvm"/>
      <property name="coprobe.lab.packages" value="nfs-common 1:2.8.3-1, nfs-kernel-server 1:2.8.3-1, open-iscsi 2.1.11-1, tgt 1:1.0.85-1"/>
      <property name="coprobe.lab.exports" value="/srv/coprobe-lab 127.0.0.0/8(rw,sync,no_root_squash,no_subtree_check,fsid=0) 10.213.99.0/24(rw,sync,no_root_squash,no_subtree_check,fsid=0)"/>
      <property name="coprobe.lab.setup.a" value="mount -t nfs -o vers=4.2,nosharecache 127.0.0.1:/ /mnt/coprobe-lab-a"/>
      <property name="coprobe.lab.setup.b" value="mount -t nfs -o vers=4.2,nosharecache 127.0.0.1:/ /mnt/coprobe-lab-b"/>
      <property name="coprobe.lab.clients" value="one NFS client: both mounts in one network and UTS namespace (nosharecache keeps two superblocks, but the server sees one client id)"/>

`

exports[`test/junit.test.ts > TAP > iscsi-user: snapshot, counts and schema > junit.xml 1`] = `
<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="coprobe" tests="130" failures="0" errors="0" skipped="100" time="<s>" timestamp="<ts>">
  <testsuite name="coprobe run <run-id>" tests="130" failures="0" errors="0" skipped="100" time="<s>" timestamp="<ts>" hostname="vm" id="0" package="coprobe">
    <properties>
      <property name="coprobe.run-id" value="<run-id>"/>
      <property name="coprobe.version" value="0.1.0"/>
      <property name="coprobe.started-at" value="<iso>"/>
      <property name="coprobe.block-size" value="4096"/>
      <property name="coprobe.blocks" value="16"/>
      <property name="coprobe.glance.stack" value="QEMU's userspace iSCSI driver (iscsi://, libiscsi) (profile iscsi-user)"/>
      <property name="coprobe.glance.headline" value="Safe with drop-cache (QEMU ≥ 4.0): none, directsync, writethrough, writeback, unsafe; with older QEMU: none, directsync, writethrough, writeback, unsafe."/>
      <property name="coprobe.glance.none.drop-cache" value="SAFE"/>
      <property name="coprobe.glance.none.no-drop-cache" value="SAFE"/>
      <property name="coprobe.glance.directsync.drop-cache" value="SAFE"/>
      <property name="coprobe.glance.directsync.no-drop-cache" value="SAFE"/>
      <property name="coprobe.glance.writethrough.drop-cache" value="SAFE"/>
      <property name="coprobe.glance.writethrough.no-drop-cache" value="SAFE"/>
      <property name="coprobe.glance.writeback.drop-cache" value="SAFE"/>
      <property name="coprobe.glance.writeback.no-drop-cache" value="SAFE"/>
      <property name="coprobe.glance.unsafe.drop-cache" value="SAFE"/>
      <property name="coprobe.glance.unsafe.no-drop-cache" value="SAFE"/>
      <property name="coprobe.glance.confounders" value="none detected"/>
      <property name="coprobe.glance.contradicts" value="none"/>
      <property name="side.a" value="writer: iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1 — iSCSI LUN through libiscsi (userspace), stack block, on vm, kernel 6.18.44-fc-v595"/>
      <property name="side.a.kernel" value="6.18.44-fc-v595"/>
      <property name="side.a.details" value="iSCSI LUN 1 of iqn.2026-11.org.coprobe:lun at 127.0.0.1:3260 via libiscsi (userspace, no host page cache), 512-byte blocks; flush: SYNCHRONIZE CACHE(16); write-through: WRITE(16) with FUA; no host page cache: O_DIRECT and buffered are one mode here (none≡writeback, directsync≡writethrough); repeated I/O is run once"/>
      <property name="side.b" value="reader: iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1 — iSCSI LUN through libiscsi (userspace), stack block, on vm, kernel 6.18.44-fc-v595"/>
      <property name="side.b.kernel" value="6.18.44-fc-v595"/>
      <property name="side.b.details" value="iSCSI LUN 1 of iqn.2026-11.org.coprobe:lun at 127.0.0.1:3260 via libiscsi (userspace, no host page cache), 512-byte blocks; flush: SYNCHRONIZE CACHE(16); write-through: WRITE(16) with FUA; no host page cache: O_DIRECT and buffered are one mode here (none≡writeback, directsync≡writethrough); repeated I/O is run once"/>
      <property name="verdicts.profile" value="iscsi-user (QEMU's userspace iSCSI driver (iscsi://, libiscsi)): reader reaches the LUN through libiscsi (userspace, no host page cache), as QEMU's iscsi:// driver does"/>
      <property name="verdict.none.drop-cache" value="SAFE with QEMU ≥ 4.0 (drop-cache): HAND1 none→none [none] #96: 1024 blocks: 1024 fresh; libvirt allows; documents: safe"/>
      <property name="verdict.none.no-drop-cache" value="SAFE with QEMU &lt; 4.0: HAND1 none→none [none] #96: 1024 blocks: 1024 fresh; libvirt allows; documents: safe"/>
      <property name="verdict.directsync.drop-cache" value="SAFE with QEMU ≥ 4.0 (drop-cache): HAND1 directsync→directsync [none] #100: 1024 blocks: 1024 fresh; libvirt allows; documents: safe"/>
      <property name="verdict.directsync.no-drop-cache" value="SAFE with QEMU &lt; 4.0: HAND1 directsync→directsync [none] #100: 1024 blocks: 1024 fresh; libvirt allows; documents: safe"/>
      <property name="verdict.writethrough.drop-cache" value="SAFE with QEMU ≥ 4.0 (drop-cache): HAND1 writethrough→writethrough [none] #100: directsync→directsync [none] ran this mode's I/O (no host page cache: O_DIRECT and buffered are one mode): 1024 blocks: 1024 fresh; libvirt allows; documents: safe"/>
      <property name="verdict.writethrough.no-drop-cache" value="SAFE with QEMU &lt; 4.0: HAND1 writethrough→writethrough [none] #100: directsync→directsync [none] ran this mode's I/O (no host page cache: O_DIRECT and buffered are one mode): 1024 blocks: 1024 fresh; libvirt allows; documents: safe"/>
      <property name="verdict.writeback.drop-cache" value="SAFE with QEMU ≥ 4.0 (drop-cache): HAND1 writeback→writeback [none] #96: none→none [none] ran this mode's I/O (no host page cache: O_DIRECT and buffered are one mode): 1024 blocks: 1024 fresh; libvirt allows; documents: safe"/>
      <property name="verdict.writeback.no-drop-cache" value="SAFE with QEMU &lt; 4.0: HAND1 writeback→writeback [none] #96: none→none [none] ran this mode's I/O (no host page cache: O_DIRECT and buffered are one mode): 1024 blocks: 1024 fresh; libvirt allows; documents: safe"/>
      <property name="verdict.unsafe.drop-cache" value="SAFE with QEMU ≥ 4.0 (drop-cache): HAND1 unsafe→unsafe [none] #112: 1024 blocks: 1024 fresh; libvirt allows; documents: safe"/>
      <property name="verdict.unsafe.no-drop-cache" value="SAFE with QEMU &lt; 4.0: HAND1 unsafe→unsafe [none] #112: 1024 blocks: 1024 fresh; libvirt allows; documents: safe"/>
      <property name="claim.NFS-CTO" value="not applicable: the claim is about NFS; side b is QEMU's userspace iSCSI driver (iscsi://, libiscsi); 16 blocks: 16 fresh: the writer skipped its flush (cache=unsafe)"/>
      <property name="claim.NFS-OPEN-BOTH" value="not applicable: the claim is about NFS; side b is QEMU's userspace iSCSI driver (iscsi://, libiscsi); 16 blocks: 16 fresh after nothing (control): the writer skipped its flush (cache=unsafe)"/>
      <property name="claim.NFS-SYNC-STABLE-READ" value="not applicable: the claim is about a Linux NFS server exporting with sync; side b is QEMU's userspace iSCSI driver (iscsi://, libiscsi); 16 blocks: 16 fresh: the writer skipped its flush (cache=unsafe)"/>
      <property name="claim.NFS-ODIRECT-READ" value="not applicable: the claim is about the Linux NFS client; side b is QEMU's userspace iSCSI driver (iscsi://, libiscsi); 16 blocks: 16 fresh: the writer skipped its flush (cache=unsafe)"/>
      <property name="claim.NFS-CACHE-NONE-SAFE" value="not applicable: the QEMU wiki page (W) makes this claim about Linux NFS server and client, not about QEMU's userspace iSCSI driver (iscsi://, libiscsi)"/>
      <property name="claim.BLOCK-PROTOCOL-COHERENT" value="holds: BOTH1 none→none #7: reader with O_DIRECT should see the new data after fsync on the writer, without reopening: 16 blocks: 16 fresh (and 1 more)"/>
      <property name="claim.BLOCK-PAGECACHE-INCOHERENT" value="not applicable: the claim is about the Linux page cache over shared block storage; side b is QEMU's userspace iSCSI driver (iscsi://, libiscsi); 16 blocks: 16 fresh after nothing (control): the writer skipped its flush (cache=unsafe)"/>
      <property name="claim.BLOCK-CACHE-NONE-ONLY" value="holds: HAND1 none→none [none] #96: cache=none, without drop-cache (QEMU &lt; 4.0): measured SAFE: 1024 blocks: 1024 fresh (and 4 more)"/>
      <property name="claim.CLUSTER-FS-ANY-CACHE" value="not applicable: the QEMU wiki page (W) makes this claim about clustered filesystems (GPFS, Ceph, GlusterFS, GFS2), not about QEMU's userspace iSCSI driver (iscsi://, libiscsi)"/>
      <property name="claim.QCOW2-METADATA" value="not checked: every run of IMG1 ended without a judgement: IMG1 OMIT: needs a dir target; side a is a device"/>
      <property name="claim.QED-DIRTY" value="not checked: every run of IMG1 ended without a judgement: IMG1 OMIT: needs a dir target; side a is a device"/>
      <property name="claim.RAW-SIZE" value="not checked: every run of SIZE1 ended without a judgement: SIZE1 OMIT: needs a dir target; side a is a device"/>
      <property name="claim.EARLY-READ-64K" value="not applicable: the claim is about weakly coherent storage read through a host page cache (T: NFS); side b is QEMU's userspace iSCSI driver (iscsi://, libiscsi); 16 blocks: 16 fresh of the head after no remedy: the writer skipped its flush (cache=unsafe)"/>
      <property name="claim.LOCK-INVALIDATES" value="not applicable: the 2010 qemu-devel thread (T) makes this claim about NFS, not about QEMU's userspace iSCSI driver (iscsi://, libiscsi)"/>
      <property name="claim.INVALIDATE-REMEDY" value="not applicable: the control read before close and reopen (last descriptor) was already fresh: nothing stale to remove; the control read before close and reopen (delayed open) was already fresh: nothing stale to remove"/>
      <property name="claim.READAHEAD" value="not applicable: the claim is about the Linux NFS client; side b is QEMU's userspace iSCSI driver (iscsi://, libiscsi); 15 blocks: 15 fresh b had never read: the writer skipped its flush (cache=unsafe)"/>
      <property name="claim.NFS-UNLINK-AFTER-OPEN" value="not applicable: the 2010 qemu-devel thread (T) makes this claim about NFS, not about QEMU's userspace iSCSI driver (iscsi://, libiscsi)"/>
      <property name="claim.HANDOFF" value="holds: HAND1 none→none [none] #96: after the source's final flush and no remedy, every block the destination reads should equal what the source last flushed: 1024 blocks: 1024 fresh (and 1 more)"/>
      <property name="claim.QEMU-DROP-CACHE" value="not applicable: the QEMU, libvirt or Linux source cited in CLAIMS.md makes this claim about images QEMU opens through file-posix (a host page cache), not about QEMU's userspace iSCSI driver (iscsi://, libiscsi)"/>
      <property name="claim.QCOW2-REOPEN" value="not checked: every run of IMG1 ended without a judgement: IMG1 OMIT: needs a dir target; side a is a device"/>
      <property name="claim.LIBVIRT-POLICY" value="not checked: no probe checks it: it describes libvirt's code (qemuMigrationSrcIsSafe), not the storage, so no probe can observe it; the verdict table instead sets libvirt's decision beside each measured verdict and flags where they disagree"/>
      <property name="claim.NFS-NOSHARECACHE" value="not applicable: the QEMU, libvirt or Linux source cited in CLAIMS.md makes this claim about two NFS mounts of one export in one client, not about QEMU's userspace iSCSI driver (iscsi://, libiscsi)"/>
      <property name="claim.NFS-LOCALIO" value="not applicable: the QEMU, libvirt or Linux source cited in CLAIMS.md makes this claim about an NFS client on the server's host (Linux ≥ 6.12), not about QEMU's userspace iSCSI driver (iscsi://, libiscsi)"/>
      <property name="coprobe.finished-at" value="<iso>"/>
      <property name="coprobe.exit-code" value="0"/>
    </properties>
    <testcase name="SHARE1 writeback→writeback" classname="coprobe.SHARE1" time="<s>">
      <skipped message="needs a host page cache on side a; side a (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none">OMIT: not run; probe record #1 (one cache for both sides? a writes without a flush, b reads at once)</skipped>
    </testcase>
    <testcase name="CTO1 none→none" classname="coprobe.CTO1" time="<s>"/>
    <testcase name="CTO1 directsync→directsync" classname="coprobe.CTO1" time="<s>"/>
    <testcase name="CTO1 writethrough→writethrough" classname="coprobe.CTO1" time="<s>">
      <skipped message="same I/O as directsync→directsync (#3): sides a (libiscsi) and b (libiscsi) have no host page cache, so O_DIRECT and buffered are one mode there">OMIT: not run; probe record #4 (close-to-open: b opens after a wrote, fsynced and closed)</skipped>
    </testcase>
    <testcase name="CTO1 writeback→writeback" classname="coprobe.CTO1" time="<s>">
      <skipped message="same I/O as none→none (#2): sides a (libiscsi) and b (libiscsi) have no host page cache, so O_DIRECT and buffered are one mode there">OMIT: not run; probe record #5 (close-to-open: b opens after a wrote, fsynced and closed)</skipped>
    </testcase>
    <testcase name="CTO1 unsafe→unsafe" classname="coprobe.CTO1" time="<s>"/>
    <testcase name="BOTH1 none→none" classname="coprobe.BOTH1" time="<s>"/>
    <testcase name="BOTH1 directsync→directsync" classname="coprobe.BOTH1" time="<s>"/>
    <testcase name="BOTH1 writethrough→writethrough" classname="coprobe.BOTH1" time="<s>">
      <skipped message="same I/O as directsync→directsync (#8): sides a (libiscsi) and b (libiscsi) have no host page cache, so O_DIRECT and buffered are one mode there">OMIT: not run; probe record #9 (both open: a writes and fsyncs, b reads without reopening)</skipped>
    </testcase>
    <testcase name="BOTH1 writeback→writeback" classname="coprobe.BOTH1" time="<s>">
      <skipped message="same I/O as none→none (#7): sides a (libiscsi) and b (libiscsi) have no host page cache, so O_DIRECT and buffered are one mode there">OMIT: not run; probe record #10 (both open: a writes and fsyncs, b reads without reopening)</skipped>
    </testcase>
    <testcase name="BOTH1 unsafe→unsafe" classname="coprobe.BOTH1" time="<s>"/>
    <testcase name="FLUSH1 writethrough→writethrough [none]" classname="coprobe.FLUSH1" time="<s>"/>
    <testcase name="FLUSH1 writethrough→writethrough [reopen]" classname="coprobe.FLUSH1" time="<s>"/>
    <testcase name="FLUSH1 writethrough→writethrough [reopen-other]" classname="coprobe.FLUSH1" time="<s>"/>
    <testcase name="FLUSH1 writethrough→writethrough [fadvise]" classname="coprobe.FLUSH1" time="<s>">
      <skipped message="needs posix_fadvise/mincore on a page cache on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none">OMIT: not run; probe record #15 (flush-method matrix: b holds stale pages and tries one way to see a's flushed change)</skipped>
    </testcase>
    <testcase name="FLUSH1 writethrough→writethrough [blkflsbuf]" classname="coprobe.FLUSH1" time="<s>">
      <skipped message="needs a kernel block device (BLKFLSBUF) on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none">OMIT: not run; probe record #16 (flush-method matrix: b holds stale pages and tries one way to see a's flushed change)</skipped>
    </testcase>
    <testcase name="FLUSH1 writethrough→writethrough [direct-newfd]" classname="coprobe.FLUSH1" time="<s>">
      <skipped message="needs O_DIRECT on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none">OMIT: not run; probe record #17 (flush-method matrix: b holds stale pages and tries one way to see a's flushed change)</skipped>
    </testcase>
    <testcase name="FLUSH1 writethrough→writethrough [direct-setfl]" classname="coprobe.FLUSH1" time="<s>">
      <skipped message="needs O_DIRECT on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none">OMIT: not run; probe record #18 (flush-method matrix: b holds stale pages and tries one way to see a's flushed change)</skipped>
    </testcase>
    <testcase name="FLUSH1 writethrough→writethrough [fchmod]" classname="coprobe.FLUSH1" time="<s>">
      <skipped message="needs scratch files in a directory on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none">OMIT: not run; probe record #19 (flush-method matrix: b holds stale pages and tries one way to see a's flushed change)</skipped>
    </testcase>
    <testcase name="FLUSH1 writethrough→writethrough [stat]" classname="coprobe.FLUSH1" time="<s>">
      <skipped message="needs scratch files in a directory on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none">OMIT: not run; probe record #20 (flush-method matrix: b holds stale pages and tries one way to see a's flushed change)</skipped>
    </testcase>
    <testcase name="FLUSH1 writethrough→writethrough [sleep]" classname="coprobe.FLUSH1" time="<s>"/>
    <testcase name="FLUSH1 writeback→writeback [none]" classname="coprobe.FLUSH1" time="<s>"/>
    <testcase name="FLUSH1 writeback→writeback [reopen]" classname="coprobe.FLUSH1" time="<s>"/>
    <testcase name="FLUSH1 writeback→writeback [reopen-other]" classname="coprobe.FLUSH1" time="<s>"/>
    <testcase name="FLUSH1 writeback→writeback [fadvise]" classname="coprobe.FLUSH1" time="<s>">
      <skipped message="needs posix_fadvise/mincore on a page cache on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none">OMIT: not run; probe record #25 (flush-method matrix: b holds stale pages and tries one way to see a's flushed change)</skipped>
    </testcase>
    <testcase name="FLUSH1 writeback→writeback [blkflsbuf]" classname="coprobe.FLUSH1" time="<s>">
      <skipped message="needs a kernel block device (BLKFLSBUF) on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none">OMIT: not run; probe record #26 (flush-method matrix: b holds stale pages and tries one way to see a's flushed change)</skipped>
    </testcase>
    <testcase name="FLUSH1 writeback→writeback [direct-newfd]" classname="coprobe.FLUSH1" time="<s>">
      <skipped message="needs O_DIRECT on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none">OMIT: not run; probe record #27 (flush-method matrix: b holds stale pages and tries one way to see a's flushed change)</skipped>
    </testcase>
    <testcase name="FLUSH1 writeback→writeback [direct-setfl]" classname="coprobe.FLUSH1" time="<s>">
      <skipped message="needs O_DIRECT on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none">OMIT: not run; probe record #28 (flush-method matrix: b holds stale pages and tries one way to see a's flushed change)</skipped>
    </testcase>
    <testcase name="FLUSH1 writeback→writeback [fchmod]" classname="coprobe.FLUSH1" time="<s>">
      <skipped message="needs scratch files in a directory on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none">OMIT: not run; probe record #29 (flush-method matrix: b holds stale pages and tries one way to see a's flushed change)</skipped>
    </testcase>
    <testcase name="FLUSH1 writeback→writeback [stat]" classname="coprobe.FLUSH1" time="<s>">
      <skipped message="needs scratch files in a directory on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none">OMIT: not run; probe record #30 (flush-method matrix: b holds stale pages and tries one way to see a's flushed change)</skipped>
    </testcase>
    <testcase name="FLUSH1 writeback→writeback [sleep]" classname="coprobe.FLUSH1" time="<s>"/>
    <testcase name="FLUSH1 unsafe→unsafe [none]" classname="coprobe.FLUSH1" time="<s>"/>
    <testcase name="FLUSH1 unsafe→unsafe [reopen]" classname="coprobe.FLUSH1" time="<s>"/>
    <testcase name="FLUSH1 unsafe→unsafe [reopen-other]" classname="coprobe.FLUSH1" time="<s>"/>
    <testcase name="FLUSH1 unsafe→unsafe [fadvise]" classname="coprobe.FLUSH1" time="<s>">
      <skipped message="needs posix_fadvise/mincore on a page cache on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none">OMIT: not run; probe record #35 (flush-method matrix: b holds stale pages and tries one way to see a's flushed change)</skipped>
    </testcase>
    <testcase name="FLUSH1 unsafe→unsafe [blkflsbuf]" classname="coprobe.FLUSH1" time="<s>">
      <skipped message="needs a kernel block device (BLKFLSBUF) on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none">OMIT: not run; probe record #36 (flush-method matrix: b holds stale pages and tries one way to see a's flushed change)</skipped>
    </testcase>
    <testcase name="FLUSH1 unsafe→unsafe [direct-newfd]" classname="coprobe.FLUSH1" time="<s>">
      <skipped message="needs O_DIRECT on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none">OMIT: not run; probe record #37 (flush-method matrix: b holds stale pages and tries one way to see a's flushed change)</skipped>
    </testcase>
    <testcase name="FLUSH1 unsafe→unsafe [direct-setfl]" classname="coprobe.FLUSH1" time="<s>">
      <skipped message="needs O_DIRECT on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none">OMIT: not run; probe record #38 (flush-method matrix: b holds stale pages and tries one way to see a's flushed change)</skipped>
    </testcase>
    <testcase name="FLUSH1 unsafe→unsafe [fchmod]" classname="coprobe.FLUSH1" time="<s>">
      <skipped message="needs scratch files in a directory on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none">OMIT: not run; probe record #39 (flush-method matrix: b holds stale pages and tries one way to see a's flushed change)</skipped>
    </testcase>
    <testcase name="FLUSH1 unsafe→unsafe [stat]" classname="coprobe.FLUSH1" time="<s>">
      <skipped message="needs scratch files in a directory on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none">OMIT: not run; probe record #40 (flush-method matrix: b holds stale pages and tries one way to see a's flushed change)</skipped>
    </testcase>
    <testcase name="FLUSH1 unsafe→unsafe [sleep]" classname="coprobe.FLUSH1" time="<s>"/>
    <testcase name="LOCK1 writethrough→writethrough [posix-read]" classname="coprobe.LOCK1" time="<s>">
      <skipped message="needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none">OMIT: not run; probe record #42 (lock invalidation: b takes a lock on its already-open file after a's flush, then reads)</skipped>
    </testcase>
    <testcase name="LOCK1 writethrough→writethrough [posix-write]" classname="coprobe.LOCK1" time="<s>">
      <skipped message="needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none">OMIT: not run; probe record #43 (lock invalidation: b takes a lock on its already-open file after a's flush, then reads)</skipped>
    </testcase>
    <testcase name="LOCK1 writethrough→writethrough [ofd-read]" classname="coprobe.LOCK1" time="<s>">
      <skipped message="needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none">OMIT: not run; probe record #44 (lock invalidation: b takes a lock on its already-open file after a's flush, then reads)</skipped>
    </testcase>
    <testcase name="LOCK1 writethrough→writethrough [ofd-write]" classname="coprobe.LOCK1" time="<s>">
      <skipped message="needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none">OMIT: not run; probe record #45 (lock invalidation: b takes a lock on its already-open file after a's flush, then reads)</skipped>
    </testcase>
    <testcase name="LOCK1 writethrough→writethrough [flock-shared]" classname="coprobe.LOCK1" time="<s>">
      <skipped message="needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none">OMIT: not run; probe record #46 (lock invalidation: b takes a lock on its already-open file after a's flush, then reads)</skipped>
    </testcase>
    <testcase name="LOCK1 writethrough→writethrough [flock-exclusive]" classname="coprobe.LOCK1" time="<s>">
      <skipped message="needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none">OMIT: not run; probe record #47 (lock invalidation: b takes a lock on its already-open file after a's flush, then reads)</skipped>
    </testcase>
    <testcase name="LOCK1 writeback→writeback [posix-read]" classname="coprobe.LOCK1" time="<s>">
      <skipped message="needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none">OMIT: not run; probe record #48 (lock invalidation: b takes a lock on its already-open file after a's flush, then reads)</skipped>
    </testcase>
    <testcase name="LOCK1 writeback→writeback [posix-write]" classname="coprobe.LOCK1" time="<s>">
      <skipped message="needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none">OMIT: not run; probe record #49 (lock invalidation: b takes a lock on its already-open file after a's flush, then reads)</skipped>
    </testcase>
    <testcase name="LOCK1 writeback→writeback [ofd-read]" classname="coprobe.LOCK1" time="<s>">
      <skipped message="needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none">OMIT: not run; probe record #50 (lock invalidation: b takes a lock on its already-open file after a's flush, then reads)</skipped>
    </testcase>
    <testcase name="LOCK1 writeback→writeback [ofd-write]" classname="coprobe.LOCK1" time="<s>">
      <skipped message="needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none">OMIT: not run; probe record #51 (lock invalidation: b takes a lock on its already-open file after a's flush, then reads)</skipped>
    </testcase>
    <testcase name="LOCK1 writeback→writeback [flock-shared]" classname="coprobe.LOCK1" time="<s>">
      <skipped message="needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none">OMIT: not run; probe record #52 (lock invalidation: b takes a lock on its already-open file after a's flush, then reads)</skipped>
    </testcase>
    <testcase name="LOCK1 writeback→writeback [flock-exclusive]" classname="coprobe.LOCK1" time="<s>">
      <skipped message="needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none">OMIT: not run; probe record #53 (lock invalidation: b takes a lock on its already-open file after a's flush, then reads)</skipped>
    </testcase>
    <testcase name="LOCK1 unsafe→unsafe [posix-read]" classname="coprobe.LOCK1" time="<s>">
      <skipped message="needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none">OMIT: not run; probe record #54 (lock invalidation: b takes a lock on its already-open file after a's flush, then reads)</skipped>
    </testcase>
    <testcase name="LOCK1 unsafe→unsafe [posix-write]" classname="coprobe.LOCK1" time="<s>">
      <skipped message="needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none">OMIT: not run; probe record #55 (lock invalidation: b takes a lock on its already-open file after a's flush, then reads)</skipped>
    </testcase>
    <testcase name="LOCK1 unsafe→unsafe [ofd-read]" classname="coprobe.LOCK1" time="<s>">
      <skipped message="needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none">OMIT: not run; probe record #56 (lock invalidation: b takes a lock on its already-open file after a's flush, then reads)</skipped>
    </testcase>
    <testcase name="LOCK1 unsafe→unsafe [ofd-write]" classname="coprobe.LOCK1" time="<s>">
      <skipped message="needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none">OMIT: not run; probe record #57 (lock invalidation: b takes a lock on its already-open file after a's flush, then reads)</skipped>
    </testcase>
    <testcase name="LOCK1 unsafe→unsafe [flock-shared]" classname="coprobe.LOCK1" time="<s>">
      <skipped message="needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none">OMIT: not run; probe record #58 (lock invalidation: b takes a lock on its already-open file after a's flush, then reads)</skipped>
    </testcase>
    <testcase name="LOCK1 unsafe→unsafe [flock-exclusive]" classname="coprobe.LOCK1" time="<s>">
      <skipped message="needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none">OMIT: not run; probe record #59 (lock invalidation: b takes a lock on its already-open file after a's flush, then reads)</skipped>
    </testcase>
    <testcase name="EARLY1 writethrough→writethrough [none]" classname="coprobe.EARLY1" time="<s>"/>
    <testcase name="EARLY1 writethrough→writethrough [reopen]" classname="coprobe.EARLY1" time="<s>"/>
    <testcase name="EARLY1 writethrough→writethrough [fadvise]" classname="coprobe.EARLY1" time="<s>">
      <skipped message="needs posix_fadvise/mincore on a page cache on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none">OMIT: not run; probe record #62 (early-read hazard: b reads the first 64 KiB, a rewrites them and flushes, b re-reads (remedies))</skipped>
    </testcase>
    <testcase name="EARLY1 writethrough→writethrough [fcntl]" classname="coprobe.EARLY1" time="<s>">
      <skipped message="needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none">OMIT: not run; probe record #63 (early-read hazard: b reads the first 64 KiB, a rewrites them and flushes, b re-reads (remedies))</skipped>
    </testcase>
    <testcase name="EARLY1 writethrough→writethrough [blkflsbuf]" classname="coprobe.EARLY1" time="<s>">
      <skipped message="needs a kernel block device (BLKFLSBUF) on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none">OMIT: not run; probe record #64 (early-read hazard: b reads the first 64 KiB, a rewrites them and flushes, b re-reads (remedies))</skipped>
    </testcase>
    <testcase name="EARLY1 writeback→writeback [none]" classname="coprobe.EARLY1" time="<s>"/>
    <testcase name="EARLY1 writeback→writeback [reopen]" classname="coprobe.EARLY1" time="<s>"/>
    <testcase name="EARLY1 writeback→writeback [fadvise]" classname="coprobe.EARLY1" time="<s>">
      <skipped message="needs posix_fadvise/mincore on a page cache on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none">OMIT: not run; probe record #67 (early-read hazard: b reads the first 64 KiB, a rewrites them and flushes, b re-reads (remedies))</skipped>
    </testcase>
    <testcase name="EARLY1 writeback→writeback [fcntl]" classname="coprobe.EARLY1" time="<s>">
      <skipped message="needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none">OMIT: not run; probe record #68 (early-read hazard: b reads the first 64 KiB, a rewrites them and flushes, b re-reads (remedies))</skipped>
    </testcase>
    <testcase name="EARLY1 writeback→writeback [blkflsbuf]" classname="coprobe.EARLY1" time="<s>">
      <skipped message="needs a kernel block device (BLKFLSBUF) on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none">OMIT: not run; probe record #69 (early-read hazard: b reads the first 64 KiB, a rewrites them and flushes, b re-reads (remedies))</skipped>
    </testcase>
    <testcase name="EARLY1 unsafe→unsafe [none]" classname="coprobe.EARLY1" time="<s>"/>
    <testcase name="EARLY1 unsafe→unsafe [reopen]" classname="coprobe.EARLY1" time="<s>"/>
    <testcase name="EARLY1 unsafe→unsafe [fadvise]" classname="coprobe.EARLY1" time="<s>">
      <skipped message="needs posix_fadvise/mincore on a page cache on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none">OMIT: not run; probe record #72 (early-read hazard: b reads the first 64 KiB, a rewrites them and flushes, b re-reads (remedies))</skipped>
    </testcase>
    <testcase name="EARLY1 unsafe→unsafe [fcntl]" classname="coprobe.EARLY1" time="<s>">
      <skipped message="needs file locks on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none">OMIT: not run; probe record #73 (early-read hazard: b reads the first 64 KiB, a rewrites them and flushes, b re-reads (remedies))</skipped>
    </testcase>
    <testcase name="EARLY1 unsafe→unsafe [blkflsbuf]" classname="coprobe.EARLY1" time="<s>">
      <skipped message="needs a kernel block device (BLKFLSBUF) on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none">OMIT: not run; probe record #74 (early-read hazard: b reads the first 64 KiB, a rewrites them and flushes, b re-reads (remedies))</skipped>
    </testcase>
    <testcase name="RA1 writethrough→writethrough" classname="coprobe.RA1" time="<s>"/>
    <testcase name="RA1 writeback→writeback" classname="coprobe.RA1" time="<s>"/>
    <testcase name="RA1 unsafe→unsafe" classname="coprobe.RA1" time="<s>"/>
    <testcase name="RES1 writethrough→writethrough" classname="coprobe.RES1" time="<s>">
      <skipped message="needs posix_fadvise/mincore on a page cache on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none">OMIT: not run; probe record #78 (cache residency: b reads buffered, drops with fadvise DONTNEED, mincore counts the pages left)</skipped>
    </testcase>
    <testcase name="RES1 writeback→writeback" classname="coprobe.RES1" time="<s>">
      <skipped message="needs posix_fadvise/mincore on a page cache on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none">OMIT: not run; probe record #79 (cache residency: b reads buffered, drops with fadvise DONTNEED, mincore counts the pages left)</skipped>
    </testcase>
    <testcase name="RES1 unsafe→unsafe" classname="coprobe.RES1" time="<s>">
      <skipped message="needs posix_fadvise/mincore on a page cache on side b; side b (libiscsi, userspace, iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1) has none">OMIT: not run; probe record #80 (cache residency: b reads buffered, drops with fadvise DONTNEED, mincore counts the pages left)</skipped>
    </testcase>
    <testcase name="SIZE1 none→none" classname="coprobe.SIZE1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #81 (attribute/size coherence: a extends and truncates the file b has open; b stats and reads past the old end)</skipped>
    </testcase>
    <testcase name="SIZE1 directsync→directsync" classname="coprobe.SIZE1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #82 (attribute/size coherence: a extends and truncates the file b has open; b stats and reads past the old end)</skipped>
    </testcase>
    <testcase name="SIZE1 writethrough→writethrough" classname="coprobe.SIZE1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #83 (attribute/size coherence: a extends and truncates the file b has open; b stats and reads past the old end)</skipped>
    </testcase>
    <testcase name="SIZE1 writeback→writeback" classname="coprobe.SIZE1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #84 (attribute/size coherence: a extends and truncates the file b has open; b stats and reads past the old end)</skipped>
    </testcase>
    <testcase name="SIZE1 unsafe→unsafe" classname="coprobe.SIZE1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #85 (attribute/size coherence: a extends and truncates the file b has open; b stats and reads past the old end)</skipped>
    </testcase>
    <testcase name="UNL1 none→none [unlink]" classname="coprobe.UNL1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #86 (unlink or chmod 000 by a while b has the file open, then b reads through its descriptor)</skipped>
    </testcase>
    <testcase name="UNL1 none→none [chmod]" classname="coprobe.UNL1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #87 (unlink or chmod 000 by a while b has the file open, then b reads through its descriptor)</skipped>
    </testcase>
    <testcase name="UNL1 directsync→directsync [unlink]" classname="coprobe.UNL1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #88 (unlink or chmod 000 by a while b has the file open, then b reads through its descriptor)</skipped>
    </testcase>
    <testcase name="UNL1 directsync→directsync [chmod]" classname="coprobe.UNL1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #89 (unlink or chmod 000 by a while b has the file open, then b reads through its descriptor)</skipped>
    </testcase>
    <testcase name="UNL1 writethrough→writethrough [unlink]" classname="coprobe.UNL1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #90 (unlink or chmod 000 by a while b has the file open, then b reads through its descriptor)</skipped>
    </testcase>
    <testcase name="UNL1 writethrough→writethrough [chmod]" classname="coprobe.UNL1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #91 (unlink or chmod 000 by a while b has the file open, then b reads through its descriptor)</skipped>
    </testcase>
    <testcase name="UNL1 writeback→writeback [unlink]" classname="coprobe.UNL1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #92 (unlink or chmod 000 by a while b has the file open, then b reads through its descriptor)</skipped>
    </testcase>
    <testcase name="UNL1 writeback→writeback [chmod]" classname="coprobe.UNL1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #93 (unlink or chmod 000 by a while b has the file open, then b reads through its descriptor)</skipped>
    </testcase>
    <testcase name="UNL1 unsafe→unsafe [unlink]" classname="coprobe.UNL1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #94 (unlink or chmod 000 by a while b has the file open, then b reads through its descriptor)</skipped>
    </testcase>
    <testcase name="UNL1 unsafe→unsafe [chmod]" classname="coprobe.UNL1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #95 (unlink or chmod 000 by a while b has the file open, then b reads through its descriptor)</skipped>
    </testcase>
    <testcase name="HAND1 none→none [none]" classname="coprobe.HAND1" time="<s>"/>
    <testcase name="HAND1 none→none [fadvise]" classname="coprobe.HAND1" time="<s>">
      <skipped message="b reads through libiscsi (userspace, no host page cache): QEMU applies no remedy, only the &quot;none&quot; run applies">OMIT: not run; probe record #97 (migration handoff: b reads the head early, a runs a workload and flushes, b applies a remedy and reads every block)</skipped>
    </testcase>
    <testcase name="HAND1 none→none [reopen]" classname="coprobe.HAND1" time="<s>">
      <skipped message="b reads through libiscsi (userspace, no host page cache): QEMU applies no remedy, only the &quot;none&quot; run applies">OMIT: not run; probe record #98 (migration handoff: b reads the head early, a runs a workload and flushes, b applies a remedy and reads every block)</skipped>
    </testcase>
    <testcase name="HAND1 none→none [fcntl]" classname="coprobe.HAND1" time="<s>">
      <skipped message="b reads through libiscsi (userspace, no host page cache): QEMU applies no remedy, only the &quot;none&quot; run applies">OMIT: not run; probe record #99 (migration handoff: b reads the head early, a runs a workload and flushes, b applies a remedy and reads every block)</skipped>
    </testcase>
    <testcase name="HAND1 directsync→directsync [none]" classname="coprobe.HAND1" time="<s>"/>
    <testcase name="HAND1 directsync→directsync [fadvise]" classname="coprobe.HAND1" time="<s>">
      <skipped message="b reads through libiscsi (userspace, no host page cache): QEMU applies no remedy, only the &quot;none&quot; run applies">OMIT: not run; probe record #101 (migration handoff: b reads the head early, a runs a workload and flushes, b applies a remedy and reads every block)</skipped>
    </testcase>
    <testcase name="HAND1 directsync→directsync [reopen]" classname="coprobe.HAND1" time="<s>">
      <skipped message="b reads through libiscsi (userspace, no host page cache): QEMU applies no remedy, only the &quot;none&quot; run applies">OMIT: not run; probe record #102 (migration handoff: b reads the head early, a runs a workload and flushes, b applies a remedy and reads every block)</skipped>
    </testcase>
    <testcase name="HAND1 directsync→directsync [fcntl]" classname="coprobe.HAND1" time="<s>">
      <skipped message="b reads through libiscsi (userspace, no host page cache): QEMU applies no remedy, only the &quot;none&quot; run applies">OMIT: not run; probe record #103 (migration handoff: b reads the head early, a runs a workload and flushes, b applies a remedy and reads every block)</skipped>
    </testcase>
    <testcase name="HAND1 writethrough→writethrough [none]" classname="coprobe.HAND1" time="<s>">
      <skipped message="same I/O as directsync→directsync [none] (#100): sides a (libiscsi) and b (libiscsi) have no host page cache, so O_DIRECT and buffered are one mode there">OMIT: not run; probe record #104 (migration handoff: b reads the head early, a runs a workload and flushes, b applies a remedy and reads every block)</skipped>
    </testcase>
    <testcase name="HAND1 writethrough→writethrough [fadvise]" classname="coprobe.HAND1" time="<s>">
      <skipped message="b reads through libiscsi (userspace, no host page cache): QEMU applies no remedy, only the &quot;none&quot; run applies">OMIT: not run; probe record #105 (migration handoff: b reads the head early, a runs a workload and flushes, b applies a remedy and reads every block)</skipped>
    </testcase>
    <testcase name="HAND1 writethrough→writethrough [reopen]" classname="coprobe.HAND1" time="<s>">
      <skipped message="b reads through libiscsi (userspace, no host page cache): QEMU applies no remedy, only the &quot;none&quot; run applies">OMIT: not run; probe record #106 (migration handoff: b reads the head early, a runs a workload and flushes, b applies a remedy and reads every block)</skipped>
    </testcase>
    <testcase name="HAND1 writethrough→writethrough [fcntl]" classname="coprobe.HAND1" time="<s>">
      <skipped message="b reads through libiscsi (userspace, no host page cache): QEMU applies no remedy, only the &quot;none&quot; run applies">OMIT: not run; probe record #107 (migration handoff: b reads the head early, a runs a workload and flushes, b applies a remedy and reads every block)</skipped>
    </testcase>
    <testcase name="HAND1 writeback→writeback [none]" classname="coprobe.HAND1" time="<s>">
      <skipped message="same I/O as none→none [none] (#96): sides a (libiscsi) and b (libiscsi) have no host page cache, so O_DIRECT and buffered are one mode there">OMIT: not run; probe record #108 (migration handoff: b reads the head early, a runs a workload and flushes, b applies a remedy and reads every block)</skipped>
    </testcase>
    <testcase name="HAND1 writeback→writeback [fadvise]" classname="coprobe.HAND1" time="<s>">
      <skipped message="b reads through libiscsi (userspace, no host page cache): QEMU applies no remedy, only the &quot;none&quot; run applies">OMIT: not run; probe record #109 (migration handoff: b reads the head early, a runs a workload and flushes, b applies a remedy and reads every block)</skipped>
    </testcase>
    <testcase name="HAND1 writeback→writeback [reopen]" classname="coprobe.HAND1" time="<s>">
      <skipped message="b reads through libiscsi (userspace, no host page cache): QEMU applies no remedy, only the &quot;none&quot; run applies">OMIT: not run; probe record #110 (migration handoff: b reads the head early, a runs a workload and flushes, b applies a remedy and reads every block)</skipped>
    </testcase>
    <testcase name="HAND1 writeback→writeback [fcntl]" classname="coprobe.HAND1" time="<s>">
      <skipped message="b reads through libiscsi (userspace, no host page cache): QEMU applies no remedy, only the &quot;none&quot; run applies">OMIT: not run; probe record #111 (migration handoff: b reads the head early, a runs a workload and flushes, b applies a remedy and reads every block)</skipped>
    </testcase>
    <testcase name="HAND1 unsafe→unsafe [none]" classname="coprobe.HAND1" time="<s>"/>
    <testcase name="HAND1 unsafe→unsafe [fadvise]" classname="coprobe.HAND1" time="<s>">
      <skipped message="b reads through libiscsi (userspace, no host page cache): QEMU applies no remedy, only the &quot;none&quot; run applies">OMIT: not run; probe record #113 (migration handoff: b reads the head early, a runs a workload and flushes, b applies a remedy and reads every block)</skipped>
    </testcase>
    <testcase name="HAND1 unsafe→unsafe [reopen]" classname="coprobe.HAND1" time="<s>">
      <skipped message="b reads through libiscsi (userspace, no host page cache): QEMU applies no remedy, only the &quot;none&quot; run applies">OMIT: not run; probe record #114 (migration handoff: b reads the head early, a runs a workload and flushes, b applies a remedy and reads every block)</skipped>
    </testcase>
    <testcase name="HAND1 unsafe→unsafe [fcntl]" classname="coprobe.HAND1" time="<s>">
      <skipped message="b reads through libiscsi (userspace, no host page cache): QEMU applies no remedy, only the &quot;none&quot; run applies">OMIT: not run; probe record #115 (migration handoff: b reads the head early, a runs a workload and flushes, b applies a remedy and reads every block)</skipped>
    </testcase>
    <testcase name="IMG1 none→none [qcow2]" classname="coprobe.IMG1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #116 (image formats through qemu-io: b holds a qcow2/qed/raw image open while a allocates clusters and flushes)</skipped>
    </testcase>
    <testcase name="IMG1 none→none [qed]" classname="coprobe.IMG1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #117 (image formats through qemu-io: b holds a qcow2/qed/raw image open while a allocates clusters and flushes)</skipped>
    </testcase>
    <testcase name="IMG1 none→none [raw]" classname="coprobe.IMG1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #118 (image formats through qemu-io: b holds a qcow2/qed/raw image open while a allocates clusters and flushes)</skipped>
    </testcase>
    <testcase name="IMG1 directsync→directsync [qcow2]" classname="coprobe.IMG1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #119 (image formats through qemu-io: b holds a qcow2/qed/raw image open while a allocates clusters and flushes)</skipped>
    </testcase>
    <testcase name="IMG1 directsync→directsync [qed]" classname="coprobe.IMG1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #120 (image formats through qemu-io: b holds a qcow2/qed/raw image open while a allocates clusters and flushes)</skipped>
    </testcase>
    <testcase name="IMG1 directsync→directsync [raw]" classname="coprobe.IMG1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #121 (image formats through qemu-io: b holds a qcow2/qed/raw image open while a allocates clusters and flushes)</skipped>
    </testcase>
    <testcase name="IMG1 writethrough→writethrough [qcow2]" classname="coprobe.IMG1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #122 (image formats through qemu-io: b holds a qcow2/qed/raw image open while a allocates clusters and flushes)</skipped>
    </testcase>
    <testcase name="IMG1 writethrough→writethrough [qed]" classname="coprobe.IMG1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #123 (image formats through qemu-io: b holds a qcow2/qed/raw image open while a allocates clusters and flushes)</skipped>
    </testcase>
    <testcase name="IMG1 writethrough→writethrough [raw]" classname="coprobe.IMG1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #124 (image formats through qemu-io: b holds a qcow2/qed/raw image open while a allocates clusters and flushes)</skipped>
    </testcase>
    <testcase name="IMG1 writeback→writeback [qcow2]" classname="coprobe.IMG1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #125 (image formats through qemu-io: b holds a qcow2/qed/raw image open while a allocates clusters and flushes)</skipped>
    </testcase>
    <testcase name="IMG1 writeback→writeback [qed]" classname="coprobe.IMG1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #126 (image formats through qemu-io: b holds a qcow2/qed/raw image open while a allocates clusters and flushes)</skipped>
    </testcase>
    <testcase name="IMG1 writeback→writeback [raw]" classname="coprobe.IMG1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #127 (image formats through qemu-io: b holds a qcow2/qed/raw image open while a allocates clusters and flushes)</skipped>
    </testcase>
    <testcase name="IMG1 unsafe→unsafe [qcow2]" classname="coprobe.IMG1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #128 (image formats through qemu-io: b holds a qcow2/qed/raw image open while a allocates clusters and flushes)</skipped>
    </testcase>
    <testcase name="IMG1 unsafe→unsafe [qed]" classname="coprobe.IMG1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #129 (image formats through qemu-io: b holds a qcow2/qed/raw image open while a allocates clusters and flushes)</skipped>
    </testcase>
    <testcase name="IMG1 unsafe→unsafe [raw]" classname="coprobe.IMG1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #130 (image formats through qemu-io: b holds a qcow2/qed/raw image open while a allocates clusters and flushes)</skipped>
    </testcase>
    <system-out>coprobe 0.1.0 run <run-id>
a: iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1 — iSCSI LUN through libiscsi (userspace), stack block, on vm, kernel 6.18.44-fc-v595
b: iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1 — iSCSI LUN through libiscsi (userspace), stack block, on vm, kernel 6.18.44-fc-v595

Verdicts on QEMU's userspace iSCSI driver (iscsi://, libiscsi) (profile iscsi-user): reader reaches the LUN through libiscsi (userspace, no host page cache), as QEMU's iscsi:// driver does
mode          QEMU                     verdict  libvirt  docs    evidence
none          QEMU ≥ 4.0 (drop-cache)  SAFE     allows   safe    HAND1 none→none [none] #96: 1024 blocks: 1024 fresh
none          QEMU &lt; 4.0               SAFE     allows   safe    HAND1 none→none [none] #96: 1024 blocks: 1024 fresh
directsync    QEMU ≥ 4.0 (drop-cache)  SAFE     allows   safe    HAND1 directsync→directsync [none] #100: 1024 blocks: 1024 fresh
directsync    QEMU &lt; 4.0               SAFE     allows   safe    HAND1 directsync→directsync [none] #100: 1024 blocks: 1024 fresh
writethrough  QEMU ≥ 4.0 (drop-cache)  SAFE     allows   safe    HAND1 writethrough→writethrough [none] #100: directsync→directsync [none] ran this mode's I/O (no host page cache: O_DIRECT and buffered are one mode): 1024 blocks: 1024 fresh
writethrough  QEMU &lt; 4.0               SAFE     allows   safe    HAND1 writethrough→writethrough [none] #100: directsync→directsync [none] ran this mode's I/O (no host page cache: O_DIRECT and buffered are one mode): 1024 blocks: 1024 fresh
writeback     QEMU ≥ 4.0 (drop-cache)  SAFE     allows   safe    HAND1 writeback→writeback [none] #96: none→none [none] ran this mode's I/O (no host page cache: O_DIRECT and buffered are one mode): 1024 blocks: 1024 fresh
writeback     QEMU &lt; 4.0               SAFE     allows   safe    HAND1 writeback→writeback [none] #96: none→none [none] ran this mode's I/O (no host page cache: O_DIRECT and buffered are one mode): 1024 blocks: 1024 fresh
unsafe        QEMU ≥ 4.0 (drop-cache)  SAFE     allows   safe    HAND1 unsafe→unsafe [none] #112: 1024 blocks: 1024 fresh
unsafe        QEMU &lt; 4.0               SAFE     allows   safe    HAND1 unsafe→unsafe [none] #112: 1024 blocks: 1024 fresh

Claims on QEMU's userspace iSCSI driver (iscsi://, libiscsi) (profile iscsi-user): reader reaches the LUN through libiscsi (userspace, no host page cache), as QEMU's iscsi:// driver does
claim                      status          evidence / why
NFS-CTO                    not applicable  the claim is about NFS; side b is QEMU's userspace iSCSI driver (iscsi://, libiscsi); 16 blocks: 16 fresh: the writer skipped its flush (cache=unsafe)
NFS-OPEN-BOTH              not applicable  the claim is about NFS; side b is QEMU's userspace iSCSI driver (iscsi://, libiscsi); 16 blocks: 16 fresh after nothing (control): the writer skipped its flush (cache=unsafe)
NFS-SYNC-STABLE-READ       not applicable  the claim is about a Linux NFS server exporting with sync; side b is QEMU's userspace iSCSI driver (iscsi://, libiscsi); 16 blocks: 16 fresh: the writer skipped its flush (cache=unsafe)
NFS-ODIRECT-READ           not applicable  the claim is about the Linux NFS client; side b is QEMU's userspace iSCSI driver (iscsi://, libiscsi); 16 blocks: 16 fresh: the writer skipped its flush (cache=unsafe)
NFS-CACHE-NONE-SAFE        not applicable  the QEMU wiki page (W) makes this claim about Linux NFS server and client, not about QEMU's userspace iSCSI driver (iscsi://, libiscsi)
BLOCK-PROTOCOL-COHERENT    holds           BOTH1 none→none #7: reader with O_DIRECT should see the new data after fsync on the writer, without reopening: 16 blocks: 16 fresh (and 1 more)
BLOCK-PAGECACHE-INCOHERENT not applicable  the claim is about the Linux page cache over shared block storage; side b is QEMU's userspace iSCSI driver (iscsi://, libiscsi); 16 blocks: 16 fresh after nothing (control): the writer skipped its flush (cache=unsafe)
BLOCK-CACHE-NONE-ONLY      holds           HAND1 none→none [none] #96: cache=none, without drop-cache (QEMU &lt; 4.0): measured SAFE: 1024 blocks: 1024 fresh (and 4 more)
CLUSTER-FS-ANY-CACHE       not applicable  the QEMU wiki page (W) makes this claim about clustered filesystems (GPFS, Ceph, GlusterFS, GFS2), not about QEMU's userspace iSCSI driver (iscsi://, libiscsi)
QCOW2-METADATA             not checked     every run of IMG1 ended without a judgement: IMG1 OMIT: needs a dir target; side a is a device
QED-DIRTY                  not checked     every run of IMG1 ended without a judgement: IMG1 OMIT: needs a dir target; side a is a device
RAW-SIZE                   not checked     every run of SIZE1 ended without a judgement: SIZE1 OMIT: needs a dir target; side a is a device
EARLY-READ-64K             not applicable  the claim is about weakly coherent storage read through a host page cache (T: NFS); side b is QEMU's userspace iSCSI driver (iscsi://, libiscsi); 16 blocks: 16 fresh of the head after no remedy: the writer skipped its flush (cache=unsafe)
LOCK-INVALIDATES           not applicable  the 2010 qemu-devel thread (T) makes this claim about NFS, not about QEMU's userspace iSCSI driver (iscsi://, libiscsi)
INVALIDATE-REMEDY          not applicable  the control read before close and reopen (last descriptor) was already fresh: nothing stale to remove; the control read before close and reopen (delayed open) was already fresh: nothing stale to remove
READAHEAD                  not applicable  the claim is about the Linux NFS client; side b is QEMU's userspace iSCSI driver (iscsi://, libiscsi); 15 blocks: 15 fresh b had never read: the writer skipped its flush (cache=unsafe)
NFS-UNLINK-AFTER-OPEN      not applicable  the 2010 qemu-devel thread (T) makes this claim about NFS, not about QEMU's userspace iSCSI driver (iscsi://, libiscsi)
HANDOFF                    holds           HAND1 none→none [none] #96: after the source's final flush and no remedy, every block the destination reads should equal what the source last flushed: 1024 blocks: 1024 fresh (and 1 more)
  note: not observable: that the source frees nothing and the destination starts the guest at once is QEMU's migration protocol, not the storage's; probes check only the consequence: what b reads after the handoff equals what a last flushed
QEMU-DROP-CACHE            not applicable  the QEMU, libvirt or Linux source cited in CLAIMS.md makes this claim about images QEMU opens through file-posix (a host page cache), not about QEMU's userspace iSCSI driver (iscsi://, libiscsi)
QCOW2-REOPEN               not checked     every run of IMG1 ended without a judgement: IMG1 OMIT: needs a dir target; side a is a device
LIBVIRT-POLICY             not checked     no probe checks it: it describes libvirt's code (qemuMigrationSrcIsSafe), not the storage, so no probe can observe it; the verdict table instead sets libvirt's decision beside each measured verdict and flags where they disagree
  note: libvirt's decision disagrees with the measurement in 0 of 10 measured mode × QEMU pairs (verdict table)
NFS-NOSHARECACHE           not applicable  the QEMU, libvirt or Linux source cited in CLAIMS.md makes this claim about two NFS mounts of one export in one client, not about QEMU's userspace iSCSI driver (iscsi://, libiscsi)
NFS-LOCALIO                not applicable  the QEMU, libvirt or Linux source cited in CLAIMS.md makes this claim about an NFS client on the server's host (Linux ≥ 6.12), not about QEMU's userspace iSCSI driver (iscsi://, libiscsi)</system-out>
    <system-err></system-err>
  </testsuite>
</testsuites>

`

exports[`test/junit.test.ts > TAP > loop-pair: snapshot, counts and schema > junit.xml 1`] = `
<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="coprobe" tests="130" failures="0" errors="0" skipped="42" time="<s>" timestamp="<ts>">
  <testsuite name="coprobe run <run-id>" tests="130" failures="0" errors="0" skipped="42" time="<s>" timestamp="<ts>" hostname="vm" id="0" package="coprobe">
    <properties>
      <property name="coprobe.run-id" value="<run-id>"/>
      <property name="coprobe.version" value="0.1.0"/>
      <property name="coprobe.started-at" value="<iso>"/>
      <property name="coprobe.block-size" value="4096"/>
      <property name="coprobe.blocks" value="16"/>
      <property name="coprobe.glance.stack" value="shared block storage (profile block)"/>
      <property name="coprobe.glance.headline" value="Safe with drop-cache (QEMU ≥ 4.0): none, directsync, writethrough, writeback; with older QEMU: none, directsync."/>
      <property name="coprobe.glance.none.drop-cache" value="SAFE"/>
      <property name="coprobe.glance.none.no-drop-cache" value="SAFE"/>
      <property name="coprobe.glance.directsync.drop-cache" value="SAFE"/>
      <property name="coprobe.glance.directsync.no-drop-cache" value="SAFE"/>
      <property name="coprobe.glance.writethrough.drop-cache" value="SAFE"/>
      <property name="coprobe.glance.writethrough.no-drop-cache" value="UNSAFE"/>
      <property name="coprobe.glance.writeback.drop-cache" value="SAFE"/>
      <property name="coprobe.glance.writeback.no-drop-cache" value="UNSAFE"/>
      <property name="coprobe.glance.unsafe.drop-cache" value="UNSAFE"/>
      <property name="coprobe.glance.unsafe.drop-cache.libvirt" value="allows (disagrees with the measurement)"/>
      <property name="coprobe.glance.unsafe.no-drop-cache" value="UNSAFE"/>
      <property name="coprobe.glance.confounders" value="none detected"/>
      <property name="coprobe.glance.contradicts" value="none"/>
      <property name="side.a" value="writer: /dev/loop0 — block device 7:0, stack block, on vm, kernel 6.18.44-fc-v595"/>
      <property name="side.a.kernel" value="6.18.44-fc-v595"/>
      <property name="side.a.details" value="block: loop0, loop over /tmp/coprobe-loop-tcQCyR/backing.img, direct I/O on [/sys/devices/virtual/block/loop0]"/>
      <property name="side.b" value="reader: /dev/loop1 — block device 7:1, stack block, on vm, kernel 6.18.44-fc-v595"/>
      <property name="side.b.kernel" value="6.18.44-fc-v595"/>
      <property name="side.b.details" value="block: loop1, loop over /tmp/coprobe-loop-tcQCyR/backing.img, direct I/O on [/sys/devices/virtual/block/loop1]"/>
      <property name="verdicts.profile" value="block (shared block storage)"/>
      <property name="verdict.none.drop-cache" value="SAFE with QEMU ≥ 4.0 (drop-cache): HAND1 none→none [none] #96: 1024 blocks: 1024 fresh; libvirt allows; documents: safe"/>
      <property name="verdict.none.no-drop-cache" value="SAFE with QEMU &lt; 4.0: HAND1 none→none [none] #96: 1024 blocks: 1024 fresh; libvirt allows; documents: safe"/>
      <property name="verdict.directsync.drop-cache" value="SAFE with QEMU ≥ 4.0 (drop-cache): HAND1 directsync→directsync [none] #100: 1024 blocks: 1024 fresh; libvirt allows; documents: safe"/>
      <property name="verdict.directsync.no-drop-cache" value="SAFE with QEMU &lt; 4.0: HAND1 directsync→directsync [none] #100: 1024 blocks: 1024 fresh; libvirt allows; documents: safe"/>
      <property name="verdict.writethrough.drop-cache" value="SAFE with QEMU ≥ 4.0 (drop-cache): HAND1 writethrough→writethrough [fadvise] #105: 1024 blocks: 1024 fresh; libvirt allows; documents: -"/>
      <property name="verdict.writethrough.no-drop-cache" value="UNSAFE with QEMU &lt; 4.0: HAND1 writethrough→writethrough [none] #104: 1024 blocks: 944 fresh, 80 stale; block 0 stale: generation expected 159, found 157; libvirt refuses; documents: unsafe"/>
      <property name="verdict.writeback.drop-cache" value="SAFE with QEMU ≥ 4.0 (drop-cache): HAND1 writeback→writeback [fadvise] #109: 1024 blocks: 1024 fresh; libvirt allows; documents: -"/>
      <property name="verdict.writeback.no-drop-cache" value="UNSAFE with QEMU &lt; 4.0: HAND1 writeback→writeback [none] #108: 1024 blocks: 944 fresh, 80 stale; block 0 stale: generation expected 181, found 177; libvirt refuses; documents: unsafe"/>
      <property name="verdict.unsafe.drop-cache" value="UNSAFE with QEMU ≥ 4.0 (drop-cache): HAND1 unsafe→unsafe [fadvise] #113: 1024 blocks: 1024 stale; block 0 stale: generation expected 206, found 201; libvirt allows; documents: -; libvirt allows cache=unsafe here (QEMU drops the cache on activation: libvirt allows cache=unsafe), but the measurement is UNSAFE"/>
      <property name="verdict.unsafe.no-drop-cache" value="UNSAFE with QEMU &lt; 4.0: HAND1 unsafe→unsafe [none] #112: 1024 blocks: 1024 stale; block 0 stale: generation expected 201, found 196; libvirt refuses; documents: unsafe"/>
      <property name="claim.NFS-CTO" value="not applicable: the claim is about NFS; side b is shared block storage; 16 blocks: 16 fresh: the writer skipped its flush (cache=unsafe)"/>
      <property name="claim.NFS-OPEN-BOTH" value="not applicable: the claim is about NFS; side b is shared block storage; 16 blocks: 16 stale: the writer skipped its flush (cache=unsafe); 16 blocks: 16 stale after nothing (control): the writer skipped its flush (cache=unsafe)"/>
      <property name="claim.NFS-SYNC-STABLE-READ" value="not applicable: the claim is about a Linux NFS server exporting with sync; side b is shared block storage; 16 blocks: 16 stale after a new O_DIRECT descriptor: the writer skipped its flush (cache=unsafe)"/>
      <property name="claim.NFS-ODIRECT-READ" value="not applicable: the claim is about the Linux NFS client; side b is shared block storage; 16 blocks: 16 stale after a new O_DIRECT descriptor: the writer skipped its flush (cache=unsafe); 16 blocks: 16 stale after O_DIRECT set with fcntl(F_SETFL) on the same descriptor: the writer skipped its flush (cache=unsafe)"/>
      <property name="claim.NFS-CACHE-NONE-SAFE" value="not applicable: the QEMU wiki page (W) makes this claim about Linux NFS server and client, not about shared block storage"/>
      <property name="claim.BLOCK-PROTOCOL-COHERENT" value="holds: BOTH1 none→none #7: reader with O_DIRECT should see the new data after fsync on the writer, without reopening: 16 blocks: 16 fresh (and 5 more)"/>
      <property name="claim.BLOCK-PAGECACHE-INCOHERENT" value="holds: BOTH1 writethrough→writethrough #9: buffered reader sees the new data after fsync on the writer, without reopening (the documents warn it may not): 16 blocks: 16 stale; block 0 stale: generation expected 19, found 18 — hazard present: b's page cache kept old data, so cache=writethrough on the destination is not coherent here (and 3 more)"/>
      <property name="claim.BLOCK-CACHE-NONE-ONLY" value="holds: HAND1 none→none [none] #96: cache=none, without drop-cache (QEMU &lt; 4.0): measured SAFE: 1024 blocks: 1024 fresh (and 4 more)"/>
      <property name="claim.CLUSTER-FS-ANY-CACHE" value="not applicable: the QEMU wiki page (W) makes this claim about clustered filesystems (GPFS, Ceph, GlusterFS, GFS2), not about shared block storage"/>
      <property name="claim.QCOW2-METADATA" value="not checked: every run of IMG1 ended without a judgement: IMG1 OMIT: needs a dir target; side a is a device"/>
      <property name="claim.QED-DIRTY" value="not checked: every run of IMG1 ended without a judgement: IMG1 OMIT: needs a dir target; side a is a device"/>
      <property name="claim.RAW-SIZE" value="not checked: every run of SIZE1 ended without a judgement: SIZE1 OMIT: needs a dir target; side a is a device"/>
      <property name="claim.EARLY-READ-64K" value="holds: EARLY1 writethrough→writethrough [none] #60: without a remedy, the image head b read early is fresh after a rewrote it and flushed (T says it is not): 16 blocks: 16 stale; block 0 stale: generation expected 109, found 108 — hazard present: the head b read before the guest started is stale (and 3 more)"/>
      <property name="claim.LOCK-INVALIDATES" value="not applicable: the claim is about NFS; side b is shared block storage; 16 blocks: 16 stale after fcntl read lock (F_SETLKW, F_RDLCK): the writer skipped its flush (cache=unsafe); 16 blocks: 16 stale after fcntl write lock (F_SETLKW, F_WRLCK): the writer skipped its flush (cache=unsafe); 16 blocks: 16 stale after OFD read lock (F_OFD_SETLKW): the writer skipped its flush (cache=unsafe); 16 blocks: 16 stale after OFD write lock (F_OFD_SETLKW): the writer skipped its flush (cache=unsafe); 16 blocks: 16 stale after flock(LOCK_SH): the writer skipped its flush (cache=unsafe); 16 blocks: 16 stale after flock(LOCK_EX): the writer skipped its flush (cache=unsafe); 16 blocks: 16 stale of the head after fcntl read lock (F_SETLKW) on the open file: the writer skipped its flush (cache=unsafe); 1024 blocks: 1024 stale after fcntl read lock (F_SETLKW) on the open file: the writer skipped its flush (cache=unsafe)"/>
      <property name="claim.INVALIDATE-REMEDY" value="holds: FLUSH1 writethrough→writethrough [reopen] #13: reader should see the new data after close and reopen (last descriptor): 16 blocks: 16 fresh (and 15 more)"/>
      <property name="claim.READAHEAD" value="not applicable: the claim is about the Linux NFS client; side b is shared block storage; 15 blocks: 15 stale b had never read: the writer skipped its flush (cache=unsafe)"/>
      <property name="claim.NFS-UNLINK-AFTER-OPEN" value="not applicable: the 2010 qemu-devel thread (T) makes this claim about NFS, not about shared block storage"/>
      <property name="claim.HANDOFF" value="holds: HAND1 none→none [none] #96: after the source's final flush and no remedy, every block the destination reads should equal what the source last flushed: 1024 blocks: 1024 fresh (and 5 more)"/>
      <property name="claim.QEMU-DROP-CACHE" value="holds: FLUSH1 writethrough→writethrough [fadvise] #15: reader should see the new data after posix_fadvise(DONTNEED) on the whole file: 16 blocks: 16 fresh (and 8 more)"/>
      <property name="claim.QCOW2-REOPEN" value="not checked: every run of IMG1 ended without a judgement: IMG1 OMIT: needs a dir target; side a is a device"/>
      <property name="claim.LIBVIRT-POLICY" value="not checked: no probe checks it: it describes libvirt's code (qemuMigrationSrcIsSafe), not the storage, so no probe can observe it; the verdict table instead sets libvirt's decision beside each measured verdict and flags where they disagree"/>
      <property name="claim.NFS-NOSHARECACHE" value="not applicable: the claim is about two NFS mounts in one kernel; these sides are not"/>
      <property name="claim.NFS-LOCALIO" value="not applicable: side b is not an NFS mount"/>
      <property name="coprobe.finished-at" value="<iso>"/>
      <property name="coprobe.exit-code" value="0"/>
    </properties>
    <testcase name="SHARE1 writeback→writeback" classname="coprobe.SHARE1" time="<s>"/>
    <testcase name="CTO1 none→none" classname="coprobe.CTO1" time="<s>"/>
    <testcase name="CTO1 directsync→directsync" classname="coprobe.CTO1" time="<s>"/>
    <testcase name="CTO1 writethrough→writethrough" classname="coprobe.CTO1" time="<s>"/>
    <testcase name="CTO1 writeback→writeback" classname="coprobe.CTO1" time="<s>"/>
    <testcase name="CTO1 unsafe→unsafe" classname="coprobe.CTO1" time="<s>"/>
    <testcase name="BOTH1 none→none" classname="coprobe.BOTH1" time="<s>"/>
    <testcase name="BOTH1 directsync→directsync" classname="coprobe.BOTH1" time="<s>"/>
    <testcase name="BOTH1 writethrough→writethrough" classname="coprobe.BOTH1" time="<s>">
      <system-out>WARN: buffered reader sees the new data after fsync on the writer, without reopening (the documents warn it may not): 16 blocks: 16 stale; block 0 stale: generation expected 19, found 18 — hazard present: b's page cache kept old data, so cache=writethrough on the destination is not coherent here
  NFS-OPEN-BOTH: With the image open on both sides, fsync on the source does not by protocol make the data visible to the destination.
  BLOCK-PAGECACHE-INCOHERENT: The Linux page cache is not coherent across nodes: a buffered read can return data older than an acknowledged write.
WARN: a hazard the documents describe was observed (not a violation); probe record #9 (both open: a writes and fsyncs, b reads without reopening)</system-out>
    </testcase>
    <testcase name="BOTH1 writeback→writeback" classname="coprobe.BOTH1" time="<s>">
      <system-out>WARN: buffered reader sees the new data after fsync on the writer, without reopening (the documents warn it may not): 16 blocks: 16 stale; block 0 stale: generation expected 21, found 20 — hazard present: b's page cache kept old data, so cache=writeback on the destination is not coherent here
  NFS-OPEN-BOTH: With the image open on both sides, fsync on the source does not by protocol make the data visible to the destination.
  BLOCK-PAGECACHE-INCOHERENT: The Linux page cache is not coherent across nodes: a buffered read can return data older than an acknowledged write.
WARN: a hazard the documents describe was observed (not a violation); probe record #10 (both open: a writes and fsyncs, b reads without reopening)</system-out>
    </testcase>
    <testcase name="BOTH1 unsafe→unsafe" classname="coprobe.BOTH1" time="<s>">
      <system-out>WARN: reader should see the data written and fsynced before it opened: 16 blocks: 16 stale; block 0 stale: generation expected 22, found 21 — writer skipped its flush (cache=unsafe)
  NFS-OPEN-BOTH: With the image open on both sides, fsync on the source does not by protocol make the data visible to the destination.
WARN: buffered reader sees the new data after fsync on the writer, without reopening (the documents warn it may not): 16 blocks: 16 stale; block 0 stale: generation expected 23, found 21 — hazard present: b's page cache kept old data, so cache=unsafe on the destination is not coherent here
  NFS-OPEN-BOTH: With the image open on both sides, fsync on the source does not by protocol make the data visible to the destination.
  BLOCK-PAGECACHE-INCOHERENT: The Linux page cache is not coherent across nodes: a buffered read can return data older than an acknowledged write.
WARN: a hazard the documents describe was observed (not a violation); probe record #11 (both open: a writes and fsyncs, b reads without reopening)</system-out>
    </testcase>
    <testcase name="FLUSH1 writethrough→writethrough [none]" classname="coprobe.FLUSH1" time="<s>">
      <system-out>WARN: without a remedy, a buffered reader sees the new data after the writer's fsync (the documents warn it may not): 16 blocks: 16 stale; block 0 stale: generation expected 25, found 24 — hazard present: the stale data stays in b's page cache until something removes it
  BLOCK-PAGECACHE-INCOHERENT: The Linux page cache is not coherent across nodes: a buffered read can return data older than an acknowledged write.
  NFS-OPEN-BOTH: With the image open on both sides, fsync on the source does not by protocol make the data visible to the destination.
WARN: a hazard the documents describe was observed (not a violation); probe record #12 (flush-method matrix: b holds stale pages and tries one way to see a's flushed change)</system-out>
    </testcase>
    <testcase name="FLUSH1 writethrough→writethrough [reopen]" classname="coprobe.FLUSH1" time="<s>"/>
    <testcase name="FLUSH1 writethrough→writethrough [reopen-other]" classname="coprobe.FLUSH1" time="<s>">
      <system-out>WARN: reader should see the new data after a second open while the first descriptor stays open: 16 blocks: 16 stale; block 0 stale: generation expected 29, found 28 — a second open while the first descriptor stays open is not a remedy on this stack; a buffered read on the old descriptor afterwards: 16 blocks: 16 stale
WARN: a hazard the documents describe was observed (not a violation); probe record #14 (flush-method matrix: b holds stale pages and tries one way to see a's flushed change)</system-out>
    </testcase>
    <testcase name="FLUSH1 writethrough→writethrough [fadvise]" classname="coprobe.FLUSH1" time="<s>"/>
    <testcase name="FLUSH1 writethrough→writethrough [blkflsbuf]" classname="coprobe.FLUSH1" time="<s>"/>
    <testcase name="FLUSH1 writethrough→writethrough [direct-newfd]" classname="coprobe.FLUSH1" time="<s>"/>
    <testcase name="FLUSH1 writethrough→writethrough [direct-setfl]" classname="coprobe.FLUSH1" time="<s>"/>
    <testcase name="FLUSH1 writethrough→writethrough [fchmod]" classname="coprobe.FLUSH1" time="<s>">
      <skipped message="needs scratch files in a directory on side b; side b (block device /dev/loop1) has none">OMIT: not run; probe record #19 (flush-method matrix: b holds stale pages and tries one way to see a's flushed change)</skipped>
    </testcase>
    <testcase name="FLUSH1 writethrough→writethrough [stat]" classname="coprobe.FLUSH1" time="<s>">
      <skipped message="needs scratch files in a directory on side b; side b (block device /dev/loop1) has none">OMIT: not run; probe record #20 (flush-method matrix: b holds stale pages and tries one way to see a's flushed change)</skipped>
    </testcase>
    <testcase name="FLUSH1 writethrough→writethrough [sleep]" classname="coprobe.FLUSH1" time="<s>">
      <system-out>WARN: reader should see the new data after a 3 s wait: 16 blocks: 16 stale; block 0 stale: generation expected 39, found 38 — a 3 s wait is not a remedy on this stack
WARN: a hazard the documents describe was observed (not a violation); probe record #21 (flush-method matrix: b holds stale pages and tries one way to see a's flushed change)</system-out>
    </testcase>
    <testcase name="FLUSH1 writeback→writeback [none]" classname="coprobe.FLUSH1" time="<s>">
      <system-out>WARN: without a remedy, a buffered reader sees the new data after the writer's fsync (the documents warn it may not): 16 blocks: 16 stale; block 0 stale: generation expected 41, found 40 — hazard present: the stale data stays in b's page cache until something removes it
  BLOCK-PAGECACHE-INCOHERENT: The Linux page cache is not coherent across nodes: a buffered read can return data older than an acknowledged write.
  NFS-OPEN-BOTH: With the image open on both sides, fsync on the source does not by protocol make the data visible to the destination.
WARN: a hazard the documents describe was observed (not a violation); probe record #22 (flush-method matrix: b holds stale pages and tries one way to see a's flushed change)</system-out>
    </testcase>
    <testcase name="FLUSH1 writeback→writeback [reopen]" classname="coprobe.FLUSH1" time="<s>"/>
    <testcase name="FLUSH1 writeback→writeback [reopen-other]" classname="coprobe.FLUSH1" time="<s>">
      <system-out>WARN: reader should see the new data after a second open while the first descriptor stays open: 16 blocks: 16 stale; block 0 stale: generation expected 45, found 44 — a second open while the first descriptor stays open is not a remedy on this stack; a buffered read on the old descriptor afterwards: 16 blocks: 16 stale
WARN: a hazard the documents describe was observed (not a violation); probe record #24 (flush-method matrix: b holds stale pages and tries one way to see a's flushed change)</system-out>
    </testcase>
    <testcase name="FLUSH1 writeback→writeback [fadvise]" classname="coprobe.FLUSH1" time="<s>"/>
    <testcase name="FLUSH1 writeback→writeback [blkflsbuf]" classname="coprobe.FLUSH1" time="<s>"/>
    <testcase name="FLUSH1 writeback→writeback [direct-newfd]" classname="coprobe.FLUSH1" time="<s>"/>
    <testcase name="FLUSH1 writeback→writeback [direct-setfl]" classname="coprobe.FLUSH1" time="<s>"/>
    <testcase name="FLUSH1 writeback→writeback [fchmod]" classname="coprobe.FLUSH1" time="<s>">
      <skipped message="needs scratch files in a directory on side b; side b (block device /dev/loop1) has none">OMIT: not run; probe record #29 (flush-method matrix: b holds stale pages and tries one way to see a's flushed change)</skipped>
    </testcase>
    <testcase name="FLUSH1 writeback→writeback [stat]" classname="coprobe.FLUSH1" time="<s>">
      <skipped message="needs scratch files in a directory on side b; side b (block device /dev/loop1) has none">OMIT: not run; probe record #30 (flush-method matrix: b holds stale pages and tries one way to see a's flushed change)</skipped>
    </testcase>
    <testcase name="FLUSH1 writeback→writeback [sleep]" classname="coprobe.FLUSH1" time="<s>">
      <system-out>WARN: reader should see the new data after a 3 s wait: 16 blocks: 16 stale; block 0 stale: generation expected 55, found 54 — a 3 s wait is not a remedy on this stack
WARN: a hazard the documents describe was observed (not a violation); probe record #31 (flush-method matrix: b holds stale pages and tries one way to see a's flushed change)</system-out>
    </testcase>
    <testcase name="FLUSH1 unsafe→unsafe [none]" classname="coprobe.FLUSH1" time="<s>">
      <system-out>WARN: without a remedy, a buffered reader sees the new data after the writer's fsync (the documents warn it may not): 16 blocks: 16 stale; block 0 stale: generation expected 57, found 55 — hazard present: the stale data stays in b's page cache until something removes it
  BLOCK-PAGECACHE-INCOHERENT: The Linux page cache is not coherent across nodes: a buffered read can return data older than an acknowledged write.
  NFS-OPEN-BOTH: With the image open on both sides, fsync on the source does not by protocol make the data visible to the destination.
WARN: a hazard the documents describe was observed (not a violation); probe record #32 (flush-method matrix: b holds stale pages and tries one way to see a's flushed change)</system-out>
    </testcase>
    <testcase name="FLUSH1 unsafe→unsafe [reopen]" classname="coprobe.FLUSH1" time="<s>">
      <system-out>WARN: reader should see the new data after close and reopen (last descriptor): 16 blocks: 16 stale; block 0 stale: generation expected 59, found 57 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data
  INVALIDATE-REMEDY: Invalidating the destination's cache after the source's final flush (or opening late) removes stale data.
WARN: a hazard the documents describe was observed (not a violation); probe record #33 (flush-method matrix: b holds stale pages and tries one way to see a's flushed change)</system-out>
    </testcase>
    <testcase name="FLUSH1 unsafe→unsafe [reopen-other]" classname="coprobe.FLUSH1" time="<s>">
      <system-out>WARN: reader should see the new data after a second open while the first descriptor stays open: 16 blocks: 16 stale; block 0 stale: generation expected 61, found 59 — a second open while the first descriptor stays open is not a remedy on this stack; a buffered read on the old descriptor afterwards: 16 blocks: 16 stale
WARN: a hazard the documents describe was observed (not a violation); probe record #34 (flush-method matrix: b holds stale pages and tries one way to see a's flushed change)</system-out>
    </testcase>
    <testcase name="FLUSH1 unsafe→unsafe [fadvise]" classname="coprobe.FLUSH1" time="<s>">
      <system-out>WARN: reader should see the new data after posix_fadvise(DONTNEED) on the whole file: 16 blocks: 16 stale; block 0 stale: generation expected 63, found 61 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data
  INVALIDATE-REMEDY: Invalidating the destination's cache after the source's final flush (or opening late) removes stale data.
  QEMU-DROP-CACHE: On activation QEMU flushes and fadvises DONTNEED the whole image; whether that drops stale pages is the stack's property.
WARN: a hazard the documents describe was observed (not a violation); probe record #35 (flush-method matrix: b holds stale pages and tries one way to see a's flushed change)</system-out>
    </testcase>
    <testcase name="FLUSH1 unsafe→unsafe [blkflsbuf]" classname="coprobe.FLUSH1" time="<s>">
      <system-out>WARN: reader should see the new data after ioctl(BLKFLSBUF): 16 blocks: 16 stale; block 0 stale: generation expected 65, found 63 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data
  INVALIDATE-REMEDY: Invalidating the destination's cache after the source's final flush (or opening late) removes stale data.
WARN: a hazard the documents describe was observed (not a violation); probe record #36 (flush-method matrix: b holds stale pages and tries one way to see a's flushed change)</system-out>
    </testcase>
    <testcase name="FLUSH1 unsafe→unsafe [direct-newfd]" classname="coprobe.FLUSH1" time="<s>">
      <system-out>WARN: reader should see the new data after a new O_DIRECT descriptor: 16 blocks: 16 stale; block 0 stale: generation expected 67, found 65 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data; a buffered read on the old descriptor afterwards: 16 blocks: 16 stale
  NFS-ODIRECT-READ: On the Linux NFS client an O_DIRECT read() always issues a protocol READ: fsync + O_DIRECT reads are coherent.
  NFS-SYNC-STABLE-READ: A Linux NFS server exporting with sync answers READ with data another client wrote stably, without reopen.
  BLOCK-PROTOCOL-COHERENT: iSCSI/FC/direct-attached storage: a read returns data another client's acknowledged write put there.
WARN: a hazard the documents describe was observed (not a violation); probe record #37 (flush-method matrix: b holds stale pages and tries one way to see a's flushed change)</system-out>
    </testcase>
    <testcase name="FLUSH1 unsafe→unsafe [direct-setfl]" classname="coprobe.FLUSH1" time="<s>">
      <system-out>WARN: reader should see the new data after O_DIRECT set with fcntl(F_SETFL) on the same descriptor: 16 blocks: 16 stale; block 0 stale: generation expected 69, found 67 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data; a buffered read on the old descriptor afterwards: 16 blocks: 16 stale
  NFS-ODIRECT-READ: On the Linux NFS client an O_DIRECT read() always issues a protocol READ: fsync + O_DIRECT reads are coherent.
  BLOCK-PROTOCOL-COHERENT: iSCSI/FC/direct-attached storage: a read returns data another client's acknowledged write put there.
WARN: a hazard the documents describe was observed (not a violation); probe record #38 (flush-method matrix: b holds stale pages and tries one way to see a's flushed change)</system-out>
    </testcase>
    <testcase name="FLUSH1 unsafe→unsafe [fchmod]" classname="coprobe.FLUSH1" time="<s>">
      <skipped message="needs scratch files in a directory on side b; side b (block device /dev/loop1) has none">OMIT: not run; probe record #39 (flush-method matrix: b holds stale pages and tries one way to see a's flushed change)</skipped>
    </testcase>
    <testcase name="FLUSH1 unsafe→unsafe [stat]" classname="coprobe.FLUSH1" time="<s>">
      <skipped message="needs scratch files in a directory on side b; side b (block device /dev/loop1) has none">OMIT: not run; probe record #40 (flush-method matrix: b holds stale pages and tries one way to see a's flushed change)</skipped>
    </testcase>
    <testcase name="FLUSH1 unsafe→unsafe [sleep]" classname="coprobe.FLUSH1" time="<s>">
      <system-out>WARN: reader should see the new data after a 3 s wait: 16 blocks: 16 stale; block 0 stale: generation expected 71, found 69 — a 3 s wait is not a remedy on this stack
WARN: a hazard the documents describe was observed (not a violation); probe record #41 (flush-method matrix: b holds stale pages and tries one way to see a's flushed change)</system-out>
    </testcase>
    <testcase name="LOCK1 writethrough→writethrough [posix-read]" classname="coprobe.LOCK1" time="<s>">
      <system-out>WARN: reader should see the new data after taking a fcntl read lock (F_SETLKW, F_RDLCK) on its open file: 16 blocks: 16 stale; block 0 stale: generation expected 73, found 72 — the claim is not about block storage; reported as observed
  LOCK-INVALIDATES: On NFS, acquiring a file lock makes the client drop its cached data for that file.
WARN: a hazard the documents describe was observed (not a violation); probe record #42 (lock invalidation: b takes a lock on its already-open file after a's flush, then reads)</system-out>
    </testcase>
    <testcase name="LOCK1 writethrough→writethrough [posix-write]" classname="coprobe.LOCK1" time="<s>">
      <system-out>WARN: reader should see the new data after taking a fcntl write lock (F_SETLKW, F_WRLCK) on its open file: 16 blocks: 16 stale; block 0 stale: generation expected 75, found 74 — the claim is not about block storage; reported as observed
  LOCK-INVALIDATES: On NFS, acquiring a file lock makes the client drop its cached data for that file.
WARN: a hazard the documents describe was observed (not a violation); probe record #43 (lock invalidation: b takes a lock on its already-open file after a's flush, then reads)</system-out>
    </testcase>
    <testcase name="LOCK1 writethrough→writethrough [ofd-read]" classname="coprobe.LOCK1" time="<s>">
      <system-out>WARN: reader should see the new data after taking a OFD read lock (F_OFD_SETLKW) on its open file: 16 blocks: 16 stale; block 0 stale: generation expected 77, found 76 — the claim is not about block storage; reported as observed
  LOCK-INVALIDATES: On NFS, acquiring a file lock makes the client drop its cached data for that file.
WARN: a hazard the documents describe was observed (not a violation); probe record #44 (lock invalidation: b takes a lock on its already-open file after a's flush, then reads)</system-out>
    </testcase>
    <testcase name="LOCK1 writethrough→writethrough [ofd-write]" classname="coprobe.LOCK1" time="<s>">
      <system-out>WARN: reader should see the new data after taking a OFD write lock (F_OFD_SETLKW) on its open file: 16 blocks: 16 stale; block 0 stale: generation expected 79, found 78 — the claim is not about block storage; reported as observed
  LOCK-INVALIDATES: On NFS, acquiring a file lock makes the client drop its cached data for that file.
WARN: a hazard the documents describe was observed (not a violation); probe record #45 (lock invalidation: b takes a lock on its already-open file after a's flush, then reads)</system-out>
    </testcase>
    <testcase name="LOCK1 writethrough→writethrough [flock-shared]" classname="coprobe.LOCK1" time="<s>">
      <system-out>WARN: reader should see the new data after taking a flock(LOCK_SH) on its open file: 16 blocks: 16 stale; block 0 stale: generation expected 81, found 80 — the claim is not about block storage; reported as observed
  LOCK-INVALIDATES: On NFS, acquiring a file lock makes the client drop its cached data for that file.
WARN: a hazard the documents describe was observed (not a violation); probe record #46 (lock invalidation: b takes a lock on its already-open file after a's flush, then reads)</system-out>
    </testcase>
    <testcase name="LOCK1 writethrough→writethrough [flock-exclusive]" classname="coprobe.LOCK1" time="<s>">
      <system-out>WARN: reader should see the new data after taking a flock(LOCK_EX) on its open file: 16 blocks: 16 stale; block 0 stale: generation expected 83, found 82 — the claim is not about block storage; reported as observed
  LOCK-INVALIDATES: On NFS, acquiring a file lock makes the client drop its cached data for that file.
WARN: a hazard the documents describe was observed (not a violation); probe record #47 (lock invalidation: b takes a lock on its already-open file after a's flush, then reads)</system-out>
    </testcase>
    <testcase name="LOCK1 writeback→writeback [posix-read]" classname="coprobe.LOCK1" time="<s>">
      <system-out>WARN: reader should see the new data after taking a fcntl read lock (F_SETLKW, F_RDLCK) on its open file: 16 blocks: 16 stale; block 0 stale: generation expected 85, found 84 — the claim is not about block storage; reported as observed
  LOCK-INVALIDATES: On NFS, acquiring a file lock makes the client drop its cached data for that file.
WARN: a hazard the documents describe was observed (not a violation); probe record #48 (lock invalidation: b takes a lock on its already-open file after a's flush, then reads)</system-out>
    </testcase>
    <testcase name="LOCK1 writeback→writeback [posix-write]" classname="coprobe.LOCK1" time="<s>">
      <system-out>WARN: reader should see the new data after taking a fcntl write lock (F_SETLKW, F_WRLCK) on its open file: 16 blocks: 16 stale; block 0 stale: generation expected 87, found 86 — the claim is not about block storage; reported as observed
  LOCK-INVALIDATES: On NFS, acquiring a file lock makes the client drop its cached data for that file.
WARN: a hazard the documents describe was observed (not a violation); probe record #49 (lock invalidation: b takes a lock on its already-open file after a's flush, then reads)</system-out>
    </testcase>
    <testcase name="LOCK1 writeback→writeback [ofd-read]" classname="coprobe.LOCK1" time="<s>">
      <system-out>WARN: reader should see the new data after taking a OFD read lock (F_OFD_SETLKW) on its open file: 16 blocks: 16 stale; block 0 stale: generation expected 89, found 88 — the claim is not about block storage; reported as observed
  LOCK-INVALIDATES: On NFS, acquiring a file lock makes the client drop its cached data for that file.
WARN: a hazard the documents describe was observed (not a violation); probe record #50 (lock invalidation: b takes a lock on its already-open file after a's flush, then reads)</system-out>
    </testcase>
    <testcase name="LOCK1 writeback→writeback [ofd-write]" classname="coprobe.LOCK1" time="<s>">
      <system-out>WARN: reader should see the new data after taking a OFD write lock (F_OFD_SETLKW) on its open file: 16 blocks: 16 stale; block 0 stale: generation expected 91, found 90 — the claim is not about block storage; reported as observed
  LOCK-INVALIDATES: On NFS, acquiring a file lock makes the client drop its cached data for that file.
WARN: a hazard the documents describe was observed (not a violation); probe record #51 (lock invalidation: b takes a lock on its already-open file after a's flush, then reads)</system-out>
    </testcase>
    <testcase name="LOCK1 writeback→writeback [flock-shared]" classname="coprobe.LOCK1" time="<s>">
      <system-out>WARN: reader should see the new data after taking a flock(LOCK_SH) on its open file: 16 blocks: 16 stale; block 0 stale: generation expected 93, found 92 — the claim is not about block storage; reported as observed
  LOCK-INVALIDATES: On NFS, acquiring a file lock makes the client drop its cached data for that file.
WARN: a hazard the documents describe was observed (not a violation); probe record #52 (lock invalidation: b takes a lock on its already-open file after a's flush, then reads)</system-out>
    </testcase>
    <testcase name="LOCK1 writeback→writeback [flock-exclusive]" classname="coprobe.LOCK1" time="<s>">
      <system-out>WARN: reader should see the new data after taking a flock(LOCK_EX) on its open file: 16 blocks: 16 stale; block 0 stale: generation expected 95, found 94 — the claim is not about block storage; reported as observed
  LOCK-INVALIDATES: On NFS, acquiring a file lock makes the client drop its cached data for that file.
WARN: a hazard the documents describe was observed (not a violation); probe record #53 (lock invalidation: b takes a lock on its already-open file after a's flush, then reads)</system-out>
    </testcase>
    <testcase name="LOCK1 unsafe→unsafe [posix-read]" classname="coprobe.LOCK1" time="<s>">
      <system-out>WARN: reader should see the new data after taking a fcntl read lock (F_SETLKW, F_RDLCK) on its open file: 16 blocks: 16 stale; block 0 stale: generation expected 97, found 95 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data
  LOCK-INVALIDATES: On NFS, acquiring a file lock makes the client drop its cached data for that file.
WARN: a hazard the documents describe was observed (not a violation); probe record #54 (lock invalidation: b takes a lock on its already-open file after a's flush, then reads)</system-out>
    </testcase>
    <testcase name="LOCK1 unsafe→unsafe [posix-write]" classname="coprobe.LOCK1" time="<s>">
      <system-out>WARN: reader should see the new data after taking a fcntl write lock (F_SETLKW, F_WRLCK) on its open file: 16 blocks: 16 stale; block 0 stale: generation expected 99, found 97 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data
  LOCK-INVALIDATES: On NFS, acquiring a file lock makes the client drop its cached data for that file.
WARN: a hazard the documents describe was observed (not a violation); probe record #55 (lock invalidation: b takes a lock on its already-open file after a's flush, then reads)</system-out>
    </testcase>
    <testcase name="LOCK1 unsafe→unsafe [ofd-read]" classname="coprobe.LOCK1" time="<s>">
      <system-out>WARN: reader should see the new data after taking a OFD read lock (F_OFD_SETLKW) on its open file: 16 blocks: 16 stale; block 0 stale: generation expected 101, found 99 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data
  LOCK-INVALIDATES: On NFS, acquiring a file lock makes the client drop its cached data for that file.
WARN: a hazard the documents describe was observed (not a violation); probe record #56 (lock invalidation: b takes a lock on its already-open file after a's flush, then reads)</system-out>
    </testcase>
    <testcase name="LOCK1 unsafe→unsafe [ofd-write]" classname="coprobe.LOCK1" time="<s>">
      <system-out>WARN: reader should see the new data after taking a OFD write lock (F_OFD_SETLKW) on its open file: 16 blocks: 16 stale; block 0 stale: generation expected 103, found 101 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data
  LOCK-INVALIDATES: On NFS, acquiring a file lock makes the client drop its cached data for that file.
WARN: a hazard the documents describe was observed (not a violation); probe record #57 (lock invalidation: b takes a lock on its already-open file after a's flush, then reads)</system-out>
    </testcase>
    <testcase name="LOCK1 unsafe→unsafe [flock-shared]" classname="coprobe.LOCK1" time="<s>">
      <system-out>WARN: reader should see the new data after taking a flock(LOCK_SH) on its open file: 16 blocks: 16 stale; block 0 stale: generation expected 105, found 103 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data
  LOCK-INVALIDATES: On NFS, acquiring a file lock makes the client drop its cached data for that file.
WARN: a hazard the documents describe was observed (not a violation); probe record #58 (lock invalidation: b takes a lock on its already-open file after a's flush, then reads)</system-out>
    </testcase>
    <testcase name="LOCK1 unsafe→unsafe [flock-exclusive]" classname="coprobe.LOCK1" time="<s>">
      <system-out>WARN: reader should see the new data after taking a flock(LOCK_EX) on its open file: 16 blocks: 16 stale; block 0 stale: generation expected 107, found 105 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data
  LOCK-INVALIDATES: On NFS, acquiring a file lock makes the client drop its cached data for that file.
WARN: a hazard the documents describe was observed (not a violation); probe record #59 (lock invalidation: b takes a lock on its already-open file after a's flush, then reads)</system-out>
    </testcase>
    <testcase name="EARLY1 writethrough→writethrough [none]" classname="coprobe.EARLY1" time="<s>">
      <system-out>WARN: without a remedy, the image head b read early is fresh after a rewrote it and flushed (T says it is not): 16 blocks: 16 stale; block 0 stale: generation expected 109, found 108 — hazard present: the head b read before the guest started is stale
  EARLY-READ-64K: QEMU reads the first 64 KiB before the guest starts; a write there by the other side leaves stale data.
WARN: a hazard the documents describe was observed (not a violation); probe record #60 (early-read hazard: b reads the first 64 KiB, a rewrites them and flushes, b re-reads (remedies))</system-out>
    </testcase>
    <testcase name="EARLY1 writethrough→writethrough [reopen]" classname="coprobe.EARLY1" time="<s>"/>
    <testcase name="EARLY1 writethrough→writethrough [fadvise]" classname="coprobe.EARLY1" time="<s>"/>
    <testcase name="EARLY1 writethrough→writethrough [fcntl]" classname="coprobe.EARLY1" time="<s>">
      <system-out>WARN: the image head b read early should be fresh after fcntl read lock (F_SETLKW) on the open file: 16 blocks: 16 stale; block 0 stale: generation expected 115, found 114 — the claim is not about block storage; reported as observed
  LOCK-INVALIDATES: On NFS, acquiring a file lock makes the client drop its cached data for that file.
WARN: a hazard the documents describe was observed (not a violation); probe record #63 (early-read hazard: b reads the first 64 KiB, a rewrites them and flushes, b re-reads (remedies))</system-out>
    </testcase>
    <testcase name="EARLY1 writethrough→writethrough [blkflsbuf]" classname="coprobe.EARLY1" time="<s>"/>
    <testcase name="EARLY1 writeback→writeback [none]" classname="coprobe.EARLY1" time="<s>">
      <system-out>WARN: without a remedy, the image head b read early is fresh after a rewrote it and flushed (T says it is not): 16 blocks: 16 stale; block 0 stale: generation expected 119, found 118 — hazard present: the head b read before the guest started is stale
  EARLY-READ-64K: QEMU reads the first 64 KiB before the guest starts; a write there by the other side leaves stale data.
WARN: a hazard the documents describe was observed (not a violation); probe record #65 (early-read hazard: b reads the first 64 KiB, a rewrites them and flushes, b re-reads (remedies))</system-out>
    </testcase>
    <testcase name="EARLY1 writeback→writeback [reopen]" classname="coprobe.EARLY1" time="<s>"/>
    <testcase name="EARLY1 writeback→writeback [fadvise]" classname="coprobe.EARLY1" time="<s>"/>
    <testcase name="EARLY1 writeback→writeback [fcntl]" classname="coprobe.EARLY1" time="<s>">
      <system-out>WARN: the image head b read early should be fresh after fcntl read lock (F_SETLKW) on the open file: 16 blocks: 16 stale; block 0 stale: generation expected 125, found 124 — the claim is not about block storage; reported as observed
  LOCK-INVALIDATES: On NFS, acquiring a file lock makes the client drop its cached data for that file.
WARN: a hazard the documents describe was observed (not a violation); probe record #68 (early-read hazard: b reads the first 64 KiB, a rewrites them and flushes, b re-reads (remedies))</system-out>
    </testcase>
    <testcase name="EARLY1 writeback→writeback [blkflsbuf]" classname="coprobe.EARLY1" time="<s>"/>
    <testcase name="EARLY1 unsafe→unsafe [none]" classname="coprobe.EARLY1" time="<s>">
      <system-out>WARN: without a remedy, the image head b read early is fresh after a rewrote it and flushed (T says it is not): 16 blocks: 16 stale; block 0 stale: generation expected 129, found 127 — hazard present: the head b read before the guest started is stale
  EARLY-READ-64K: QEMU reads the first 64 KiB before the guest starts; a write there by the other side leaves stale data.
WARN: a hazard the documents describe was observed (not a violation); probe record #70 (early-read hazard: b reads the first 64 KiB, a rewrites them and flushes, b re-reads (remedies))</system-out>
    </testcase>
    <testcase name="EARLY1 unsafe→unsafe [reopen]" classname="coprobe.EARLY1" time="<s>">
      <system-out>WARN: the image head b read early should be fresh after close and reopen (delayed open): 16 blocks: 16 stale; block 0 stale: generation expected 131, found 129 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data
  INVALIDATE-REMEDY: Invalidating the destination's cache after the source's final flush (or opening late) removes stale data.
WARN: a hazard the documents describe was observed (not a violation); probe record #71 (early-read hazard: b reads the first 64 KiB, a rewrites them and flushes, b re-reads (remedies))</system-out>
    </testcase>
    <testcase name="EARLY1 unsafe→unsafe [fadvise]" classname="coprobe.EARLY1" time="<s>">
      <system-out>WARN: the image head b read early should be fresh after posix_fadvise(DONTNEED) on the whole file (QEMU ≥ 4.0 on activation): 16 blocks: 16 stale; block 0 stale: generation expected 133, found 131 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data
  INVALIDATE-REMEDY: Invalidating the destination's cache after the source's final flush (or opening late) removes stale data.
  QEMU-DROP-CACHE: On activation QEMU flushes and fadvises DONTNEED the whole image; whether that drops stale pages is the stack's property.
WARN: a hazard the documents describe was observed (not a violation); probe record #72 (early-read hazard: b reads the first 64 KiB, a rewrites them and flushes, b re-reads (remedies))</system-out>
    </testcase>
    <testcase name="EARLY1 unsafe→unsafe [fcntl]" classname="coprobe.EARLY1" time="<s>">
      <system-out>WARN: the image head b read early should be fresh after fcntl read lock (F_SETLKW) on the open file: 16 blocks: 16 stale; block 0 stale: generation expected 135, found 133 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data
  LOCK-INVALIDATES: On NFS, acquiring a file lock makes the client drop its cached data for that file.
WARN: a hazard the documents describe was observed (not a violation); probe record #73 (early-read hazard: b reads the first 64 KiB, a rewrites them and flushes, b re-reads (remedies))</system-out>
    </testcase>
    <testcase name="EARLY1 unsafe→unsafe [blkflsbuf]" classname="coprobe.EARLY1" time="<s>">
      <system-out>WARN: the image head b read early should be fresh after ioctl(BLKFLSBUF) on the device: 16 blocks: 16 stale; block 0 stale: generation expected 137, found 135 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data
  INVALIDATE-REMEDY: Invalidating the destination's cache after the source's final flush (or opening late) removes stale data.
WARN: a hazard the documents describe was observed (not a violation); probe record #74 (early-read hazard: b reads the first 64 KiB, a rewrites them and flushes, b re-reads (remedies))</system-out>
    </testcase>
    <testcase name="RA1 writethrough→writethrough" classname="coprobe.RA1" time="<s>">
      <system-out>WARN: blocks b had not read yet should be fresh after a rewrote them and flushed (readahead may have fetched 15 blocks early): 15 blocks: 12 fresh, 3 stale; block 1 stale: generation expected 139, found 138 — readahead on b fetched 3 of the 15 following blocks before a's write and served them stale
  READAHEAD: An NFS client that prefetched aggressively could read stale data ahead; Linux does not in practice.
WARN: a hazard the documents describe was observed (not a violation); probe record #75 (readahead hazard: b reads block 0, a rewrites blocks 1..k and flushes, b reads them)</system-out>
    </testcase>
    <testcase name="RA1 writeback→writeback" classname="coprobe.RA1" time="<s>">
      <system-out>WARN: blocks b had not read yet should be fresh after a rewrote them and flushed (readahead may have fetched 15 blocks early): 15 blocks: 12 fresh, 3 stale; block 1 stale: generation expected 141, found 140 — readahead on b fetched 3 of the 15 following blocks before a's write and served them stale
  READAHEAD: An NFS client that prefetched aggressively could read stale data ahead; Linux does not in practice.
WARN: a hazard the documents describe was observed (not a violation); probe record #76 (readahead hazard: b reads block 0, a rewrites blocks 1..k and flushes, b reads them)</system-out>
    </testcase>
    <testcase name="RA1 unsafe→unsafe" classname="coprobe.RA1" time="<s>">
      <system-out>WARN: blocks b had not read yet should be fresh after a rewrote them and flushed (readahead may have fetched 15 blocks early): 15 blocks: 15 stale; block 1 stale: generation expected 143, found 141 — the writer skipped its flush (cache=unsafe)
  READAHEAD: An NFS client that prefetched aggressively could read stale data ahead; Linux does not in practice.
WARN: a hazard the documents describe was observed (not a violation); probe record #77 (readahead hazard: b reads block 0, a rewrites blocks 1..k and flushes, b reads them)</system-out>
    </testcase>
    <testcase name="RES1 writethrough→writethrough" classname="coprobe.RES1" time="<s>"/>
    <testcase name="RES1 writeback→writeback" classname="coprobe.RES1" time="<s>"/>
    <testcase name="RES1 unsafe→unsafe" classname="coprobe.RES1" time="<s>"/>
    <testcase name="SIZE1 none→none" classname="coprobe.SIZE1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #81 (attribute/size coherence: a extends and truncates the file b has open; b stats and reads past the old end)</skipped>
    </testcase>
    <testcase name="SIZE1 directsync→directsync" classname="coprobe.SIZE1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #82 (attribute/size coherence: a extends and truncates the file b has open; b stats and reads past the old end)</skipped>
    </testcase>
    <testcase name="SIZE1 writethrough→writethrough" classname="coprobe.SIZE1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #83 (attribute/size coherence: a extends and truncates the file b has open; b stats and reads past the old end)</skipped>
    </testcase>
    <testcase name="SIZE1 writeback→writeback" classname="coprobe.SIZE1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #84 (attribute/size coherence: a extends and truncates the file b has open; b stats and reads past the old end)</skipped>
    </testcase>
    <testcase name="SIZE1 unsafe→unsafe" classname="coprobe.SIZE1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #85 (attribute/size coherence: a extends and truncates the file b has open; b stats and reads past the old end)</skipped>
    </testcase>
    <testcase name="UNL1 none→none [unlink]" classname="coprobe.UNL1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #86 (unlink or chmod 000 by a while b has the file open, then b reads through its descriptor)</skipped>
    </testcase>
    <testcase name="UNL1 none→none [chmod]" classname="coprobe.UNL1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #87 (unlink or chmod 000 by a while b has the file open, then b reads through its descriptor)</skipped>
    </testcase>
    <testcase name="UNL1 directsync→directsync [unlink]" classname="coprobe.UNL1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #88 (unlink or chmod 000 by a while b has the file open, then b reads through its descriptor)</skipped>
    </testcase>
    <testcase name="UNL1 directsync→directsync [chmod]" classname="coprobe.UNL1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #89 (unlink or chmod 000 by a while b has the file open, then b reads through its descriptor)</skipped>
    </testcase>
    <testcase name="UNL1 writethrough→writethrough [unlink]" classname="coprobe.UNL1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #90 (unlink or chmod 000 by a while b has the file open, then b reads through its descriptor)</skipped>
    </testcase>
    <testcase name="UNL1 writethrough→writethrough [chmod]" classname="coprobe.UNL1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #91 (unlink or chmod 000 by a while b has the file open, then b reads through its descriptor)</skipped>
    </testcase>
    <testcase name="UNL1 writeback→writeback [unlink]" classname="coprobe.UNL1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #92 (unlink or chmod 000 by a while b has the file open, then b reads through its descriptor)</skipped>
    </testcase>
    <testcase name="UNL1 writeback→writeback [chmod]" classname="coprobe.UNL1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #93 (unlink or chmod 000 by a while b has the file open, then b reads through its descriptor)</skipped>
    </testcase>
    <testcase name="UNL1 unsafe→unsafe [unlink]" classname="coprobe.UNL1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #94 (unlink or chmod 000 by a while b has the file open, then b reads through its descriptor)</skipped>
    </testcase>
    <testcase name="UNL1 unsafe→unsafe [chmod]" classname="coprobe.UNL1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #95 (unlink or chmod 000 by a while b has the file open, then b reads through its descriptor)</skipped>
    </testcase>
    <testcase name="HAND1 none→none [none]" classname="coprobe.HAND1" time="<s>"/>
    <testcase name="HAND1 none→none [fadvise]" classname="coprobe.HAND1" time="<s>">
      <skipped message="b reads with O_DIRECT (no page cache): QEMU applies no remedy, only the &quot;none&quot; run applies">OMIT: not run; probe record #97 (migration handoff: b reads the head early, a runs a workload and flushes, b applies a remedy and reads every block)</skipped>
    </testcase>
    <testcase name="HAND1 none→none [reopen]" classname="coprobe.HAND1" time="<s>">
      <skipped message="b reads with O_DIRECT (no page cache): QEMU applies no remedy, only the &quot;none&quot; run applies">OMIT: not run; probe record #98 (migration handoff: b reads the head early, a runs a workload and flushes, b applies a remedy and reads every block)</skipped>
    </testcase>
    <testcase name="HAND1 none→none [fcntl]" classname="coprobe.HAND1" time="<s>">
      <skipped message="b reads with O_DIRECT (no page cache): QEMU applies no remedy, only the &quot;none&quot; run applies">OMIT: not run; probe record #99 (migration handoff: b reads the head early, a runs a workload and flushes, b applies a remedy and reads every block)</skipped>
    </testcase>
    <testcase name="HAND1 directsync→directsync [none]" classname="coprobe.HAND1" time="<s>"/>
    <testcase name="HAND1 directsync→directsync [fadvise]" classname="coprobe.HAND1" time="<s>">
      <skipped message="b reads with O_DIRECT (no page cache): QEMU applies no remedy, only the &quot;none&quot; run applies">OMIT: not run; probe record #101 (migration handoff: b reads the head early, a runs a workload and flushes, b applies a remedy and reads every block)</skipped>
    </testcase>
    <testcase name="HAND1 directsync→directsync [reopen]" classname="coprobe.HAND1" time="<s>">
      <skipped message="b reads with O_DIRECT (no page cache): QEMU applies no remedy, only the &quot;none&quot; run applies">OMIT: not run; probe record #102 (migration handoff: b reads the head early, a runs a workload and flushes, b applies a remedy and reads every block)</skipped>
    </testcase>
    <testcase name="HAND1 directsync→directsync [fcntl]" classname="coprobe.HAND1" time="<s>">
      <skipped message="b reads with O_DIRECT (no page cache): QEMU applies no remedy, only the &quot;none&quot; run applies">OMIT: not run; probe record #103 (migration handoff: b reads the head early, a runs a workload and flushes, b applies a remedy and reads every block)</skipped>
    </testcase>
    <testcase name="HAND1 writethrough→writethrough [none]" classname="coprobe.HAND1" time="<s>">
      <system-out>WARN: after the source's final flush and no remedy, every block the destination reads should equal what the source last flushed: 1024 blocks: 944 fresh, 80 stale; block 0 stale: generation expected 159, found 157 — the early read's pages (and their readahead) stayed in b's page cache: the guest on b would see these blocks wrong
  HANDOFF: What the destination reads after the handoff must equal what the source last flushed.
WARN: a hazard the documents describe was observed (not a violation); probe record #104 (migration handoff: b reads the head early, a runs a workload and flushes, b applies a remedy and reads every block)</system-out>
    </testcase>
    <testcase name="HAND1 writethrough→writethrough [fadvise]" classname="coprobe.HAND1" time="<s>"/>
    <testcase name="HAND1 writethrough→writethrough [reopen]" classname="coprobe.HAND1" time="<s>"/>
    <testcase name="HAND1 writethrough→writethrough [fcntl]" classname="coprobe.HAND1" time="<s>">
      <system-out>WARN: after the source's final flush and fcntl read lock (F_SETLKW) on the open file, every block the destination reads should equal what the source last flushed: 1024 blocks: 944 fresh, 80 stale; block 0 stale: generation expected 173, found 172 — the claim is not about block storage; reported as observed
  HANDOFF: What the destination reads after the handoff must equal what the source last flushed.
  LOCK-INVALIDATES: On NFS, acquiring a file lock makes the client drop its cached data for that file.
WARN: a hazard the documents describe was observed (not a violation); probe record #107 (migration handoff: b reads the head early, a runs a workload and flushes, b applies a remedy and reads every block)</system-out>
    </testcase>
    <testcase name="HAND1 writeback→writeback [none]" classname="coprobe.HAND1" time="<s>">
      <system-out>WARN: after the source's final flush and no remedy, every block the destination reads should equal what the source last flushed: 1024 blocks: 944 fresh, 80 stale; block 0 stale: generation expected 181, found 177 — the early read's pages (and their readahead) stayed in b's page cache: the guest on b would see these blocks wrong
  HANDOFF: What the destination reads after the handoff must equal what the source last flushed.
WARN: a hazard the documents describe was observed (not a violation); probe record #108 (migration handoff: b reads the head early, a runs a workload and flushes, b applies a remedy and reads every block)</system-out>
    </testcase>
    <testcase name="HAND1 writeback→writeback [fadvise]" classname="coprobe.HAND1" time="<s>"/>
    <testcase name="HAND1 writeback→writeback [reopen]" classname="coprobe.HAND1" time="<s>"/>
    <testcase name="HAND1 writeback→writeback [fcntl]" classname="coprobe.HAND1" time="<s>">
      <system-out>WARN: after the source's final flush and fcntl read lock (F_SETLKW) on the open file, every block the destination reads should equal what the source last flushed: 1024 blocks: 944 fresh, 80 stale; block 0 stale: generation expected 196, found 192 — the claim is not about block storage; reported as observed
  HANDOFF: What the destination reads after the handoff must equal what the source last flushed.
  LOCK-INVALIDATES: On NFS, acquiring a file lock makes the client drop its cached data for that file.
WARN: a hazard the documents describe was observed (not a violation); probe record #111 (migration handoff: b reads the head early, a runs a workload and flushes, b applies a remedy and reads every block)</system-out>
    </testcase>
    <testcase name="HAND1 unsafe→unsafe [none]" classname="coprobe.HAND1" time="<s>">
      <system-out>WARN: after the source's final flush and no remedy, every block the destination reads should equal what the source last flushed: 1024 blocks: 1024 stale; block 0 stale: generation expected 201, found 196 — the writer skipped its flush (cache=unsafe)
  HANDOFF: What the destination reads after the handoff must equal what the source last flushed.
WARN: a hazard the documents describe was observed (not a violation); probe record #112 (migration handoff: b reads the head early, a runs a workload and flushes, b applies a remedy and reads every block)</system-out>
    </testcase>
    <testcase name="HAND1 unsafe→unsafe [fadvise]" classname="coprobe.HAND1" time="<s>">
      <system-out>WARN: after the source's final flush and posix_fadvise(DONTNEED) on the whole file (QEMU ≥ 4.0 on activation), every block the destination reads should equal what the source last flushed: 1024 blocks: 1024 stale; block 0 stale: generation expected 206, found 201 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data
  HANDOFF: What the destination reads after the handoff must equal what the source last flushed.
  QEMU-DROP-CACHE: On activation QEMU flushes and fadvises DONTNEED the whole image; whether that drops stale pages is the stack's property.
  INVALIDATE-REMEDY: Invalidating the destination's cache after the source's final flush (or opening late) removes stale data.
WARN: a hazard the documents describe was observed (not a violation); probe record #113 (migration handoff: b reads the head early, a runs a workload and flushes, b applies a remedy and reads every block)</system-out>
    </testcase>
    <testcase name="HAND1 unsafe→unsafe [reopen]" classname="coprobe.HAND1" time="<s>">
      <system-out>WARN: after the source's final flush and close and reopen (delayed open), every block the destination reads should equal what the source last flushed: 1024 blocks: 1024 stale; block 0 stale: generation expected 208, found 206 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data
  HANDOFF: What the destination reads after the handoff must equal what the source last flushed.
  INVALIDATE-REMEDY: Invalidating the destination's cache after the source's final flush (or opening late) removes stale data.
WARN: a hazard the documents describe was observed (not a violation); probe record #114 (migration handoff: b reads the head early, a runs a workload and flushes, b applies a remedy and reads every block)</system-out>
    </testcase>
    <testcase name="HAND1 unsafe→unsafe [fcntl]" classname="coprobe.HAND1" time="<s>">
      <system-out>WARN: after the source's final flush and fcntl read lock (F_SETLKW) on the open file, every block the destination reads should equal what the source last flushed: 1024 blocks: 1024 stale; block 0 stale: generation expected 213, found 208 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data
  HANDOFF: What the destination reads after the handoff must equal what the source last flushed.
  LOCK-INVALIDATES: On NFS, acquiring a file lock makes the client drop its cached data for that file.
WARN: a hazard the documents describe was observed (not a violation); probe record #115 (migration handoff: b reads the head early, a runs a workload and flushes, b applies a remedy and reads every block)</system-out>
    </testcase>
    <testcase name="IMG1 none→none [qcow2]" classname="coprobe.IMG1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #116 (image formats through qemu-io: b holds a qcow2/qed/raw image open while a allocates clusters and flushes)</skipped>
    </testcase>
    <testcase name="IMG1 none→none [qed]" classname="coprobe.IMG1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #117 (image formats through qemu-io: b holds a qcow2/qed/raw image open while a allocates clusters and flushes)</skipped>
    </testcase>
    <testcase name="IMG1 none→none [raw]" classname="coprobe.IMG1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #118 (image formats through qemu-io: b holds a qcow2/qed/raw image open while a allocates clusters and flushes)</skipped>
    </testcase>
    <testcase name="IMG1 directsync→directsync [qcow2]" classname="coprobe.IMG1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #119 (image formats through qemu-io: b holds a qcow2/qed/raw image open while a allocates clusters and flushes)</skipped>
    </testcase>
    <testcase name="IMG1 directsync→directsync [qed]" classname="coprobe.IMG1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #120 (image formats through qemu-io: b holds a qcow2/qed/raw image open while a allocates clusters and flushes)</skipped>
    </testcase>
    <testcase name="IMG1 directsync→directsync [raw]" classname="coprobe.IMG1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #121 (image formats through qemu-io: b holds a qcow2/qed/raw image open while a allocates clusters and flushes)</skipped>
    </testcase>
    <testcase name="IMG1 writethrough→writethrough [qcow2]" classname="coprobe.IMG1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #122 (image formats through qemu-io: b holds a qcow2/qed/raw image open while a allocates clusters and flushes)</skipped>
    </testcase>
    <testcase name="IMG1 writethrough→writethrough [qed]" classname="coprobe.IMG1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #123 (image formats through qemu-io: b holds a qcow2/qed/raw image open while a allocates clusters and flushes)</skipped>
    </testcase>
    <testcase name="IMG1 writethrough→writethrough [raw]" classname="coprobe.IMG1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #124 (image formats through qemu-io: b holds a qcow2/qed/raw image open while a allocates clusters and flushes)</skipped>
    </testcase>
    <testcase name="IMG1 writeback→writeback [qcow2]" classname="coprobe.IMG1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #125 (image formats through qemu-io: b holds a qcow2/qed/raw image open while a allocates clusters and flushes)</skipped>
    </testcase>
    <testcase name="IMG1 writeback→writeback [qed]" classname="coprobe.IMG1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #126 (image formats through qemu-io: b holds a qcow2/qed/raw image open while a allocates clusters and flushes)</skipped>
    </testcase>
    <testcase name="IMG1 writeback→writeback [raw]" classname="coprobe.IMG1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #127 (image formats through qemu-io: b holds a qcow2/qed/raw image open while a allocates clusters and flushes)</skipped>
    </testcase>
    <testcase name="IMG1 unsafe→unsafe [qcow2]" classname="coprobe.IMG1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #128 (image formats through qemu-io: b holds a qcow2/qed/raw image open while a allocates clusters and flushes)</skipped>
    </testcase>
    <testcase name="IMG1 unsafe→unsafe [qed]" classname="coprobe.IMG1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #129 (image formats through qemu-io: b holds a qcow2/qed/raw image open while a allocates clusters and flushes)</skipped>
    </testcase>
    <testcase name="IMG1 unsafe→unsafe [raw]" classname="coprobe.IMG1" time="<s>">
      <skipped message="needs a dir target; side a is a device">OMIT: not run; probe record #130 (image formats through qemu-io: b holds a qcow2/qed/raw image open while a allocates clusters and flushes)</skipped>
    </testcase>
    <system-out>coprobe 0.1.0 run <run-id>
a: /dev/loop0 — block device 7:0, stack block, on vm, kernel 6.18.44-fc-v595
b: /dev/loop1 — block device 7:1, stack block, on vm, kernel 6.18.44-fc-v595

Verdicts on shared block storage (profile block)
mode          QEMU                     verdict  libvirt  docs    evidence
none          QEMU ≥ 4.0 (drop-cache)  SAFE     allows   safe    HAND1 none→none [none] #96: 1024 blocks: 1024 fresh
none          QEMU &lt; 4.0               SAFE     allows   safe    HAND1 none→none [none] #96: 1024 blocks: 1024 fresh
directsync    QEMU ≥ 4.0 (drop-cache)  SAFE     allows   safe    HAND1 directsync→directsync [none] #100: 1024 blocks: 1024 fresh
directsync    QEMU &lt; 4.0               SAFE     allows   safe    HAND1 directsync→directsync [none] #100: 1024 blocks: 1024 fresh
writethrough  QEMU ≥ 4.0 (drop-cache)  SAFE     allows   -       HAND1 writethrough→writethrough [fadvise] #105: 1024 blocks: 1024 fresh
writethrough  QEMU &lt; 4.0               UNSAFE   refuses  unsafe  HAND1 writethrough→writethrough [none] #104: 1024 blocks: 944 fresh, 80 stale; block 0 stale: generation expected 159, found 157
writeback     QEMU ≥ 4.0 (drop-cache)  SAFE     allows   -       HAND1 writeback→writeback [fadvise] #109: 1024 blocks: 1024 fresh
writeback     QEMU &lt; 4.0               UNSAFE   refuses  unsafe  HAND1 writeback→writeback [none] #108: 1024 blocks: 944 fresh, 80 stale; block 0 stale: generation expected 181, found 177
unsafe        QEMU ≥ 4.0 (drop-cache)  UNSAFE   allows   -       HAND1 unsafe→unsafe [fadvise] #113: 1024 blocks: 1024 stale; block 0 stale: generation expected 206, found 201
unsafe        QEMU &lt; 4.0               UNSAFE   refuses  unsafe  HAND1 unsafe→unsafe [none] #112: 1024 blocks: 1024 stale; block 0 stale: generation expected 201, found 196

  unsafe, QEMU ≥ 4.0 (drop-cache): libvirt allows cache=unsafe here (QEMU drops the cache on activation: libvirt allows cache=unsafe), but the measurement is UNSAFE

Claims on shared block storage (profile block)
claim                      status          evidence / why
NFS-CTO                    not applicable  the claim is about NFS; side b is shared block storage; 16 blocks: 16 fresh: the writer skipped its flush (cache=unsafe)
NFS-OPEN-BOTH              not applicable  the claim is about NFS; side b is shared block storage; 16 blocks: 16 stale: the writer skipped its flush (cache=unsafe); 16 blocks: 16 stale after nothing (control): the writer skipped its flush (cache=unsafe)
NFS-SYNC-STABLE-READ       not applicable  the claim is about a Linux NFS server exporting with sync; side b is shared block storage; 16 blocks: 16 stale after a new O_DIRECT descriptor: the writer skipped its flush (cache=unsafe)
NFS-ODIRECT-READ           not applicable  the claim is about the Linux NFS client; side b is shared block storage; 16 blocks: 16 stale after a new O_DIRECT descriptor: the writer skipped its flush (cache=unsafe); 16 blocks: 16 stale after O_DIRECT set with fcntl(F_SETFL) on the same descriptor: the writer skipped its flush (cache=unsafe)
NFS-CACHE-NONE-SAFE        not applicable  the QEMU wiki page (W) makes this claim about Linux NFS server and client, not about shared block storage
BLOCK-PROTOCOL-COHERENT    holds           BOTH1 none→none #7: reader with O_DIRECT should see the new data after fsync on the writer, without reopening: 16 blocks: 16 fresh (and 5 more)
BLOCK-PAGECACHE-INCOHERENT holds           BOTH1 writethrough→writethrough #9: buffered reader sees the new data after fsync on the writer, without reopening (the documents warn it may not): 16 blocks: 16 stale; block 0 stale: generation expected 19, found 18 — hazard present: b's page cache kept old data, so cache=writethrough on the destination is not coherent here (and 3 more)
BLOCK-CACHE-NONE-ONLY      holds           HAND1 none→none [none] #96: cache=none, without drop-cache (QEMU &lt; 4.0): measured SAFE: 1024 blocks: 1024 fresh (and 4 more)
CLUSTER-FS-ANY-CACHE       not applicable  the QEMU wiki page (W) makes this claim about clustered filesystems (GPFS, Ceph, GlusterFS, GFS2), not about shared block storage
QCOW2-METADATA             not checked     every run of IMG1 ended without a judgement: IMG1 OMIT: needs a dir target; side a is a device
QED-DIRTY                  not checked     every run of IMG1 ended without a judgement: IMG1 OMIT: needs a dir target; side a is a device
RAW-SIZE                   not checked     every run of SIZE1 ended without a judgement: SIZE1 OMIT: needs a dir target; side a is a device
EARLY-READ-64K             holds           EARLY1 writethrough→writethrough [none] #60: without a remedy, the image head b read early is fresh after a rewrote it and flushed (T says it is not): 16 blocks: 16 stale; block 0 stale: generation expected 109, found 108 — hazard present: the head b read before the guest started is stale (and 3 more)
LOCK-INVALIDATES           not applicable  the claim is about NFS; side b is shared block storage; 16 blocks: 16 stale after fcntl read lock (F_SETLKW, F_RDLCK): the writer skipped its flush (cache=unsafe); 16 blocks: 16 stale after fcntl write lock (F_SETLKW, F_WRLCK): the writer skipped its flush (cache=unsafe); 16 blocks: 16 stale after OFD read lock (F_OFD_SETLKW): the writer skipped its flush (cache=unsafe); 16 blocks: 16 stale after OFD write lock (F_OFD_SETLKW): the writer skipped its flush (cache=unsafe); 16 blocks: 16 stale after flock(LOCK_SH): the writer skipped its flush (cache=unsafe); 16 blocks: 16 stale after flock(LOCK_EX): the writer skipped its flush (cache=unsafe); 16 blocks: 16 stale of the head after fcntl read lock (F_SETLKW) on the open file: the writer skipped its flush (cache=unsafe); 1024 blocks: 1024 stale after fcntl read lock (F_SETLKW) on the open file: the writer skipped its flush (cache=unsafe)
INVALIDATE-REMEDY          holds           FLUSH1 writethrough→writethrough [reopen] #13: reader should see the new data after close and reopen (last descriptor): 16 blocks: 16 fresh (and 15 more)
READAHEAD                  not applicable  the claim is about the Linux NFS client; side b is shared block storage; 15 blocks: 15 stale b had never read: the writer skipped its flush (cache=unsafe)
NFS-UNLINK-AFTER-OPEN      not applicable  the 2010 qemu-devel thread (T) makes this claim about NFS, not about shared block storage
HANDOFF                    holds           HAND1 none→none [none] #96: after the source's final flush and no remedy, every block the destination reads should equal what the source last flushed: 1024 blocks: 1024 fresh (and 5 more)
  note: not observable: that the source frees nothing and the destination starts the guest at once is QEMU's migration protocol, not the storage's; probes check only the consequence: what b reads after the handoff equals what a last flushed
QEMU-DROP-CACHE            holds           FLUSH1 writethrough→writethrough [fadvise] #15: reader should see the new data after posix_fadvise(DONTNEED) on the whole file: 16 blocks: 16 fresh (and 8 more)
QCOW2-REOPEN               not checked     every run of IMG1 ended without a judgement: IMG1 OMIT: needs a dir target; side a is a device
LIBVIRT-POLICY             not checked     no probe checks it: it describes libvirt's code (qemuMigrationSrcIsSafe), not the storage, so no probe can observe it; the verdict table instead sets libvirt's decision beside each measured verdict and flags where they disagree
  note: libvirt's decision disagrees with the measurement in 1 of 10 measured mode × QEMU pairs (verdict table)
NFS-NOSHARECACHE           not applicable  the claim is about two NFS mounts in one kernel; these sides are not
NFS-LOCALIO                not applicable  side b is not an NFS mount</system-out>
    <system-err></system-err>
  </testsuite>
</testsuites>

`

exports[`test/junit.test.ts > TAP > loop-window: snapshot, counts and schema > junit.xml 1`] = `
<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="coprobe" tests="20" failures="0" errors="0" skipped="0" time="<s>" timestamp="<ts>">
  <testsuite name="coprobe run <run-id>" tests="20" failures="0" errors="0" skipped="0" time="<s>" timestamp="<ts>" hostname="vm" id="0" package="coprobe">
    <properties>
      <property name="coprobe.run-id" value="<run-id>"/>
      <property name="coprobe.version" value="0.1.0"/>
      <property name="coprobe.started-at" value="<iso>"/>
      <property name="coprobe.block-size" value="4096"/>
      <property name="coprobe.blocks" value="16"/>
      <property name="coprobe.glance.stack" value="shared block storage (profile block)"/>
      <property name="coprobe.glance.headline" value="Safe with drop-cache (QEMU ≥ 4.0): no mode; with older QEMU: no mode."/>
      <property name="coprobe.glance.none.drop-cache" value="UNKNOWN"/>
      <property name="coprobe.glance.none.drop-cache.note" value="not measured: HAND1 was not selected"/>
      <property name="coprobe.glance.none.no-drop-cache" value="UNKNOWN"/>
      <property name="coprobe.glance.none.no-drop-cache.note" value="not measured: HAND1 was not selected"/>
      <property name="coprobe.glance.directsync.drop-cache" value="UNKNOWN"/>
      <property name="coprobe.glance.directsync.drop-cache.note" value="not measured: HAND1 was not selected"/>
      <property name="coprobe.glance.directsync.no-drop-cache" value="UNKNOWN"/>
      <property name="coprobe.glance.directsync.no-drop-cache.note" value="not measured: HAND1 was not selected"/>
      <property name="coprobe.glance.writethrough.drop-cache" value="UNKNOWN"/>
      <property name="coprobe.glance.writethrough.drop-cache.note" value="not measured: HAND1 was not selected"/>
      <property name="coprobe.glance.writethrough.no-drop-cache" value="UNKNOWN"/>
      <property name="coprobe.glance.writethrough.no-drop-cache.note" value="not measured: HAND1 was not selected"/>
      <property name="coprobe.glance.writeback.drop-cache" value="UNKNOWN"/>
      <property name="coprobe.glance.writeback.drop-cache.note" value="not measured: HAND1 was not selected"/>
      <property name="coprobe.glance.writeback.no-drop-cache" value="UNKNOWN"/>
      <property name="coprobe.glance.writeback.no-drop-cache.note" value="not measured: HAND1 was not selected"/>
      <property name="coprobe.glance.unsafe.drop-cache" value="UNKNOWN"/>
      <property name="coprobe.glance.unsafe.drop-cache.note" value="not measured: HAND1 was not selected"/>
      <property name="coprobe.glance.unsafe.no-drop-cache" value="UNKNOWN"/>
      <property name="coprobe.glance.unsafe.no-drop-cache.note" value="not measured: HAND1 was not selected"/>
      <property name="coprobe.glance.confounders" value="none detected"/>
      <property name="coprobe.glance.contradicts" value="none"/>
      <property name="side.a" value="writer: /dev/loop0 — block device 7:0, stack block, on vm, kernel 6.18.44-fc-v595"/>
      <property name="side.a.kernel" value="6.18.44-fc-v595"/>
      <property name="side.a.details" value="block: loop0, loop over /tmp/coprobe-loop-WZkblR/backing.img, direct I/O on [/sys/devices/virtual/block/loop0]"/>
      <property name="side.b" value="reader: /dev/loop1 — block device 7:1, stack block, on vm, kernel 6.18.44-fc-v595"/>
      <property name="side.b.kernel" value="6.18.44-fc-v595"/>
      <property name="side.b.details" value="block: loop1, loop over /tmp/coprobe-loop-WZkblR/backing.img, direct I/O on [/sys/devices/virtual/block/loop1]"/>
      <property name="verdicts.profile" value="block (shared block storage)"/>
      <property name="verdict.none.drop-cache" value="UNKNOWN with QEMU ≥ 4.0 (drop-cache): not measured: HAND1 was not selected; libvirt allows; documents: safe"/>
      <property name="verdict.none.no-drop-cache" value="UNKNOWN with QEMU &lt; 4.0: not measured: HAND1 was not selected; libvirt allows; documents: safe"/>
      <property name="verdict.directsync.drop-cache" value="UNKNOWN with QEMU ≥ 4.0 (drop-cache): not measured: HAND1 was not selected; libvirt allows; documents: safe"/>
      <property name="verdict.directsync.no-drop-cache" value="UNKNOWN with QEMU &lt; 4.0: not measured: HAND1 was not selected; libvirt allows; documents: safe"/>
      <property name="verdict.writethrough.drop-cache" value="UNKNOWN with QEMU ≥ 4.0 (drop-cache): not measured: HAND1 was not selected; libvirt allows; documents: -"/>
      <property name="verdict.writethrough.no-drop-cache" value="UNKNOWN with QEMU &lt; 4.0: not measured: HAND1 was not selected; libvirt refuses; documents: unsafe"/>
      <property name="verdict.writeback.drop-cache" value="UNKNOWN with QEMU ≥ 4.0 (drop-cache): not measured: HAND1 was not selected; libvirt allows; documents: -"/>
      <property name="verdict.writeback.no-drop-cache" value="UNKNOWN with QEMU &lt; 4.0: not measured: HAND1 was not selected; libvirt refuses; documents: unsafe"/>
      <property name="verdict.unsafe.drop-cache" value="UNKNOWN with QEMU ≥ 4.0 (drop-cache): not measured: HAND1 was not selected; libvirt allows; documents: -"/>
      <property name="verdict.unsafe.no-drop-cache" value="UNKNOWN with QEMU &lt; 4.0: not measured: HAND1 was not selected; libvirt refuses; documents: unsafe"/>
      <property name="claim.NFS-CTO" value="not applicable: 16 blocks: 16 fresh: the writer skipped its flush (cache=unsafe)"/>
      <property name="claim.NFS-OPEN-BOTH" value="not applicable: the 2010 qemu-devel thread (T) makes this claim about NFS, not about shared block storage"/>
      <property name="claim.NFS-SYNC-STABLE-READ" value="not applicable: 16 blocks: 16 stale: the writer skipped its flush (cache=unsafe)"/>
      <property name="claim.NFS-ODIRECT-READ" value="not applicable: 16 blocks: 16 stale: the writer skipped its flush (cache=unsafe)"/>
      <property name="claim.NFS-CACHE-NONE-SAFE" value="not applicable: the QEMU wiki page (W) makes this claim about Linux NFS server and client, not about shared block storage"/>
      <property name="claim.BLOCK-PROTOCOL-COHERENT" value="not applicable: 16 blocks: 16 stale: the writer skipped its flush (cache=unsafe)"/>
      <property name="claim.BLOCK-PAGECACHE-INCOHERENT" value="not checked: 10 completed runs of BOTH1, but no check bore on it with the variants run"/>
      <property name="claim.BLOCK-CACHE-NONE-ONLY" value="not checked: judged from the verdict table, where cache=none is UNKNOWN: not measured: HAND1 was not selected (and 4 more UNKNOWN)"/>
      <property name="claim.CLUSTER-FS-ANY-CACHE" value="not applicable: the QEMU wiki page (W) makes this claim about clustered filesystems (GPFS, Ceph, GlusterFS, GFS2), not about shared block storage"/>
      <property name="claim.QCOW2-METADATA" value="not checked: not selected: IMG1"/>
      <property name="claim.QED-DIRTY" value="not checked: not selected: IMG1"/>
      <property name="claim.RAW-SIZE" value="not checked: not selected: SIZE1"/>
      <property name="claim.EARLY-READ-64K" value="not checked: not selected: EARLY1, HAND1"/>
      <property name="claim.LOCK-INVALIDATES" value="not applicable: the 2010 qemu-devel thread (T) makes this claim about NFS, not about shared block storage"/>
      <property name="claim.INVALIDATE-REMEDY" value="not checked: not selected: FLUSH1, EARLY1, HAND1"/>
      <property name="claim.READAHEAD" value="not applicable: the 2010 qemu-devel thread (T) makes this claim about the Linux NFS client, not about shared block storage"/>
      <property name="claim.NFS-UNLINK-AFTER-OPEN" value="not applicable: the 2010 qemu-devel thread (T) makes this claim about NFS, not about shared block storage"/>
      <property name="claim.HANDOFF" value="not checked: not selected: HAND1"/>
      <property name="claim.QEMU-DROP-CACHE" value="not checked: not selected: FLUSH1, EARLY1, RES1, HAND1"/>
      <property name="claim.QCOW2-REOPEN" value="not checked: not selected: IMG1"/>
      <property name="claim.LIBVIRT-POLICY" value="not checked: no probe checks it: it describes libvirt's code (qemuMigrationSrcIsSafe), not the storage, so no probe can observe it; the verdict table instead sets libvirt's decision beside each measured verdict and flags where they disagree"/>
      <property name="claim.NFS-NOSHARECACHE" value="not applicable: the QEMU, libvirt or Linux source cited in CLAIMS.md makes this claim about two NFS mounts of one export in one client, not about shared block storage"/>
      <property name="claim.NFS-LOCALIO" value="not applicable: the QEMU, libvirt or Linux source cited in CLAIMS.md makes this claim about an NFS client on the server's host (Linux ≥ 6.12), not about shared block storage"/>
      <property name="coprobe.finished-at" value="<iso>"/>
      <property name="coprobe.exit-code" value="0"/>
    </properties>
    <testcase name="CTO1 unsafe→none (repeat 1)" classname="coprobe.CTO1" time="<s>"/>
    <testcase name="CTO1 unsafe→none (repeat 2)" classname="coprobe.CTO1" time="<s>"/>
    <testcase name="CTO1 unsafe→none (repeat 3)" classname="coprobe.CTO1" time="<s>"/>
    <testcase name="CTO1 unsafe→none (repeat 4)" classname="coprobe.CTO1" time="<s>"/>
    <testcase name="CTO1 unsafe→none (repeat 5)" classname="coprobe.CTO1" time="<s>"/>
    <testcase name="CTO1 unsafe→directsync (repeat 1)" classname="coprobe.CTO1" time="<s>"/>
    <testcase name="CTO1 unsafe→directsync (repeat 2)" classname="coprobe.CTO1" time="<s>"/>
    <testcase name="CTO1 unsafe→directsync (repeat 3)" classname="coprobe.CTO1" time="<s>"/>
    <testcase name="CTO1 unsafe→directsync (repeat 4)" classname="coprobe.CTO1" time="<s>"/>
    <testcase name="CTO1 unsafe→directsync (repeat 5)" classname="coprobe.CTO1" time="<s>"/>
    <testcase name="BOTH1 unsafe→none (repeat 1)" classname="coprobe.BOTH1" time="<s>">
      <system-out>WARN: reader should see the data written and fsynced before it opened: 16 blocks: 16 stale; block 0 stale: generation expected 22, found 21 — writer skipped its flush (cache=unsafe)
  NFS-OPEN-BOTH: With the image open on both sides, fsync on the source does not by protocol make the data visible to the destination.
WARN: reader with O_DIRECT should see the new data after fsync on the writer, without reopening: 16 blocks: 16 stale; block 0 stale: generation expected 23, found 21 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data
  NFS-ODIRECT-READ: On the Linux NFS client an O_DIRECT read() always issues a protocol READ: fsync + O_DIRECT reads are coherent.
  BLOCK-PROTOCOL-COHERENT: iSCSI/FC/direct-attached storage: a read returns data another client's acknowledged write put there.
WARN: a hazard the documents describe was observed (not a violation); probe record #11 (both open: a writes and fsyncs, b reads without reopening)</system-out>
    </testcase>
    <testcase name="BOTH1 unsafe→none (repeat 2)" classname="coprobe.BOTH1" time="<s>">
      <system-out>WARN: reader should see the data written and fsynced before it opened: 16 blocks: 16 stale; block 0 stale: generation expected 24, found 23 — writer skipped its flush (cache=unsafe)
  NFS-OPEN-BOTH: With the image open on both sides, fsync on the source does not by protocol make the data visible to the destination.
WARN: reader with O_DIRECT should see the new data after fsync on the writer, without reopening: 16 blocks: 16 stale; block 0 stale: generation expected 25, found 23 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data
  NFS-ODIRECT-READ: On the Linux NFS client an O_DIRECT read() always issues a protocol READ: fsync + O_DIRECT reads are coherent.
  BLOCK-PROTOCOL-COHERENT: iSCSI/FC/direct-attached storage: a read returns data another client's acknowledged write put there.
WARN: a hazard the documents describe was observed (not a violation); probe record #12 (both open: a writes and fsyncs, b reads without reopening)</system-out>
    </testcase>
    <testcase name="BOTH1 unsafe→none (repeat 3)" classname="coprobe.BOTH1" time="<s>">
      <system-out>WARN: reader should see the data written and fsynced before it opened: 16 blocks: 16 stale; block 0 stale: generation expected 26, found 25 — writer skipped its flush (cache=unsafe)
  NFS-OPEN-BOTH: With the image open on both sides, fsync on the source does not by protocol make the data visible to the destination.
WARN: reader with O_DIRECT should see the new data after fsync on the writer, without reopening: 16 blocks: 16 stale; block 0 stale: generation expected 27, found 25 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data
  NFS-ODIRECT-READ: On the Linux NFS client an O_DIRECT read() always issues a protocol READ: fsync + O_DIRECT reads are coherent.
  BLOCK-PROTOCOL-COHERENT: iSCSI/FC/direct-attached storage: a read returns data another client's acknowledged write put there.
WARN: a hazard the documents describe was observed (not a violation); probe record #13 (both open: a writes and fsyncs, b reads without reopening)</system-out>
    </testcase>
    <testcase name="BOTH1 unsafe→none (repeat 4)" classname="coprobe.BOTH1" time="<s>">
      <system-out>WARN: reader should see the data written and fsynced before it opened: 16 blocks: 16 stale; block 0 stale: generation expected 28, found 27 — writer skipped its flush (cache=unsafe)
  NFS-OPEN-BOTH: With the image open on both sides, fsync on the source does not by protocol make the data visible to the destination.
WARN: reader with O_DIRECT should see the new data after fsync on the writer, without reopening: 16 blocks: 16 stale; block 0 stale: generation expected 29, found 27 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data
  NFS-ODIRECT-READ: On the Linux NFS client an O_DIRECT read() always issues a protocol READ: fsync + O_DIRECT reads are coherent.
  BLOCK-PROTOCOL-COHERENT: iSCSI/FC/direct-attached storage: a read returns data another client's acknowledged write put there.
WARN: a hazard the documents describe was observed (not a violation); probe record #14 (both open: a writes and fsyncs, b reads without reopening)</system-out>
    </testcase>
    <testcase name="BOTH1 unsafe→none (repeat 5)" classname="coprobe.BOTH1" time="<s>">
      <system-out>WARN: reader should see the data written and fsynced before it opened: 16 blocks: 16 stale; block 0 stale: generation expected 30, found 29 — writer skipped its flush (cache=unsafe)
  NFS-OPEN-BOTH: With the image open on both sides, fsync on the source does not by protocol make the data visible to the destination.
WARN: reader with O_DIRECT should see the new data after fsync on the writer, without reopening: 16 blocks: 16 stale; block 0 stale: generation expected 31, found 29 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data
  NFS-ODIRECT-READ: On the Linux NFS client an O_DIRECT read() always issues a protocol READ: fsync + O_DIRECT reads are coherent.
  BLOCK-PROTOCOL-COHERENT: iSCSI/FC/direct-attached storage: a read returns data another client's acknowledged write put there.
WARN: a hazard the documents describe was observed (not a violation); probe record #15 (both open: a writes and fsyncs, b reads without reopening)</system-out>
    </testcase>
    <testcase name="BOTH1 unsafe→directsync (repeat 1)" classname="coprobe.BOTH1" time="<s>">
      <system-out>WARN: reader should see the data written and fsynced before it opened: 16 blocks: 16 stale; block 0 stale: generation expected 32, found 31 — writer skipped its flush (cache=unsafe)
  NFS-OPEN-BOTH: With the image open on both sides, fsync on the source does not by protocol make the data visible to the destination.
WARN: reader with O_DIRECT should see the new data after fsync on the writer, without reopening: 16 blocks: 16 stale; block 0 stale: generation expected 33, found 31 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data
  NFS-ODIRECT-READ: On the Linux NFS client an O_DIRECT read() always issues a protocol READ: fsync + O_DIRECT reads are coherent.
  BLOCK-PROTOCOL-COHERENT: iSCSI/FC/direct-attached storage: a read returns data another client's acknowledged write put there.
WARN: a hazard the documents describe was observed (not a violation); probe record #16 (both open: a writes and fsyncs, b reads without reopening)</system-out>
    </testcase>
    <testcase name="BOTH1 unsafe→directsync (repeat 2)" classname="coprobe.BOTH1" time="<s>">
      <system-out>WARN: reader should see the data written and fsynced before it opened: 16 blocks: 16 stale; block 0 stale: generation expected 34, found 33 — writer skipped its flush (cache=unsafe)
  NFS-OPEN-BOTH: With the image open on both sides, fsync on the source does not by protocol make the data visible to the destination.
WARN: reader with O_DIRECT should see the new data after fsync on the writer, without reopening: 16 blocks: 16 stale; block 0 stale: generation expected 35, found 33 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data
  NFS-ODIRECT-READ: On the Linux NFS client an O_DIRECT read() always issues a protocol READ: fsync + O_DIRECT reads are coherent.
  BLOCK-PROTOCOL-COHERENT: iSCSI/FC/direct-attached storage: a read returns data another client's acknowledged write put there.
WARN: a hazard the documents describe was observed (not a violation); probe record #17 (both open: a writes and fsyncs, b reads without reopening)</system-out>
    </testcase>
    <testcase name="BOTH1 unsafe→directsync (repeat 3)" classname="coprobe.BOTH1" time="<s>">
      <system-out>WARN: reader should see the data written and fsynced before it opened: 16 blocks: 16 stale; block 0 stale: generation expected 36, found 35 — writer skipped its flush (cache=unsafe)
  NFS-OPEN-BOTH: With the image open on both sides, fsync on the source does not by protocol make the data visible to the destination.
WARN: reader with O_DIRECT should see the new data after fsync on the writer, without reopening: 16 blocks: 16 stale; block 0 stale: generation expected 37, found 35 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data
  NFS-ODIRECT-READ: On the Linux NFS client an O_DIRECT read() always issues a protocol READ: fsync + O_DIRECT reads are coherent.
  BLOCK-PROTOCOL-COHERENT: iSCSI/FC/direct-attached storage: a read returns data another client's acknowledged write put there.
WARN: a hazard the documents describe was observed (not a violation); probe record #18 (both open: a writes and fsyncs, b reads without reopening)</system-out>
    </testcase>
    <testcase name="BOTH1 unsafe→directsync (repeat 4)" classname="coprobe.BOTH1" time="<s>">
      <system-out>WARN: reader should see the data written and fsynced before it opened: 16 blocks: 16 stale; block 0 stale: generation expected 38, found 37 — writer skipped its flush (cache=unsafe)
  NFS-OPEN-BOTH: With the image open on both sides, fsync on the source does not by protocol make the data visible to the destination.
WARN: reader with O_DIRECT should see the new data after fsync on the writer, without reopening: 16 blocks: 16 stale; block 0 stale: generation expected 39, found 37 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data
  NFS-ODIRECT-READ: On the Linux NFS client an O_DIRECT read() always issues a protocol READ: fsync + O_DIRECT reads are coherent.
  BLOCK-PROTOCOL-COHERENT: iSCSI/FC/direct-attached storage: a read returns data another client's acknowledged write put there.
WARN: a hazard the documents describe was observed (not a violation); probe record #19 (both open: a writes and fsyncs, b reads without reopening)</system-out>
    </testcase>
    <testcase name="BOTH1 unsafe→directsync (repeat 5)" classname="coprobe.BOTH1" time="<s>">
      <system-out>WARN: reader should see the data written and fsynced before it opened: 16 blocks: 16 stale; block 0 stale: generation expected 40, found 39 — writer skipped its flush (cache=unsafe)
  NFS-OPEN-BOTH: With the image open on both sides, fsync on the source does not by protocol make the data visible to the destination.
WARN: reader with O_DIRECT should see the new data after fsync on the writer, without reopening: 16 blocks: 16 stale; block 0 stale: generation expected 41, found 39 — writer in mode unsafe skipped its flush (cache=unsafe), so storage never had the new data
  NFS-ODIRECT-READ: On the Linux NFS client an O_DIRECT read() always issues a protocol READ: fsync + O_DIRECT reads are coherent.
  BLOCK-PROTOCOL-COHERENT: iSCSI/FC/direct-attached storage: a read returns data another client's acknowledged write put there.
WARN: a hazard the documents describe was observed (not a violation); probe record #20 (both open: a writes and fsyncs, b reads without reopening)</system-out>
    </testcase>
    <system-out>coprobe 0.1.0 run <run-id>
a: /dev/loop0 — block device 7:0, stack block, on vm, kernel 6.18.44-fc-v595
b: /dev/loop1 — block device 7:1, stack block, on vm, kernel 6.18.44-fc-v595

Verdicts on shared block storage (profile block)
mode          QEMU                     verdict  libvirt  docs    evidence
none          QEMU ≥ 4.0 (drop-cache)  UNKNOWN  allows   safe    not measured: HAND1 was not selected
none          QEMU &lt; 4.0               UNKNOWN  allows   safe    not measured: HAND1 was not selected
directsync    QEMU ≥ 4.0 (drop-cache)  UNKNOWN  allows   safe    not measured: HAND1 was not selected
directsync    QEMU &lt; 4.0               UNKNOWN  allows   safe    not measured: HAND1 was not selected
writethrough  QEMU ≥ 4.0 (drop-cache)  UNKNOWN  allows   -       not measured: HAND1 was not selected
writethrough  QEMU &lt; 4.0               UNKNOWN  refuses  unsafe  not measured: HAND1 was not selected
writeback     QEMU ≥ 4.0 (drop-cache)  UNKNOWN  allows   -       not measured: HAND1 was not selected
writeback     QEMU &lt; 4.0               UNKNOWN  refuses  unsafe  not measured: HAND1 was not selected
unsafe        QEMU ≥ 4.0 (drop-cache)  UNKNOWN  allows   -       not measured: HAND1 was not selected
unsafe        QEMU &lt; 4.0               UNKNOWN  refuses  unsafe  not measured: HAND1 was not selected

Claims on shared block storage (profile block)
claim                      status          evidence / why
NFS-CTO                    not applicable  16 blocks: 16 fresh: the writer skipped its flush (cache=unsafe)
NFS-OPEN-BOTH              not applicable  the 2010 qemu-devel thread (T) makes this claim about NFS, not about shared block storage
NFS-SYNC-STABLE-READ       not applicable  16 blocks: 16 stale: the writer skipped its flush (cache=unsafe)
NFS-ODIRECT-READ           not applicable  16 blocks: 16 stale: the writer skipped its flush (cache=unsafe)
NFS-CACHE-NONE-SAFE        not applicable  the QEMU wiki page (W) makes this claim about Linux NFS server and client, not about shared block storage
BLOCK-PROTOCOL-COHERENT    not applicable  16 blocks: 16 stale: the writer skipped its flush (cache=unsafe)
BLOCK-PAGECACHE-INCOHERENT not checked     10 completed runs of BOTH1, but no check bore on it with the variants run
BLOCK-CACHE-NONE-ONLY      not checked     judged from the verdict table, where cache=none is UNKNOWN: not measured: HAND1 was not selected (and 4 more UNKNOWN)
CLUSTER-FS-ANY-CACHE       not applicable  the QEMU wiki page (W) makes this claim about clustered filesystems (GPFS, Ceph, GlusterFS, GFS2), not about shared block storage
QCOW2-METADATA             not checked     not selected: IMG1
QED-DIRTY                  not checked     not selected: IMG1
RAW-SIZE                   not checked     not selected: SIZE1
EARLY-READ-64K             not checked     not selected: EARLY1, HAND1
LOCK-INVALIDATES           not applicable  the 2010 qemu-devel thread (T) makes this claim about NFS, not about shared block storage
INVALIDATE-REMEDY          not checked     not selected: FLUSH1, EARLY1, HAND1
READAHEAD                  not applicable  the 2010 qemu-devel thread (T) makes this claim about the Linux NFS client, not about shared block storage
NFS-UNLINK-AFTER-OPEN      not applicable  the 2010 qemu-devel thread (T) makes this claim about NFS, not about shared block storage
HANDOFF                    not checked     not selected: HAND1
  note: not observable: that the source frees nothing and the destination starts the guest at once is QEMU's migration protocol, not the storage's; probes check only the consequence: what b reads after the handoff equals what a last flushed
QEMU-DROP-CACHE            not checked     not selected: FLUSH1, EARLY1, RES1, HAND1
QCOW2-REOPEN               not checked     not selected: IMG1
LIBVIRT-POLICY             not checked     no probe checks it: it describes libvirt's code (qemuMigrationSrcIsSafe), not the storage, so no probe can observe it; the verdict table instead sets libvirt's decision beside each measured verdict and flags where they disagree
  note: libvirt's decision disagrees with the measurement in 0 of 0 measured mode × QEMU pairs (verdict table)
NFS-NOSHARECACHE           not applicable  the QEMU, libvirt or Linux source cited in CLAIMS.md makes this claim about two NFS mounts of one export in one client, not about shared block storage
NFS-LOCALIO                not applicable  the QEMU, libvirt or Linux source cited in CLAIMS.md makes this claim about an NFS client on the server's host (Linux ≥ 6.12), not about shared block storage</system-out>
    <system-err></system-err>
  </testsuite>
</testsuites>

`

exports[`test/junit.test.ts > TAP > nfs-user-v4: snapshot, counts and schema > junit.xml 1`] = `
<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="coprobe" tests="130" failures="0" errors="0" skipped="85" time="<s>" timestamp="<ts>">
  <testsuite name="coprobe run <run-id>" tests="130" failures="0" errors="0" skipped="85" time="<s>" timestamp="<ts>" hostname="vm" id="0" package="coprobe">
    <properties>
      <property name="coprobe.run-id" value="<run-id>"/>
      <property name="coprobe.version" value="0.1.0"/>
      <property name="coprobe.started-at" value="<iso>"/>
      <property name="coprobe.block-size" value="4096"/>
      <property name="coprobe.blocks" value="16"/>
      <property name="coprobe.glance.stack" value="QEMU's userspace NFS driver (nfs://, libnfs) (profile nfs-user)"/>
      <property name="coprobe.glance.headline" value="Safe with drop-cache (QEMU ≥ 4.0): none, directsync, writethrough, writeback, unsafe; with older QEMU: none, directsync, writethrough, writeback, unsafe."/>
      <property name="coprobe.glance.none.drop-cache" value="SAFE"/>
      <property name="coprobe.glance.none.no-drop-cache" value="SAFE"/>
      <property name="coprobe.glance.directsync.drop-cache" value="SAFE"/>
      <property name="coprobe.glance.directsync.no-drop-cache" value="SAFE"/>
      <property name="coprobe.glance.writethrough.drop-cache" value="SAFE"/>
      <property name="coprobe.glance.writethrough.no-drop-cache" value="SAFE"/>
      <property name="coprobe.glance.writeback.drop-cache" value="SAFE"/>
      <property name="coprobe.glance.writeback.no-drop-cache" value="SAFE"/>
      <property name="coprobe.glance.unsafe.drop-cache" value="SAFE"/>
      <property name="coprobe.glance.unsafe.no-drop-cache" value="SAFE"/>
      <property name="coprobe.glance.confounders" value="none detected"/>
      <property name="coprobe.glance.contradicts" value="NFS-UNLINK-AFTER-OPEN (violated)"/>
      <property name="coprobe.glance.contradicts.NFS-UNLINK-AFTER-OPEN" value="VIOLATED (qemu-devel 2010 claims: On NFS, removing (or chmod-ing) a file from another client makes access through an open file fail, unlike POSIX.)"/>
      <property name="side.a" value="writer: nfs://127.0.0.1/export?version=4 — NFS export through libnfs (userspace), stack nfs, on vm, kernel 6.18.44-fc-v595"/>
      <property name="side.a.kernel" value="6.18.44-fc-v595"/>
      <property name="side.a.details" value="NFSv4 export /export of 127.0.0.1 via libnfs (userspace, no host page cache); flush: NFS COMMIT (nfs_fsync); write-through: NFS WRITE DATA_SYNC4; no host page cache: O_DIRECT and buffered are one mode here (none≡writeback, directsync≡writethrough); repeated I/O is run once"/>
      <property name="side.b" value="reader: nfs://127.0.0.1/export?version=4 — NFS export through libnfs (userspace), stack nfs, on vm, kernel 6.18.44-fc-v595"/>
      <property name="side.b.kernel" value="6.18.44-fc-v595"/>
      <property name="side.b.details" value="NFSv4 export /export of 127.0.0.1 via libnfs (userspace, no host page cache); flush: NFS COMMIT (nfs_fsync); write-through: NFS WRITE DATA_SYNC4; no host page cache: O_DIRECT and buffered are one mode here (none≡writeback, directsync≡writethrough); repeated I/O is run once"/>
      <property name="verdicts.profile" value="nfs-user (QEMU's userspace NFS driver (nfs://, libnfs)): reader reaches the export through libnfs (userspace, no host page cache), as QEMU's nfs:// driver does"/>
      <property name="verdict.none.drop-cache" value="SAFE with QEMU ≥ 4.0 (drop-cache): HAND1 none→none [none] #96: 1024 blocks: 1024 fresh; libvirt allows; documents: -"/>
      <property name="verdict.none.no-drop-cache" value="SAFE with QEMU &lt; 4.0: HAND1 none→none [none] #96: 1024 blocks: 1024 fresh; libvirt allows; documents: -"/>
      <property name="verdict.directsync.drop-cache" value="SAFE with QEMU ≥ 4.0 (drop-cache): HAND1 directsync→directsync [none] #100: 1024 blocks: 1024 fresh; libvirt allows; documents: -"/>
      <property name="verdict.directsync.no-drop-cache" value="SAFE with QEMU &lt; 4.0: HAND1 directsync→directsync [none] #100: 1024 blocks: 1024 fresh; libvirt allows; documents: -"/>
      <property name="verdict.writethrough.drop-cache" value="SAFE with QEMU ≥ 4.0 (drop-cache): HAND1 writethrough→writethrough [none] #100: directsync→directsync [none] ran this mode's I/O (no host page cache: O_DIRECT and buffered are one mode): 1024 blocks: 1024 fresh; libvirt allows; documents: -"/>
      <property name="verdict.writethrough.no-drop-cache" value="SAFE with QEMU &lt; 4.0: HAND1 writethrough→writethrough [none] #100: directsync→directsync [none] ran this mode's I/O (no host page cache: O_DIRECT and buffered are one mode): 1024 blocks: 1024 fresh; libvirt allows; documents: -"/>
      <property name="verdict.writeback.drop-cache" value="SAFE with QEMU ≥ 4.0 (drop-cache): HAND1 writeback→writeback [none] #96: none→none [none] ran this mode's I/O (no host page cache: O_DIRECT and buffered are one mode): 1024 blocks: 1024 fresh; libvirt allows; documents: -"/>
      <property name="verdict.writeback.no-drop-cache" value="SAFE with QEMU &lt; 4.0: HAND1 writeback→writeback [none] #96: none→none [none] ran this mode's I/O (no host page cache: O_DIRECT and buffered are one mode): 1024 blocks: 1024 fresh; libvirt allows; documents: -"/>
      <property name="verdict.unsafe.drop-cache" value="SAFE with QEMU ≥ 4.0 (drop-cache): HAND1 unsafe→unsafe [none] #112: 1024 blocks: 1024 fresh; libvirt allows; documents: -"/>
      <property name="verdict.unsafe.no-drop-cache" value="SAFE with QEMU &lt; 4.0: HAND1 unsafe→unsafe [none] #112: 1024 blocks: 1024 fresh; libvirt allows; documents: -"/>
      <property name="claim.NFS-CTO" value="holds: CTO1 none→none #2: reader should see the data when it opens after the writer fsynced and closed (first open): 16 blocks: 16 fresh (and 3 more)"/>
      <property name="claim.NFS-OPEN-BOTH" value="not applicable: 16 blocks: 16 fresh after nothing (control): fresh; 16 blocks: 16 fresh after nothing (control): the writer skipped its flush (cache=unsafe)"/>
      <property name="claim.NFS-SYNC-STABLE-READ" value="holds: BOTH1 none→none #7: reader with O_DIRECT should see the new data after fsync on the writer, without reopening: 16 blocks: 16 fresh (and 1 more)"/>
      <property name="claim.NFS-ODIRECT-READ" value="not applicable: the claim is about the Linux NFS client; side b is QEMU's userspace NFS driver (nfs://, libnfs); 16 blocks: 16 fresh: the writer skipped its flush (cache=unsafe)"/>
      <property name="claim.NFS-CACHE-NONE-SAFE" value="not applicable: the QEMU wiki page (W) makes this claim about Linux NFS server and client, not about QEMU's userspace NFS driver (nfs://, libnfs)"/>
      <property name="claim.BLOCK-PROTOCOL-COHERENT" value="not applicable: the claim is about shared block storage (iSCSI, FC, direct-attached); side b is QEMU's userspace NFS driver (nfs://, libnfs); 16 blocks: 16 fresh: the writer skipped its flush (cache=unsafe)"/>
      <property name="claim.BLOCK-PAGECACHE-INCOHERENT" value="not applicable: the claim is about the Linux page cache over shared block storage; side b is QEMU's userspace NFS driver (nfs://, libnfs); 16 blocks: 16 fresh after nothing (control): the writer skipped its flush (cache=unsafe)"/>
      <property name="claim.BLOCK-CACHE-NONE-ONLY" value="not applicable: the QEMU wiki page (W) makes this claim about shared block storage (iSCSI, FC, direct-attached), not about QEMU's userspace NFS driver (nfs://, libnfs)"/>
      <property name="claim.CLUSTER-FS-ANY-CACHE" value="not applicable: the QEMU wiki page (W) makes this claim about clustered filesystems (GPFS, Ceph, GlusterFS, GFS2), not about QEMU's userspace NFS driver (nfs://, libnfs)"/>
      <property name="claim.QCOW2-METADATA" value="not checked: every run of IMG1 ended without a judgement: IMG1 OMIT: qemu-io opens the image by a kernel path; side a is reached through libnfs (QEMU's own nfs:// driver in qemu-io is not wired in)"/>
      <property name="claim.QED-DIRTY" value="not checked: every run of IMG1 ended without a judgement: IMG1 OMIT: qemu-io opens the image by a kernel path; side a is reached through libnfs (QEMU's own nfs:// driver in qemu-io is not wired in)"/>
      <property name="claim.RAW-SIZE" value="not applicable: b saw every size change at once through every call: only the size QEMU caches itself could be stale; the writer skipped its flush (cache=unsafe)"/>
      <property name="claim.EARLY-READ-64K" value="not applicable: the claim is about weakly coherent storage read through a host page cache (T: NFS); side b is QEMU's userspace NFS driver (nfs://, libnfs); 16 blocks: 16 fresh of the head after no remedy: the writer skipped its flush (cache=unsafe)"/>
      <property name="claim.LOCK-INVALIDATES" value="not applicable: the 2010 qemu-devel thread (T) makes this claim about NFS, not about QEMU's userspace NFS driver (nfs://, libnfs)"/>
      <property name="claim.INVALIDATE-REMEDY" value="not applicable: the control read before close and reopen (last descriptor) was already fresh: nothing stale to remove; the control read before close and reopen (delayed open) was already fresh: nothing stale to remove"/>
      <property name="claim.READAHEAD" value="not applicable: the claim is about the Linux NFS client; side b is QEMU's userspace NFS driver (nfs://, libnfs); 15 blocks: 15 fresh b had never read: the writer skipped its flush (cache=unsafe)"/>
      <property name="claim.NFS-UNLINK-AFTER-OPEN" value="VIOLATED: UNL1 none→none [unlink] #86: reader's open descriptor should keep working after the other side removed the file (POSIX; the documents say NFS differs): 16 blocks: 16 fresh; fstat on b succeeded (and 5 more); The stack contradicts the 2010 qemu-devel thread (T): it claims &quot;On NFS, removing (or chmod-ing) a file from another client makes access through an open file fail, unlike POSIX&quot;, but UNL1 none→none [unlink] #86 observed: 16 blocks: 16 fresh; fstat on b succeeded."/>
      <property name="claim.HANDOFF" value="holds: HAND1 none→none [none] #96: after the source's final flush and no remedy, every block the destination reads should equal what the source last flushed: 1024 blocks: 1024 fresh (and 1 more)"/>
      <property name="claim.QEMU-DROP-CACHE" value="not applicable: the QEMU, libvirt or Linux source cited in CLAIMS.md makes this claim about images QEMU opens through file-posix (a host page cache), not about QEMU's userspace NFS driver (nfs://, libnfs)"/>
      <property name="claim.QCOW2-REOPEN" value="not checked: every run of IMG1 ended without a judgement: IMG1 OMIT: qemu-io opens the image by a kernel path; side a is reached through libnfs (QEMU's own nfs:// driver in qemu-io is not wired in)"/>
      <property name="claim.LIBVIRT-POLICY" value="not checked: no probe checks it: it describes libvirt's code (qemuMigrationSrcIsSafe), not the storage, so no probe can observe it; the verdict table instead sets libvirt's decision beside each measured verdict and flags where they disagree"/>
      <property name="claim.NFS-NOSHARECACHE" value="not applicable: the QEMU, libvirt or Linux source cited in CLAIMS.md makes this claim about two NFS mounts of one export in one client, not about QEMU's userspace NFS driver (nfs://, libnfs)"/>
      <property name="claim.NFS-LOCALIO" value="not applicable: the QEMU, libvirt or Linux source cited in CLAIMS.md makes this claim about an NFS client on the server's host (Linux ≥ 6.12), not about QEMU's userspace NFS driver (nfs://, libnfs)"/>
      <property name="coprobe.finished-at" value="<iso>"/>
      <property name="coprobe.exit-code" value="0"/>
    </properties>
    <testcase name="SHARE1 writeback→writeback" classname="coprobe.SHARE1" time="<s>">
      <skipped message="needs a host page cache on side a; side a (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none">OMIT: not run; probe record #1 (one cache for both sides? a writes without a flush, b reads at once)</skipped>
    </testcase>
    <testcase name="CTO1 none→none" classname="coprobe.CTO1" time="<s>"/>
    <testcase name="CTO1 directsync→directsync" classname="coprobe.CTO1" time="<s>"/>
    <testcase name="CTO1 writethrough→writethrough" classname="coprobe.CTO1" time="<s>">
      <skipped message="same I/O as directsync→directsync (#3): sides a (libnfs) and b (libnfs) have no host page cache, so O_DIRECT and buffered are one mode there">OMIT: not run; probe record #4 (close-to-open: b opens after a wrote, fsynced and closed)</skipped>
    </testcase>
    <testcase name="CTO1 writeback→writeback" classname="coprobe.CTO1" time="<s>">
      <skipped message="same I/O as none→none (#2): sides a (libnfs) and b (libnfs) have no host page cache, so O_DIRECT and buffered are one mode there">OMIT: not run; probe record #5 (close-to-open: b opens after a wrote, fsynced and closed)</skipped>
    </testcase>
    <testcase name="CTO1 unsafe→unsafe" classname="coprobe.CTO1" time="<s>"/>
    <testcase name="BOTH1 none→none" classname="coprobe.BOTH1" time="<s>"/>
    <testcase name="BOTH1 directsync→directsync" classname="coprobe.BOTH1" time="<s>"/>
    <testcase name="BOTH1 writethrough→writethrough" classname="coprobe.BOTH1" time="<s>">
      <skipped message="same I/O as directsync→directsync (#8): sides a (libnfs) and b (libnfs) have no host page cache, so O_DIRECT and buffered are one mode there">OMIT: not run; probe record #9 (both open: a writes and fsyncs, b reads without reopening)</skipped>
    </testcase>
    <testcase name="BOTH1 writeback→writeback" classname="coprobe.BOTH1" time="<s>">
      <skipped message="same I/O as none→none (#7): sides a (libnfs) and b (libnfs) have no host page cache, so O_DIRECT and buffered are one mode there">OMIT: not run; probe record #10 (both open: a writes and fsyncs, b reads without reopening)</skipped>
    </testcase>
    <testcase name="BOTH1 unsafe→unsafe" classname="coprobe.BOTH1" time="<s>"/>
    <testcase name="FLUSH1 writethrough→writethrough [none]" classname="coprobe.FLUSH1" time="<s>"/>
    <testcase name="FLUSH1 writethrough→writethrough [reopen]" classname="coprobe.FLUSH1" time="<s>"/>
    <testcase name="FLUSH1 writethrough→writethrough [reopen-other]" classname="coprobe.FLUSH1" time="<s>"/>
    <testcase name="FLUSH1 writethrough→writethrough [fadvise]" classname="coprobe.FLUSH1" time="<s>">
      <skipped message="needs posix_fadvise/mincore on a page cache on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none">OMIT: not run; probe record #15 (flush-method matrix: b holds stale pages and tries one way to see a's flushed change)</skipped>
    </testcase>
    <testcase name="FLUSH1 writethrough→writethrough [blkflsbuf]" classname="coprobe.FLUSH1" time="<s>">
      <skipped message="needs a kernel block device (BLKFLSBUF) on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none">OMIT: not run; probe record #16 (flush-method matrix: b holds stale pages and tries one way to see a's flushed change)</skipped>
    </testcase>
    <testcase name="FLUSH1 writethrough→writethrough [direct-newfd]" classname="coprobe.FLUSH1" time="<s>">
      <skipped message="needs O_DIRECT on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none">OMIT: not run; probe record #17 (flush-method matrix: b holds stale pages and tries one way to see a's flushed change)</skipped>
    </testcase>
    <testcase name="FLUSH1 writethrough→writethrough [direct-setfl]" classname="coprobe.FLUSH1" time="<s>">
      <skipped message="needs O_DIRECT on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none">OMIT: not run; probe record #18 (flush-method matrix: b holds stale pages and tries one way to see a's flushed change)</skipped>
    </testcase>
    <testcase name="FLUSH1 writethrough→writethrough [fchmod]" classname="coprobe.FLUSH1" time="<s>"/>
    <testcase name="FLUSH1 writethrough→writethrough [stat]" classname="coprobe.FLUSH1" time="<s>"/>
    <testcase name="FLUSH1 writethrough→writethrough [sleep]" classname="coprobe.FLUSH1" time="<s>"/>
    <testcase name="FLUSH1 writeback→writeback [none]" classname="coprobe.FLUSH1" time="<s>"/>
    <testcase name="FLUSH1 writeback→writeback [reopen]" classname="coprobe.FLUSH1" time="<s>"/>
    <testcase name="FLUSH1 writeback→writeback [reopen-other]" classname="coprobe.FLUSH1" time="<s>"/>
    <testcase name="FLUSH1 writeback→writeback [fadvise]" classname="coprobe.FLUSH1" time="<s>">
      <skipped message="needs posix_fadvise/mincore on a page cache on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none">OMIT: not run; probe record #25 (flush-method matrix: b holds stale pages and tries one way to see a's flushed change)</skipped>
    </testcase>
    <testcase name="FLUSH1 writeback→writeback [blkflsbuf]" classname="coprobe.FLUSH1" time="<s>">
      <skipped message="needs a kernel block device (BLKFLSBUF) on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none">OMIT: not run; probe record #26 (flush-method matrix: b holds stale pages and tries one way to see a's flushed change)</skipped>
    </testcase>
    <testcase name="FLUSH1 writeback→writeback [direct-newfd]" classname="coprobe.FLUSH1" time="<s>">
      <skipped message="needs O_DIRECT on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none">OMIT: not run; probe record #27 (flush-method matrix: b holds stale pages and tries one way to see a's flushed change)</skipped>
    </testcase>
    <testcase name="FLUSH1 writeback→writeback [direct-setfl]" classname="coprobe.FLUSH1" time="<s>">
      <skipped message="needs O_DIRECT on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none">OMIT: not run; probe record #28 (flush-method matrix: b holds stale pages and tries one way to see a's flushed change)</skipped>
    </testcase>
    <testcase name="FLUSH1 writeback→writeback [fchmod]" classname="coprobe.FLUSH1" time="<s>"/>
    <testcase name="FLUSH1 writeback→writeback [stat]" classname="coprobe.FLUSH1" time="<s>"/>
    <testcase name="FLUSH1 writeback→writeback [sleep]" classname="coprobe.FLUSH1" time="<s>"/>
    <testcase name="FLUSH1 unsafe→unsafe [none]" classname="coprobe.FLUSH1" time="<s>"/>
    <testcase name="FLUSH1 unsafe→unsafe [reopen]" classname="coprobe.FLUSH1" time="<s>"/>
    <testcase name="FLUSH1 unsafe→unsafe [reopen-other]" classname="coprobe.FLUSH1" time="<s>"/>
    <testcase name="FLUSH1 unsafe→unsafe [fadvise]" classname="coprobe.FLUSH1" time="<s>">
      <skipped message="needs posix_fadvise/mincore on a page cache on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none">OMIT: not run; probe record #35 (flush-method matrix: b holds stale pages and tries one way to see a's flushed change)</skipped>
    </testcase>
    <testcase name="FLUSH1 unsafe→unsafe [blkflsbuf]" classname="coprobe.FLUSH1" time="<s>">
      <skipped message="needs a kernel block device (BLKFLSBUF) on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none">OMIT: not run; probe record #36 (flush-method matrix: b holds stale pages and tries one way to see a's flushed change)</skipped>
    </testcase>
    <testcase name="FLUSH1 unsafe→unsafe [direct-newfd]" classname="coprobe.FLUSH1" time="<s>">
      <skipped message="needs O_DIRECT on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none">OMIT: not run; probe record #37 (flush-method matrix: b holds stale pages and tries one way to see a's flushed change)</skipped>
    </testcase>
    <testcase name="FLUSH1 unsafe→unsafe [direct-setfl]" classname="coprobe.FLUSH1" time="<s>">
      <skipped message="needs O_DIRECT on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none">OMIT: not run; probe record #38 (flush-method matrix: b holds stale pages and tries one way to see a's flushed change)</skipped>
    </testcase>
    <testcase name="FLUSH1 unsafe→unsafe [fchmod]" classname="coprobe.FLUSH1" time="<s>"/>
    <testcase name="FLUSH1 unsafe→unsafe [stat]" classname="coprobe.FLUSH1" time="<s>"/>
    <testcase name="FLUSH1 unsafe→unsafe [sleep]" classname="coprobe.FLUSH1" time="<s>"/>
    <testcase name="LOCK1 writethrough→writethrough [posix-read]" classname="coprobe.LOCK1" time="<s>">
      <skipped message="needs file locks on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none">OMIT: not run; probe record #42 (lock invalidation: b takes a lock on its already-open file after a's flush, then reads)</skipped>
    </testcase>
    <testcase name="LOCK1 writethrough→writethrough [posix-write]" classname="coprobe.LOCK1" time="<s>">
      <skipped message="needs file locks on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none">OMIT: not run; probe record #43 (lock invalidation: b takes a lock on its already-open file after a's flush, then reads)</skipped>
    </testcase>
    <testcase name="LOCK1 writethrough→writethrough [ofd-read]" classname="coprobe.LOCK1" time="<s>">
      <skipped message="needs file locks on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none">OMIT: not run; probe record #44 (lock invalidation: b takes a lock on its already-open file after a's flush, then reads)</skipped>
    </testcase>
    <testcase name="LOCK1 writethrough→writethrough [ofd-write]" classname="coprobe.LOCK1" time="<s>">
      <skipped message="needs file locks on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none">OMIT: not run; probe record #45 (lock invalidation: b takes a lock on its already-open file after a's flush, then reads)</skipped>
    </testcase>
    <testcase name="LOCK1 writethrough→writethrough [flock-shared]" classname="coprobe.LOCK1" time="<s>">
      <skipped message="needs file locks on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none">OMIT: not run; probe record #46 (lock invalidation: b takes a lock on its already-open file after a's flush, then reads)</skipped>
    </testcase>
    <testcase name="LOCK1 writethrough→writethrough [flock-exclusive]" classname="coprobe.LOCK1" time="<s>">
      <skipped message="needs file locks on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none">OMIT: not run; probe record #47 (lock invalidation: b takes a lock on its already-open file after a's flush, then reads)</skipped>
    </testcase>
    <testcase name="LOCK1 writeback→writeback [posix-read]" classname="coprobe.LOCK1" time="<s>">
      <skipped message="needs file locks on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none">OMIT: not run; probe record #48 (lock invalidation: b takes a lock on its already-open file after a's flush, then reads)</skipped>
    </testcase>
    <testcase name="LOCK1 writeback→writeback [posix-write]" classname="coprobe.LOCK1" time="<s>">
      <skipped message="needs file locks on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none">OMIT: not run; probe record #49 (lock invalidation: b takes a lock on its already-open file after a's flush, then reads)</skipped>
    </testcase>
    <testcase name="LOCK1 writeback→writeback [ofd-read]" classname="coprobe.LOCK1" time="<s>">
      <skipped message="needs file locks on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none">OMIT: not run; probe record #50 (lock invalidation: b takes a lock on its already-open file after a's flush, then reads)</skipped>
    </testcase>
    <testcase name="LOCK1 writeback→writeback [ofd-write]" classname="coprobe.LOCK1" time="<s>">
      <skipped message="needs file locks on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none">OMIT: not run; probe record #51 (lock invalidation: b takes a lock on its already-open file after a's flush, then reads)</skipped>
    </testcase>
    <testcase name="LOCK1 writeback→writeback [flock-shared]" classname="coprobe.LOCK1" time="<s>">
      <skipped message="needs file locks on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none">OMIT: not run; probe record #52 (lock invalidation: b takes a lock on its already-open file after a's flush, then reads)</skipped>
    </testcase>
    <testcase name="LOCK1 writeback→writeback [flock-exclusive]" classname="coprobe.LOCK1" time="<s>">
      <skipped message="needs file locks on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none">OMIT: not run; probe record #53 (lock invalidation: b takes a lock on its already-open file after a's flush, then reads)</skipped>
    </testcase>
    <testcase name="LOCK1 unsafe→unsafe [posix-read]" classname="coprobe.LOCK1" time="<s>">
      <skipped message="needs file locks on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none">OMIT: not run; probe record #54 (lock invalidation: b takes a lock on its already-open file after a's flush, then reads)</skipped>
    </testcase>
    <testcase name="LOCK1 unsafe→unsafe [posix-write]" classname="coprobe.LOCK1" time="<s>">
      <skipped message="needs file locks on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none">OMIT: not run; probe record #55 (lock invalidation: b takes a lock on its already-open file after a's flush, then reads)</skipped>
    </testcase>
    <testcase name="LOCK1 unsafe→unsafe [ofd-read]" classname="coprobe.LOCK1" time="<s>">
      <skipped message="needs file locks on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none">OMIT: not run; probe record #56 (lock invalidation: b takes a lock on its already-open file after a's flush, then reads)</skipped>
    </testcase>
    <testcase name="LOCK1 unsafe→unsafe [ofd-write]" classname="coprobe.LOCK1" time="<s>">
      <skipped message="needs file locks on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none">OMIT: not run; probe record #57 (lock invalidation: b takes a lock on its already-open file after a's flush, then reads)</skipped>
    </testcase>
    <testcase name="LOCK1 unsafe→unsafe [flock-shared]" classname="coprobe.LOCK1" time="<s>">
      <skipped message="needs file locks on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none">OMIT: not run; probe record #58 (lock invalidation: b takes a lock on its already-open file after a's flush, then reads)</skipped>
    </testcase>
    <testcase name="LOCK1 unsafe→unsafe [flock-exclusive]" classname="coprobe.LOCK1" time="<s>">
      <skipped message="needs file locks on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none">OMIT: not run; probe record #59 (lock invalidation: b takes a lock on its already-open file after a's flush, then reads)</skipped>
    </testcase>
    <testcase name="EARLY1 writethrough→writethrough [none]" classname="coprobe.EARLY1" time="<s>"/>
    <testcase name="EARLY1 writethrough→writethrough [reopen]" classname="coprobe.EARLY1" time="<s>"/>
    <testcase name="EARLY1 writethrough→writethrough [fadvise]" classname="coprobe.EARLY1" time="<s>">
      <skipped message="needs posix_fadvise/mincore on a page cache on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none">OMIT: not run; probe record #62 (early-read hazard: b reads the first 64 KiB, a rewrites them and flushes, b re-reads (remedies))</skipped>
    </testcase>
    <testcase name="EARLY1 writethrough→writethrough [fcntl]" classname="coprobe.EARLY1" time="<s>">
      <skipped message="needs file locks on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none">OMIT: not run; probe record #63 (early-read hazard: b reads the first 64 KiB, a rewrites them and flushes, b re-reads (remedies))</skipped>
    </testcase>
    <testcase name="EARLY1 writethrough→writethrough [blkflsbuf]" classname="coprobe.EARLY1" time="<s>">
      <skipped message="needs a kernel block device (BLKFLSBUF) on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none">OMIT: not run; probe record #64 (early-read hazard: b reads the first 64 KiB, a rewrites them and flushes, b re-reads (remedies))</skipped>
    </testcase>
    <testcase name="EARLY1 writeback→writeback [none]" classname="coprobe.EARLY1" time="<s>"/>
    <testcase name="EARLY1 writeback→writeback [reopen]" classname="coprobe.EARLY1" time="<s>"/>
    <testcase name="EARLY1 writeback→writeback [fadvise]" classname="coprobe.EARLY1" time="<s>">
      <skipped message="needs posix_fadvise/mincore on a page cache on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none">OMIT: not run; probe record #67 (early-read hazard: b reads the first 64 KiB, a rewrites them and flushes, b re-reads (remedies))</skipped>
    </testcase>
    <testcase name="EARLY1 writeback→writeback [fcntl]" classname="coprobe.EARLY1" time="<s>">
      <skipped message="needs file locks on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none">OMIT: not run; probe record #68 (early-read hazard: b reads the first 64 KiB, a rewrites them and flushes, b re-reads (remedies))</skipped>
    </testcase>
    <testcase name="EARLY1 writeback→writeback [blkflsbuf]" classname="coprobe.EARLY1" time="<s>">
      <skipped message="needs a kernel block device (BLKFLSBUF) on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none">OMIT: not run; probe record #69 (early-read hazard: b reads the first 64 KiB, a rewrites them and flushes, b re-reads (remedies))</skipped>
    </testcase>
    <testcase name="EARLY1 unsafe→unsafe [none]" classname="coprobe.EARLY1" time="<s>"/>
    <testcase name="EARLY1 unsafe→unsafe [reopen]" classname="coprobe.EARLY1" time="<s>"/>
    <testcase name="EARLY1 unsafe→unsafe [fadvise]" classname="coprobe.EARLY1" time="<s>">
      <skipped message="needs posix_fadvise/mincore on a page cache on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none">OMIT: not run; probe record #72 (early-read hazard: b reads the first 64 KiB, a rewrites them and flushes, b re-reads (remedies))</skipped>
    </testcase>
    <testcase name="EARLY1 unsafe→unsafe [fcntl]" classname="coprobe.EARLY1" time="<s>">
      <skipped message="needs file locks on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none">OMIT: not run; probe record #73 (early-read hazard: b reads the first 64 KiB, a rewrites them and flushes, b re-reads (remedies))</skipped>
    </testcase>
    <testcase name="EARLY1 unsafe→unsafe [blkflsbuf]" classname="coprobe.EARLY1" time="<s>">
      <skipped message="needs a kernel block device (BLKFLSBUF) on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none">OMIT: not run; probe record #74 (early-read hazard: b reads the first 64 KiB, a rewrites them and flushes, b re-reads (remedies))</skipped>
    </testcase>
    <testcase name="RA1 writethrough→writethrough" classname="coprobe.RA1" time="<s>"/>
    <testcase name="RA1 writeback→writeback" classname="coprobe.RA1" time="<s>"/>
    <testcase name="RA1 unsafe→unsafe" classname="coprobe.RA1" time="<s>"/>
    <testcase name="RES1 writethrough→writethrough" classname="coprobe.RES1" time="<s>">
      <skipped message="needs posix_fadvise/mincore on a page cache on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none">OMIT: not run; probe record #78 (cache residency: b reads buffered, drops with fadvise DONTNEED, mincore counts the pages left)</skipped>
    </testcase>
    <testcase name="RES1 writeback→writeback" classname="coprobe.RES1" time="<s>">
      <skipped message="needs posix_fadvise/mincore on a page cache on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none">OMIT: not run; probe record #79 (cache residency: b reads buffered, drops with fadvise DONTNEED, mincore counts the pages left)</skipped>
    </testcase>
    <testcase name="RES1 unsafe→unsafe" classname="coprobe.RES1" time="<s>">
      <skipped message="needs posix_fadvise/mincore on a page cache on side b; side b (libnfs, userspace, nfs://127.0.0.1/export?version=4) has none">OMIT: not run; probe record #80 (cache residency: b reads buffered, drops with fadvise DONTNEED, mincore counts the pages left)</skipped>
    </testcase>
    <testcase name="SIZE1 none→none" classname="coprobe.SIZE1" time="<s>"/>
    <testcase name="SIZE1 directsync→directsync" classname="coprobe.SIZE1" time="<s>"/>
    <testcase name="SIZE1 writethrough→writethrough" classname="coprobe.SIZE1" time="<s>">
      <skipped message="same I/O as directsync→directsync (#82): sides a (libnfs) and b (libnfs) have no host page cache, so O_DIRECT and buffered are one mode there">OMIT: not run; probe record #83 (attribute/size coherence: a extends and truncates the file b has open; b stats and reads past the old end)</skipped>
    </testcase>
    <testcase name="SIZE1 writeback→writeback" classname="coprobe.SIZE1" time="<s>">
      <skipped message="same I/O as none→none (#81): sides a (libnfs) and b (libnfs) have no host page cache, so O_DIRECT and buffered are one mode there">OMIT: not run; probe record #84 (attribute/size coherence: a extends and truncates the file b has open; b stats and reads past the old end)</skipped>
    </testcase>
    <testcase name="SIZE1 unsafe→unsafe" classname="coprobe.SIZE1" time="<s>"/>
    <testcase name="UNL1 none→none [unlink]" classname="coprobe.UNL1" time="<s>"/>
    <testcase name="UNL1 none→none [chmod]" classname="coprobe.UNL1" time="<s>"/>
    <testcase name="UNL1 directsync→directsync [unlink]" classname="coprobe.UNL1" time="<s>"/>
    <testcase name="UNL1 directsync→directsync [chmod]" classname="coprobe.UNL1" time="<s>"/>
    <testcase name="UNL1 writethrough→writethrough [unlink]" classname="coprobe.UNL1" time="<s>">
      <skipped message="same I/O as directsync→directsync [unlink] (#88): sides a (libnfs) and b (libnfs) have no host page cache, so O_DIRECT and buffered are one mode there">OMIT: not run; probe record #90 (unlink or chmod 000 by a while b has the file open, then b reads through its descriptor)</skipped>
    </testcase>
    <testcase name="UNL1 writethrough→writethrough [chmod]" classname="coprobe.UNL1" time="<s>">
      <skipped message="same I/O as directsync→directsync [chmod] (#89): sides a (libnfs) and b (libnfs) have no host page cache, so O_DIRECT and buffered are one mode there">OMIT: not run; probe record #91 (unlink or chmod 000 by a while b has the file open, then b reads through its descriptor)</skipped>
    </testcase>
    <testcase name="UNL1 writeback→writeback [unlink]" classname="coprobe.UNL1" time="<s>">
      <skipped message="same I/O as none→none [unlink] (#86): sides a (libnfs) and b (libnfs) have no host page cache, so O_DIRECT and buffered are one mode there">OMIT: not run; probe record #92 (unlink or chmod 000 by a while b has the file open, then b reads through its descriptor)</skipped>
    </testcase>
    <testcase name="UNL1 writeback→writeback [chmod]" classname="coprobe.UNL1" time="<s>">
      <skipped message="same I/O as none→none [chmod] (#87): sides a (libnfs) and b (libnfs) have no host page cache, so O_DIRECT and buffered are one mode there">OMIT: not run; probe record #93 (unlink or chmod 000 by a while b has the file open, then b reads through its descriptor)</skipped>
    </testcase>
    <testcase name="UNL1 unsafe→unsafe [unlink]" classname="coprobe.UNL1" time="<s>"/>
    <testcase name="UNL1 unsafe→unsafe [chmod]" classname="coprobe.UNL1" time="<s>"/>
    <testcase name="HAND1 none→none [none]" classname="coprobe.HAND1" time="<s>"/>
    <testcase name="HAND1 none→none [fadvise]" classname="coprobe.HAND1" time="<s>">
      <skipped message="b reads through libnfs (userspace, no host page cache): QEMU applies no remedy, only the &quot;none&quot; run applies">OMIT: not run; probe record #97 (migration handoff: b reads the head early, a runs a workload and flushes, b applies a remedy and reads every block)</skipped>
    </testcase>
    <testcase name="HAND1 none→none [reopen]" classname="coprobe.HAND1" time="<s>">
      <skipped message="b reads through libnfs (userspace, no host page cache): QEMU applies no remedy, only the &quot;none&quot; run applies">OMIT: not run; probe record #98 (migration handoff: b reads the head early, a runs a workload and flushes, b applies a remedy and reads every block)</skipped>
    </testcase>
    <testcase name="HAND1 none→none [fcntl]" classname="coprobe.HAND1" time="<s>">
      <skipped message="b reads through libnfs (userspace, no host page cache): QEMU applies no remedy, only the &quot;none&quot; run applies">OMIT: not run; probe record #99 (migration handoff: b reads the head early, a runs a workload and flushes, b applies a remedy and reads every block)</skipped>
    </testcase>
    <testcase name="HAND1 directsync→directsync [none]" classname="coprobe.HAND1" time="<s>"/>
    <testcase name="HAND1 directsync→directsync [fadvise]" classname="coprobe.HAND1" time="<s>">
      <skipped message="b reads through libnfs (userspace, no host page cache): QEMU applies no remedy, only the &quot;none&quot; run applies">OMIT: not run; probe record #101 (migration handoff: b reads the head early, a runs a workload and flushes, b applies a remedy and reads every block)</skipped>
    </testcase>
    <testcase name="HAND1 directsync→directsync [reopen]" classname="coprobe.HAND1" time="<s>">
      <skipped message="b reads through libnfs (userspace, no host page cache): QEMU applies no remedy, only the &quot;none&quot; run applies">OMIT: not run; probe record #102 (migration handoff: b reads the head early, a runs a workload and flushes, b applies a remedy and reads every block)</skipped>
    </testcase>
    <testcase name="HAND1 directsync→directsync [fcntl]" classname="coprobe.HAND1" time="<s>">
      <skipped message="b reads through libnfs (userspace, no host page cache): QEMU applies no remedy, only the &quot;none&quot; run applies">OMIT: not run; probe record #103 (migration handoff: b reads the head early, a runs a workload and flushes, b applies a remedy and reads every block)</skipped>
    </testcase>
    <testcase name="HAND1 writethrough→writethrough [none]" classname="coprobe.HAND1" time="<s>">
      <skipped message="same I/O as directsync→directsync [none] (#100): sides a (libnfs) and b (libnfs) have no host page cache, so O_DIRECT and buffered are one mode there">OMIT: not run; probe record #104 (migration handoff: b reads the head early, a runs a workload and flushes, b applies a remedy and reads every block)</skipped>
    </testcase>
    <testcase name="HAND1 writethrough→writethrough [fadvise]" classname="coprobe.HAND1" time="<s>">
      <skipped message="b reads through libnfs (userspace, no host page cache): QEMU applies no remedy, only the &quot;none&quot; run applies">OMIT: not run; probe record #105 (migration handoff: b reads the head early, a runs a workload and flushes, b applies a remedy and reads every block)</skipped>
    </testcase>
    <testcase name="HAND1 writethrough→writethrough [reopen]" classname="coprobe.HAND1" time="<s>">
      <skipped message="b reads through libnfs (userspace, no host page cache): QEMU applies no remedy, only the &quot;none&quot; run applies">OMIT: not run; probe record #106 (migration handoff: b reads the head early, a runs a workload and flushes, b applies a remedy and reads every block)</skipped>
    </testcase>
    <testcase name="HAND1 writethrough→writethrough [fcntl]" classname="coprobe.HAND1" time="<s>">
      <skipped message="b reads through libnfs (userspace, no host page cache): QEMU applies no remedy, only the &quot;none&quot; run applies">OMIT: not run; probe record #107 (migration handoff: b reads the head early, a runs a workload and flushes, b applies a remedy and reads every block)</skipped>
    </testcase>
    <testcase name="HAND1 writeback→writeback [none]" classname="coprobe.HAND1" time="<s>">
      <skipped message="same I/O as none→none [none] (#96): sides a (libnfs) and b (libnfs) have no host page cache, so O_DIRECT and buffered are one mode there">OMIT: not run; probe record #108 (migration handoff: b reads the head early, a runs a workload and flushes, b applies a remedy and reads every block)</skipped>
    </testcase>
    <testcase name="HAND1 writeback→writeback [fadvise]" classname="coprobe.HAND1" time="<s>">
      <skipped message="b reads through libnfs (userspace, no host page cache): QEMU applies no remedy, only the &quot;none&quot; run applies">OMIT: not run; probe record #109 (migration handoff: b reads the head early, a runs a workload and flushes, b applies a remedy and reads every block)</skipped>
    </testcase>
    <testcase name="HAND1 writeback→writeback [reopen]" classname="coprobe.HAND1" time="<s>">
      <skipped message="b reads through libnfs (userspace, no host page cache): QEMU applies no remedy, only the &quot;none&quot; run applies">OMIT: not run; probe record #110 (migration handoff: b reads the head early, a runs a workload and flushes, b applies a remedy and reads every block)</skipped>
    </testcase>
    <testcase name="HAND1 writeback→writeback [fcntl]" classname="coprobe.HAND1" time="<s>">
      <skipped message="b reads through libnfs (userspace, no host page cache): QEMU applies no remedy, only the &quot;none&quot; run applies">OMIT: not run; probe record #111 (migration handoff: b reads the head early, a runs a workload and flushes, b applies a remedy and reads every block)</skipped>
    </testcase>
    <testcase name="HAND1 unsafe→unsafe [none]" classname="coprobe.HAND1" time="<s>"/>
    <testcase name="HAND1 unsafe→unsafe [fadvise]" classname="coprobe.HAND1" time="<s>">
      <skipped message="b reads through libnfs (userspace, no host page cache): QEMU applies no remedy, only the &quot;none&quot; run applies">OMIT: not run; probe record #113 (migration handoff: b reads the head early, a runs a workload and flushes, b applies a remedy and reads every block)</skipped>
    </testcase>
    <testcase name="HAND1 unsafe→unsafe [reopen]" classname="coprobe.HAND1" time="<s>">
      <skipped message="b reads through libnfs (userspace, no host page cache): QEMU applies no remedy, only the &quot;none&quot; run applies">OMIT: not run; probe record #114 (migration handoff: b reads the head early, a runs a workload and flushes, b applies a remedy and reads every block)</skipped>
    </testcase>
    <testcase name="HAND1 unsafe→unsafe [fcntl]" classname="coprobe.HAND1" time="<s>">
      <skipped message="b reads through libnfs (userspace, no host page cache): QEMU applies no remedy, only the &quot;none&quot; run applies">OMIT: not run; probe record #115 (migration handoff: b reads the head early, a runs a workload and flushes, b applies a remedy and reads every block)</skipped>
    </testcase>
    <testcase name="IMG1 none→none [qcow2]" classname="coprobe.IMG1" time="<s>">
      <skipped message="qemu-io opens the image by a kernel path; side a is reached through libnfs (QEMU's own nfs:// driver in qemu-io is not wired in)">OMIT: not run; probe record #116 (image formats through qemu-io: b holds a qcow2/qed/raw image open while a allocates clusters and flushes)</skipped>
    </testcase>
    <testcase name="IMG1 none→none [qed]" classname="coprobe.IMG1" time="<s>">
      <skipped message="qemu-io opens the image by a kernel path; side a is reached through libnfs (QEMU's own nfs:// driver in qemu-io is not wired in)">OMIT: not run; probe record #117 (image formats through qemu-io: b holds a qcow2/qed/raw image open while a allocates clusters and flushes)</skipped>
    </testcase>
    <testcase name="IMG1 none→none [raw]" classname="coprobe.IMG1" time="<s>">
      <skipped message="qemu-io opens the image by a kernel path; side a is reached through libnfs (QEMU's own nfs:// driver in qemu-io is not wired in)">OMIT: not run; probe record #118 (image formats through qemu-io: b holds a qcow2/qed/raw image open while a allocates clusters and flushes)</skipped>
    </testcase>
    <testcase name="IMG1 directsync→directsync [qcow2]" classname="coprobe.IMG1" time="<s>">
      <skipped message="qemu-io opens the image by a kernel path; side a is reached through libnfs (QEMU's own nfs:// driver in qemu-io is not wired in)">OMIT: not run; probe record #119 (image formats through qemu-io: b holds a qcow2/qed/raw image open while a allocates clusters and flushes)</skipped>
    </testcase>
    <testcase name="IMG1 directsync→directsync [qed]" classname="coprobe.IMG1" time="<s>">
      <skipped message="qemu-io opens the image by a kernel path; side a is reached through libnfs (QEMU's own nfs:// driver in qemu-io is not wired in)">OMIT: not run; probe record #120 (image formats through qemu-io: b holds a qcow2/qed/raw image open while a allocates clusters and flushes)</skipped>
    </testcase>
    <testcase name="IMG1 directsync→directsync [raw]" classname="coprobe.IMG1" time="<s>">
      <skipped message="qemu-io opens the image by a kernel path; side a is reached through libnfs (QEMU's own nfs:// driver in qemu-io is not wired in)">OMIT: not run; probe record #121 (image formats through qemu-io: b holds a qcow2/qed/raw image open while a allocates clusters and flushes)</skipped>
    </testcase>
    <testcase name="IMG1 writethrough→writethrough [qcow2]" classname="coprobe.IMG1" time="<s>">
      <skipped message="qemu-io opens the image by a kernel path; side a is reached through libnfs (QEMU's own nfs:// driver in qemu-io is not wired in)">OMIT: not run; probe record #122 (image formats through qemu-io: b holds a qcow2/qed/raw image open while a allocates clusters and flushes)</skipped>
    </testcase>
    <testcase name="IMG1 writethrough→writethrough [qed]" classname="coprobe.IMG1" time="<s>">
      <skipped message="qemu-io opens the image by a kernel path; side a is reached through libnfs (QEMU's own nfs:// driver in qemu-io is not wired in)">OMIT: not run; probe record #123 (image formats through qemu-io: b holds a qcow2/qed/raw image open while a allocates clusters and flushes)</skipped>
    </testcase>
    <testcase name="IMG1 writethrough→writethrough [raw]" classname="coprobe.IMG1" time="<s>">
      <skipped message="qemu-io opens the image by a kernel path; side a is reached through libnfs (QEMU's own nfs:// driver in qemu-io is not wired in)">OMIT: not run; probe record #124 (image formats through qemu-io: b holds a qcow2/qed/raw image open while a allocates clusters and flushes)</skipped>
    </testcase>
    <testcase name="IMG1 writeback→writeback [qcow2]" classname="coprobe.IMG1" time="<s>">
      <skipped message="qemu-io opens the image by a kernel path; side a is reached through libnfs (QEMU's own nfs:// driver in qemu-io is not wired in)">OMIT: not run; probe record #125 (image formats through qemu-io: b holds a qcow2/qed/raw image open while a allocates clusters and flushes)</skipped>
    </testcase>
    <testcase name="IMG1 writeback→writeback [qed]" classname="coprobe.IMG1" time="<s>">
      <skipped message="qemu-io opens the image by a kernel path; side a is reached through libnfs (QEMU's own nfs:// driver in qemu-io is not wired in)">OMIT: not run; probe record #126 (image formats through qemu-io: b holds a qcow2/qed/raw image open while a allocates clusters and flushes)</skipped>
    </testcase>
    <testcase name="IMG1 writeback→writeback [raw]" classname="coprobe.IMG1" time="<s>">
      <skipped message="qemu-io opens the image by a kernel path; side a is reached through libnfs (QEMU's own nfs:// driver in qemu-io is not wired in)">OMIT: not run; probe record #127 (image formats through qemu-io: b holds a qcow2/qed/raw image open while a allocates clusters and flushes)</skipped>
    </testcase>
    <testcase name="IMG1 unsafe→unsafe [qcow2]" classname="coprobe.IMG1" time="<s>">
      <skipped message="qemu-io opens the image by a kernel path; side a is reached through libnfs (QEMU's own nfs:// driver in qemu-io is not wired in)">OMIT: not run; probe record #128 (image formats through qemu-io: b holds a qcow2/qed/raw image open while a allocates clusters and flushes)</skipped>
    </testcase>
    <testcase name="IMG1 unsafe→unsafe [qed]" classname="coprobe.IMG1" time="<s>">
      <skipped message="qemu-io opens the image by a kernel path; side a is reached through libnfs (QEMU's own nfs:// driver in qemu-io is not wired in)">OMIT: not run; probe record #129 (image formats through qemu-io: b holds a qcow2/qed/raw image open while a allocates clusters and flushes)</skipped>
    </testcase>
    <testcase name="IMG1 unsafe→unsafe [raw]" classname="coprobe.IMG1" time="<s>">
      <skipped message="qemu-io opens the image by a kernel path; side a is reached through libnfs (QEMU's own nfs:// driver in qemu-io is not wired in)">OMIT: not run; probe record #130 (image formats through qemu-io: b holds a qcow2/qed/raw image open while a allocates clusters and flushes)</skipped>
    </testcase>
    <system-out>coprobe 0.1.0 run <run-id>
a: nfs://127.0.0.1/export?version=4 — NFS export through libnfs (userspace), stack nfs, on vm, kernel 6.18.44-fc-v595
b: nfs://127.0.0.1/export?version=4 — NFS export through libnfs (userspace), stack nfs, on vm, kernel 6.18.44-fc-v595

Verdicts on QEMU's userspace NFS driver (nfs://, libnfs) (profile nfs-user): reader reaches the export through libnfs (userspace, no host page cache), as QEMU's nfs:// driver does
mode          QEMU                     verdict  libvirt  docs    evidence
none          QEMU ≥ 4.0 (drop-cache)  SAFE     allows   -       HAND1 none→none [none] #96: 1024 blocks: 1024 fresh
none          QEMU &lt; 4.0               SAFE     allows   -       HAND1 none→none [none] #96: 1024 blocks: 1024 fresh
directsync    QEMU ≥ 4.0 (drop-cache)  SAFE     allows   -       HAND1 directsync→directsync [none] #100: 1024 blocks: 1024 fresh
directsync    QEMU &lt; 4.0               SAFE     allows   -       HAND1 directsync→directsync [none] #100: 1024 blocks: 1024 fresh
writethrough  QEMU ≥ 4.0 (drop-cache)  SAFE     allows   -       HAND1 writethrough→writethrough [none] #100: directsync→directsync [none] ran this mode's I/O (no host page cache: O_DIRECT and buffered are one mode): 1024 blocks: 1024 fresh
writethrough  QEMU &lt; 4.0               SAFE     allows   -       HAND1 writethrough→writethrough [none] #100: directsync→directsync [none] ran this mode's I/O (no host page cache: O_DIRECT and buffered are one mode): 1024 blocks: 1024 fresh
writeback     QEMU ≥ 4.0 (drop-cache)  SAFE     allows   -       HAND1 writeback→writeback [none] #96: none→none [none] ran this mode's I/O (no host page cache: O_DIRECT and buffered are one mode): 1024 blocks: 1024 fresh
writeback     QEMU &lt; 4.0               SAFE     allows   -       HAND1 writeback→writeback [none] #96: none→none [none] ran this mode's I/O (no host page cache: O_DIRECT and buffered are one mode): 1024 blocks: 1024 fresh
unsafe        QEMU ≥ 4.0 (drop-cache)  SAFE     allows   -       HAND1 unsafe→unsafe [none] #112: 1024 blocks: 1024 fresh
unsafe        QEMU &lt; 4.0               SAFE     allows   -       HAND1 unsafe→unsafe [none] #112: 1024 blocks: 1024 fresh

Claims on QEMU's userspace NFS driver (nfs://, libnfs) (profile nfs-user): reader reaches the export through libnfs (userspace, no host page cache), as QEMU's nfs:// driver does
claim                      status          evidence / why
NFS-CTO                    holds           CTO1 none→none #2: reader should see the data when it opens after the writer fsynced and closed (first open): 16 blocks: 16 fresh (and 3 more)
NFS-OPEN-BOTH              not applicable  16 blocks: 16 fresh after nothing (control): fresh; 16 blocks: 16 fresh after nothing (control): the writer skipped its flush (cache=unsafe)
NFS-SYNC-STABLE-READ       holds           BOTH1 none→none #7: reader with O_DIRECT should see the new data after fsync on the writer, without reopening: 16 blocks: 16 fresh (and 1 more)
NFS-ODIRECT-READ           not applicable  the claim is about the Linux NFS client; side b is QEMU's userspace NFS driver (nfs://, libnfs); 16 blocks: 16 fresh: the writer skipped its flush (cache=unsafe)
NFS-CACHE-NONE-SAFE        not applicable  the QEMU wiki page (W) makes this claim about Linux NFS server and client, not about QEMU's userspace NFS driver (nfs://, libnfs)
BLOCK-PROTOCOL-COHERENT    not applicable  the claim is about shared block storage (iSCSI, FC, direct-attached); side b is QEMU's userspace NFS driver (nfs://, libnfs); 16 blocks: 16 fresh: the writer skipped its flush (cache=unsafe)
BLOCK-PAGECACHE-INCOHERENT not applicable  the claim is about the Linux page cache over shared block storage; side b is QEMU's userspace NFS driver (nfs://, libnfs); 16 blocks: 16 fresh after nothing (control): the writer skipped its flush (cache=unsafe)
BLOCK-CACHE-NONE-ONLY      not applicable  the QEMU wiki page (W) makes this claim about shared block storage (iSCSI, FC, direct-attached), not about QEMU's userspace NFS driver (nfs://, libnfs)
CLUSTER-FS-ANY-CACHE       not applicable  the QEMU wiki page (W) makes this claim about clustered filesystems (GPFS, Ceph, GlusterFS, GFS2), not about QEMU's userspace NFS driver (nfs://, libnfs)
QCOW2-METADATA             not checked     every run of IMG1 ended without a judgement: IMG1 OMIT: qemu-io opens the image by a kernel path; side a is reached through libnfs (QEMU's own nfs:// driver in qemu-io is not wired in)
QED-DIRTY                  not checked     every run of IMG1 ended without a judgement: IMG1 OMIT: qemu-io opens the image by a kernel path; side a is reached through libnfs (QEMU's own nfs:// driver in qemu-io is not wired in)
RAW-SIZE                   not applicable  b saw every size change at once through every call: only the size QEMU caches itself could be stale; the writer skipped its flush (cache=unsafe)
EARLY-READ-64K             not applicable  the claim is about weakly coherent storage read through a host page cache (T: NFS); side b is QEMU's userspace NFS driver (nfs://, libnfs); 16 blocks: 16 fresh of the head after no remedy: the writer skipped its flush (cache=unsafe)
LOCK-INVALIDATES           not applicable  the 2010 qemu-devel thread (T) makes this claim about NFS, not about QEMU's userspace NFS driver (nfs://, libnfs)
INVALIDATE-REMEDY          not applicable  the control read before close and reopen (last descriptor) was already fresh: nothing stale to remove; the control read before close and reopen (delayed open) was already fresh: nothing stale to remove
READAHEAD                  not applicable  the claim is about the Linux NFS client; side b is QEMU's userspace NFS driver (nfs://, libnfs); 15 blocks: 15 fresh b had never read: the writer skipped its flush (cache=unsafe)
NFS-UNLINK-AFTER-OPEN      VIOLATED        UNL1 none→none [unlink] #86: reader's open descriptor should keep working after the other side removed the file (POSIX; the documents say NFS differs): 16 blocks: 16 fresh; fstat on b succeeded (and 5 more)
  The stack contradicts the 2010 qemu-devel thread (T): it claims "On NFS, removing (or chmod-ing) a file from another client makes access through an open file fail, unlike POSIX", but UNL1 none→none [unlink] #86 observed: 16 blocks: 16 fresh; fstat on b succeeded.
HANDOFF                    holds           HAND1 none→none [none] #96: after the source's final flush and no remedy, every block the destination reads should equal what the source last flushed: 1024 blocks: 1024 fresh (and 1 more)
  note: not observable: that the source frees nothing and the destination starts the guest at once is QEMU's migration protocol, not the storage's; probes check only the consequence: what b reads after the handoff equals what a last flushed
QEMU-DROP-CACHE            not applicable  the QEMU, libvirt or Linux source cited in CLAIMS.md makes this claim about images QEMU opens through file-posix (a host page cache), not about QEMU's userspace NFS driver (nfs://, libnfs)
QCOW2-REOPEN               not checked     every run of IMG1 ended without a judgement: IMG1 OMIT: qemu-io opens the image by a kernel path; side a is reached through libnfs (QEMU's own nfs:// driver in qemu-io is not wired in)
LIBVIRT-POLICY             not checked     no probe checks it: it describes libvirt's code (qemuMigrationSrcIsSafe), not the storage, so no probe can observe it; the verdict table instead sets libvirt's decision beside each measured verdict and flags where they disagree
  note: libvirt's decision disagrees with the measurement in 0 of 10 measured mode × QEMU pairs (verdict table)
NFS-NOSHARECACHE           not applicable  the QEMU, libvirt or Linux source cited in CLAIMS.md makes this claim about two NFS mounts of one export in one client, not about QEMU's userspace NFS driver (nfs://, libnfs)
NFS-LOCALIO                not applicable  the QEMU, libvirt or Linux source cited in CLAIMS.md makes this claim about an NFS client on the server's host (Linux ≥ 6.12), not about QEMU's userspace NFS driver (nfs://, libnfs)</system-out>
    <system-err></system-err>
  </testsuite>
</testsuites>

`

exports[`test/junit.test.ts > TAP > one testcase per outcome, each with its mapping > testcases 1`] = `
</properties>
    <testcase name="SHARE1 writeback→writeback (repeat 1)" classname="coprobe.SHARE1" time="<s>"/>
    <testcase name="BOTH1 writethrough→writethrough (repeat 2)" classname="coprobe.BOTH1" time="<s>">
      <system-out>WARN: buffered reader sees the new data after fsync on the writer, without reopening (the documents warn it may not): 16 blocks: 16 stale; block 0 stale: generation expected 19, found 18 — hazard present: b's page cache kept old data, so cache=writethrough on the destination is not coherent here
  NFS-OPEN-BOTH: With the image open on both sides, fsync on the source does not by protocol make the data visible to the destination.
  BLOCK-PAGECACHE-INCOHERENT: The Linux page cache is not coherent across nodes: a buffered read can return data older than an acknowledged write.
WARN: a hazard the documents describe was observed (not a violation); probe record #2 (both open: a writes and fsyncs, b reads without reopening)</system-out>
    </testcase>
    <testcase name="FLUSH1 writethrough→writethrough [fchmod] (repeat 3)" classname="coprobe.FLUSH1" time="<s>">
      <skipped message="unsupported: renderer test: side b refused O_DIRECT (EINVAL)">UNSUPPORTED: the stack cannot do what the variant needs; probe record #3 (flush-method matrix: b holds stale pages and tries one way to see a's flushed change)</skipped>
    </testcase>
    <testcase name="FLUSH1 writethrough→writethrough [fchmod] (repeat 4)" classname="coprobe.FLUSH1" time="<s>">
      <skipped message="needs scratch files in a directory on side b; side b (block device /dev/loop1) has none">OMIT: not run; probe record #4 (flush-method matrix: b holds stale pages and tries one way to see a's flushed change)</skipped>
    </testcase>
    <testcase name="BOTH1 writethrough→writethrough (repeat 5)" classname="coprobe.BOTH1" time="<s>">
      <skipped message="known issue: renderer test: a known issue of this stack">KNOWN: buffered reader sees the new data after fsync on the writer, without reopening (the documents warn it may not): 16 blocks: 16 stale; block 0 stale: generation expected 19, found 18 — hazard present: b's page cache kept old data, so cache=writethrough on the destination is not coherent here
  NFS-OPEN-BOTH: With the image open on both sides, fsync on the source does not by protocol make the data visible to the destination.
  BLOCK-PAGECACHE-INCOHERENT: The Linux page cache is not coherent across nodes: a buffered read can return data older than an acknowledged write.
KNOWN: a failure a known-issues entry matches (not a pass); probe record #5 (both open: a writes and fsyncs, b reads without reopening)</skipped>
    </testcase>
    <testcase name="BOTH1 writethrough→writethrough (repeat 6)" classname="coprobe.BOTH1" time="<s>">
      <failure message="buffered reader sees the new data after fsync on the writer, without reopening (the documents warn it may not): 16 blocks: 16 stale; block 0 stale: generation expected 19, found 18 — hazard present: b's page cache kept old data, so cache=writethrough on the destination is not coherent here (claims: NFS-OPEN-BOTH, BLOCK-PAGECACHE-INCOHERENT)" type="FAIL">FAIL: buffered reader sees the new data after fsync on the writer, without reopening (the documents warn it may not): 16 blocks: 16 stale; block 0 stale: generation expected 19, found 18 — hazard present: b's page cache kept old data, so cache=writethrough on the destination is not coherent here
  NFS-OPEN-BOTH: With the image open on both sides, fsync on the source does not by protocol make the data visible to the destination.
  BLOCK-PAGECACHE-INCOHERENT: The Linux page cache is not coherent across nodes: a buffered read can return data older than an acknowledged write.
FAIL: a claim the probe expects to hold was violated; probe record #6 (both open: a writes and fsyncs, b reads without reopening)</failure>
    </testcase>
    <testcase name="SHARE1 writeback→writeback (repeat 7)" classname="coprobe.SHARE1" time="<s>">
      <error message="hung: side b did not answer &quot;read&quot; within 30000 ms (stuck in I/O?): its agent was killed" type="HUNG">HUNG: a side did not answer within the timeout; probe record #7 (one cache for both sides? a writes without a flush, b reads at once)</error>
    </testcase>
    <testcase name="SHARE1 writeback→writeback (repeat 8)" classname="coprobe.SHARE1" time="<s>">
      <error message="lost: side a: agent went away during &quot;write&quot; (signal SIGKILL)" type="LOST">LOST: a side's agent went away; probe record #8 (one cache for both sides? a writes without a flush, b reads at once)</error>
    </testcase>

`
