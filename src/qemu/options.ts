// The exact qemu-io/qemu-img command lines of the image-format probe, per role, so checks can record them verbatim.
import type { IoMode } from '../modes.js';
import { StepFailure } from '../probe.js';

export type ImageFormat = 'qcow2' | 'qed' | 'raw';
export const IMAGE_FORMATS: readonly ImageFormat[] = ['qcow2', 'qed', 'raw'];

/** Command lines for one image on both sides; coprobe's modes are QEMU cache modes, passed as `-t <mode>` unchanged. */
export interface ImageCommands {
  create: string[];
  /** b, opened first: read-only with force-share (-U), so its lock does not refuse a's writer. */
  reader: string[];
  /** a: read-write with QEMU's default locking (b's -U shares every permission). */
  writer: string[];
  /** b's in-place reopen with the same options (bdrv_reopen). */
  reopen: string;
  /** b's full close and open with the same options, in the same process. */
  close: string;
  open: string;
  /** qed: b opens read-write while a still has the image open; needs file.locking=off because a refuses shared writers. */
  openReadWrite: string;
  /**
   * The QED header's features field (8 bytes at offset 16) through the raw driver, shared read-only. On a block
   * device with cache=none (O_DIRECT): what the device holds, not what b's buffer cache of the device kept.
   */
  header: string[];
  /**
   * Device only, run by a before create: zeros over the image's first `clearBytes` (header, metadata, the region, and
   * where qcow2/qed place the clusters it allocates), through the raw driver with O_DIRECT, so old data earlier
   * probes left on the device cannot show through the new image.
   */
  clear?: string[];
}

/**
 * The command lines for format fmt at path (a's path for create/writer, b's for the rest) in cache mode. A `device`
 * (each path a block device: QEMU's host_device driver) gets the `clear` command over its first `clearBytes`.
 */
export function imageCommands(fmt: ImageFormat, cache: IoMode, paths: { a: string; b: string }, sizeBytes: number, device?: { clearBytes: number }): ImageCommands {
  for (const p of [paths.a, paths.b]) {
    if (/\s/.test(p)) throw new StepFailure(`qemu-io's command line cannot carry the path "${p}" (it has whitespace): use a target path without spaces`, 'UNSUPPORTED');
  }
  return {
    create: ['qemu-img', 'create', '-q', '-f', fmt, paths.a, String(sizeBytes)],
    reader: ['qemu-io', '-r', '-U', '-t', cache, '-f', fmt, paths.b],
    writer: ['qemu-io', '-t', cache, '-f', fmt, paths.a],
    reopen: 'reopen',
    close: 'close',
    open: `open -r -U -t ${cache} -o driver=${fmt} ${paths.b}`,
    openReadWrite: `open -t ${cache} -o driver=${fmt},file.locking=off ${paths.b}`,
    header: ['qemu-io', '-r', '-U', ...(device ? ['-t', 'none'] : []), '-f', 'raw', '-c', 'read -v 16 8', paths.b],
    ...(device ? { clear: ['qemu-io', '-t', 'none', '-f', 'raw', '-c', `write -z 0 ${device.clearBytes}`, paths.a] } : {}),
  };
}
