// IMG1 with real qemu-io/qemu-img on a real pair: one directory on the root filesystem serves both sides (one kernel);
// and on a loop pair (two loop devices with direct I/O over one file), where the image is the device itself.
import t from 'tap';
import { spawnSync } from 'node:child_process';
import { closeSync, fsyncSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { imageFormats } from '../probes/image-formats.js';
import { startRun } from '../src/run/runner.js';
import { parseSide } from '../src/transport/spec.js';
import { IO_MODES, MODE_TRAITS, type IoMode } from '../src/modes.js';
import type { ProbeRunRecord, ResultRecord } from '../src/result.js';
import type { Check } from '../src/checks.js';
import { QemuIo } from '../src/qemu/session.js';
import { QemuHungError } from '../src/qemu/errors.js';
import { HungError } from '../src/errors.js';
import { StepFailure } from '../src/probe.js';
import { QemuTranscript } from '../src/qemu/transcript.js';
import { attachLoopPair } from '../src/loop-pair.js';
import { computeVerdicts } from '../src/verdict/record.js';
import { noLoopReason } from './fixtures/root.js';
import { find, runProbes } from './fixtures/run.js';

const noQemu = spawnSync('qemu-io', ['--version']).status === 0 ? undefined : 'qemu-io is not installed (apt-get install qemu-utils; ci/install-deps.sh does)';

/** Run IMG1 alone on a and b for the given modes (a===b); the probe records and the exit code. */
async function runImage(a: string, b: string, modes: readonly IoMode[], env?: NodeJS.ProcessEnv) {
  const reportDir = mkdtempSync(join(tmpdir(), 'coprobe-report-'));
  const saved = process.env.PATH;
  if (env?.PATH !== undefined) process.env.PATH = env.PATH;
  try {
    const h = startRun({
      sides: { a: parseSide('a', a), b: parseSide('b', b) }, probes: [imageFormats], pairs: modes.map((m) => ({ a: m, b: m })),
      blocks: 16, reportDir, argv: [], timeoutMs: 10_000, destroy: [], remoteAgent: ['coprobe', 'agent'], print: () => undefined,
    });
    const { exitCode, reportPath } = await h.done;
    const records = readFileSync(reportPath, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as ResultRecord);
    return { exitCode, probes: records.filter((r): r is ProbeRunRecord => r.type === 'probe') };
  } finally {
    process.env.PATH = saved;
    rmSync(reportDir, { recursive: true, force: true });
  }
}

/** The check whose sentence matches. */
function check(rec: ProbeRunRecord, re: RegExp): Check {
  const c = rec.checks.find((x) => re.test(x.sentence));
  if (!c) throw new Error(`${rec.variant.a} ${rec.variant.param}: no check matching ${re} in ${rec.reason ?? JSON.stringify(rec.checks.map((x) => x.sentence))}`);
  return c;
}

/** qemu-io processes whose command line names a path under dir (leak check, read from /proc). */
function qemuUnder(dir: string): string[] {
  return readdirSync('/proc').filter((p) => /^\d+$/.test(p)).flatMap((p) => {
    try {
      const argv = readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0');
      return argv[0]?.endsWith('qemu-io') && argv.some((w) => w.includes(dir)) ? [argv.join(' ')] : [];
    } catch { return []; }
  });
}

t.test('qemu-io session: output up to the prompt and marker, stderr kept apart, a hung command killed as HUNG', { skip: noQemu }, async (t) => {
  const dir = mkdtempSync(join('/var/tmp', 'coprobe-qemu-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const img = join(dir, 'x.qcow2');
  t.equal(spawnSync('qemu-img', ['create', '-q', '-f', 'qcow2', img, '1M']).status, 0);
  const log = new QemuTranscript();
  const q = await QemuIo.start('b', ['qemu-io', '-f', 'qcow2', img], 2000, log);
  const len = await q.run('length');
  t.equal(len.stdout.trim(), '1 MiB', 'prompts and markers stripped');
  const bad = await q.run('no-such-command');
  t.match(bad.stderr, /no-such-command/);
  t.equal(bad.stdout, '');
  const mismatch = await q.run('read -P 0x11 0 4k');
  t.match(mismatch.stdout, /Pattern verification failed at offset 0, 4096 bytes/);
  const hung = await q.run('sleep 5000').then(() => undefined, (e: unknown) => e);
  t.ok(hung instanceof QemuHungError && hung instanceof HungError, 'a command past the timeout rejects with a HungError (the runner\'s HUNG)');
  for (let i = 0; i < 100 && qemuUnder(dir).length > 0; i++) await new Promise((r) => setTimeout(r, 10));
  t.same(qemuUnder(dir), [], 'the hung qemu-io was killed');
  t.ok(log.entries.some((e) => e.unanswered === 'timeout' && e.cmd === 'sleep 5000'), 'the transcript keeps the unanswered command');
  t.ok(log.entries.every((e) => e.t1 >= e.t0 && e.t0 > 1e15), 'µs wall-clock timestamps');
});

t.test('why b opens with -r -U: a reader without force-share refuses the writer\'s lock; a failed open is a StepFailure quoting qemu-io', { skip: noQemu }, async (t) => {
  const dir = mkdtempSync(join('/var/tmp', 'coprobe-qemu-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const img = join(dir, 'x.qcow2');
  t.equal(spawnSync('qemu-img', ['create', '-q', '-f', 'qcow2', img, '1M']).status, 0);
  const log = new QemuTranscript();
  const strict = await QemuIo.start('b', ['qemu-io', '-r', '-f', 'qcow2', img], 5000, log);
  const refused = await QemuIo.start('a', ['qemu-io', '-f', 'qcow2', img], 5000, log).then(() => undefined, (e: unknown) => e);
  t.ok(refused instanceof StepFailure, 'the writer cannot open');
  t.match((refused as Error).message, /side a: qemu-io exited during "\(start\) qemu-io -f qcow2 .*Failed to get "write" lock/);
  await strict.quit();
  const shared = await QemuIo.start('b', ['qemu-io', '-r', '-U', '-f', 'qcow2', img], 5000, log);
  const writer = await QemuIo.start('a', ['qemu-io', '-f', 'qcow2', img], 5000, log);
  t.match((await writer.run('write -P 0x22 0 64k')).stdout, /wrote 65536\/65536 bytes/, 'with -r -U on b, a opens read-write under default locking');
  await Promise.all([writer.quit(), shared.quit()]);
});

t.test('IMG1 on one directory for both sides: qcow2/qed keep stale metadata until close+open; raw is fresh', { skip: noQemu }, async (t) => {
  const dir = mkdtempSync(join('/var/tmp', 'coprobe-img-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const r = await runImage(dir, dir, IO_MODES);
  t.equal(r.probes.length, IO_MODES.length * 3, 'one variant per mode and format');
  t.equal(r.exitCode, 0, r.probes.filter((p) => p.outcome === 'FAIL' || p.reason).map((p) => `${p.variant.a} ${p.variant.param}: ${p.reason ?? ''}`).join('; '));
  for (const p of r.probes) {
    const where = `${p.variant.a} ${p.variant.param}`;
    const held = check(p, /without a reopen/);
    const full = check(p, /closing and opening/);
    t.match(held.values, { qemuIoB: new RegExp(`^qemu-io -r -U -t ${p.variant.b} -f ${p.variant.param} `), qemuIoA: new RegExp(`^qemu-io -t ${p.variant.a} -f ${p.variant.param} `) }, `${where}: exact options recorded`);
    t.match(String(held.values?.transcript), /read -P 0x/, `${where}: qemu-io transcript recorded`);
    t.equal(full.read?.counts.fresh, 16, `${where}: close+open sees every cluster`);
    if (p.variant.param === 'raw') {
      t.equal(p.outcome, 'PASS', `${where}: raw control is fresh at every stage (one page cache)`);
      continue;
    }
    t.equal(held.outcome, 'WARN', `${where}: b held open keeps the mapping it read at open`);
    t.equal(held.read?.counts.stale, 16, `${where}: every allocated cluster still reads as unallocated`);
    t.equal(held.values?.bAllocatedBytes, 0, `${where}: b's alloc still says unallocated`);
    t.match(held.bears, [{ claim: p.variant.param === 'qcow2' ? 'QCOW2-METADATA' : 'QED-DIRTY', status: 'holds' }]);
    if (p.variant.param === 'qcow2') t.match(full.bears, [{ claim: 'QCOW2-REOPEN', status: p.variant.a === 'unsafe' ? 'not-applicable' : 'holds' }]);
    if (p.variant.param === 'qed') {
      const dirty = check(p, /dirty flag/);
      t.equal(dirty.values?.qedFeaturesAfterFlush, '0x2', `${where}: a's allocating write marks the QED image dirty on disk`);
      t.equal(dirty.values?.qedFeaturesAfterReadWriteOpen, '0x0', `${where}: a read-write open on b checks and clears the flag while a still has the image open`);
    }
  }
  t.same(readdirSync(dir), [], 'the image scratch files were removed');
  t.same(qemuUnder(dir), [], 'no qemu-io left running');
});

t.test('IMG1 without qemu-io on the PATH: UNSUPPORTED, telling the user to install qemu-utils', async (t) => {
  const dir = mkdtempSync(join('/var/tmp', 'coprobe-img-'));
  const empty = mkdtempSync(join(tmpdir(), 'coprobe-nopath-'));
  t.teardown(() => { rmSync(dir, { recursive: true, force: true }); rmSync(empty, { recursive: true, force: true }); });
  const r = await runImage(dir, dir, ['writeback'], { PATH: empty });
  t.equal(r.probes.length, 3);
  for (const p of r.probes) {
    t.equal(p.outcome, 'UNSUPPORTED', `${p.variant.param}`);
    t.match(p.reason, /side a: qemu-img is not installed.*apt-get install qemu-utils/);
  }
  t.equal(r.exitCode, 0, 'a missing tool is not a failure of the storage');
  t.same(readdirSync(dir), []);
});

t.test('IMG1 on a loop pair: the image is the device (host_device); old data cleared first; qcow2 caches its mapping until close+open; QEMU refuses a qed image on a device', { skip: noQemu ?? noLoopReason() }, async (t) => {
  const pair = attachLoopPair(16);
  t.teardown(() => pair.detach());
  // Old data from "earlier probes" over the first 4 MiB: the probe must zero it before b's "reads as zeros" check.
  const fd = openSync(pair.a, 'r+');
  writeSync(fd, Buffer.alloc(4 << 20, 0x5a), 0, 4 << 20, 0);
  fsyncSync(fd);
  closeSync(fd);
  const r = await runProbes(pair.a, pair.b, { destroy: [pair.a, pair.b], probes: ['IMG1'] });
  const probes = r.probes;
  t.equal(probes.length, IO_MODES.length * 3, 'one variant per mode and format');
  t.equal(r.exitCode, 0, probes.filter((p) => p.outcome === 'FAIL' || (p.reason && p.outcome !== 'OMIT')).map((p) => `${p.variant.a} ${p.variant.param}: ${p.reason ?? ''}`).join('; '));
  for (const p of probes) {
    const where = `${p.variant.a} ${p.variant.param}`;
    if (p.variant.param === 'qed') {
      // Tried, not declared: a's qemu-img create on the device, refused by QEMU; the refusal is the evidence.
      t.equal(p.outcome, 'PASS', `${where}: the refusal is evidence, not a failure (${p.reason ?? ''})`);
      t.equal(p.checks.length, 1, `${where}: one check, about the attempt`);
      const c = p.checks[0]!;
      t.match(c.sentence, new RegExp(`a runs "qemu-img create -q -f qed ${pair.a} 16777216"`), `${where}: says what was tried`);
      t.match(c.observed, /qemu-img refused on side a \(exit 1\): qemu-img: .*Cannot resize device files/, `${where}: quotes QEMU's error`);
      t.match(c.bears, [{ claim: 'QED-DIRTY', status: 'not-applicable', why: /^QEMU cannot keep a QED image on a block device: .*Cannot resize device files/ }]);
      t.equal(c.bears!.length, 1);
      t.match(c.values, { qemuImgCreate: `qemu-img create -q -f qed ${pair.a} 16777216`, qemuImgExit: 1, qemuImgError: /Cannot resize device files/ });
      t.match(c.values?.transcript, /a qemu-img: qemu-img create -q -f qed .*Cannot resize device files.*\(exit 1\)/, `${where}: the attempt is in the transcript`);
      continue;
    }
    t.ok(['PASS', 'WARN'].includes(p.outcome), `${where}: ran and judged (${p.outcome}${p.reason ? `: ${p.reason}` : ''})`);
    t.equal(p.checks.length, 3, `${where}: held, reopen, close+open`);
    const held = check(p, /without a reopen/);
    const full = check(p, /closing and opening/);
    t.match(held.values, {
      deviceClear: new RegExp(`^qemu-io -t none -f raw -c write -z 0 \\d+ ${pair.a}$`),
      qemuImgCreate: new RegExp(`^qemu-img create -q -f ${p.variant.param} ${pair.a} 16777216$`),
      qemuIoA: new RegExp(` ${pair.a}$`), qemuIoB: new RegExp(`^qemu-io -r -U -t ${p.variant.b} -f ${p.variant.param} ${pair.b}$`),
      deviceBytes: 16 << 20, imageBytes: 16 << 20, imageBytesAtOpen: null,
    }, `${where}: the devices themselves, the image as large as the device`);
    const unsafe = p.variant.a === 'unsafe';
    t.equal(full.read?.counts.fresh, unsafe ? 0 : 16, `${where}: close+open ${unsafe ? 'sees nothing: a skipped its flush' : 'sees every cluster'}`);
    if (p.variant.param === 'raw') {
      const buffered = !unsafe && !MODE_TRAITS[p.variant.b].direct;
      if (!unsafe) t.equal(p.outcome, buffered ? 'WARN' : 'PASS', `${where}: raw control ${buffered ? 'stale while b keeps its page cache of the device' : 'fresh (O_DIRECT)'}`);
      continue;
    }
    t.equal(held.outcome, 'WARN', `${where}: b held open keeps the mapping it read at open`);
    t.equal(held.read?.counts.stale, 16, `${where}: the allocated clusters still read as zeros`);
    t.equal(held.values?.bAllocatedBytes, 0, `${where}: b's alloc still says unallocated`);
    t.match(held.observed, /image on block device .* a device cannot grow/, `${where}: no file size on a device`);
    t.match(held.bears, [{ claim: 'QCOW2-METADATA', status: unsafe ? 'not-applicable' : 'holds' }]);
    t.match(full.bears, [{ claim: 'QCOW2-REOPEN', status: unsafe ? 'not-applicable' : 'holds' }]);
  }
  const claims = computeVerdicts(r.run, r.probes).claims;
  const status = (c: string) => claims.find((x) => x.claim === c)?.status;
  t.equal(status('QCOW2-METADATA'), 'holds');
  t.equal(status('QCOW2-REOPEN'), 'holds');
  t.equal(status('QED-DIRTY'), 'not-applicable', 'QEMU refused a QED image on the device: not applicable, with the evidence');
  t.match(claims.find((x) => x.claim === 'QED-DIRTY')?.why, /Cannot resize device files/);
  t.match(find(r, 'IMG1', 'none', 'none', 'qcow2').checks[0]!.values?.transcript, /write -z 0 /, 'the clearing write is in the transcript');
});
