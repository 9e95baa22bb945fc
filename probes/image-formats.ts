// IMG1: QEMU's own qemu-io on both sides over one qcow2/qed/raw image: does b see the clusters a allocated and flushed?
// The image is a scratch file in a directory target, or the block device itself on a device target (QEMU's host_device).
import { backendOf, isUserspace } from '../src/caps.js';
import { posix } from 'node:path';
import type { Probe, ProbeContext } from '../src/probe.js';
import { StepFailure } from '../src/probe.js';
import { allFresh, describeCounts } from '../src/blocks/tally.js';
import { firstFinding, type Check } from '../src/checks.js';
import { judgeImage, type QedObservation } from '../src/qemu/image-checks.js';
import { IMAGE_FORMATS, imageCommands, type ImageCommands, type ImageFormat } from '../src/qemu/options.js';
import { mustRunOnce, runOnce } from '../src/qemu/oneshot.js';
import { isMissing, missingTool } from '../src/qemu/errors.js';
import { wroteAll } from '../src/qemu/output.js';
import { qedFeatures } from '../src/qemu/qed-header.js';
import { patternOf, regionBytes, viewRegion, writeRegion, type Region } from '../src/qemu/region.js';
import { QemuIo } from '../src/qemu/session.js';
import { requireTool } from '../src/qemu/tools.js';
import { QemuTranscript } from '../src/qemu/transcript.js';

const MiB = 1 << 20;
/** Default cluster size of qcow2 and qed: every unit of the region is one cluster. */
const CLUSTER = 64 * 1024;

export const imageFormats: Probe = {
  code: 'IMG1',
  title: 'image formats through qemu-io: b holds a qcow2/qed/raw image open while a allocates clusters and flushes',
  flags: ['image', 'qemu'],
  claims: ['QCOW2-METADATA', 'QED-DIRTY', 'QCOW2-REOPEN'],
  depends: [],
  targets: ['dir', 'device'],
  // QEMU uses one cache mode per drive: only pairs with the same mode on both sides, each format in each.
  variants: (pairs) => pairs.filter((p) => p.a === p.b).flatMap((p) => IMAGE_FORMATS.map((param) => ({ ...p, param }))),
  omit(_v, targets) {
    if (targets.a.kind !== targets.b.kind) return `one image on both sides needs the same kind of target: side a is a ${targets.a.kind}, side b a ${targets.b.kind}`;
    const side = (['a', 'b'] as const).find((s) => isUserspace(targets[s]));
    return side && `qemu-io opens the image by a kernel path; side ${side} is reached through ${backendOf(targets[side])} (QEMU's own ${targets[side].fsType}:// driver in qemu-io is not wired in)`;
  },
  async run(t) {
    const fmt = t.variant.param as ImageFormat;
    const log = new QemuTranscript();
    const region: Region = { offset: MiB, unit: CLUSTER, count: t.blocks };
    // Guest bytes the probe touches: the region and the one cluster after it (qed's extra allocating write).
    const used = region.offset + regionBytes(region) + 2 * CLUSTER;
    const wanted = Math.max(64 * MiB, Math.ceil(used / MiB) * MiB);
    const device = t.targets.a.kind === 'device';
    const room = device ? Math.min(t.targets.a.deviceSize ?? Infinity, t.targets.b.deviceSize ?? Infinity) : Infinity;
    // On a device the image is the device: it cannot be larger, and it cannot grow.
    const size = Math.min(wanted, Math.floor(room / CLUSTER) * CLUSTER);
    if (size < used) throw new StepFailure(`the ${fmt} image needs ${used} bytes; the devices hold ${room}: use a larger device or fewer --blocks`, 'UNSUPPORTED');
    const paths = device ? { a: t.targets.a.path, b: t.targets.b.path } : { a: posix.join(t.targets.a.path, t.file), b: posix.join(t.targets.b.path, t.file) };
    // Physical offsets qcow2/qed give the clusters a allocates stay below the guest bytes used (metadata + region + one).
    const cmd = imageCommands(fmt, t.variant.a, paths, size, device ? { clearBytes: used } : undefined);
    const versions = {
      qemuImgVersionA: await requireTool(t, 'a', 'qemu-img', log),
      qemuIoVersionA: await requireTool(t, 'a', 'qemu-io', log),
      qemuIoVersionB: await requireTool(t, 'b', 'qemu-io', log),
    };
    if (cmd.clear) {
      // The device holds what earlier probes wrote: zeros first, so the new image starts clean (the run may overwrite it).
      const clear = await mustRunOnce('a', 'qemu-io', t.commandOn('a', cmd.clear), cmd.clear.join(' '), t.timeoutMs, log);
      if (!wroteAll(clear.stdout, used)) throw new StepFailure(`side a: "${cmd.clear.join(' ')}" did not zero the device's first ${used} bytes: ${(clear.stderr || clear.stdout).trim()}`);
    } else {
      // Created by a's agent first, so the agents track the scratch file and remove it after the run.
      await t.open('a', 'f', t.variant.a, true);
      await t.close('a', 'f');
    }
    if (fmt === 'qed' && device) {
      // QED allocates new clusters at the end of its file, so it needs a file that grows: QEMU is expected to refuse
      // the image on a device ("Cannot resize device files"). Tried, not assumed: if it creates one, the steps run.
      const refused = await qedCreateOnDevice(t, cmd, paths.a, size, { ...versions, deviceClear: cmd.clear?.join(' ') ?? null }, log);
      if (refused) return [refused];
    } else {
      await mustRunOnce('a', 'qemu-img', t.commandOn('a', cmd.create), cmd.create.join(' '), t.timeoutMs, log);
    }
    const sizeAtOpen = await fileSize(t, device);
    let a: QemuIo | undefined;
    let b: QemuIo | undefined;
    try {
      b = await QemuIo.start('b', t.commandOn('b', cmd.reader), t.timeoutMs, log);
      const before = await viewRegion(b, region, 0, 0);
      if (!allFresh(before.read)) throw new StepFailure(`side b: the new ${fmt} image should read as zeros before a writes: ${describeCounts(before.read)}${firstFinding(before.read)}`);
      a = await QemuIo.start('a', t.commandOn('a', cmd.writer), t.timeoutMs, log);
      const pattern = patternOf(t.nextGen());
      await writeRegion(a, region, pattern);
      const flush = await a.must('flush');
      const held = await viewRegion(b, region, pattern, 0);
      await b.must(cmd.reopen);
      const reopened = await viewRegion(b, region, pattern, 0);
      await b.must(cmd.close);
      await b.must(cmd.open);
      const closedOpened = await viewRegion(b, region, pattern, 0);
      // Only now look at the file from b's host another way: a stat or a second open there may revalidate b's caches.
      const sizeAfterFlush = await fileSize(t, device);
      const qed = fmt === 'qed' ? await qedDirtySteps(t, a, b, cmd, region, pattern, log) : undefined;
      await Promise.all([a.quit(), b.quit()]);
      return judgeImage(t, {
        fmt, region, held, reopened, closedOpened, flushEndUs: flush.entry.t1, sizeAtOpen, sizeAfterFlush, ...(qed ? { qed } : {}),
        ...(device ? { device: { path: paths.b, bytes: t.targets.b.deviceSize ?? null, imageBytes: size } } : {}),
        values: {
          ...versions, ...(cmd.clear ? { deviceClear: cmd.clear.join(' ') } : {}), qemuImgCreate: cmd.create.join(' '), qemuIoA: cmd.writer.join(' '), qemuIoB: cmd.reader.join(' '),
          bReopen: cmd.reopen, bCloseOpen: `${cmd.close}; ${cmd.open}`, ...(fmt === 'qed' ? { bReadWriteOpen: cmd.openReadWrite, qedHeaderRead: cmd.header.join(' ') } : {}),
        },
        transcript: log.render(),
      });
    } finally {
      a?.kill();
      b?.kill();
    }
  },
};

/**
 * qed on a block device: a runs qemu-img create there. When QEMU refuses, the check saying so (QED-DIRTY not
 * applicable: the hazard needs a QED image, which cannot live on shared block storage); undefined when QEMU created it.
 */
async function qedCreateOnDevice(t: ProbeContext, cmd: ImageCommands, device: string, size: number, values: Check['values'], log: QemuTranscript): Promise<Check | undefined> {
  const label = cmd.create.join(' ');
  const r = await runOnce('a', 'qemu-img', t.commandOn('a', cmd.create), label, t.timeoutMs, log);
  if (isMissing(r.spawnError, r.code)) throw missingTool('a', 'qemu-img', r.spawnError?.message ?? `exit code ${r.code}: ${r.stderr.trim()}`);
  if (r.code === 0) return undefined;
  const error = (r.stderr.trim() || r.stdout.trim() || `exit code ${r.code}`).replace(/\s*\n\s*/g, '; ');
  return {
    claims: ['QED-DIRTY'],
    sentence: `a QED image on the block device: a runs "${label}" (QED allocates clusters at the end of its file, which a device cannot grow)`,
    outcome: 'PASS',
    observed: `qemu-img refused on side a (exit ${r.code}): ${error}; no QED image exists on the device, so no dirty flag can be set or checked`,
    bears: [{ claim: 'QED-DIRTY', status: 'not-applicable', why: `QEMU cannot keep a QED image on a block device: "${label}" answered: ${error}` }],
    values: { ...values, qemuImgCreate: label, qemuImgExit: r.code, qemuImgError: error, device, imageBytes: size, deviceBytes: t.targets.a.deviceSize ?? null, transcript: log.render() },
  };
}

/**
 * The image file's size as b's agent sees it (statx by path), or undefined when the agent cannot tell. Not on a
 * device: statx gives a block device node's size as 0, and a device's size is fixed (TargetInfo.deviceSize).
 */
async function fileSize(t: ProbeContext, device: boolean): Promise<number | undefined> {
  if (device) return undefined;
  const r = await t.call('b', 'statPath', { sizeOnly: true });
  return r.ok ? (r.result as { size?: number }).size : undefined;
}

/**
 * QED's dirty flag: the header after a's flush and b's read-only close+open; then b opens read-write (locking off)
 * while a still has the image open, b closes, a allocates one more cluster and flushes; the header after each step.
 */
async function qedDirtySteps(t: ProbeContext, a: QemuIo, b: QemuIo, cmd: ImageCommands, region: Region, pattern: number, log: QemuTranscript): Promise<QedObservation> {
  const afterFlush = await qedFeatures(t, 'b', cmd.header, log);
  await b.must(cmd.close);
  const rw = await b.run(cmd.openReadWrite);
  const refused = rw.stderr.trim();
  const afterReadWriteOpen = await qedFeatures(t, 'b', cmd.header, log);
  if (!refused) await b.must(cmd.close);
  await writeRegion(a, { offset: region.offset + regionBytes(region), unit: region.unit, count: 1 }, pattern);
  await a.must('flush');
  const afterSourceWrite = await qedFeatures(t, 'b', cmd.header, log);
  return { afterFlush, afterReadWriteOpen, afterSourceWrite, ...(refused ? { readWriteOpenError: refused } : {}) };
}
