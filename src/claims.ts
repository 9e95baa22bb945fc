// The claim ids of ../shared/docs/CLAIMS.md with a short form of each claim; probes cite these ids.

export const CLAIMS = {
  'NFS-CTO': 'NFS guarantees close-to-open coherence: a client that opens after another closed sees its changes.',
  'NFS-OPEN-BOTH': 'With the image open on both sides, fsync on the source does not by protocol make the data visible to the destination.',
  'NFS-SYNC-STABLE-READ': 'A Linux NFS server exporting with sync answers READ with data another client wrote stably, without reopen.',
  'NFS-ODIRECT-READ': 'On the Linux NFS client an O_DIRECT read() always issues a protocol READ: fsync + O_DIRECT reads are coherent.',
  'NFS-CACHE-NONE-SAFE': 'With Linux NFS server and client, migration is safe in practice with cache=none on both sides.',
  'BLOCK-PROTOCOL-COHERENT': 'iSCSI/FC/direct-attached storage: a read returns data another client\'s acknowledged write put there.',
  'BLOCK-PAGECACHE-INCOHERENT': 'The Linux page cache is not coherent across nodes: a buffered read can return data older than an acknowledged write.',
  'BLOCK-CACHE-NONE-ONLY': 'Shared block storage is safe for migration only with cache=none or QEMU\'s userspace iSCSI driver.',
  'CLUSTER-FS-ANY-CACHE': 'Clustered file systems are safe for migration whatever the cache mode.',
  'QCOW2-METADATA': 'qcow2 caches metadata; QEMU discards it after the last migration data and before the guest starts.',
  'QED-DIRTY': 'QED caches metadata and has a dirty flag whose check QEMU postpones until migration completes.',
  'RAW-SIZE': 'A raw image\'s size is cached mutable metadata; it matters only with online resize during migration.',
  'EARLY-READ-64K': 'QEMU reads the first 64 KiB before the guest starts; a write there by the other side leaves stale data.',
  'LOCK-INVALIDATES': 'On NFS, acquiring a file lock makes the client drop its cached data for that file.',
  'INVALIDATE-REMEDY': 'Invalidating the destination\'s cache after the source\'s final flush (or opening late) removes stale data.',
  'READAHEAD': 'An NFS client that prefetched aggressively could read stale data ahead; Linux does not in practice.',
  'NFS-UNLINK-AFTER-OPEN': 'On NFS, removing (or chmod-ing) a file from another client makes access through an open file fail, unlike POSIX.',
  'HANDOFF': 'What the destination reads after the handoff must equal what the source last flushed.',
  'QEMU-DROP-CACHE': 'On activation QEMU flushes and fadvises DONTNEED the whole image; whether that drops stale pages is the stack\'s property.',
  'QCOW2-REOPEN': 'On activation qcow2 closes and reopens the image, discarding its metadata caches.',
  'LIBVIRT-POLICY': 'libvirt allows migration from file-system type and cache mode alone, without measuring.',
  'NFS-NOSHARECACHE': 'Two mounts of one export in one client share one cache unless mounted nosharecache.',
  'NFS-LOCALIO': 'Since Linux 6.12 a client on the server\'s host may bypass RPC (LOCALIO), changing what a same-host test measures.',
} as const;

export type ClaimId = keyof typeof CLAIMS;

/** True for an id listed in CLAIMS.md. */
export function isClaimId(s: string): s is ClaimId {
  return Object.hasOwn(CLAIMS, s);
}
