/* IMPORTANT
 * This snapshot file is auto-generated, but designed for humans.
 * It should be checked into source control and tracked carefully.
 * Re-generate by setting TAP_SNAPSHOT=1 and running tests.
 * Make sure to inspect the output below.  Do not ignore changes!
 */
'use strict'
exports[`test/lab-summary.test.ts > TAP > the closing lines > summary text 1`] = `

lab: linux-image-6.1.0-56-amd64 6.1.192-2 (6.1.0-56-amd64), qemu tcg
phase                   wall time
resolve kernel package      0.4 s
kernel fetch                0.0 s  (cached linux-image-6.1.0-56-amd64 6.1.192-2)
initramfs                   0.1 s  (built)
boot                        7.3 s
service nfs-server          2.1 s
service iscsi-target       60.0 s  FAILED
nfs3-sync: run             95.6 s

scenario nfs3-sync: exit 1; 12 PASS, 2 FAIL, 1 WARN; reports in lab-report/nfs3-sync
scenario iscsi: could not run ("start tgtd": "start tgtd" did not finish within 60000 ms)
scenario nfs42-sync: the guest stopped before this scenario
lab failed (LAB_GUEST): the guest is stuck in service iscsi-target: no progress for 60 s
`
