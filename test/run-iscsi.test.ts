// iscsi:// sides through libiscsi against a real tgt target: every probe on both sides, a mixed userspace/kernel pair, bad input.
import t from 'tap';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { attachLoopPair } from '../src/loop-pair.js';
import { noLoopReason } from './fixtures/root.js';
import { find, runProbes } from './fixtures/run.js';
import { ensureTgt, noTgtReason } from './fixtures/tgt.js';
import { runCli } from './fixtures/cli.js';
import { runWhileFrozen } from './fixtures/frozen.js';
import { computeVerdicts } from '../src/verdict/record.js';

const skip = noTgtReason();
const tgt = skip ? undefined : ensureTgt();
t.teardown(() => tgt?.release());

t.test('iscsi:// on both sides: every probe runs or says why not; no page cache, so every read is fresh and every mode SAFE', { skip }, async (t) => {
  const url = tgt!.url;
  const r = await runProbes(url, url, { destroy: [url], keep: 'iscsi-libiscsi' });
  t.equal(r.exitCode, 0);
  t.equal(r.run.sides.a.target.backend, 'libiscsi');
  t.equal(r.run.sides.b.target.caps?.pageCache, false, 'the side declares it has no page cache');
  t.same(r.run.confounders, [], 'two libiscsi sessions are two initiators: no one-cache confounder');
  t.match(r.lines.join('\n'), /no host page cache: O_DIRECT and buffered are one mode here/);
  const ran = r.probes.filter((p) => p.outcome !== 'OMIT');
  t.same([...new Set(ran.map((p) => p.outcome))], ['PASS'], 'every probe that ran passed: the target answers every read with the last acknowledged write');
  t.same([...new Set(ran.map((p) => p.probe))].sort(), ['BOTH1', 'CTO1', 'EARLY1', 'FLUSH1', 'HAND1', 'RA1', 'SIZE1'], 'the probes that can run on a LUN through libiscsi');
  for (const p of ran) for (const c of p.checks) if (c.read) t.equal(c.read.counts.fresh, c.read.blocks, `${p.probe} ${p.variant.a}→${p.variant.b} ${p.variant.param ?? ''}: all fresh`);

  // Modes that differ only in O_DIRECT are one mode here: run once, the other names the run it repeats.
  const wb = find(r, 'HAND1', 'writeback', 'writeback', 'none');
  const none = find(r, 'HAND1', 'none', 'none', 'none');
  t.equal(wb.outcome, 'OMIT');
  t.equal(r.probes[wb.sameAs! - 1], none, 'writeback→writeback repeats none→none');
  t.match(wb.reason, /same I\/O as none→none \[none\].*no host page cache/);
  t.equal(find(r, 'HAND1', 'unsafe', 'unsafe', 'none').outcome, 'PASS', 'unsafe is a mode of its own (flushes skipped)');
  t.equal(none.checks.find((c) => c.claims.includes('HANDOFF') && c.read)!.read!.counts.fresh, 1024, '4 MiB image: 1024 blocks fresh');

  t.match(find(r, 'SHARE1', 'writeback', 'writeback').reason, /needs a host page cache on side a; side a \(libiscsi/);
  t.match(find(r, 'LOCK1', 'writeback', 'writeback', 'posix-read').reason, /needs file locks on side b/);
  t.match(find(r, 'RES1', 'writeback', 'writeback').reason, /needs posix_fadvise\/mincore/);
  t.match(find(r, 'FLUSH1', 'writeback', 'writeback', 'blkflsbuf').reason, /needs a kernel block device \(BLKFLSBUF\) on side b/);
  t.match(find(r, 'HAND1', 'writeback', 'writeback', 'fadvise').reason, /libiscsi \(userspace, no host page cache\): QEMU applies no remedy/);
  // A LUN cannot be resized from an initiator: libiscsi refuses the write past its end and has no ftruncate.
  t.match(find(r, 'SIZE1', 'none', 'none').checks[0]!.bears, [{ claim: 'RAW-SIZE', status: 'not-applicable', why: /a LUN cannot be resized from a host: the write past the end answered EINVAL, ftruncate answered (ENOTSUP|EOPNOTSUPP)/ }]);
  t.match(find(r, 'SIZE1', 'none', 'none').checks[0]!.observed, /range \d+\+\d+ goes past the end of the LUN/, 'libiscsi\'s refusal quoted');

  const v = computeVerdicts(r.run, r.probes);
  t.equal(v.stack, 'iscsi-user');
  t.same([...new Set(v.verdicts.map((x) => x.verdict))], ['SAFE'], 'every cache mode SAFE through the userspace driver');
  t.equal(v.claims.find((c) => c.claim === 'BLOCK-CACHE-NONE-ONLY')!.status, 'holds', 'the wiki names the userspace driver as safe: held');
  t.equal(v.claims.find((c) => c.claim === 'BLOCK-PROTOCOL-COHERENT')!.status, 'holds');
});

t.test('mixed: a through libiscsi, b through the kernel (a loop device over the file tgt exports): b\'s page cache decides', { skip: skip ?? noLoopReason() }, async (t) => {
  const pair = attachLoopPair(64);
  const url = tgt!.export('mixed', pair.backing);
  t.teardown(() => { tgt!.unexport('mixed'); pair.detach(); });
  const r = await runProbes(url, pair.b, { destroy: [url, pair.b], modes: 'none,writeback', probes: ['BOTH1', 'FLUSH1', 'HAND1'] });
  t.equal(r.exitCode, 0);
  t.match(r.run.confounders.map((c) => c.code), ['MIXED-ACCESS']);
  t.equal(find(r, 'BOTH1', 'none', 'none').checks[1]!.read!.counts.fresh, 16, 'O_DIRECT reader on the kernel side: fresh');
  t.equal(find(r, 'BOTH1', 'writeback', 'writeback').checks[1]!.read!.counts.stale, 16, 'buffered kernel reader: 16 stale after libiscsi wrote and synced');
  for (const m of ['fadvise', 'blkflsbuf', 'reopen', 'direct-newfd']) t.equal(find(r, 'FLUSH1', 'writeback', 'writeback', m).outcome, 'PASS', `${m} removes the stale pages`);
  const hand = find(r, 'HAND1', 'writeback', 'writeback', 'none');
  t.equal(hand.outcome, 'WARN');
  t.equal(hand.checks[0]!.read!.counts.stale, 80, 'the early 64 KiB read (16) and its readahead (64) stay stale');
  const v = computeVerdicts(r.run, r.probes);
  const of = (mode: string, b: string) => v.verdicts.find((x) => x.mode === mode && x.behaviour === b)!.verdict;
  t.equal(of('none', 'no-drop-cache'), 'SAFE');
  t.equal(of('writeback', 'no-drop-cache'), 'UNSAFE');
  t.equal(of('writeback', 'drop-cache'), 'SAFE');
});

t.test('CHAP from the URL: works, and the password is nowhere in the report or the output', { skip }, async (t) => {
  const url = tgt!.chapUrl.replace('iscsi://', `iscsi://${tgt!.chapUser}%${tgt!.chapPassword}@`);
  const r = await runProbes(url, url, { destroy: [url], modes: 'none', probes: ['BOTH1'] });
  t.equal(r.exitCode, 0);
  t.equal(find(r, 'BOTH1', 'none', 'none').outcome, 'PASS');
  t.notMatch(JSON.stringify(r), tgt!.chapPassword, 'no password in any record');
  t.notMatch(r.lines.join('\n'), tgt!.chapPassword, 'no password in the terminal output');
  t.match(r.run.sides.a.arg, /%\*\*\*@/, 'the side is shown with the password replaced');
});

t.test('bad input: exit 2 with a message that names what is wrong', { skip }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'coprobe-iscsi-bad-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const bad = async (url: string, code: RegExp, why: string, destroy = true) => {
    const r = await runCli(['run', url, url, '--report', dir, ...(destroy ? ['--destroy-data-on-device', url] : [])], 60_000);
    t.equal(r.code, 2, `${why}: exit 2`);
    t.match(r.stderr, code, why);
  };
  await bad('iscsi://127.0.0.1/iqn.2026-11.org.coprobe:nosuch/1', /iqn\.2026-11\.org\.coprobe:nosuch.*iscsi-ls/s, 'wrong IQN');
  await bad(tgt!.url.replace(/\/1$/, '/7'), /LUN 7/, 'a LUN that does not exist');
  await bad('iscsi://127.0.0.1:3999/iqn.2026-11.org.coprobe:lun/1', /127\.0\.0\.1:3999/, 'a portal nobody listens on');
  await bad(tgt!.url, /is a LUN: .*--destroy-data-on-device/, 'a LUN not named with the destructive flag', false);
  await bad('iscsi://127.0.0.1/no-lun-number', /iscsi:\/\//, 'a malformed URL');
});

t.test('tgtd frozen mid-run (SIGSTOP): that variant is HUNG within the timeout, the run goes on after SIGCONT', { skip }, async (t) => {
  const pid = tgt!.pid();
  t.ok(pid > 0, 'tgtd pid');
  const probes = await runWhileFrozen(tgt!.url, pid, [tgt!.url]);
  t.same(probes.map((p) => p.outcome), ['PASS', 'HUNG', 'PASS'], 'before the freeze, on the frozen target, after SIGCONT with fresh agents');
  t.match(probes[1]!.reason, /did not answer .* within \d+ ms/);
  t.ok(probes[1]!.durationMs < 15_000, `HUNG reported ${probes[1]!.durationMs} ms after the variant began`);
});

t.test('libiscsi missing (COPROBE_LIBISCSI names no library): a capability record, every probe OMIT with the reason, no crash', { skip }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'coprobe-iscsi-nolib-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const url = tgt!.url;
  const saved = process.env.COPROBE_LIBISCSI;
  process.env.COPROBE_LIBISCSI = '/nonexistent/libiscsi.so.7';
  t.teardown(() => { if (saved === undefined) delete process.env.COPROBE_LIBISCSI; else process.env.COPROBE_LIBISCSI = saved; });
  const r = await runCli(['run', url, url, '--destroy-data-on-device', url, '--report', dir, '--probes', 'BOTH1,HAND1'], 60_000);
  t.equal(r.code, 0, 'nothing failed: nothing could run');
  t.match(r.stdout, /libiscsi side, not available here/);
  t.notMatch(r.stdout, /refuses O_DIRECT/, 'no O_DIRECT confounder for a side that never opened');
  const recs = readFileSync(join(dir, readdirSync(dir)[0]!), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { type: string; outcome?: string; reason?: string });
  const probes = recs.filter((x) => x.type === 'probe');
  t.ok(probes.length > 0);
  t.ok(probes.every((p) => p.outcome === 'OMIT' && /side a: libiscsi: not available: cannot load \/nonexistent\/libiscsi\.so\.7.*install Debian's libiscsi7/.test(p.reason!)), 'every probe OMIT naming the library and the package');
});
