// Real runs through ssh into two network-namespace "hosts": the loop pair's devices, and iscsi:// and nfs:// sides
// carried by ssh against the tgt and ganesha test servers (listening on the root namespace's end of a's veth).
import t, { type Test } from 'tap';
import { readFileSync, rmSync, mkdirSync, existsSync, readdirSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { attachLoopPair } from '../src/loop-pair.js';
import { netnsHosts, noNetnsReason, type NetnsHosts } from './fixtures/netns-hosts.js';
import { noLoopReason } from './fixtures/root.js';
import { noTgtReason } from './fixtures/tgt.js';
import { noGaneshaReason } from './fixtures/ganesha.js';
import { ganeshaListening, tgtListening } from './fixtures/netns-servers.js';
import { REMOTE_AGENT, runCliReport, type CliRun } from './fixtures/ssh-run.js';
import type { SideDescription } from '../src/result.js';

const noNetns = noNetnsReason();

let hosts: NetnsHosts | undefined;
t.before(async () => { if (!noNetns) hosts = await netnsHosts(); });
t.teardown(() => hosts?.teardown());

/** The clock was measured over 8 round trips; both namespaces share the host's clock, so the offset is within its bound. */
function checkClock(t: Test, s: SideDescription, side: string): void {
  t.ok(s.clock, `side ${side}: clock measured`);
  t.equal(s.clock!.samples, 8);
  t.ok(Math.abs(s.clock!.offsetUs) <= s.clock!.uncertaintyUs + 5, `side ${side}: offset ${s.clock!.offsetUs} µs within ±${s.clock!.uncertaintyUs} µs (one clock)`);
}

/** How many logins each namespace's sshd accepted so far (the agents really went through ssh). */
function logins(h: NetnsHosts, n: 'a' | 'b'): number {
  return readFileSync(join(h.dir, `sshd_${n}.log`), 'utf8').split('\n').filter((l) => l.includes('Accepted publickey for root')).length;
}

function say(t: Test, what: string, r: CliRun): void {
  t.comment(`${what}: exit ${r.code} after ${r.ms} ms; ${r.probes.map((p) => `${p.probe} ${p.variant.a}→${p.variant.b}${p.variant.param ? ` [${p.variant.param}]` : ''} ${p.outcome}`).join(', ')}`);
}

t.test('ssh:// sides on the loop pair\'s devices (both namespaces see the host\'s /dev)', { skip: noNetns ?? noLoopReason(), timeout: 120_000 }, async (t) => {
  const h = hosts!;
  const pair = attachLoopPair(16);
  t.teardown(() => pair.detach());
  const before = { a: logins(h, 'a'), b: logins(h, 'b') };
  const r = await runCliReport([`ssh://${h.hosts.a.alias}${pair.a}`, `ssh://${h.hosts.b.alias}${pair.b}`, '--ssh-config', h.sshConfig,
    '--agent-command', REMOTE_AGENT, '--destroy-data-on-device', pair.a, '--destroy-data-on-device', pair.b, '--probes', 'CTO1,BOTH1', '--modes', 'none,writeback']);
  say(t, 'loop pair over ssh', r);
  t.equal(r.code, 0, r.stderr);
  t.equal(r.run!.sides.a.transport, 'ssh');
  t.equal(r.run!.sides.a.arg, `ssh://${h.hosts.a.alias}${pair.a}`);
  t.equal(r.run!.sides.b.target.kind, 'device');
  t.ok(logins(h, 'a') > before.a && logins(h, 'b') > before.b, 'each side\'s agent logged in to its namespace\'s sshd');
  checkClock(t, r.run!.sides.a, 'a');
  checkClock(t, r.run!.sides.b, 'b');
  t.match(r.stdout, /\n {5}clock: [+-]\d+ µs ± \d+ µs against the coordinator \(8 round trips\)\n/, 'the header shows each side\'s clock');
  const both = (m: string) => r.probes.find((p) => p.probe === 'BOTH1' && p.variant.a === m && p.variant.b === m)!;
  t.equal(both('none').outcome, 'PASS', 'O_DIRECT reader sees a\'s data');
  t.equal(both('writeback').outcome, 'WARN', 'the buffered reader\'s page cache is stale, as on two hosts');
  t.equal(both('writeback').checks[1]!.read!.counts.stale, 16);
  t.ok(both('none').checks[1]!.fsyncToReadUs! > 0, 'fsync→read gap measured across the two agents');
  // The test's private key never reaches the output or the report (only the config's path does).
  const key = readFileSync(join(h.dir, 'client_key'), 'utf8').split('\n').filter((l) => l && !l.startsWith('-----'));
  const said = r.stdout + r.stderr + JSON.stringify([r.run, ...r.probes, r.end]);
  t.ok(key.length > 0 && key.every((l) => !said.includes(l)), 'no line of the private key in the output or the report');
});

t.test('iscsi:// sides carried through ssh (--via) to the tgt portal on the root namespace', { skip: noNetns ?? noTgtReason(), timeout: 120_000 }, async (t) => {
  const h = hosts!;
  const tgt = tgtListening(h.serverAddr);
  t.teardown(() => tgt.release());
  // A LUN of its own over a sparse file (the default LUN may be in use by another test).
  const dir = mkdtempSync('/var/tmp/coprobe-ssh-lun-');
  const file = join(dir, 'lun.img');
  writeFileSync(file, '');
  truncateSync(file, 64 * 2 ** 20);
  t.teardown(() => { tgt.unexport(`ssh-${process.pid}`); rmSync(dir, { recursive: true, force: true }); });
  const url = tgt.export(`ssh-${process.pid}`, file).replace('iscsi://127.0.0.1:', `iscsi://${h.serverAddr}:`);
  const r = await runCliReport([url, url, '--via-a', `ssh -F ${h.sshConfig} ${h.hosts.a.alias}`, '--via-b', `ssh -F ${h.sshConfig} ${h.hosts.b.alias}`,
    '--agent-command', REMOTE_AGENT, '--destroy-data-on-device', url, '--probes', 'CTO1,BOTH1', '--modes', 'none,writeback']);
  say(t, 'iscsi over ssh', r);
  t.equal(r.code, 0, r.stderr);
  t.equal(r.run!.sides.a.transport, 'via');
  t.equal(r.run!.sides.b.target.backend, 'libiscsi');
  checkClock(t, r.run!.sides.b, 'b');
  for (const p of ['CTO1', 'BOTH1']) t.equal(r.probes.find((x) => x.probe === p && x.variant.a === 'none')!.outcome, 'PASS', `${p} none→none through the namespaces`);
  t.ok(r.probes.some((x) => x.outcome === 'OMIT' && x.sameAs), 'writeback repeats none\'s I/O without a page cache: OMIT');
});

t.test('nfs:// sides (v4 writer, v3 reader) carried through ssh to ganesha', { skip: noNetns ?? noGaneshaReason(), timeout: 180_000 }, async (t) => {
  const h = hosts!;
  const g = ganeshaListening(h.serverAddr);
  t.teardown(() => g.release());
  const sub = `ssh-${process.pid}`;
  mkdirSync(join(g.exportDir, sub));
  t.teardown(() => rmSync(join(g.exportDir, sub), { recursive: true, force: true }));
  const r = await runCliReport([g.url(4, sub), g.url(3, sub), '--via-a', `ssh -F ${h.sshConfig} ${h.hosts.a.alias}`, '--via-b', `ssh -F ${h.sshConfig} ${h.hosts.b.alias}`,
    '--agent-command', REMOTE_AGENT, '--probes', 'CTO1,BOTH1', '--modes', 'none']);
  say(t, 'nfs over ssh', r);
  t.equal(r.code, 0, r.stderr);
  t.match(r.run!.sides.a.arg, `nfs://${h.serverAddr}/export/${sub}?version=4`);
  for (const p of ['CTO1', 'BOTH1']) t.equal(r.probes.find((x) => x.probe === p)!.outcome, 'PASS', p);
  t.same(readdirSync(join(g.exportDir, sub)), [], 'no scratch file left in the export');
  t.ok(existsSync(g.exportDir));
});
