// BOTH1: both sides keep the file open (as during migration); a writes and fsyncs; b reads without reopening.
import type { Probe } from '../src/probe.js';
import { expectFresh } from '../src/checks.js';
import { MODE_TRAITS } from '../src/modes.js';
import { COHERENT_WHEN_UNCACHED, bearsOn, staleRule, type Bearing } from './rules.js';
import { prime, provedRead, rewrite } from './steps.js';
import { allFresh, describeCounts } from '../src/blocks/tally.js';

export const openBoth: Probe = {
  code: 'BOTH1',
  title: 'both open: a writes and fsyncs, b reads without reopening',
  flags: ['coherence', 'migration', 'quick'],
  claims: ['NFS-OPEN-BOTH', 'NFS-ODIRECT-READ', 'NFS-SYNC-STABLE-READ', 'BLOCK-PROTOCOL-COHERENT', 'BLOCK-PAGECACHE-INCOHERENT'],
  depends: [],
  targets: ['dir', 'device'],
  variants: (pairs) => pairs.map((p) => ({ ...p })),
  async run(t) {
    const bm = t.variant.b;
    const g1 = t.nextGen();
    const g2 = t.nextGen();
    const { flush: f1, read: primed } = await prime(t, g1);
    const f2 = await rewrite(t, g2);
    const { read: after, access } = await provedRead(t, { gen: g2 });
    const primeCheck = expectFresh({
      sentence: 'reader should see the data written and fsynced before it opened', claims: ['NFS-OPEN-BOTH'],
      read: primed.result, onStale: 'WARN',
      ...(f1.result.ignored ? { note: 'writer skipped its flush (cache=unsafe)' } : {}),
    });
    const gap = t.gapUs(f2, after);
    const fresh = allFresh(after.result);
    const window = fresh ? undefined : await t.window('b', 'f', g2);
    const extra = (bearing: Bearing) => ({ access, bears: bearsOn(t, fresh, f2.result.ignored, bearing, describeCounts(after.result), access), ...(window ? { window } : {}) });
    if (t.uncached('b')) {
      const how = MODE_TRAITS[bm].direct ? 'with O_DIRECT' : 'without a host page cache (userspace)';
      const judged = expectFresh({
        sentence: `reader ${how} should see the new data after fsync on the writer, without reopening`,
        claims: ['NFS-ODIRECT-READ', 'BLOCK-PROTOCOL-COHERENT'], read: after.result,
        ...staleRule(t, COHERENT_WHEN_UNCACHED, f2.result.ignored), fsyncToReadUs: gap,
      });
      // The proof of the access path beside the observation: these claims are about what the storage returns.
      judged.observed += `; access: ${access.how}`;
      return [primeCheck, { ...judged, ...extra({ 'NFS-ODIRECT-READ': ['holds', 'violated'], 'NFS-SYNC-STABLE-READ': ['holds', 'violated'], 'BLOCK-PROTOCOL-COHERENT': ['holds', 'violated'] }) }];
    }
    return [primeCheck, { ...expectFresh({
      sentence: 'buffered reader sees the new data after fsync on the writer, without reopening (the documents warn it may not)',
      claims: ['NFS-OPEN-BOTH', 'BLOCK-PAGECACHE-INCOHERENT'], read: after.result, onStale: 'WARN',
      note: `hazard present: b's page cache kept old data, so cache=${bm} on the destination is not coherent here`,
      fsyncToReadUs: gap,
    }), ...extra({ 'NFS-OPEN-BOTH': ['not-applicable', 'holds'], 'BLOCK-PAGECACHE-INCOHERENT': ['violated', 'holds'] }) }];
  },
};
