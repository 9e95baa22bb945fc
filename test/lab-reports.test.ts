// The lab's default scenarios, end to end on the real Linux NFS server and clients and the kernel iSCSI initiator in a
// qemu guest: every scenario ran, every report is valid and carries the lab's facts, and every claim that applies to NFS
// or to shared block storage ends holds, violated or not-applicable with evidence — never unchecked.
// Reads the reports `.ci/run` made (COPROBE_LAB_REPORTS); without them, runs `coprobe lab` itself where it can.
import t from 'tap';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { runCli } from './fixtures/cli.js';
import { readRunFile } from '../src/report/document.js';
import { SCENARIOS } from '../src/lab/scenarios/index.js';
import { PROBES } from '../probes/index.js';
import { CLAIMS, type ClaimId } from '../src/claims.js';
import type { LabSummary } from '../src/lab/summary.js';
import { CLAIM_SCOPE } from '../src/verdict/scope.js';
import { READER_UID } from '../probes/unlink-after-open.js';

// Running the lab here (no COPROBE_LAB_REPORTS) takes about 10 minutes: lift tap's per-file bound for this file.
t.setTimeout(50 * 60_000);
const canBoot = process.getuid?.() === 0 && spawnSync('qemu-system-x86_64', ['--version']).status === 0;
let dir = process.env.COPROBE_LAB_REPORTS;
/** What `coprobe lab` printed: .ci/run keeps it (COPROBE_LAB_OUTPUT); a lab run here captures it. */
let output = process.env.COPROBE_LAB_OUTPUT && existsSync(process.env.COPROBE_LAB_OUTPUT) ? readFileSync(process.env.COPROBE_LAB_OUTPUT, 'utf8') : undefined;

t.before(async () => {
  if (dir || !canBoot) return;
  // About 10 minutes under TCG on 2 cores (3 scenarios with every probe).
  dir = mkdtempSync(join(tmpdir(), 'coprobe-lab-test-'));
  const made = dir;
  t.teardown(() => rmSync(made, { recursive: true, force: true }));
  const r = await runCli(['lab', '--report', dir, '--format', 'json,junit'], 40 * 60_000);
  if (r.code !== 0 && r.code !== 1) throw new Error(`coprobe lab exited ${r.code}:\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}`);
  output = r.stdout;
});

const defaults = SCENARIOS.filter((s) => s.default);

t.test('what the lab printed: a line per probe while each scenario ran, and each scenario ending with its answer at a glance', { skip: output === undefined ? 'no lab output (COPROBE_LAB_OUTPUT from .ci/run, or a lab run here)' : false }, async (t) => {
  const lines = output!.split('\n');
  for (const s of defaults) {
    const probes = lines.filter((l) => new RegExp(`^\\[ *[0-9.]+ s\\] ${s.name}: [A-Z0-9]+ \\(variant \\d+/\\d+\\)$`).test(l));
    t.ok(probes.length >= 10, `${s.name}: ${probes.length} progress lines, one per probe, as it ran`);
    const start = lines.findIndex((l) => l.startsWith(`== ${s.name}: `));
    t.ok(start >= 0, `${s.name}: its results were printed`);
    const rest = lines.slice(start + 1);
    const next = rest.findIndex((l) => l.startsWith('== ') || /^lab: /.test(l));
    const block = next < 0 ? rest : rest.slice(0, next);
    const glance = block.findIndex((l) => /At a glance/.test(l));
    t.ok(glance >= 0, `${s.name}: ends with its answer at a glance`);
    t.ok(block.slice(glance).some((l) => /^none +(SAFE|UNSAFE|UNKNOWN)/.test(l)), `${s.name}: the glance has the mode grid`);
    t.ok(block.slice(glance).filter((l) => l.trim()).length <= 24, `${s.name}: the glance fits one screen`);
  }
});
/**
 * The one claim no run can check: it describes libvirt's code, not the storage (the claim table says so and sets
 * libvirt's decision beside each verdict instead). Every other claim is checked by a probe or judged from the verdicts.
 */
const UNOBSERVABLE: readonly ClaimId[] = ['LIBVIRT-POLICY'];

t.test('the lab ran every default scenario', { skip: !process.env.COPROBE_LAB_REPORTS && !canBoot ? 'needs root and qemu-system-x86_64 (or COPROBE_LAB_REPORTS from .ci/run)' : false, timeout: 45 * 60_000 }, async (t) => {
  const summary = JSON.parse(readFileSync(join(dir!, 'lab.json'), 'utf8')) as LabSummary;
  t.notOk(summary.failure, 'the lab itself did not fail');
  t.same(summary.scenarios.map((s) => s.name), defaults.map((s) => s.name), 'the default scenarios, in order');
  for (const s of summary.scenarios) t.equal(s.status, 'done', `${s.name}: ran (${s.message ?? ''})`);
  // Exit 1 means a claim the tool expects to hold on that stack was violated: Debian's Linux NFS and iSCSI are healthy.
  for (const s of summary.scenarios) t.equal(s.exitCode, 0, `${s.name}: exit 0 on the healthy Linux stack (${JSON.stringify(s.counts)})`);
  const phases = summary.phases.map((p) => p.phase);
  for (const p of ['kernel fetch', 'initramfs', 'boot', ...defaults.map((s) => `${s.name}: run`)]) t.ok(phases.includes(p), `phase "${p}" timed`);
  // The lab's own index beside lab.json: a row per scenario linking to its report, one JUnit file with a suite per run.
  const index = readFileSync(join(dir!, 'lab.html'), 'utf8');
  for (const s of defaults) t.match(index, `<a class="val" href="${s.name}/`, `lab.html: ${s.name}'s cells link to its report`);
  t.match(readFileSync(join(dir!, 'lab.md'), 'utf8'), /^## Scenarios × QEMU cache modes$/m, 'lab.md written');
  const labJunit = readFileSync(join(dir!, 'lab.junit.xml'), 'utf8');
  t.equal((labJunit.match(/<testsuite /g) ?? []).length, defaults.length + 1, 'lab.junit.xml: the lab\'s suite and one per scenario');
  const cited = new Set<string>(PROBES.flatMap((p) => p.claims));
  t.ok(UNOBSERVABLE.every((c) => !cited.has(c)), 'no probe cites the unobservable claim');

  for (const s of defaults) {
    t.test(s.name, async (t) => {
      const doc = readRunFile(join(dir!, s.name, 'run.json'));
      const lab = doc.run.lab!;
      t.ok(lab, 'the run header carries the lab facts');
      t.equal(lab.scenario, s.name);
      t.equal(lab.kernel, summary.kernel, 'the guest ran the kernel the lab booted');
      t.match(lab.kernelPackage, /^linux-image-\S+ \S+$/);
      t.equal(doc.run.sides.a.host.kernel, summary.kernel, 'side a ran in the guest');
      t.equal(doc.run.sides.b.host.kernel, summary.kernel, 'side b ran in the guest');
      t.ok(doc.end, 'the run ended');
      t.notOk(doc.end?.interrupted, 'not interrupted');
      t.notOk(doc.probes.some((p) => p.outcome === 'HUNG' || p.outcome === 'LOST'), 'no probe hung or lost its agent');
      const v = doc.verdicts!;
      t.ok(v, 'verdicts computed');
      t.equal(v.stack, s.kind === 'nfs' ? 'nfs' : 'block', `judged as ${s.kind}`);
      t.equal(v.voids.length, 0, 'no confounder voids the verdicts');
      for (const m of v.verdicts) t.not(m.verdict, 'UNKNOWN', `cache=${m.mode} (${m.behaviour}) measured`);
      t.same(v.claims.map((r) => r.claim).sort(), Object.keys(CLAIMS).sort(), 'a row for every claim of CLAIMS.md');
      for (const row of v.claims) {
        if (UNOBSERVABLE.includes(row.claim)) {
          t.match(row, { status: 'not-checked', why: /no probe checks it/ }, `${row.claim}: said to be unobservable`);
          continue;
        }
        t.not(row.status, 'not-checked', `${row.claim}: checked (${row.why})`);
        if (row.status === 'holds' || row.status === 'violated' || row.status === 'mixed') t.ok(row.evidence.length > 0, `${row.claim}: ${row.status} with evidence`);
        else t.ok(row.why.length > 0, `${row.claim}: not applicable, saying why`);
      }
      // No claim about what the storage returns is concluded from a read served from b's own cache.
      for (const p of doc.probes) {
        for (const c of p.checks) {
          for (const b of c.bears ?? []) {
            if (CLAIM_SCOPE[b.claim].observes !== 'storage' || b.status === 'not-applicable') continue;
            t.equal(c.access?.reached, 'storage', `${p.probe} ${p.variant.a}→${p.variant.b} ${p.variant.param ?? ''}: ${b.claim} ${b.status} only from a read that reached the storage (${c.access?.how})`);
          }
        }
      }
      // READAHEAD is judged after a remedy, never from readahead that went stale before any invalidation.
      for (const p of doc.probes.filter((x) => x.probe === 'RA1')) {
        for (const b of p.checks.flatMap((c) => c.bears ?? [])) {
          if (b.status !== 'not-applicable') t.not(p.variant.param, 'none', `RA1 ${p.variant.b}: READAHEAD ${b.status} only after a remedy`);
        }
        if (p.variant.param === 'none' && p.checks[0]) t.match(p.checks[0].observed, /readahead reach: /, `RA1 ${p.variant.b} without a remedy reports the readahead reach`);
      }
      if (s.kind === 'nfs') {
        t.equal(lab.exports, s.facts.exports, 'the export line is recorded');
        const ra = v.claims.find((r) => r.claim === 'READAHEAD')!;
        t.ok(ra.evidence.every((e) => e.probe === 'RA1' && e.variant.param !== 'none'), `READAHEAD ${ra.status}: evidence from remedy runs only (${ra.why})`);
        // NFS-UNLINK-AFTER-OPEN is never concluded from a chmod variant read by root.
        for (const p of doc.probes.filter((x) => x.probe === 'UNL1' && x.variant.param === 'chmod')) {
          const c = p.checks[0];
          if (c?.bears?.some((b) => b.status !== 'not-applicable')) t.equal(c.values?.readerUid, READER_UID, `UNL1 chmod ${p.variant.b}: judged with b as uid ${READER_UID}`);
        }
        // The stale window of a buffered reader, measured with a bound that covers the mount's acregmax.
        const wins = doc.probes.filter((x) => x.probe === 'WIN1');
        t.same(wins.map((x) => x.variant.param), ['rw', 'ro'], 'WIN1 ran with b opened read-write and read-only');
        for (const win of wins) {
          t.ok(win.checks.length > 0, `WIN1 ${win.variant.param} ran`);
          const w = win.checks.at(-1)?.values ?? {};
          t.ok(typeof w.windowMedianMs === 'number' || w.stillStale === w.repeats, `WIN1 ${win.variant.param}: a stale window measured: ${win.checks.at(-1)?.observed}`);
          t.ok((w.boundMs as number) >= (w.acregmaxS as number) * 1000, `WIN1 ${win.variant.param}: the bound (${w.boundMs} ms) covers acregmax (${w.acregmaxS} s)`);
          for (const c of win.checks.filter((x) => x.values?.repeat !== undefined)) t.equal(typeof c.values?.getattrOps, 'number', `WIN1 ${win.variant.param}: b's GETATTR calls while polling recorded`);
        }
        t.match(summary.scenarios.find((x) => x.name === s.name)?.window, /WIN1 .*acregmin=/, 'lab.json carries the window with the mount\'s options');
        for (const side of ['a', 'b'] as const) t.ok(doc.run.sides[side].target.details?.nfs, `side ${side} is an NFS mount`);
        if (s.sides.via?.b) {
          t.not(doc.run.sides.a.host.netns, doc.run.sides.b.host.netns, 'b ran in its own network namespace');
          t.not(doc.run.sides.a.host.hostname, doc.run.sides.b.host.hostname, 'b ran under its own host name');
          t.notOk(doc.run.confounders.some((c) => c.code === 'NFSV4-ONE-CLIENT'), 'two clients: no one-client confounder');
        }
      } else {
        t.equal(doc.run.sides.a.target.kind, 'device');
        t.not(doc.run.sides.a.target.dev, doc.run.sides.b.target.dev, 'two SCSI disks (two page caches)');
        for (const side of ['a', 'b'] as const) t.equal(doc.run.sides[side].target.details?.block?.transport, 'iscsi', `side ${side} is an iSCSI disk`);
      }
      const junit = join(dir!, s.name, 'run.junit.xml');
      if (existsSync(junit)) t.match(readFileSync(junit, 'utf8'), /coprobe\.lab\.scenario/, 'JUnit carries the lab facts');
    });
  }
});
