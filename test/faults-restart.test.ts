// Fault: the storage server restarts between a's fsync and b's read (DUR1 with --restart-command), against tgt and ganesha.
import t from 'tap';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { packageRoot } from '../src/package-info.js';
import { find, runProbes } from './fixtures/run.js';
import { ensureTgt, noTgtReason } from './fixtures/tgt.js';
import { ensureGanesha, noGaneshaReason } from './fixtures/ganesha.js';
import { scratchDir, scratchLeft } from './fixtures/faults.js';
import type { ProbeRunRecord } from '../src/result.js';

const root = packageRoot();
const tgtSkip = noTgtReason();
const ganeshaSkip = noGaneshaReason();
const tgt = tgtSkip ? undefined : ensureTgt();
const ganesha = ganeshaSkip ? undefined : ensureGanesha();
t.teardown(() => { tgt?.release(); ganesha?.release(); });

/** The one check of a DUR1 record. */
const check = (r: ProbeRunRecord) => r.checks[0]!;

t.test('tgt restarted between a\'s fsync and b\'s read (iscsi:// both sides): b\'s old session is dead (EIO), b reconnects and reads what a fsynced', { skip: tgtSkip }, async (t) => {
  const url = tgt!.url;
  const before = tgt!.pid();
  const t0 = performance.now();
  const r = await runProbes(url, url, {
    destroy: [url], probes: ['DUR1'], modes: 'none,directsync', probeOptions: { restartCommand: `bash ${join(root, 'ci/tgt.sh')} restart`, restartTimeoutMs: 60_000 },
  });
  const ms = Math.round(performance.now() - t0);
  t.equal(r.exitCode, 0);
  for (const m of ['none', 'directsync']) {
    const rec = find(r, 'DUR1', m, m);
    const c = check(rec);
    t.equal(rec.outcome, 'PASS', `${m}: ${c.observed}`);
    t.equal(c.read!.counts.fresh, 16, 'all 16 blocks a fsynced survive the restart');
    t.equal(c.values!.restartExitCode, 0);
    t.match(c.values!.restartOutput, /tgtd restarted \(pid \d+\)/, 'the command\'s output is recorded');
    t.equal(c.values!.sessionSurvivedB, false, 'libiscsi does not reconnect: the session b opened before the restart is dead');
    t.equal(c.values!.sessionErrnoB, 'EIO', 'and answers EIO, which is not taken for stale data');
    t.ok(Number(c.values!.reconnectAttemptsB) >= 1, 'b connected again');
    t.same(c.bears?.find((b) => b.claim === 'HANDOFF')?.status, 'holds');
    t.comment(`tgt ${m}: PASS in ${rec.durationMs} ms (restart ${c.values!.restartMs} ms, reconnect ${c.values!.reconnectMsB} ms)`);
  }
  t.not(tgt!.pid(), before, 'tgtd really restarted');
  t.ok(tgt!.pid() > 0, 'and runs again');
  t.comment(`tgt restart run: ${ms} ms`);
});

t.test('ganesha restarted between a\'s fsync and b\'s read (nfs://, v3 and v4): b reads what a fsynced; no scratch file left', { skip: ganeshaSkip }, async (t) => {
  for (const version of [3, 4] as const) {
    const url = ganesha!.url(version);
    const before = ganesha!.pid();
    const r = await runProbes(url, url, {
      probes: ['DUR1'], modes: 'none,directsync', probeOptions: { restartCommand: `bash ${join(root, 'ci/ganesha.sh')} restart`, restartTimeoutMs: 60_000 },
    });
    t.equal(r.exitCode, 0, `v${version}`);
    for (const m of ['none', 'directsync']) {
      const rec = find(r, 'DUR1', m, m);
      const c = check(rec);
      t.equal(rec.outcome, 'PASS', `v${version} ${m}: ${c.observed}`);
      t.equal(c.read!.counts.fresh, 16);
      // NFSv4's open state dies with a graceless server; whichever way b's old handle went, it was never judged stale.
      if (c.values!.sessionSurvivedB === false) t.ok(Number(c.values!.reconnectAttemptsB) >= 1, `v${version}: b's handle died (${c.values!.sessionErrnoB}) and b reconnected`);
      t.comment(`ganesha v${version} ${m}: PASS in ${rec.durationMs} ms (restart ${c.values!.restartMs} ms; b's pre-restart handle ${c.values!.sessionSurvivedB ? 'survived' : `died: ${c.values!.sessionErrnoB}`})`);
    }
    t.not(ganesha!.pid(), before, `v${version}: ganesha really restarted`);
    t.same(scratchLeft(ganesha!.exportDir), [], `v${version}: a reconnected and removed its scratch file`);
  }
});

t.test('a restart that loses acknowledged data (the LUN\'s head zeroed, then tgt restarted) is a FAIL of the stack, claim violated', { skip: tgtSkip }, async (t) => {
  const url = tgt!.url;
  const lun = join(process.env.COPROBE_CI_DATA ?? '/var/tmp/coprobe-ci', 'lun.img');
  const command = `dd if=/dev/zero of=${lun} bs=64k count=1 conv=notrunc oflag=direct status=none && bash ${join(root, 'ci/tgt.sh')} restart`;
  const r = await runProbes(url, url, { destroy: [url], probes: ['DUR1'], modes: 'none', probeOptions: { restartCommand: command } });
  const rec = find(r, 'DUR1', 'none', 'none');
  const c = check(rec);
  t.equal(r.exitCode, 1);
  t.equal(rec.outcome, 'FAIL');
  t.equal(c.read!.counts.zero, 16, 'b reads zeros where a had fsynced data');
  t.match(c.observed, /data a fsynced before the restart did not survive it/);
  t.same(c.bears?.find((b) => b.claim === 'HANDOFF')?.status, 'violated');
  t.same(c.bears?.find((b) => b.claim === 'BLOCK-PROTOCOL-COHERENT')?.status, 'violated');
  t.comment(`lost data: FAIL in ${rec.durationMs} ms`);
});

t.test('the restart command: failing, or outliving --restart-timeout (its process group killed), is a FAIL naming it; absent, DUR1 is OMIT', async (t) => {
  const d = scratchDir('restart');
  t.teardown(() => d.release());
  const marker = `${process.pid}${Date.now() % 1000}`;
  const failing = await runProbes(d.dir, d.dir, { probes: ['DUR1'], modes: 'none', probeOptions: { restartCommand: 'echo cannot restart >&2; exit 3' } });
  const f = find(failing, 'DUR1', 'none', 'none');
  t.equal(f.outcome, 'FAIL');
  t.match(check(f).observed, /exit 3: cannot restart/);
  t.equal(check(f).values!.restartExitCode, 3);

  const t0 = performance.now();
  const slow = await runProbes(d.dir, d.dir, { probes: ['DUR1'], modes: 'none', probeOptions: { restartCommand: `sleep 29.${marker}; true`, restartTimeoutMs: 500 } });
  const ms = Math.round(performance.now() - t0);
  const s = find(slow, 'DUR1', 'none', 'none');
  t.equal(s.outcome, 'FAIL');
  t.match(check(s).observed, /killed after the 500 ms bound/);
  t.equal(check(s).values!.restartTimedOut, true);
  t.ok(ms < 10_000, `reported within 10 s (${ms} ms)`);
  t.equal(spawnSync('pgrep', ['-f', `sleep 29.${marker}`]).status, 1, 'the command\'s process group is gone');
  t.comment(`restart command over its bound: FAIL in ${s.durationMs} ms`);

  const none = await runProbes(d.dir, d.dir, { probes: ['DUR1'], modes: 'none,writeback' });
  t.equal(none.exitCode, 0);
  t.match(find(none, 'DUR1', 'none', 'none'), { outcome: 'OMIT', reason: /no --restart-command given/ });
  t.match(find(none, 'DUR1', 'writeback', 'writeback'), { outcome: 'OMIT', reason: /buffered reads go through the host page cache/ });
  t.same(scratchLeft(d.dir), []);
  t.same(readdirSync(d.dir), []);
});
