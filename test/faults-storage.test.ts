// Faults of the storage under a directory target: ENOSPC, a read-only mount, scratch files removed by someone else, permission denied.
import t, { type Test } from 'tap';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { cliEntry } from '../src/package-info.js';
import type { ProbeRunRecord, ResultRecord } from '../src/result.js';
import { mount, noFaultReason, PROBE_ROW, scratchDir, scratchLeft, tmpfsDir, watchCli } from './fixtures/faults.js';

const skip = noFaultReason();
const reports = skip ? undefined : scratchDir('faults-reports');
t.teardown(() => reports?.release());

/** `coprobe run A B ARGS` to completion, timed; the probe records of its JSON-lines report (none when it stopped in set-up). */
async function run(a: string, b: string, args: string[]) {
  const t0 = performance.now();
  const c = watchCli(['run', a, b, '--report', reports!.dir, '--format', 'json', ...args], 120_000);
  const r = await c.exited;
  const ms = Math.round(r.at - t0);
  const jsonl = /report: (\S+\.jsonl)/.exec(r.stdout)?.[1];
  const records = jsonl ? readFileSync(jsonl, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as ResultRecord) : [];
  return { ...r, ms, probes: records.filter((x): x is ProbeRunRecord => x.type === 'probe') };
}

/** Nothing in the output looks like a crash (a stack trace or an internal error). */
function noCrash(t: Test, r: { stdout: string; stderr: string }) {
  t.notMatch(r.stderr, /\n\s+at .+:\d+:\d+|EINTERNAL|Unhandled|TypeError|RangeError/, 'no stack trace, no internal error');
  t.notMatch(r.stdout, /EINTERNAL/, 'no agent reported an internal error');
}

t.test('ENOSPC: a 1 MiB tmpfs as both sides\' directory', { skip }, async (t) => {
  const fs = tmpfsDir(1024);
  t.teardown(() => fs.release());
  const r = await run(fs.dir, fs.dir, ['--probes', 'CTO1,HAND1', '--modes', 'none']);
  noCrash(t, r);
  t.equal(r.code, 0, 'a target too small for a variant is no failure of the stack');
  t.equal(r.probes.find((p) => p.probe === 'CTO1')!.outcome, 'PASS', '64 KiB fit');
  const hand = r.probes.find((p) => p.probe === 'HAND1' && p.variant.param === 'none')!;
  t.equal(hand.outcome, 'UNSUPPORTED');
  t.match(hand.reason, /^side a: \w+: pwrite blocks \d+\.\.\d+ of \S+: ENOSPC \(no space left on the target: free space, or give a smaller --blocks\/--image-size\)/, 'the step, the call and the errno');
  t.same(scratchLeft(fs.dir), [], 'the partly written image was removed');
  t.comment(`ENOSPC mid-run: HAND1 UNSUPPORTED after ${hand.durationMs} ms; whole run ${r.ms} ms`);

  // Full before the run: the preflight cannot write its one block.
  writeFileSync(join(fs.dir, 'fill'), Buffer.alloc(1 << 20));
  const full = await run(fs.dir, fs.dir, ['--probes', 'CTO1', '--modes', 'none']);
  noCrash(t, full);
  t.equal(full.code, 2, 'a set-up error');
  t.match(full.stderr, /^coprobe: side a: preflight write: pwrite blocks 0\.\.0 of \S+: ENOSPC\n$/, 'one line naming the step and the errno');
  t.same(readdirSync(fs.dir), ['fill'], 'no scratch file left');
  t.comment(`ENOSPC before the run: exit 2 after ${full.ms} ms`);
});

t.test('read-only: a read-only bind mount is a set-up error naming EROFS; a tmpfs remounted read-only mid-run fails the probes that write, naming EROFS', { skip }, async (t) => {
  const rw = scratchDir('rw');
  const ro = scratchDir('ro');
  t.teardown(() => { ro.release(); rw.release(); });
  mount('--bind', rw.dir, ro.dir);
  mount('-o', 'remount,bind,ro', ro.dir);
  for (const [a, b, side] of [[ro.dir, ro.dir, 'a'], [rw.dir, ro.dir, 'b']] as const) {
    const r = await run(a, b, ['--probes', 'CTO1', '--modes', 'none']);
    noCrash(t, r);
    t.equal(r.code, 2);
    t.match(r.stderr, new RegExp(`^coprobe: side ${side}: ${ro.dir}: cannot create scratch files here \\(EROFS\\)`));
    t.comment(`read-only side ${side} at set-up: exit 2 after ${r.ms} ms`);
  }
  t.same(readdirSync(rw.dir), []);

  const fs = tmpfsDir(8192);
  t.teardown(() => fs.release());
  const t0 = performance.now();
  // Enough variants (--repeat) that the run is still going when the remount takes.
  const c = watchCli(['run', fs.dir, fs.dir, '--probes', 'CTO1,BOTH1', '--modes', 'none,writeback', '--repeat', '40', '--report', reports!.dir, '--format', 'json']);
  await c.waitFor(PROBE_ROW);
  // A filesystem with a file open for writing refuses to go read-only (EBUSY): retry until a moment between steps.
  let remounted = false;
  for (let i = 0; i < 2000 && !remounted; i++) remounted = spawnSync('mount', ['-o', 'remount,ro', fs.dir]).status === 0;
  const tRo = performance.now();
  const r = await c.exited;
  // What the run could not remove while the filesystem was read-only (created just before the remount) is its own.
  const left = scratchLeft(fs.dir);
  spawnSync('mount', ['-o', 'remount,rw', fs.dir]);
  t.ok(remounted, 'the tmpfs went read-only mid-run');
  noCrash(t, r);
  t.equal(r.code, 1, 'a target that turns read-only mid-run fails the run');
  const failed = c.lines.filter((l) => PROBE_ROW.test(l) && / FAIL /.test(l));
  t.ok(failed.length > 0, 'probes after the remount fail');
  for (const l of failed) t.match(l, /side [ab]: \w+ \S+.*: \w+ failed: EROFS \(the target is read-only now\)/, 'each names the side, the call and EROFS');
  const runId = /^coprobe \S+ run ([0-9a-f]{16})$/m.exec(r.stdout)?.[1];
  t.ok(left.length <= 1 && left.every((f) => f.startsWith(`.coprobe-${runId}-`)), `at most the one file of the variant the remount cut short, named with the run id (${left.join(', ') || 'none'})`);
  t.comment(`read-only mid-run: ${failed.length} FAIL rows naming EROFS; run ended ${Math.round(r.at - tRo)} ms after the remount (${Math.round(r.at - t0)} ms in all); ${left.length} file(s) it could not remove on the read-only filesystem`);
});

t.test('scratch files removed by someone else mid-run: FAIL naming ENOENT and the step, and that the other side does not see the file either', { skip }, async (t) => {
  const d = scratchDir('removed');
  t.teardown(() => d.release());
  const t0 = performance.now();
  const c = watchCli(['run', d.dir, d.dir, '--probes', 'CTO1,BOTH1,SIZE1,UNL1', '--modes', 'none,writeback', '--report', reports!.dir, '--format', 'json']);
  await c.waitFor(PROBE_ROW);
  // Someone else removing coprobe's files as fast as they appear, until the run ends.
  const remover = spawn('bash', ['-c', `while :; do rm -f ${d.dir}/.coprobe-*; done`], { stdio: 'ignore' });
  const r = await c.exited;
  remover.kill('SIGKILL');
  noCrash(t, r);
  t.ok(r.code === 1 || r.code === 0, `the run ends with a result (exit ${r.code})`);
  const failed = c.lines.filter((l) => PROBE_ROW.test(l) && / FAIL /.test(l));
  t.ok(failed.length > 0, 'the removals were noticed');
  for (const l of failed) t.match(l, /side [ab]: \w+ \S+.*: ENOENT/, 'each names the side, the call and ENOENT');
  t.ok(failed.some((l) => /the scratch file was removed, and not by coprobe/.test(l)), 'and says the other side does not see the file either');
  t.same(scratchLeft(d.dir), [], 'nothing left');
  t.comment(`removed scratch files: ${failed.length} FAIL rows naming ENOENT, run ended after ${Math.round(r.at - t0)} ms`);
});

t.test('permission denied: side b as an unprivileged user is refused at set-up naming EACCES (a directory it cannot write; a file of a\'s it cannot open)', { skip: skip ?? (spawnSync('setpriv', ['--version']).error ? 'setpriv is not installed' : undefined) }, async (t) => {
  const agent = `${process.execPath} ${cliEntry()} agent`;
  const via = 'setpriv --reuid=65534 --regid=65534 --clear-groups';
  const closed = scratchDir('perm');
  const open = scratchDir('perm-sticky');
  t.teardown(() => { closed.release(); open.release(); });
  chmodSync(closed.dir, 0o755);
  chmodSync(open.dir, 0o1777);
  const cases = [
    [closed.dir, new RegExp(`^coprobe: side b: ${closed.dir}: cannot create scratch files here \\(EACCES\\)`)],
    [open.dir, /^coprobe: side b: open \S+-preflight \(none\): open failed: EACCES/],
  ] as const;
  for (const [dir, msg] of cases) {
    const r = await run(dir, dir, ['--via-b', via, '--agent-command', agent, '--probes', 'CTO1', '--modes', 'none']);
    noCrash(t, r);
    t.equal(r.code, 2);
    t.match(r.stderr, msg);
    t.same(readdirSync(dir), [], 'no scratch file left');
    t.comment(`permission denied (${dir === closed.dir ? 'directory' : 'a\'s file'}): exit 2 after ${r.ms} ms`);
  }
});
