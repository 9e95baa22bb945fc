// A row's stack in words: a short label (storage, host, kernel) and one detail line per part of the key.
import type { RunRecord } from '../../result.js';
import type { TargetInfo } from '../../protocol/results.js';
import { backendOf, isUserspace } from '../../caps.js';
import { sharedLoopBacking, twoNetns } from './stack-key.js';
import { labTitle } from '../lab.js';
import { describeCluster } from '../../verdict/cluster.js';
import { VOLATILE_FACTS, VOLATILE_MOUNT_OPTIONS, unnumbered, withoutKeys } from './volatile.js';

/** One side's storage in a few words, without its volatile parts. */
export function sideWords(t: TargetInfo): string {
  if (isUserspace(t)) return t.userspace ? t.userspace.description.replace(/ \(directory [^)]*\)/, '') : `${backendOf(t)} target (backend not available)`;
  const d = t.details;
  if (t.kind === 'device') {
    const b = d?.block;
    if (!b) return 'block device';
    if (b.transport === 'loop') return `loop device${b.loopDirectIo === undefined ? '' : ` (direct I/O ${b.loopDirectIo ? 'on' : 'off'})`}`;
    const backing = b.backing ? unnumbered(b.backing).replace(/ \(sessionN\)$/, '') : '';
    return `${b.transport === 'iscsi' ? 'kernel iSCSI disk' : `${b.transport} block device`}${backing ? ` (${backing})` : ''}`;
  }
  if (d?.nfs) return `NFSv${d.nfs.version} ${d.nfs.server}:${d.nfs.export} through the kernel client`;
  const c = d?.cluster;
  if (c) return `${c.system}${c.name ? ` ${c.name}` : ''} through ${d?.fuseSubtype ? `FUSE (${d.fuseSubtype})` : `the ${c.client} client`}`;
  if (t.stack === 'fuse' || d?.fuseSubtype) return `FUSE filesystem${d?.fuseSubtype ? ` ${d.fuseSubtype}` : ''}`;
  return `${d?.mount?.fsType ?? t.fsType} filesystem${d?.mount ? ` from ${unnumbered(d.mount.source)}` : ''}`;
}

/** Where the sides ran: one host and kernel (and whether one kernel served both), or each side's. */
function hostWords(run: RunRecord): string {
  const [a, b] = [run.sides.a.host, run.sides.b.host];
  if (a.hostname === b.hostname && a.kernel === b.kernel) return `on ${a.hostname}, kernel ${a.kernel}${a.bootId === b.bootId ? ', one kernel for both sides' : ''}`;
  return `a on ${a.hostname} (kernel ${a.kernel}), b on ${b.hostname} (kernel ${b.kernel})`;
}

/** The storage of both sides in words. */
function pairWords(run: RunRecord): string {
  const [a, b] = [sideWords(run.sides.a.target), sideWords(run.sides.b.target)];
  if (sharedLoopBacking(run) && a === b) return `two ${a.replace(/^loop device/, 'loop devices')} over one backing file`;
  return a === b ? `both sides: ${a}` : `a: ${a}; b: ${b}`;
}

const list = (o: Record<string, string | number | boolean>) => Object.entries(o).map(([k, v]) => (v === '' ? k : `${k}=${v}`)).join(', ');

/** Detail lines for one side: mount, NFS options, block transport, userspace facts (the key's fields, in words). */
function sideDetails(n: 'a' | 'b', run: RunRecord): string[] {
  const s = run.sides[n];
  const t = s.target;
  const d = t.details;
  const out = [`${n}: ${t.kind} (${t.fsType}, stack ${t.stack}) through ${backendOf(t)}${s.direct ? '' : ', no O_DIRECT'}`];
  if (d?.mount) out.push(`${n}: mount ${d.mount.fsType} from ${unnumbered(d.mount.source)}: ${list(withoutKeys(d.mount.options, VOLATILE_MOUNT_OPTIONS))}`);
  if (d?.nfs) {
    const x = d.nfs;
    out.push(`${n}: NFS ${x.version}, ${x.cto ? 'cto' : 'nocto'}, ${Object.keys(x.attributeCache).length ? list(x.attributeCache) : 'default attribute cache'}, lookupcache=${x.lookupcache}, ${x.sharecache ? 'sharecache' : 'nosharecache'}, local_lock=${x.localLock}, server ${x.serverIsLocal ? 'on this host' : 'on another host'}${x.localio === undefined ? '' : x.localio ? ', LOCALIO' : ', no LOCALIO'}`);
  }
  if (d?.block) out.push(`${n}: block transport ${d.block.transport}${d.block.loopDirectIo === undefined ? '' : `, direct I/O ${d.block.loopDirectIo ? 'on' : 'off'}`}${d.block.backing && d.block.transport !== 'loop' ? ` (${unnumbered(d.block.backing)})` : ''}`);
  if (t.userspace) out.push(`${n}: ${backendOf(t)} ${list(withoutKeys(t.userspace.facts, VOLATILE_FACTS))}`);
  if (d?.cluster) out.push(`${n}: ${describeCluster({ ...d.cluster, source: 'settings' }).replace(/ \[settings\]$/, '')}`);
  return out;
}

/** The lab's part of the key in words: scenario, why it is confounded, kernel package, export line; none for other runs. */
function labDetails(run: RunRecord): string[] {
  const lab = run.lab;
  if (!lab) return [];
  return [
    `lab: scenario ${lab.scenario}: ${lab.summary}`, ...(lab.confounded !== undefined ? [`lab: confounded: ${lab.confounded}`] : []),
    `lab: kernel package ${lab.kernelPackage} (uname -r ${lab.kernel})`, ...(lab.exports !== undefined ? [`lab: exports: ${lab.exports}`] : []),
  ];
}

/** The row label and its detail lines, from any run of the row (they agree on every field shown). */
export function stackWords(run: RunRecord): { label: string; details: string[] } {
  const [a, b] = [sideDetails('a', run), sideDetails('b', run)];
  const same = a.length === b.length && a.every((l, i) => l.slice(1) === b[i]!.slice(1));
  return {
    label: run.lab ? `${labTitle(run.lab)}: ${pairWords(run)}` : `${pairWords(run)} — ${hostWords(run)}`,
    details: [
      ...labDetails(run),
      ...(['a', 'b'] as const).map((n) => `${n}: host ${run.sides[n].host.hostname}, kernel ${run.sides[n].host.kernel}, ${run.sides[n].host.arch}`),
      ...(twoNetns(run) ? ['a, b: one kernel, two network namespaces'] : []),
      ...(same ? a.map((l) => `a, b${l.slice(1)}`) : [...a, ...b]), ...(sharedLoopBacking(run) ? ['a, b: one backing file (its path is a temp directory: not part of the stack)'] : []),
    ],
  };
}
