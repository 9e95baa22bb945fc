// IMG1: QEMU's own qemu-io on both sides over one qcow2/qed/raw image: does b see the clusters a allocated and flushed?
// The image is a scratch file in a directory target, or the block device itself on a device target (QEMU's host_device).
import { backendOf, isUserspace } from '../src/caps.js';
import { posix } from 'node:path';
import type { Probe, ProbeContext } from '../src/probe.js';
import { StepFailure } from '../src/probe.js';
import { allFresh, describeCounts } from '../src/blocks/tally.js';
import { firstFinding } from '../src/checks.js';
import { judgeImage, type QedObservation } from '../src/qemu/image-checks.js';
import { IMAGE_FORMATS, imageCommands, type ImageCommands, type ImageFormat } from '../src/qemu/options.js';
import { mustRunOnce } from '../src/qemu/oneshot.js';
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
  omit(v, targets) {
    if (targets.a.kind !== targets.b.kind) return `one image on both sides needs the same kind of target: side a is a ${targets.a.kind}, side b a ${targets.b.kind}`;
    // QED allocates new clusters at the end of its file, so it needs a file that grows: qemu-img create -f qed on a
    // device fails ("Cannot resize device files"), and a QED image copied onto one fails its first allocating write (ENOSPC).
    if (v.param === 'qed' && targets.a.kind === 'device') return 'QED needs an image file that can grow (it allocates clusters at the end of the file): QEMU cannot create or allocate a QED image on a block device';
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
    await mustRunOnce('a', 'qemu-img', t.commandOn('a', cmd.create), cmd.create.join(' '), t.timeoutMs, log);
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
