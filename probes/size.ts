// SIZE1: a extends, then truncates, the file b has open; which size does b see, through which call, and when?
// On a block device a tries the same resize (a write past the device's end, ftruncate); the host is expected to refuse.
import type { Probe, ProbeContext } from '../src/probe.js';
import type { SideName } from '../src/transport/spec.js';
import type { Reply } from '../src/transport/client.js';
import type { Check, ClaimEvidence } from '../src/checks.js';
import { describeCounts } from '../src/blocks/tally.js';

/** path: undefined on a device, which has no scratch file to stat by path. */
interface Seen { sizeOnly: number; fstat: number; path: number | undefined; atUs: number }

/** The size b sees through a size-only statx, a full statx (fstat) and (byPath) a statx of the path, µs after a's fsync. */
async function sizes(t: ProbeContext, flush: Reply<unknown>, byPath = true): Promise<Seen> {
  const s1 = await t.step('b', 'stat', { h: 'f', sizeOnly: true });
  const s2 = await t.step('b', 'stat', { h: 'f' });
  const s3 = byPath ? await t.step('b', 'statPath', { sizeOnly: true }) : undefined;
  const size = (r: Reply<unknown>) => (r.ok ? (r.result as { size: number }).size : -1);
  return { sizeOnly: size(s1), fstat: size(s2), path: s3 && size(s3), atUs: t.gapUs(flush, s1) };
}

function judge(what: string, expected: number, seen: Seen): { ok: boolean; text: string } {
  const wrong = (['sizeOnly', 'fstat', 'path'] as const).filter((k) => seen[k] !== undefined && seen[k] !== expected);
  const path = seen.path === undefined ? '' : `, path statx ${seen.path}`;
  const text = `${what}: expected ${expected} bytes; size-only statx ${seen.sizeOnly}, fstat ${seen.fstat}${path}, ${(seen.atUs / 1000).toFixed(2)} ms after a's fsync`;
  return { ok: wrong.length === 0, text };
}

export const size: Probe = {
  code: 'SIZE1',
  title: 'attribute/size coherence: a extends and truncates the file b has open; b stats and reads past the old end',
  flags: ['metadata', 'size'],
  claims: ['RAW-SIZE'],
  depends: [],
  targets: ['dir', 'device'],
  variants: (pairs) => pairs.map((p) => ({ ...p })),
  async run(t) {
    if (t.targets.a.kind === 'device') return resizeDevice(t);
    const n = t.blocks;
    const bs = t.blockSize;
    const g1 = t.nextGen();
    const g2 = t.nextGen();
    await t.open('a', 'f', t.variant.a, true);
    await t.write('a', 'f', g1, 0, n);
    await t.flush('a', 'f');
    await t.open('b', 'f', t.variant.b);
    await t.read('b', 'f', g1, 0, n);
    await t.step('b', 'stat', { h: 'f', sizeOnly: true });

    await t.write('a', 'f', g2, n, n);
    const grow = await t.flush('a', 'f');
    const grown = await sizes(t, grow);
    const past = await t.read('b', 'f', g2, n, n);

    await t.step('a', 'truncate', { h: 'f', size: Math.floor(n / 2) * bs });
    const shrink = await t.flush('a', 'f');
    const shrunk = await sizes(t, shrink);
    const beyond = await t.read('b', 'f', g1, Math.floor(n / 2), n - Math.floor(n / 2));

    const ignored = grow.result.ignored;
    const g = judge('after a extended the file', 2 * n * bs, grown);
    const s = judge('after a truncated it', Math.floor(n / 2) * bs, shrunk);
    const pastText = `reads past the old end: ${describeCounts(past.result)}; reads past the new end after truncation: ${describeCounts(beyond.result)}`;
    const stale = !g.ok || !s.ok;
    const bears: ClaimEvidence[] = [{
      claim: 'RAW-SIZE',
      status: ignored ? 'not-applicable' : stale ? 'holds' : 'not-applicable',
      why: ignored ? 'the writer skipped its flush (cache=unsafe)'
        : stale ? 'b saw an old size after a resized the file: the size is cached mutable metadata here'
          : 'b saw every size change at once through every call: only the size QEMU caches itself could be stale',
    }];
    const check: Check = {
      claims: ['RAW-SIZE'],
      sentence: 'b should see the new size after a resizes the file and flushes (RAW-SIZE: a cached size matters when the image is resized during migration)',
      outcome: stale ? 'WARN' : 'PASS',
      observed: `${g.text}; ${s.text}; ${pastText}`,
      values: {
        sizeOnlyAfterExtend: grown.sizeOnly, fstatAfterExtend: grown.fstat, pathAfterExtend: grown.path ?? null, msAfterExtend: grown.atUs / 1000,
        sizeOnlyAfterTruncate: shrunk.sizeOnly, fstatAfterTruncate: shrunk.fstat, pathAfterTruncate: shrunk.path ?? null, msAfterTruncate: shrunk.atUs / 1000,
        pastOldEndFresh: past.result.counts.fresh, pastNewEndShort: beyond.result.counts.short,
      },
      bears,
    };
    return [check];
  },
};

/** The largest block index the agent's write command takes (src/protocol/commands.ts: first and count). */
const MAX_BLOCK_INDEX = 1 << 24;

/** What a reply said: "ok", or its errno (else its error code) and message. */
function answer(r: Reply<unknown>): { errno: string | null; text: string } {
  if (r.ok) return { errno: null, text: 'succeeded' };
  const errno = r.error.errnoName ?? r.error.code;
  return { errno, text: `answered ${errno} (${r.error.message})` };
}

/** The size a side's statx of its open device handle gives: a number, or the errno the call answered. */
async function statSize(t: ProbeContext, side: SideName): Promise<number | string> {
  const r = await t.call(side, 'stat', { h: 'f', sizeOnly: true });
  return r.ok ? (r.result as { size?: number }).size ?? 'no size' : r.error.errnoName ?? r.error.code;
}

/**
 * SIZE1 on a block device (a LUN shared by both hosts): a tries to resize it the way the probe resizes a file: a write
 * of n blocks starting at the device's end (on a file, the write past the old end that extends it), then ftruncate to
 * that larger size. Both ask for a size beyond the device, so a host that accepted could not drop data; the write past
 * the end starts at or after the last byte, so nothing inside the device is overwritten but the first n blocks a
 * writes first (as every probe does). The host is expected to refuse both: the check then bears RAW-SIZE not
 * applicable, with what the kernel (or the userspace driver) answered and what b's statx saw. If a resize worked, b's
 * sizes are judged against the new size as on a file.
 */
async function resizeDevice(t: ProbeContext): Promise<Check[]> {
  const n = t.blocks;
  const bs = t.blockSize;
  const g1 = t.nextGen();
  const g2 = t.nextGen();
  const deviceSize = t.targets.a.deviceSize;
  await t.open('a', 'f', t.variant.a, true);
  await t.write('a', 'f', g1, 0, n);
  await t.flush('a', 'f');
  await t.open('b', 'f', t.variant.b);
  await t.read('b', 'f', g1, 0, n);
  const before = await statSize(t, 'b');

  // The first block at or past the device's end (its size need not be a multiple of the block size). A block index
  // beyond what the agent's write command takes (MAX_BLOCK_INDEX) is not tried: the protocol, not the host, would refuse.
  const end = deviceSize === undefined ? undefined : Math.ceil(deviceSize / bs);
  const writable = end !== undefined && end + n <= MAX_BLOCK_INDEX;
  const extend = writable ? await t.call('a', 'write', { h: 'f', gen: g2, first: end, count: n }) : undefined;
  const target = end === undefined ? Number.MAX_SAFE_INTEGER : (end + n) * bs;
  const truncate = await t.call('a', 'truncate', { h: 'f', size: target });
  const flush = await t.flush('a', 'f');
  const after = await statSize(t, 'b');

  const ext = extend && answer(extend);
  const tr = answer(truncate);
  const where = `the device ${t.targets.a.path} (${deviceSize ?? '?'} bytes)`;
  const extText = ext && end !== undefined
    ? `a's write of blocks ${end}..${end + n - 1} (from the device's end, as a write past a file's end extends it) ${ext.text}`
    : `a's write past the end not tried: ${end === undefined ? 'the device\'s size is unknown' : `block ${end} is beyond the agent's block index range (${MAX_BLOCK_INDEX})`}`;
  const trText = `a's ftruncate to ${target} bytes ${tr.text}`;
  // A kernel block device node's statx size is 0 (the device's size is BLKGETSIZE64's); a libiscsi handle's is the LUN's.
  const zero = before === 0 && after === 0 ? ' (statx of a block device node gives 0, not the device\'s size)' : '';
  const bText = `b's fstat of its open device: size ${before} before, ${after} after${zero}`;
  const values: Check['values'] = {
    deviceBytes: deviceSize ?? null, extendFirstBlock: end ?? null, extendErrno: ext ? ext.errno : null, truncateTo: target, truncateErrno: tr.errno,
    bFstatBefore: before, bFstatAfter: after,
  };
  const resized = (extend?.ok ?? false) || truncate.ok;
  if (!resized) {
    const kernel = [ext && `the write past the end answered ${ext.errno}`, `ftruncate answered ${tr.errno}`].filter(Boolean).join(', ');
    return [{
      claims: ['RAW-SIZE'],
      sentence: `a tries to resize ${where} that b has open, as it resizes a file (RAW-SIZE: a size b caches matters only if the image can be resized online)`,
      outcome: 'PASS',
      observed: `${extText}; ${trText}; ${bText}; the host refused to resize, so the device keeps its ${deviceSize ?? '?'} bytes`,
      values,
      bears: [{ claim: 'RAW-SIZE', status: 'not-applicable', why: `a LUN cannot be resized from a host: ${kernel}; its size changes only on the target` }],
    }];
  }
  // The host resized the device: judged as on a file, against the size asked for.
  const seen = await sizes(t, flush, false);
  const j = judge('after a resized the device', target, seen);
  const stale = !j.ok;
  const ignored = flush.result.ignored;
  return [{
    claims: ['RAW-SIZE'],
    sentence: 'b should see the new size after a resizes the device and flushes (RAW-SIZE: a cached size matters when the image is resized during migration)',
    outcome: stale ? 'WARN' : 'PASS',
    observed: `${extText}; ${trText}; ${j.text}`,
    values: { ...values, sizeOnlyAfterResize: seen.sizeOnly, fstatAfterResize: seen.fstat },
    bears: [{
      claim: 'RAW-SIZE', status: ignored ? 'not-applicable' : stale ? 'holds' : 'not-applicable',
      why: ignored ? 'the writer skipped its flush (cache=unsafe)'
        : stale ? 'b saw an old size after a resized the device: the size is cached mutable metadata here'
          : 'b saw the size change at once through every call: only the size QEMU caches itself could be stale',
    }],
  }];
}
