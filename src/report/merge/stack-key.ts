// What makes two runs "the same stack" for the matrix: the fields that form a row's key, and those deliberately left out.
import type { RunRecord, SideDescription } from '../../result.js';
import { backendOf } from '../../caps.js';
import { VOLATILE_FACTS, VOLATILE_MOUNT_OPTIONS, stableJson, unnumbered, withoutKeys } from './volatile.js';

/**
 * The key of a row. Per side: the host (hostname, kernel release, architecture); the target's kind, stack class,
 * filesystem type, backend (libc, libiscsi, libnfs) and whether the side could use O_DIRECT; the block transport (loop
 * and its direct-I/O setting, the iSCSI target, the dm/md layout, the nbd backend...); the mount (filesystem type,
 * source, options); the NFS client's options; the FUSE subtype; a clustered system's coherence settings (GlusterFS volume
 * options, Ceph client cache settings: not where they were read from); a userspace backend's facts (portal, IQN, LUN, vendor,
 * NFS version, libnfs cache and transfer sizes). For the pair: whether both sides ran in one kernel (equal boot ids),
 * whether they ran in two network namespaces of that kernel (two NFS clients in one kernel: set only then, so a run
 * whose agents did not report namespaces keeps its row), and, for two loop devices, whether they share one backing file.
 * For a run `coprobe lab` made: the scenario, the Debian kernel package (name and version) and the export line, so two
 * scenarios (or two kernels) are two rows even where their sides look alike.
 *
 * Left out, because they change from run to run on one stack: run ids, pids, the boot ids themselves (a reboot is the
 * same stack), device numbers and numbered kernel names (7:0, loop0 vs loop3, session7), mount ids and mount points, the
 * target's path (a temp directory, a per-test subdirectory), a loop device's backing path (a mkdtemp directory), the
 * iSCSI initiator name (has a pid), the LUN's size, the NFS server's resolved address, coprobe's version, and what the
 * run selected (probes, modes, repeats): those decide which cells a run measures, not which row it belongs to. Also the
 * namespace ids themselves (inode numbers, new at each boot), and the lab's accelerator, package versions, set-up
 * commands and summary (the scenario names them; the mounts they made are in each side's key).
 */
function sideKey(s: SideDescription): Record<string, unknown> {
  const t = s.target;
  const d = t.details;
  const b = d?.block;
  const m = d?.mount;
  return {
    host: s.host.hostname, kernel: s.host.kernel, arch: s.host.arch,
    kind: t.kind, stack: t.stack, fsType: t.fsType, backend: backendOf(t), direct: s.direct,
    block: b ? { transport: b.transport, loopDirectIo: b.loopDirectIo, backing: b.transport === 'loop' || !b.backing ? undefined : unnumbered(b.backing) } : undefined,
    mount: m ? { fsType: m.fsType, source: unnumbered(m.source), options: withoutKeys(m.options, VOLATILE_MOUNT_OPTIONS) } : undefined,
    nfs: d?.nfs ? { ...d.nfs, address: undefined } : undefined,
    fuseSubtype: d?.fuseSubtype,
    // A clustered system's coherence settings (volume options, client cache settings): two profiles are two rows.
    cluster: d?.cluster ? { system: d.cluster.system, client: d.cluster.client, name: d.cluster.name, options: d.cluster.options } : undefined,
    facts: t.userspace ? withoutKeys(t.userspace.facts, VOLATILE_FACTS) : undefined,
  };
}

/** True when both sides are loop devices over one backing file (the embedded default stack). */
export function sharedLoopBacking(run: RunRecord): boolean {
  const [a, b] = [run.sides.a.target.details?.block, run.sides.b.target.details?.block];
  return a?.transport === 'loop' && b?.transport === 'loop' && !!a.backing && a.backing === b.backing;
}

/** True when both sides ran in one kernel but in two network namespaces (known only from agents that report theirs). */
export function twoNetns(run: RunRecord): boolean {
  const [a, b] = [run.sides.a.host, run.sides.b.host];
  return a.bootId === b.bootId && !!a.netns && !!b.netns && a.netns !== b.netns;
}

/** The row key of a run: stable JSON of the fields above (equal for runs of one stack, whatever their temp paths or pids). */
export function stackKeyOf(run: RunRecord): string {
  const lab = run.lab;
  return stableJson({
    a: sideKey(run.sides.a), b: sideKey(run.sides.b),
    oneKernel: run.sides.a.host.bootId === run.sides.b.host.bootId,
    twoNetns: twoNetns(run) || undefined,
    sharedLoopBacking: sharedLoopBacking(run),
    lab: lab ? { scenario: lab.scenario, kernelPackage: lab.kernelPackage, exports: lab.exports } : undefined,
  });
}
