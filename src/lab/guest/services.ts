// The services scenarios share, as ordered steps the guest runs once per boot (the start-up order matters: see each step).
import type { LabService, LabStep } from '../types.js';
import { CLIENT_ADDR_B, EXPORT_DIR, EXPORT_IMAGE, HOST_B, LUN_IMAGE, NETNS_B, RUN_DIR, SERVER_ADDR_B, TARGET_IQN, UTS_B } from './names.js';

/** Start the kernel NFS server with no export yet (each scenario exports with its own options). */
const nfsServer: LabStep[] = [
  { name: 'load nfsd and the NFS client', run: 'modprobe -a nfsd nfs nfsv3 nfsv4 loop ext4' },
  // lockd's grace period is roundup(nlm_grace_period, nlm_timeout) seconds (50 s by default): 3 s keeps NFSv3 locks from
  // waiting out a long grace after start-up. Set before nfsd starts lockd.
  { name: 'shorten the lockd grace period', run: 'echo 3 > /proc/sys/fs/nfs/nlm_timeout && echo 3 > /proc/sys/fs/nfs/nlm_grace_period' },
  { name: 'mount rpc_pipefs and nfsd', run: 'mkdir -p /run/rpc_pipefs && (grep -q " /run/rpc_pipefs " /proc/mounts || mount -t rpc_pipefs sunrpc /run/rpc_pipefs) && (grep -q " /proc/fs/nfsd " /proc/mounts || mount -t nfsd nfsd /proc/fs/nfsd)' },
  // An overlay root cannot be exported: export a real filesystem, ext4 on a loop file.
  { name: 'make the exported ext4', run: `mkdir -p $(dirname ${EXPORT_IMAGE}) ${EXPORT_DIR} && truncate -s 96M ${EXPORT_IMAGE} && mkfs.ext4 -q -F ${EXPORT_IMAGE} && mount -o loop ${EXPORT_IMAGE} ${EXPORT_DIR}` },
  { name: 'start rpcbind', run: 'mkdir -p /run/rpcbind && rpcbind -w' },
  { name: 'start rpc.statd', run: 'mkdir -p /var/lib/nfs/sm /var/lib/nfs/sm.bak && rpc.statd --no-notify' },
  // Without nfsdcld the kernel waits for it, then falls back to a 90 s grace period.
  { name: 'start nfsdcld', run: 'mkdir -p /var/lib/nfs/nfsdcld && nfsdcld' },
  { name: 'empty export table', run: ': > /etc/exports && exportfs -ra' },
  // rpc.mountd answers v3 MOUNT and the kernel's export upcalls for v4 too.
  { name: 'start rpc.mountd', run: 'rpc.mountd' },
  { name: 'start nfsd', run: 'rpc.nfsd 8' },
  // A fresh server holds a grace period in which opens and locks wait: end it (nothing to reclaim on a fresh boot).
  // The write can answer EIO when the grace period has already ended (nfsdcld with no clients to reclaim ends it at
  // once): what counts is that the file then reads Y.
  { name: 'end the NFSv4 grace period', run: 'for i in $(seq 1 50); do echo Y > /proc/fs/nfsd/v4_end_grace 2>/dev/null; grep -q Y /proc/fs/nfsd/v4_end_grace && exit 0; sleep 0.1; done; echo "v4_end_grace still reads $(cat /proc/fs/nfsd/v4_end_grace)"; exit 1' },
];

/** Client b's network namespace (a veth to the server's) and UTS namespace (its own host name), persisted for nsenter. */
const clientB: LabStep[] = [
  { name: 'load veth', run: 'modprobe veth' },
  { name: 'network namespace', run: `ip netns add ${NETNS_B} && ip link add lab-srv type veth peer name lab-cli && ip link set lab-cli netns ${NETNS_B} && ip addr add ${SERVER_ADDR_B}/24 dev lab-srv && ip link set lab-srv up && ip netns exec ${NETNS_B} sh -c 'ip addr add ${CLIENT_ADDR_B}/24 dev lab-cli && ip link set lab-cli up && ip link set lo up'` },
  { name: 'UTS namespace', run: `mkdir -p ${RUN_DIR} && touch ${UTS_B} && unshare --uts=${UTS_B} hostname ${HOST_B}` },
];

/** tgt serving one file-backed LUN on the guest's loopback. */
const iscsiTarget: LabStep[] = [
  { name: 'LUN backing file', run: `mkdir -p $(dirname ${LUN_IMAGE}) && truncate -s 64M ${LUN_IMAGE}` },
  { name: 'start tgtd', run: 'tgtd && for i in $(seq 1 100); do tgtadm --lld iscsi --mode sys --op show >/dev/null 2>&1 && exit 0; sleep 0.1; done; exit 1' },
  { name: 'target and LUN', run: `tgtadm --lld iscsi --op new --mode target --tid 1 -T ${TARGET_IQN} && tgtadm --lld iscsi --op new --mode logicalunit --tid 1 --lun 1 -b ${LUN_IMAGE} && tgtadm --lld iscsi --op bind --mode target --tid 1 -I ALL` },
];

/** open-iscsi's iscsid with the kernel's iscsi_tcp. */
const iscsiInitiator: LabStep[] = [
  { name: 'load iscsi_tcp and sd_mod', run: 'modprobe -a iscsi_tcp sd_mod' },
  { name: 'start iscsid', run: 'mkdir -p /run/lock/iscsi /etc/iscsi && echo InitiatorName=iqn.2026-11.org.coprobe:lab-default > /etc/iscsi/initiatorname.iscsi && iscsid && for i in $(seq 1 100); do iscsiadm -m session >/dev/null 2>&1; [ $? -ne 20 ] && exit 0; sleep 0.1; done; exit 1' },
];

/** Each service's steps. */
export const SERVICES: Record<LabService, LabStep[]> = {
  'nfs-server': nfsServer,
  'client-b-namespaces': clientB,
  'iscsi-target': iscsiTarget,
  'iscsi-initiator': iscsiInitiator,
};
