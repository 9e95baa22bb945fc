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
`
