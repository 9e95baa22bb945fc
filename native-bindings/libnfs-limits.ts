// What a libnfs 4.0 side can do and how big one READ/WRITE call may be, per NFS version (measured against ganesha 4.3).
import type { BackendCaps } from './backend.js';
import type { NfsFunctions } from './libnfs-lib.js';

/** What the backend declares: no host page cache on this side (libnfs's own is off unless the URL turns it on).
 * An O_SYNC handle's WRITEs were read off the wire: libnfs 4.0 sends FILE_SYNC on NFSv3 but DATA_SYNC4 on NFSv4. */
export function libnfsCaps(pageCache: boolean, version: number): BackendCaps {
  return Object.freeze({
    pageCache, direct: false, files: true, locks: false, fadvise: false, blkflsbuf: false, setfl: false,
    mountstats: false, openAs: false, flush: 'NFS COMMIT (nfs_fsync)', syncWrite: version === 4 ? 'NFS WRITE DATA_SYNC4' : 'NFS WRITE FILE_SYNC',
  });
}

/** libnfs 4.0's NFSv4 WRITE fits its fixed 4 KiB COMPOUND encode buffer only up to ~3.9 KB of data (measured: 3944 bytes
 * against ganesha): larger nfs_pwrite calls fail with "ZDR error: Failed to encode COMPOUND4args". 3584 (7 × 512) leaves room
 * for a 128-byte file handle. So on NFSv4 a 4 KiB block goes out as two WRITE RPCs and is not written atomically. */
export const NFS4_WRITE_PIECE = 3584;
/** libnfs 4.0 learns no read size for NFSv4 (nfs_get_readmax is 0); ganesha fails READs over 1 MiB, so ask for less. */
export const NFS4_READ_PIECE = 256 * 1024;

/** Largest READ and WRITE one libnfs call is given: the server's FSINFO sizes on NFSv3, the limits above on NFSv4. */
export function transferPieces(fns: NfsFunctions, ctx: unknown, version: number): { readmax: number; writemax: number } {
  if (version === 4) return { readmax: NFS4_READ_PIECE, writemax: NFS4_WRITE_PIECE };
  return { readmax: Number(fns.nfs_get_readmax(ctx)) || 64 * 1024, writemax: Number(fns.nfs_get_writemax(ctx)) || 64 * 1024 };
}
