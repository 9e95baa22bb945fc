// IMG1: QEMU's own qemu-io on both sides over one qcow2/qed/raw image: does b see the clusters a allocated and flushed?
import { backendOf, isUserspace } from '../src/caps.js';
import { posix } from 'node:path';
import type { Probe, ProbeContext } from '../src/probe.js';
import { StepFailure } from '../src/probe.js';
import { allFresh, describeCounts } from '../src/blocks/tally.js';
import { firstFinding } from '../src/checks.js';
import { judgeImage, type QedObservation } from '../src/qemu/image-checks.js';
import { IMAGE_FORMATS, imageCommands, type ImageCommands, type ImageFormat } from '../src/qemu/options.js';
import { mustRunOnce } from '../src/qemu/oneshot.js';
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
  targets: ['dir'],
  // QEMU uses one cache mode per drive: only pairs with the same mode on both sides, each format in each.
  variants: (pairs) => pairs.filter((p) => p.a === p.b).flatMap((p) => IMAGE_FORMATS.map((param) => ({ ...p, param }))),
  omit(_v, targets) {
    const side = (['a', 'b'] as const).find((s) => isUserspace(targets[s]));
    return side && `qemu-io opens the image by a kernel path; side ${side} is reached through ${backendOf(targets[side])} (QEMU's own ${targets[side].fsType}:// driver in qemu-io is not wired in)`;
  },
  async run(t) {
    const fmt = t.variant.param as ImageFormat;
    const log = new QemuTranscript();
    const region: Region = { offset: MiB, unit: CLUSTER, count: t.blocks };
    const size = Math.max(64 * MiB, Math.ceil((region.offset + regionBytes(region) + 2 * CLUSTER) / MiB) * MiB);
    const cmd = imageCommands(fmt, t.variant.a, { a: posix.join(t.targets.a.path, t.file), b: posix.join(t.targets.b.path, t.file) }, size);
    const versions = {
      qemuImgVersionA: await requireTool(t, 'a', 'qemu-img', log),
      qemuIoVersionA: await requireTool(t, 'a', 'qemu-io', log),
      qemuIoVersionB: await requireTool(t, 'b', 'qemu-io', log),
    };
    // Created by a's agent first, so the agents track the scratch file and remove it after the run.
    await t.open('a', 'f', t.variant.a, true);
    await t.close('a', 'f');
    await mustRunOnce('a', 'qemu-img', t.commandOn('a', cmd.create), cmd.create.join(' '), t.timeoutMs, log);
    const sizeAtOpen = await fileSize(t);
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
      const sizeAfterFlush = await fileSize(t);
      const qed = fmt === 'qed' ? await qedDirtySteps(t, a, b, cmd, region, pattern, log) : undefined;
      await Promise.all([a.quit(), b.quit()]);
      return judgeImage(t, {
        fmt, region, held, reopened, closedOpened, flushEndUs: flush.entry.t1, sizeAtOpen, sizeAfterFlush, ...(qed ? { qed } : {}),
        values: {
          ...versions, qemuImgCreate: cmd.create.join(' '), qemuIoA: cmd.writer.join(' '), qemuIoB: cmd.reader.join(' '),
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

/** The image file's size as b's agent sees it (statx by path), or undefined when the agent cannot tell. */
async function fileSize(t: ProbeContext): Promise<number | undefined> {
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
