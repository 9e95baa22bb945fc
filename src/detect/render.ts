// Human-readable lines for what detection found about one path: kind, type, stack, mount, NFS, FUSE, block transport, notes.
import type { BlockDetails, DetectResult, MountDetails, NfsDetails } from './types.js';

/** Mount options that change caching or durability, shown for non-NFS mounts (NFS gets its own line). */
const OPTIONS_OF_NOTE = ['ro', 'sync', 'dirsync', 'dax', 'data', 'cache', 'direct_io', 'noac', 'actimeo', 'fsc', 'nosharecache', 'sharecache', 'local_lock', 'subtype'];

function optionList(o: Record<string, string>, keys: readonly string[]): string {
  return keys.filter((k) => k in o).map((k) => (o[k] ? `${k}=${o[k]}` : k)).join(',');
}

/** One line about the mount: where, from what, and the options that matter. */
export function renderMount(m: MountDetails, nfs: boolean): string {
  const noted = nfs ? '' : optionList(m.options, OPTIONS_OF_NOTE);
  return `mount: ${m.mountPoint} (${m.fsType} from ${m.source}, superblock ${m.dev})${noted ? `, options of note: ${noted}` : ''}`;
}

/** One line about an NFS mount: version, server, and each option that decides what a result means. */
export function renderNfs(n: NfsDetails): string {
  const ac = Object.keys(n.attributeCache).length
    ? optionList(n.attributeCache, Object.keys(n.attributeCache))
    : 'default attribute cache';
  const where = n.serverIsLocal ? 'this host' : 'another host';
  const localio = n.localio === undefined ? 'LOCALIO not reported by this kernel' : n.localio ? 'LOCALIO in use' : 'LOCALIO not in use';
  return [
    `nfs: version ${n.version}, ${n.server}:${n.export}${n.address ? ` (addr ${n.address})` : ''} on ${where}`,
    ac, n.cto ? 'cto' : 'nocto', `lookupcache=${n.lookupcache}`, n.sharecache ? 'sharecache' : 'nosharecache',
    `local_lock=${n.localLock}`, localio,
  ].join(', ');
}

/** One line about the block transport under a device or a filesystem. */
export function renderBlock(b: BlockDetails): string {
  const dio = b.loopDirectIo === undefined ? '' : `, direct I/O ${b.loopDirectIo ? 'on' : 'off (the backing file\'s page cache sits under it)'}`;
  const over = b.backing ? (b.transport === 'loop' ? ` over ${b.backing}` : ` (${b.backing})`) : '';
  return `block: ${b.name ? `${b.name}, ` : ''}${b.transport}${over}${dio} [${b.sysfs}]`;
}

/** The lines for one detected path: a heading, then mount, NFS, FUSE, block and notes, indented. */
export function renderDetect(arg: string, r: DetectResult, where?: string): string[] {
  const on = where ? ` — ${where}` : '';
  const head = r.kind === 'missing' ? `${arg}: MISSING${on}`
    : r.kind === 'device' ? `${arg}: block device ${r.dev}, stack ${r.stack}${on}`
      : `${arg}: ${r.kind === 'dir' ? 'directory' : 'neither directory nor device'} on ${r.fsType} (${r.dev}), stack ${r.stack}${on}`;
  const lines = [head];
  const d = r.details;
  if (d.mount) lines.push(`  ${renderMount(d.mount, d.nfs !== undefined)}`);
  if (d.nfs) lines.push(`  ${renderNfs(d.nfs)}`);
  if (d.fuseSubtype !== undefined) lines.push(`  fuse: subtype ${d.fuseSubtype || '(none given)'}`);
  if (d.block) lines.push(`  ${renderBlock(d.block)}`);
  for (const n of d.notes) lines.push(`  note: ${n}`);
  return lines;
}
