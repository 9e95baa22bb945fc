/* IMPORTANT
 * This snapshot file is auto-generated, but designed for humans.
 * It should be checked into source control and tracked carefully.
 * Re-generate by setting TAP_SNAPSHOT=1 and running tests.
 * Make sure to inspect the output below.  Do not ignore changes!
 */
'use strict'
exports[`test/lab-list.test.ts > TAP > the registered scenarios as --list prints them > scenario list 1`] = `
scenarios (* = default set; run with: coprobe lab [names…]):
* nfs3-sync              NFSv3, sync export of ext4; client a in the guest's namespaces, client b in its own network and UTS namespaces (two clients to the server)
                         services: nfs-server, client-b-namespaces; sides: a=/mnt/coprobe-lab-a b=/mnt/coprobe-lab-b (b in its own namespaces)
* nfs42-sync             NFSv4.2, sync export of ext4; client a in the guest's namespaces, client b in its own network and UTS namespaces (two clients to the server)
                         services: nfs-server, client-b-namespaces; sides: a=/mnt/coprobe-lab-a b=/mnt/coprobe-lab-b (b in its own namespaces)
  nfs3-async             NFSv3, async export of ext4; client a in the guest's namespaces, client b in its own network and UTS namespaces (two clients to the server)
                         services: nfs-server, client-b-namespaces; sides: a=/mnt/coprobe-lab-a b=/mnt/coprobe-lab-b (b in its own namespaces)
  nfs42-async            NFSv4.2, async export of ext4; client a in the guest's namespaces, client b in its own network and UTS namespaces (two clients to the server)
                         services: nfs-server, client-b-namespaces; sides: a=/mnt/coprobe-lab-a b=/mnt/coprobe-lab-b (b in its own namespaces)
  nfs42-sync-one-client  NFSv4.2, sync export of ext4; both mounts in one kernel namespace with nosharecache (one client to the server: the confounded case)
                         services: nfs-server; sides: a=/mnt/coprobe-lab-a b=/mnt/coprobe-lab-b
                         CONFOUNDED: both mounts are one NFS client to the server (one network and UTS namespace): it never recalls a delegation from one for the other, which two hosts would see; kept because users run it this way
* iscsi                  kernel iSCSI: one tgt LUN (file-backed) logged in twice by open-iscsi through two iface records with different initiator names: two /dev/sdX, two page caches
                         services: iscsi-target, iscsi-initiator; sides: a=/run/coprobe-lab/lun-a b=/run/coprobe-lab/lun-b
  cephfs-kernel          CephFS kernel client: ci/ceph.sh's single-host cluster (mon, memstore OSD, MDS) in the guest, one CephFS mounted twice with noshare: two Ceph clients (two MDS sessions, own caps), two page caches
                         services: ceph; sides: a=/mnt/coprobe-lab-a b=/mnt/coprobe-lab-b; guest memory ≥ 1024 MiB
  krbd                   kernel rbd: one 64 MiB image in ci/ceph.sh's single-host cluster (memstore OSD) in the guest, mapped twice by the kernel rbd client with noshare: two Ceph clients, two /dev/rbdN, two page caches
                         services: ceph; sides: a=/run/coprobe-lab/rbd-a b=/run/coprobe-lab/rbd-b; guest memory ≥ 1024 MiB
  ceph-fuse              CephFS through ceph-fuse: ci/ceph.sh's single-host cluster (mon, memstore OSD, MDS) in the guest, one CephFS mounted twice by two ceph-fuse processes (ci/ceph.sh mount): two Ceph clients, two FUSE mounts with their own page caches
                         services: ceph, ceph-fuse; sides: a=/var/lib/coprobe-lab/ceph/mnt/lab-a b=/var/lib/coprobe-lab/ceph/mnt/lab-b; guest memory ≥ 1024 MiB
`
