// nfs:// sides through libnfs against a real NFS-Ganesha: every probe over NFSv3 and NFSv4, mixed versions, bad input, a frozen server.
import t from 'tap';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { find, runProbes, type Ran } from './fixtures/run.js';
import { ensureGanesha, noGaneshaReason } from './fixtures/ganesha.js';
import { runCli } from './fixtures/cli.js';
import { runWhileFrozen } from './fixtures/frozen.js';
import { computeVerdicts } from '../src/verdict/record.js';

const skip = noGaneshaReason();
const nfs = skip ? undefined : ensureGanesha();
t.teardown(() => nfs?.release());

/** Every probe that ran, by outcome. */
function ranOutcomes(r: Ran): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const p of r.probes) if (p.outcome !== 'OMIT') (out[p.outcome] ??= []).push(`${p.probe} ${p.variant.a} ${p.variant.param ?? ''}`.trim());
  return out;
}

for (const version of [3, 4] as const) {
  t.test(`nfs:// NFSv${version} on both sides: every probe runs or says why not; no client cache, every mode SAFE`, { skip }, async (t) => {
    const url = nfs!.url(version);
    const r = await runProbes(url, url, { keep: `nfs${version}-libnfs` });
    t.equal(r.exitCode, 0);
    t.equal(r.run.sides.b.target.backend, 'libnfs');
    t.equal(r.run.sides.b.target.userspace?.facts.version, version);
    t.same(r.run.confounders, [], 'two libnfs contexts are two clients to the server: no one-cache confounder');
    const o = ranOutcomes(r);
    // Measured: NFSv3 has no open state, so a file removed by a is gone for b's open handle (libnfs does no silly rename);
    // NFSv4's OPEN keeps it alive on the server.
    const unlinkWarn = version === 3 ? ['UNL1 none unlink', 'UNL1 directsync unlink', 'UNL1 unsafe unlink'] : [];
    t.same(o.WARN ?? [], unlinkWarn, `WARN only where NFSv${version} breaks POSIX unlink semantics`);
    t.same(Object.keys(o).sort(), unlinkWarn.length ? ['PASS', 'WARN'] : ['PASS'], 'nothing failed, hung or was unsupported');
    t.same([...new Set(r.probes.filter((p) => p.outcome !== 'OMIT').map((p) => p.probe))].sort(), ['BOTH1', 'CTO1', 'EARLY1', 'FLUSH1', 'HAND1', 'RA1', 'SIZE1', 'UNL1']);
    for (const p of r.probes) for (const c of p.checks) if (c.read && p.probe !== 'UNL1') t.equal(c.read.counts.fresh, c.read.blocks, `${p.probe} ${p.variant.a} ${p.variant.param ?? ''}: all fresh`);
    if (version === 3) {
      const unl = find(r, 'UNL1', 'none', 'none', 'unlink');
      t.match(unl.checks[0]!.observed, /fstat \(AT_STATX_FORCE_SYNC\) on b failed: ESTALE/, 'the removed file is stale for b\'s open handle');
      t.match(unl.checks[0]!.bears, [{ claim: 'NFS-UNLINK-AFTER-OPEN', status: 'holds', condition: /reader without a page cache, NFSv3/ }], 'a libnfs read reaches the server: it bears');
      t.match(find(r, 'UNL1', 'none', 'none', 'chmod').checks[0]!.bears, [{ claim: 'NFS-UNLINK-AFTER-OPEN', status: 'not-applicable', why: /b reads as root/ }], 'libnfs cannot open as another user: the chmod variant cannot show the hazard');
    }
    t.match(find(r, 'LOCK1', 'writeback', 'writeback', 'posix-read').reason, /needs file locks on side b; side b \(libnfs/);
    t.match(find(r, 'IMG1', 'none', 'none', 'qcow2').reason, /qemu-io opens the image by a kernel path/);
    t.equal(find(r, 'HAND1', 'writeback', 'writeback', 'none').sameAs, r.probes.indexOf(find(r, 'HAND1', 'none', 'none', 'none')) + 1);
    const v = computeVerdicts(r.run, r.probes);
    t.equal(v.stack, 'nfs-user');
    t.same([...new Set(v.verdicts.map((x) => x.verdict))], ['SAFE']);
    t.equal(v.claims.find((c) => c.claim === 'NFS-CTO')!.status, 'holds');
    t.equal(v.claims.find((c) => c.claim === 'NFS-ODIRECT-READ')!.status, 'not-applicable', 'a claim about the Linux NFS client');
    t.same(readdirSync(nfs!.exportDir).filter((f) => f.startsWith('.coprobe-')), [], 'no scratch file left on the server');
  });
}

t.test('mixed versions: a over NFSv4, b over NFSv3, on a subdirectory of the export', { skip }, async (t) => {
  const sub = `sub-${process.pid}`;
  const dir = join(nfs!.exportDir, sub);
  spawnSync('mkdir', ['-p', dir]);
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const r = await runProbes(nfs!.url(4, sub), nfs!.url(3, sub), { modes: 'none,writeback', probes: ['BOTH1', 'CTO1', 'HAND1'] });
  t.equal(r.exitCode, 0);
  t.same(ranOutcomes(r), { PASS: ['CTO1 none', 'BOTH1 none', 'HAND1 none none'] });
  t.same(readdirSync(dir), [], 'no scratch file left in the subdirectory');
});

t.test('bad input: a missing export or directory and a port nobody listens on exit 2 with a message', { skip }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'coprobe-nfs-bad-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const bad = async (url: string, msg: RegExp, why: string) => {
    const r = await runCli(['run', url, url, '--report', dir], 60_000);
    t.equal(r.code, 2, `${why}: exit 2`);
    t.match(r.stderr, msg, why);
  };
  await bad('nfs://127.0.0.1/nosuch?version=3', /nosuch.*nfs-ls/s, 'an export that does not exist (v3)');
  await bad('nfs://127.0.0.1/export/nosuch/dir?version=4', /nosuch/, 'a directory that does not exist in the export (v4)');
  await bad('nfs://127.0.0.1:3999/export?version=3', /127\.0\.0\.1/, 'a port nobody listens on');
  await bad('nfs://127.0.0.1/export?verison=4', /verison/, 'a misspelt URL argument');
});

t.test('ganesha frozen mid-run (SIGSTOP): that variant is HUNG within the timeout, the run goes on after SIGCONT', { skip }, async (t) => {
  const pid = nfs!.pid();
  t.ok(pid > 0, 'ganesha pid');
  const probes = await runWhileFrozen(nfs!.url(3), pid);
  t.same(probes.map((p) => p.outcome), ['PASS', 'HUNG', 'PASS'], 'before the freeze, on the frozen server, after SIGCONT with fresh agents');
  t.match(probes[1]!.reason, /did not answer .* within \d+ ms/);
  t.ok(probes[1]!.durationMs < 15_000, `HUNG reported ${probes[1]!.durationMs} ms after the variant began`);
  t.same(readdirSync(nfs!.exportDir).filter((f) => f.startsWith('.coprobe-')), [], 'the hung variant\'s scratch file was removed by the restarted agent');
});
