// CTO1: close-to-open — b opens after a wrote, fsynced and closed, and must see a's data.
import type { Probe } from '../src/probe.js';
import { expectFresh } from '../src/checks.js';
import { COHERENT_WHEN_UNCACHED, bearsOn, staleRule } from './rules.js';
import { allFresh, describeCounts, type ReadSummary } from '../src/blocks/tally.js';

export const cto: Probe = {
  code: 'CTO1',
  title: 'close-to-open: b opens after a wrote, fsynced and closed',
  flags: ['coherence', 'cto', 'quick'],
  claims: ['NFS-CTO'],
  depends: [],
  targets: ['dir', 'device'],
  variants: (pairs) => pairs.map((p) => ({ ...p })),
  async run(t) {
    const { a: am, b: bm } = t.variant;
    const g1 = t.nextGen();
    const g2 = t.nextGen();
    await t.open('a', 'f', am, true);
    await t.write('a', 'f', g1);
    const f1 = await t.flush('a', 'f');
    await t.close('a', 'f');
    await t.open('b', 'f', bm);
    const prime = await t.read('b', 'f', g1); // b caches generation g1 (in buffered modes)
    await t.close('b', 'f');
    await t.open('a', 'f', am);
    await t.write('a', 'f', g2);
    const f2 = await t.flush('a', 'f');
    await t.close('a', 'f');
    await t.open('b', 'f', bm);
    const after = await t.read('b', 'f', g2);
    const window = allFresh(after.result) ? undefined : await t.window('b', 'f', g2);
    await t.close('b', 'f');
    const bear = (r: ReadSummary, ignored: boolean) => bearsOn(t, allFresh(r), ignored, { 'NFS-CTO': ['holds', 'violated'] }, describeCounts(r));
    return [
      { ...expectFresh({
        sentence: 'reader should see the data when it opens after the writer fsynced and closed (first open)',
        claims: ['NFS-CTO'], read: prime.result, ...staleRule(t, COHERENT_WHEN_UNCACHED, f1.result.ignored),
      }), bears: bear(prime.result, f1.result.ignored) },
      { ...expectFresh({
        sentence: 'reader should see the new data when it reopens after the writer fsynced and closed',
        claims: ['NFS-CTO'], read: after.result, ...staleRule(t, COHERENT_WHEN_UNCACHED, f2.result.ignored),
        fsyncToReadUs: t.gapUs(f2, after),
      }), bears: bear(after.result, f2.result.ignored), ...(window ? { window } : {}) },
    ];
  },
};
