// Warnings that make a run say nothing about two hosts (or less than it seems), from what the agents reported.
import type { HelloResult, TargetInfo } from '../protocol/results.js';
import type { Confounder, NfsDetails } from '../detect/types.js';
import { kernelAtLeast } from '../detect/kernel.js';
import { backendOf, isUserspace } from '../caps.js';

/** What confounder detection needs about one side: a run's SideDescription is one; `coprobe detect` builds one per path. */
export interface ConfounderSide {
  arg: string;
  host: Pick<HelloResult, 'bootId' | 'hostname' | 'kernel' | 'netns'>;
  target: Pick<TargetInfo, 'kind' | 'stack' | 'dev' | 'details' | 'backend' | 'unavailable'>;
  /** O_DIRECT opens work; undefined when not tried (detect). */
  direct?: boolean;
}

/** LOCALIO (the NFS client reading the local nfsd's files directly, bypassing RPC) first shipped in Linux 6.12. */
const LOCALIO_SINCE: [number, number] = [6, 12];

/**
 * Confounders for a pair of sides, most serious first.
 *
 * READ-DELEGATION (b holds an NFSv4 read delegation, so b may serve reads from its cache until the server recalls it) is
 * not emitted: the Linux NFS client publishes no list of the delegations it holds (nothing in /proc/self/mountstats,
 * /proc/fs/nfsfs or /sys/fs/nfs says "this file is delegated"); only the server sees them (/proc/fs/nfsd/clients/N/states
 * on a Linux nfsd), and only while the file is open, long after these warnings are printed. The one client-side trace is
 * the DELEGRETURN count in the `mountstats` command's ops, which a probe can compare before and after its steps.
 */
export function confounders(a: ConfounderSide, b: ConfounderSide): Confounder[] {
  const out: Confounder[] = [];
  const push = (code: Confounder['code'], severity: Confounder['severity'], message: string) => out.push({ code, severity, message });
  const oneKernel = a.host.bootId === b.host.bootId && a.host.bootId !== 'unknown';
  const bothNfs = a.target.stack === 'nfs' && b.target.stack === 'nfs' && !isUserspace(a.target) && !isUserspace(b.target);
  // Userspace sides (libiscsi, libnfs) keep no page cache in any kernel: one host does not make one cache for them.
  const kernelBoth = !isUserspace(a.target) && !isUserspace(b.target);
  const sameSuperblock = kernelBoth && oneKernel && a.target.kind === b.target.kind && a.target.dev === b.target.dev && a.target.dev !== '';
  const na = a.target.details?.nfs, nb = b.target.details?.nfs;

  if (sameSuperblock) {
    push('ONE-PAGE-CACHE', 'voids', `both sides reach the same ${a.target.kind === 'device' ? 'device' : 'filesystem'} (${a.target.dev}) through one kernel on ${a.host.hostname}: one page cache serves both, so this run says nothing about two hosts; run the sides on two hosts (ssh://host/path)`);
  }
  if (oneKernel && bothNfs) {
    // One superblock is one cache. Two mounts of one export share a superblock unless a mount asks for nosharecache
    // (nfs(5)); mounts with separate superblocks (nosharecache, or another NFS version) have separate caches even in
    // one kernel, so the superblock, not the export name, decides.
    if (sameSuperblock) {
      const what = na ? `${na.server}:${na.export}` : 'one export';
      push('NFS-SHARECACHE', 'voids', `both sides are NFS mounts of ${what} sharing one superblock (${a.target.dev}) in one kernel (sharecache, the default): the client keeps one data and attribute cache for both, so b is served a's pages without asking the server; remount both with -o nosharecache, or use two hosts`);
    }
    const v4 = (n: NfsDetails | undefined) => n?.version.startsWith('4');
    // The kernel keeps one NFS client per network namespace, and names it to the server after the host name (UTS
    // namespace): agents in two network namespaces with two host names reach the server as two clients, as two hosts do.
    const twoClients = a.host.netns !== undefined && b.host.netns !== undefined && a.host.netns !== b.host.netns
      && a.host.hostname !== b.host.hostname;
    if (twoClients) {
      // Nothing to warn about the client identity; the page caches are still separate superblocks (checked above).
    } else if (v4(na) && v4(nb)) {
      push('NFSV4-ONE-CLIENT', 'weakens', `both sides are NFSv4 mounts in one kernel (${na!.version}, ${nb!.version}): the server sees one client, so it never recalls a delegation from one side for the other; two-client open/close consistency is not tested; run the sides on two hosts for that`);
    } else if (!na || !nb) {
      push('NFSV4-ONE-CLIENT', 'weakens', 'both sides are NFS mounts in one kernel and their versions could not be read: if both are NFSv4 the server sees one client and never recalls a delegation from one side for the other; check with `coprobe detect`, or use two hosts');
    }
  }
  for (const [name, s] of [['a', a], ['b', b]] as const) {
    const nfs = s.target.details?.nfs;
    if (s.target.stack !== 'nfs' || !nfs) continue;
    if (nfs.localio === true) {
      push('NFS-LOCALIO', 'weakens', `side ${name} (${s.arg}) uses NFS LOCALIO (/sys/fs/nfs/<dev>/localio is 1): its reads and writes go straight to the local nfsd's files, not over RPC, so this is not the path a remote host takes; mount from another host, or disable it (echo N > /sys/module/nfs/parameters/localio_enabled)`);
    } else if (nfs.localio === undefined && nfs.serverIsLocal && kernelAtLeast(s.host.kernel, ...LOCALIO_SINCE)) {
      push('NFS-LOCALIO', 'weakens', `side ${name} (${s.arg}) mounts an NFS server on its own host (${nfs.address ?? nfs.server}) with kernel ${s.host.kernel}: if the kernel has LOCALIO (6.12+, CONFIG_NFS_LOCALIO), reads and writes bypass RPC and this is not the path a remote host takes; mount from another host, or disable it (echo N > /sys/module/nfs/parameters/localio_enabled)`);
    }
  }
  if (a.target.stack !== b.target.stack) push('MIXED-STACKS', 'info', `the sides are different kinds of storage (a: ${a.target.stack}, b: ${b.target.stack}): a claim about one kind is judged by b's kind; give two paths to the same storage through the same stack`);
  if (isUserspace(a.target) !== isUserspace(b.target)) {
    const [user, kern] = isUserspace(a.target) ? ['a', 'b'] : ['b', 'a'];
    push('MIXED-ACCESS', 'info', `side ${user} reaches the storage from userspace (${backendOf((user === 'a' ? a : b).target)}, no host page cache) and side ${kern} through the kernel: the verdicts are judged by b's path`);
  }
  for (const [name, s] of [['a', a], ['b', b]] as const) {
    if (s.direct === false && !s.target.unavailable) push('NO-ODIRECT', 'info', `side ${name} (${s.arg}) refuses O_DIRECT: modes none and directsync are UNSUPPORTED on that side`);
  }
  return out;
}
