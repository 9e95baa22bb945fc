// The services scenarios share, as ordered steps the guest runs once per boot (the start-up order matters: see each step).
import { join } from 'node:path';
import type { LabService, LabStep } from '../types.js';
import { packageRoot } from '../../package-info.js';
import { shellQuote } from '../../transport/ssh.js';
import { CEPH_DATA, CEPH_DATA_SIZE, CEPH_DEBUGFS, CEPH_RUN, CLIENT_ADDR_B, EXPORT_DIR, EXPORT_IMAGE, HOST_B, LUN_IMAGE, NETNS_B, RUN_DIR, SERVER_ADDR_B, TARGET_IQN, UTS_B } from './names.js';

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

/** The memory watch's pid and the lowest MemAvailable it saw (kB). */
const MEM_WATCH_PID = `${RUN_DIR}/memory-watch.pid`;
const MEM_MIN = `${RUN_DIR}/memory-min-kb`;

/** ci/ceph.sh in coprobe's checkout (the guest sees the host's root, so the host's path is the guest's). */
export function cephScriptPath(root = packageRoot()): string {
  return join(root, 'ci', 'ceph.sh');
}

/**
 * Seconds each of ci/ceph.sh's waits (and its mkfs) may take in the guest (COPROBE_CEPH_TIMEOUT): its default, 60 s, is
 * for a host; under TCG the monitor's whole phase took 113.5 s (see the start step).
 */
export const CEPH_WAIT_S = 240;

/** ci/ceph.sh as the guest runs it: its data and run directories the lab's own, on the guest's loopback. */
export const CEPH_SH = `COPROBE_CEPH_RUN=${CEPH_RUN} COPROBE_CEPH_DATA=${CEPH_DATA} COPROBE_CEPH_TIMEOUT=${CEPH_WAIT_S} bash ${shellQuote(cephScriptPath())}`;

/** The Ceph user the kernel clients and the scenarios' commands authenticate as (ci/ceph.sh's client.coprobe, cephx). */
export const CEPH_CLIENT = 'coprobe';
/** ci/ceph.sh's files under its run directory: the clients' conf, client.coprobe's bare key, the admin conf. */
export const CEPH_CONF = `${CEPH_RUN}/ceph.conf`;
export const CEPH_SECRET = `${CEPH_RUN}/client.${CEPH_CLIENT}.secret`;
export const CEPH_ADMIN_CONF = `${CEPH_RUN}/admin.conf`;
/** ci/ceph.sh's run directory in the guest (pidfiles, admin sockets). */
export const CEPH_RUN_DIR = CEPH_RUN;
/** The monitor's msgr1 address (the kernel clients' default, ms_mode=legacy). */
export const CEPH_MON = '127.0.0.1:6789';

/**
 * Guest memory the Ceph scenarios need. Measured under TCG (the memory watch and the daemons' VmHWM, printed when the
 * cluster stops) over cephfs-kernel, krbd and ceph-fuse in one boot: with 1024 MiB (960 MiB MemTotal) the lowest
 * MemAvailable was 271 MiB, so about 690 MiB in use at the peak (ceph-osd 315 MiB: memstore holds the rbd image's and
 * the files' objects in its memory; ceph-mon 51 MiB, ceph-mds 41 MiB; node's runner and two agents; two ceph-fuse). 768
 * MiB would leave about 15 MiB: too close. The NFS and iSCSI scenarios keep the lab's 512 MiB.
 */
export const CEPH_MEMORY_MIB = 1024;

/**
 * A single-host Ceph cluster (mon, OSD, MDS with one CephFS, an rbd pool) made by ci/ceph.sh, and the kernel's Ceph
 * clients. Its data goes to a tmpfs of its own (memstore keeps the objects in the OSD's memory and saves them there on
 * stop), bounded so a runaway cannot eat the guest's memory.
 */
const ceph: LabStep[] = [
  { name: 'load the Ceph kernel clients', run: 'modprobe -a libceph ceph rbd' },
  // ci/ceph.sh reads process substitutions (bash's /dev/fd/N); the guest's devtmpfs has no /dev/fd (udev makes it on a host).
  { name: '/dev/fd', run: 'for l in fd:/proc/self/fd stdin:/proc/self/fd/0 stdout:/proc/self/fd/1 stderr:/proc/self/fd/2; do [ -e /dev/${l%%:*} ] || ln -s ${l#*:} /dev/${l%%:*}; done; [ -e /dev/fd/0 ]' },
  // The client id of each mount is read from debugfs (one <fsid>.client<id> directory per client instance).
  { name: 'mount debugfs', run: `grep -q " /sys/kernel/debug " /proc/mounts || mount -t debugfs debugfs /sys/kernel/debug; [ -d ${CEPH_DEBUGFS} ]` },
  { name: 'Ceph data and run directories', run: `mkdir -p ${CEPH_DATA} ${CEPH_RUN} && (grep -q " ${CEPH_DATA} " /proc/mounts || mount -t tmpfs -o size=${CEPH_DATA_SIZE},mode=0755 ceph-data ${CEPH_DATA})` },
  // The guest's lowest MemAvailable while the cluster runs, sampled every 2 s (printed when the cluster stops: the
  // measurement behind CEPH_MEMORY_MIB).
  { name: 'memory watch', run: `(while :; do a=$(awk '/^MemAvailable:/ {print $2}' /proc/meminfo); m=$(cat ${MEM_MIN} 2>/dev/null || echo $a); [ "$a" -le "$m" ] && echo $a > ${MEM_MIN}; sleep 2; done) >/dev/null 2>&1 </dev/null & echo $! > ${MEM_WATCH_PID}` },
  // Measured under TCG on 2 vCPUs (-cpu max, Ceph 16.2.15, cephx, memstore): ci/ceph.sh start took 252 s (mon 113.5 s,
  // osd 54.1 s, rbd pool 25.3 s, cephfs 57.3 s) and the step with its status check 289 s (the python `ceph` CLI starts
  // in seconds under TCG, and the script calls it some twenty times); bounded at about twice that.
  { name: 'start the cluster (ci/ceph.sh start)', run: `${CEPH_SH} start && ${CEPH_SH} status`, timeoutMs: 600_000 },
];

/** Stopping the cluster once every scenario is done (their teardown has unmounted and unmapped). */
const cephStop: LabStep[] = [
  { name: 'no Ceph mount or mapping left', run: `if grep -q " ceph " /proc/mounts || [ -n "$(ls /sys/bus/rbd/devices 2>/dev/null)" ]; then grep " ceph " /proc/mounts; ls /sys/bus/rbd/devices; exit 1; fi` },
  // What the daemons used at their peak (VmHWM), the measurement behind CEPH_MEMORY_MIB.
  { name: 'memory used', run: `for p in $(pidof ceph-mon ceph-osd ceph-mds); do echo "$(cat /proc/$p/comm) peak $(awk '/^VmHWM:/ {print $2, $3}' /proc/$p/status)"; done; echo "guest MemTotal $(awk '/^MemTotal:/ {print $2}' /proc/meminfo) kB, lowest MemAvailable $(cat ${MEM_MIN}) kB"; kill $(cat ${MEM_WATCH_PID}) && rm -f ${MEM_WATCH_PID} ${MEM_MIN}` },
  { name: 'stop the cluster (ci/ceph.sh stop)', run: `${CEPH_SH} stop`, timeoutMs: 180_000 },
  { name: 'remove its data', run: `umount ${CEPH_DATA} && rmdir ${CEPH_DATA}` },
];

/** Each service's steps. */
export const SERVICES: Record<LabService, LabStep[]> = {
  'nfs-server': nfsServer,
  'client-b-namespaces': clientB,
  'iscsi-target': iscsiTarget,
  'iscsi-initiator': iscsiInitiator,
  ceph,
  'ceph-fuse': [{ name: 'load fuse', run: 'modprobe fuse && [ -c /dev/fuse ]' }],
};

/**
 * Services whose software needs TCG's 'max' CPU model: under qemu's default (qemu64) ceph-mon and ceph-osd die at
 * start-up with SIGILL in gf-complete's gf_init_hard (the jerasure erasure-code plugin they preload), measured on
 * Debian 12's Ceph 16.2.15.
 */
export const TCG_CPU_MAX: readonly LabService[] = ['ceph', 'ceph-fuse'];

/** Steps that stop a service after the last scenario (in the reverse order of starting); a service without them is left to the power-off. */
export const SERVICE_STOPS: Partial<Record<LabService, LabStep[]>> = {
  ceph: cephStop,
};
