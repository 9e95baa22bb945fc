// The lab's closing lines: the kernel, each phase's wall time (FAILED and notes marked), one line per scenario (done with
// its counts, could not run naming the step, not run), and the lab's own failure.
import t from 'tap';
import { renderLabSummary, type LabSummary } from '../src/lab/summary.js';

const summary: LabSummary = {
  kernelPackage: 'linux-image-6.1.0-56-amd64', kernelVersion: '6.1.192-2', kernel: '6.1.0-56-amd64', accel: 'tcg',
  phases: [
    { phase: 'resolve kernel package', ms: 412, ok: true },
    { phase: 'kernel fetch', ms: 3, ok: true, note: 'cached linux-image-6.1.0-56-amd64 6.1.192-2' },
    { phase: 'initramfs', ms: 120, ok: true, note: 'built' },
    { phase: 'boot', ms: 7349, ok: true },
    { phase: 'service nfs-server', ms: 2051, ok: true },
    { phase: 'service iscsi-target', ms: 60_000, ok: false },
    { phase: 'nfs3-sync: run', ms: 95_555, ok: true },
  ],
  scenarios: [
    { name: 'nfs3-sync', status: 'done', reportDir: 'lab-report/nfs3-sync', exitCode: 1, counts: { PASS: 12, FAIL: 2, WARN: 1 } },
    { name: 'iscsi', status: 'failed', reportDir: 'lab-report/iscsi', step: 'start tgtd', message: '"start tgtd" did not finish within 60000 ms' },
    { name: 'nfs42-sync', status: 'not-run', reportDir: 'lab-report/nfs42-sync', message: 'the guest stopped before this scenario' },
  ],
  failure: { code: 'LAB_GUEST', message: 'the guest is stuck in service iscsi-target: no progress for 60 s' },
};

t.test('the closing lines', async (t) => {
  const lines = renderLabSummary(summary);
  t.matchSnapshot(lines.join('\n'), 'summary text');
  t.equal(lines[0], '', 'a blank line first');
  t.equal(lines[1], 'lab: linux-image-6.1.0-56-amd64 6.1.192-2 (6.1.0-56-amd64), qemu tcg');
  const width = 'resolve kernel package'.length + 2; // longest phase name, then two spaces
  t.equal(lines[2], `${'phase'.padEnd(width - 2)}  wall time`, 'header aligned to the longest phase');
  const phase = (name: string) => lines.find((l) => l.startsWith(`${name} `))!;
  t.equal(phase('boot'), `${'boot'.padEnd(width)}    7.3 s`, 'seconds with one decimal, right-aligned');
  t.match(phase('service iscsi-target'), /^service iscsi-target  +60\.0 s  FAILED$/, 'a failed phase is marked FAILED');
  t.notMatch(phase('service nfs-server'), /FAILED/);
  t.match(phase('kernel fetch'), /0\.0 s  \(cached linux-image-6\.1\.0-56-amd64 6\.1\.192-2\)$/, 'a note in parentheses');
  t.match(phase('nfs3-sync: run'), /95\.6 s$/);
  t.equal(lines.filter((l) => /FAILED/.test(l)).length, 1, 'only the failed phase');
  t.ok(lines.includes('scenario nfs3-sync: exit 1; 12 PASS, 2 FAIL, 1 WARN; reports in lab-report/nfs3-sync'), 'a done scenario: exit, counts, reports');
  t.ok(lines.includes('scenario iscsi: could not run ("start tgtd": "start tgtd" did not finish within 60000 ms)'), 'a failed scenario names its step');
  t.ok(lines.includes('scenario nfs42-sync: the guest stopped before this scenario'), 'a scenario not run says why');
  t.equal(lines.at(-1), 'lab failed (LAB_GUEST): the guest is stuck in service iscsi-target: no progress for 60 s', 'the lab failure last');
});

t.test('no failure, no phases, no counts', async (t) => {
  const lines = renderLabSummary({ ...summary, phases: [], failure: undefined, scenarios: [{ name: 'iscsi', status: 'done', reportDir: 'r', exitCode: 0 }] });
  t.equal(lines[2], 'phase  wall time', 'the header when no phase ran');
  t.notOk(lines.some((l) => l.startsWith('lab failed')), 'no failure line');
  t.equal(lines.at(-1), 'scenario iscsi: exit 0; reports in r', 'no empty counts field');
});
