// WIN1's pure parts: the attribute-cache bounds of an NFS mount, the poll bound, the statistics and the one variant.
import t from 'tap';
import { attributeCacheBounds, rpcDuring, staleWindow, timesText, windowBound, windowStats, WIN1_MARGIN_MS } from '../probes/stale-window.js';
import { staleWindowLine } from '../src/lab/windows.js';
import type { ProbeRunRecord } from '../src/result.js';
import { DEFAULT_PROBE_OPTIONS } from '../src/probe.js';
import type { TargetInfo } from '../src/protocol/results.js';

t.test('attribute-cache bounds: Linux defaults when no ac* option is shown, actimeo, acregmax, noac', async (t) => {
  t.match(attributeCacheBounds({}), { min: 3, max: 60, text: /Linux defaults/ });
  t.match(attributeCacheBounds({ actimeo: '5' }), { min: 5, max: 5 });
  t.match(attributeCacheBounds({ acregmin: '1', acregmax: '9' }), { min: 1, max: 9, text: /acregmin=1,acregmax=9/ });
  t.match(attributeCacheBounds({ noac: '' }), { min: 0, max: 0, text: 'noac' });
  t.equal(attributeCacheBounds(undefined), undefined, 'off NFS');
});

const target = (ac?: Record<string, string>): TargetInfo => ({
  path: '/mnt/b', kind: 'dir', fsType: ac ? 'nfs' : 'ext4', stack: ac ? 'nfs' : 'local', dev: '0:50', logicalBlockSize: 512, dioMemAlign: 512,
  ...(ac ? { details: { nfs: { version: '4.2', server: 's', export: '/', attributeCache: ac, cto: true, lookupcache: 'all', sharecache: true, localLock: 'none', serverIsLocal: false } } as TargetInfo['details'] } : {}),
});

t.test('the bound covers acregmax plus a margin on NFS; --window or 15 s elsewhere', async (t) => {
  const nfsT = target({});
  t.equal(windowBound({ targets: { a: nfsT, b: nfsT }, options: DEFAULT_PROBE_OPTIONS }).boundMs, 60_000 + WIN1_MARGIN_MS);
  const local = target();
  t.equal(windowBound({ targets: { a: local, b: local }, options: DEFAULT_PROBE_OPTIONS }).boundMs, 15_000);
  t.equal(windowBound({ targets: { a: local, b: local }, options: { ...DEFAULT_PROBE_OPTIONS, windowMs: 2000 } }).boundMs, 2000);
});

t.test('min / median / max over the repeats that became fresh', async (t) => {
  t.same(windowStats([3_000_000, 1_000_000, 6_000_000]), { min: 1000, median: 3000, max: 6000 });
  t.same(windowStats([1000, 3000]), { min: 1, median: 2, max: 3 });
  t.equal(windowStats([]), undefined);
});

t.test('one variant: a flushing writer and a buffered reader, writeback on both when selected', async (t) => {
  const all = (['none', 'directsync', 'writethrough', 'writeback', 'unsafe'] as const).map((m) => ({ a: m, b: m }));
  t.same(staleWindow.variants(all), [{ a: 'writeback', b: 'writeback', param: 'rw' }, { a: 'writeback', b: 'writeback', param: 'ro' }], 'b opened read-write (as QEMU) and read-only');
  t.same(staleWindow.variants([{ a: 'unsafe', b: 'unsafe' }, { a: 'none', b: 'writethrough' }]).map((v) => `${v.a} ${v.b}`), ['none writethrough', 'none writethrough']);
  t.same(staleWindow.variants([{ a: 'none', b: 'none' }]), [], 'no buffered reader: nothing to measure');
});

t.test('the RPCs b made while polling, and the times before and after the rewrite', async (t) => {
  t.same(rpcDuring({ GETATTR: 3, READ: 4 }, { GETATTR: 8, READ: 4 }), { getattr: 5, read: 0, text: 'GETATTR 3 → 8, READ 4 → 4' });
  // As recorded in the lab (Linux 6.1, NFSv3, b opened read-write): the server's times changed, b cached the new mtime, its data stayed old.
  t.match(timesText({ mtime: '1796664711.116000000', ctime: '1796664711.116000000' }, { mtime: '1796664711.264000000' }, { mtime: '1796664711.264000000', ctime: '1796664711.264000000' }),
    /mtime on the server 1796664711.116000000 → 1796664711.264000000, .*\(changed by the rewrite\); b's cached mtime 1796664711.264000000/);
  t.match(timesText({ mtime: '5.0' }, undefined, { mtime: '5.0' }), /unchanged by the rewrite/);
  t.equal(timesText(undefined, undefined, { mtime: '1' }), '');
});

t.test('the lab\'s line: every WIN1 run with how b opened the file, or why it did not run', async (t) => {
  const rec = (param: string, observed: string) => ({ probe: 'WIN1', variant: { a: 'writeback', b: 'writeback', param }, outcome: 'WARN', checks: [{ observed }] }) as unknown as ProbeRunRecord;
  t.equal(staleWindowLine([rec('rw', 'still stale'), rec('ro', 'min 3000 ms')]), 'WIN1 (a writeback, b writeback, b opened read-write): still stale | WIN1 (a writeback, b writeback, b opened read-only): min 3000 ms');
  t.equal(staleWindowLine([{ probe: 'WIN1', variant: { a: 'none', b: 'none' }, outcome: 'OMIT', reason: 'needs a dir target', checks: [] } as unknown as ProbeRunRecord]), 'WIN1 OMIT: needs a dir target');
  t.equal(staleWindowLine([]), undefined);
});
