// What b can do to drop stale data before it reads: the remedies the documents and QEMU use, shared by several probes.
import type { ClaimId } from '../src/claims.js';
import type { ProbeContext } from '../src/probe.js';
import type { CapabilityName } from '../native-bindings/backend.js';

/** One remedy b applies to handle "f" after a's final flush. */
export interface Remedy {
  /** Claims that say this remedy makes b's next read fresh. */
  claims: ClaimId[];
  what: string;
  apply(t: ProbeContext): Promise<void>;
  /** Undo after the read (release a lock). */
  undo?(t: ProbeContext): Promise<void>;
  /** Capabilities b's backend needs for this remedy (fadvise needs a page cache, a lock needs locks...). */
  needs?: CapabilityName[];
}

const wholeFile = { offset: 0, len: 0 };

export const REMEDIES: Record<'none' | 'reopen' | 'fadvise' | 'fcntl' | 'blkflsbuf' | 'invalidate', Remedy> = {
  none: { claims: [], what: 'no remedy', async apply() {} },
  reopen: {
    claims: ['INVALIDATE-REMEDY'], what: 'close and reopen (delayed open)',
    async apply(t) { await t.step('b', 'reopen', { h: 'f' }); },
  },
  fadvise: {
    claims: ['QEMU-DROP-CACHE', 'INVALIDATE-REMEDY'], what: 'posix_fadvise(DONTNEED) on the whole file (QEMU ≥ 4.0 on activation)', needs: ['fadvise'],
    async apply(t) { await t.step('b', 'fadvise', { h: 'f', advice: 'dontneed', ...wholeFile }); },
  },
  fcntl: {
    claims: ['LOCK-INVALIDATES'], what: 'fcntl read lock (F_SETLKW) on the open file', needs: ['locks'],
    async apply(t) { await t.step('b', 'lock', { h: 'f', kind: 'posix', type: 'read', wait: true }); },
    async undo(t) { await t.step('b', 'lock', { h: 'f', kind: 'posix', type: 'unlock', wait: true }); },
  },
  invalidate: {
    claims: ['INVALIDATE-REMEDY'], what: 'the driver\'s own cache invalidation (librbd rbd_invalidate_cache, as QEMU\'s rbd driver on activation)', needs: ['invalidate'],
    async apply(t) { await t.step('b', 'invalidate', { h: 'f' }); },
  },
  blkflsbuf: {
    claims: ['INVALIDATE-REMEDY'], what: 'ioctl(BLKFLSBUF) on the device', needs: ['blkflsbuf'],
    async apply(t) { await t.step('b', 'blkflsbuf', { h: 'f' }); },
  },
};

export type RemedyName = keyof typeof REMEDIES;
