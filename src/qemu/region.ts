// A guest region read unit by unit through qemu-io `read -P`, each unit classified fresh/stale/foreign/error like the agents' blocks.
import { addFinding, emptySummary, type ReadSummary } from '../blocks/tally.js';
import { StepFailure } from '../probe.js';
import { allocatedBytes, readVerdict, wroteAll } from './output.js';
import type { QemuIo } from './session.js';

/** `count` units of `unit` bytes from guest offset `offset` (units are clusters for qcow2/qed). */
export interface Region { offset: number; unit: number; count: number }

/** What one side saw over the region: the classified units, b's metadata view (`alloc`), and when the first read was sent. */
export interface RegionView { read: ReadSummary; allocated: number | undefined; t0: number }

/** A pattern byte never 0 (0 is what unallocated clusters read as): 1..255 from a generation number. */
export function patternOf(gen: number): number {
  return (gen % 255) + 1;
}

/** "0x5a". */
export function hex(byte: number): string {
  return `0x${byte.toString(16).padStart(2, '0')}`;
}

/** Total bytes of a region. */
export function regionBytes(r: Region): number {
  return r.unit * r.count;
}

/** Write `pattern` over the whole region with one `write -P`; a short or failed write is a StepFailure. */
export async function writeRegion(q: QemuIo, r: Region, pattern: number): Promise<void> {
  const cmd = `write -P ${hex(pattern)} ${r.offset} ${regionBytes(r)}`;
  const o = await q.run(cmd);
  if (!wroteAll(o.stdout, regionBytes(r))) throw new StepFailure(`side ${q.side}: qemu-io "${cmd}" failed: ${(o.stderr || o.stdout).trim()}`);
}

/**
 * Read each unit expecting `fresh`; a unit that does not match is read again expecting `old` (stale) — otherwise
 * foreign. A failed read is an error finding with qemu-io's message. Then `alloc` over the region.
 */
export async function viewRegion(q: QemuIo, r: Region, fresh: number, old: number): Promise<RegionView> {
  const read = emptySummary();
  let t0 = 0;
  for (let i = 0; i < r.count; i++) {
    const off = r.offset + i * r.unit;
    const o = await q.run(`read -P ${hex(fresh)} ${off} ${r.unit}`);
    if (i === 0) t0 = o.entry.t0;
    const v = readVerdict(o.stdout, o.stderr);
    if (v.kind === 'match') { addFinding(read, { index: i, cls: 'fresh' }); continue; }
    if (v.kind === 'failed') { addFinding(read, { index: i, cls: 'error', field: 'read', found: v.message }); continue; }
    const again = await q.run(`read -P ${hex(old)} ${off} ${r.unit}`);
    const w = readVerdict(again.stdout, again.stderr);
    addFinding(read, w.kind === 'match'
      ? { index: i, cls: 'stale', field: 'pattern', expected: hex(fresh), found: hex(old) }
      : { index: i, cls: 'foreign', field: 'pattern', expected: hex(fresh), found: w.kind === 'failed' ? w.message : `neither ${hex(fresh)} nor ${hex(old)}` });
  }
  const alloc = await q.run(`alloc ${r.offset} ${regionBytes(r)}`);
  return { read, allocated: allocatedBytes(alloc.stdout), t0 };
}
