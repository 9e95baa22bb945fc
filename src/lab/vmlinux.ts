// The uncompressed kernel ELF inside a packaged bzImage: qemu boots it directly (PVH), skipping the BIOS and the
// decompressor, which cost about 8 s under TCG.
import { spawnSync } from 'node:child_process';
import { LabError } from './errors.js';

const XZ_MAGIC = Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]);
const ELF_MAGIC = Buffer.from([0x7f, 0x45, 0x4c, 0x46]);

/** The ELF vmlinux from a bzImage whose payload is xz (Debian's amd64 kernels); LabError when there is none. */
export function extractVmlinux(bzImage: Buffer, source = 'vmlinuz'): Buffer {
  let from = 0;
  // The first xz stream that decompresses to an ELF file is the payload (the magic can occur by chance before it).
  for (;;) {
    const at = bzImage.indexOf(XZ_MAGIC, from);
    if (at < 0) break;
    const r = spawnSync('xz', ['-dc', '--single-stream', '--quiet'], { input: bzImage.subarray(at), maxBuffer: 1 << 30 });
    // xz --single-stream stops reading at the end of its stream (or at once on a false magic): writing the rest of the
    // image then fails with EPIPE, which says nothing about the stream; only a failure to run xz at all is fatal.
    if (r.error && (r.error as NodeJS.ErrnoException).code !== 'EPIPE') throw new LabError('LAB_KERNEL', `cannot run xz to unpack ${source} (${r.error.message}): install xz-utils`);
    // Only a whole stream counts: xz writes what it unpacked before a corrupt or cut end, and exits non-zero.
    if (r.status === 0 && r.stdout && r.stdout.length > 4 && r.stdout.subarray(0, 4).equals(ELF_MAGIC)) return r.stdout;
    from = at + 1;
  }
  throw new LabError('LAB_KERNEL', `${source}: no xz-compressed ELF kernel inside; the lab boots the uncompressed vmlinux (Debian's amd64 kernels are xz)`);
}
