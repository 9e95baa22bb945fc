// I/O modes, named after the QEMU cache modes they model, and the open flags each one uses.
import type { LinuxConstants } from '../native-bindings/constants.js';

/** QEMU cache mode a side's I/O imitates. */
export type IoMode = 'writeback' | 'writethrough' | 'none' | 'directsync' | 'unsafe';
export const IO_MODES: readonly IoMode[] = ['none', 'directsync', 'writethrough', 'writeback', 'unsafe'];

interface ModeTraits {
  /** Bypasses the page cache (O_DIRECT). */
  direct: boolean;
  /** Every write is durable on return (O_DSYNC). */
  dsync: boolean;
  /** fsync/fdatasync are skipped, as QEMU's cache=unsafe ignores guest flushes. */
  flushIgnored: boolean;
  what: string;
}

export const MODE_TRAITS: Record<IoMode, ModeTraits> = {
  none: { direct: true, dsync: false, flushIgnored: false, what: 'O_DIRECT' },
  directsync: { direct: true, dsync: true, flushIgnored: false, what: 'O_DIRECT|O_DSYNC' },
  writethrough: { direct: false, dsync: true, flushIgnored: false, what: 'buffered, O_DSYNC' },
  writeback: { direct: false, dsync: false, flushIgnored: false, what: 'buffered' },
  unsafe: { direct: false, dsync: false, flushIgnored: true, what: 'buffered, flushes ignored' },
};

/** True for a known mode name. */
export function isIoMode(s: string): s is IoMode {
  return (IO_MODES as readonly string[]).includes(s);
}

/** open(2) flags for a mode (read-write). */
export function openFlags(mode: IoMode, k: LinuxConstants, create: boolean): number {
  const t = MODE_TRAITS[mode];
  let flags = k.O_RDWR | k.O_CLOEXEC;
  if (t.direct) flags |= k.O_DIRECT;
  if (t.dsync) flags |= k.O_DSYNC;
  if (create) flags |= k.O_CREAT;
  return flags;
}
