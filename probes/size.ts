// SIZE1: a extends, then truncates, the file b has open; which size does b see, through which call, and when?
import type { Probe, ProbeContext } from '../src/probe.js';
import type { Reply } from '../src/transport/client.js';
import type { Check, ClaimEvidence } from '../src/checks.js';
import { describeCounts } from '../src/blocks/tally.js';

interface Seen { sizeOnly: number; fstat: number; path: number; atUs: number }

/** The size b sees through a size-only statx, a full statx (fstat) and a statx of the path, µs after a's fsync. */
async function sizes(t: ProbeContext, flush: Reply<unknown>): Promise<Seen> {
  const s1 = await t.step('b', 'stat', { h: 'f', sizeOnly: true });
  const s2 = await t.step('b', 'stat', { h: 'f' });
  const s3 = await t.step('b', 'statPath', { sizeOnly: true });
  const size = (r: Reply<unknown>) => (r.ok ? (r.result as { size: number }).size : -1);
  return { sizeOnly: size(s1), fstat: size(s2), path: size(s3), atUs: t.gapUs(flush, s1) };
}

function judge(what: string, expected: number, seen: Seen): { ok: boolean; text: string } {
  const wrong = (['sizeOnly', 'fstat', 'path'] as const).filter((k) => seen[k] !== expected);
  const text = `${what}: expected ${expected} bytes; size-only statx ${seen.sizeOnly}, fstat ${seen.fstat}, path statx ${seen.path}, ${(seen.atUs / 1000).toFixed(2)} ms after a's fsync`;
  return { ok: wrong.length === 0, text };
}

export const size: Probe = {
  code: 'SIZE1',
  title: 'attribute/size coherence: a extends and truncates the file b has open; b stats and reads past the old end',
  flags: ['metadata', 'size'],
  claims: ['RAW-SIZE'],
  depends: [],
  targets: ['dir'],
  variants: (pairs) => pairs.map((p) => ({ ...p })),
  async run(t) {
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
        sizeOnlyAfterExtend: grown.sizeOnly, fstatAfterExtend: grown.fstat, pathAfterExtend: grown.path, msAfterExtend: grown.atUs / 1000,
        sizeOnlyAfterTruncate: shrunk.sizeOnly, fstatAfterTruncate: shrunk.fstat, pathAfterTruncate: shrunk.path, msAfterTruncate: shrunk.atUs / 1000,
        pastOldEndFresh: past.result.counts.fresh, pastNewEndShort: beyond.result.counts.short,
      },
      bears,
    };
    return [check];
  },
};
