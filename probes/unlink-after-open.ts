// UNL1: b has the file open; a removes it (or chmods it to 000); can b still read through its open descriptor?
import type { Probe } from '../src/probe.js';
import { describeCounts } from '../src/blocks/tally.js';
import { firstFinding, type Check } from '../src/checks.js';

const ACTIONS = ['unlink', 'chmod'] as const;

export const unlinkAfterOpen: Probe = {
  code: 'UNL1',
  title: 'unlink or chmod 000 by a while b has the file open, then b reads through its descriptor',
  flags: ['namespace'],
  claims: ['NFS-UNLINK-AFTER-OPEN'],
  depends: [],
  targets: ['dir'],
  variants: (pairs) => pairs.flatMap((p) => ACTIONS.map((param) => ({ ...p, param }))),
  async run(t) {
    const g = t.nextGen();
    await t.open('a', 'f', t.variant.a, true);
    await t.write('a', 'f', g);
    await t.flush('a', 'f');
    await t.close('a', 'f');
    await t.open('b', 'f', t.variant.b);
    await t.read('b', 'f', g);
    if (t.variant.param === 'unlink') await t.step('a', 'unlink', {});
    else await t.step('a', 'chmod', { mode: 0 });
    const after = await t.read('b', 'f', g);
    const stat = await t.call('b', 'stat', { h: 'f' });
    const errors = after.result.counts.error;
    const statNote = stat.ok ? 'fstat on b succeeded' : `fstat on b failed: ${stat.error.errnoName ?? stat.error.code}`;
    const action = t.variant.param === 'unlink' ? 'removed the file' : 'chmod-ed the file to 000';
    const ok = errors === 0;
    const check: Check = {
      claims: ['NFS-UNLINK-AFTER-OPEN'],
      sentence: `reader's open descriptor should keep working after the other side ${action} (POSIX; the documents say NFS differs)`,
      outcome: ok ? 'PASS' : t.stack === 'nfs' ? 'WARN' : 'FAIL',
      observed: `${describeCounts(after.result)}${firstFinding(after.result)}; ${statNote}${!ok && t.stack === 'nfs' ? ' — the NFS hazard the documents describe' : ''}`,
      read: after.result,
      values: { errors, fstatErrno: stat.ok ? null : stat.error.errnoName ?? stat.error.code, readErrno: after.result.findings.find((f) => f.cls === 'error')?.found ?? null },
      bears: [t.stack === 'nfs'
        ? { claim: 'NFS-UNLINK-AFTER-OPEN', status: ok ? 'violated' : 'holds', why: `after a ${action}: ${describeCounts(after.result)}; ${statNote}` }
        : { claim: 'NFS-UNLINK-AFTER-OPEN', status: 'not-applicable', why: `the claim is about NFS; side b is ${t.stack}` }],
    };
    return [check];
  },
};
