// Parse what qemu-io and qemu-img print: read/write results, pattern mismatches, allocation, hex dumps, versions.

/** How a `read -P` ended: the pattern matched, it did not, or the read itself failed (with qemu-io's words). */
export type ReadVerdict = { kind: 'match' } | { kind: 'mismatch' } | { kind: 'failed'; message: string };

/** Judge the output of `read -P <pattern> off len`. */
export function readVerdict(stdout: string, stderr: string): ReadVerdict {
  if (!/^read \d+\/\d+ bytes at offset \d+/m.test(stdout)) {
    return { kind: 'failed', message: (stderr.trim() || stdout.trim() || 'no output').split('\n')[0]! };
  }
  return /Pattern verification failed/.test(stdout) ? { kind: 'mismatch' } : { kind: 'match' };
}

/** True when `write` reports the whole length written. */
export function wroteAll(stdout: string, len: number): boolean {
  const m = /^wrote (\d+)\/(\d+) bytes/m.exec(stdout);
  return m !== null && Number(m[1]) === len && Number(m[2]) === len;
}

/** Bytes `alloc off len` reports as allocated in the format's metadata, or undefined when it printed something else. */
export function allocatedBytes(stdout: string): number | undefined {
  const m = /^(\d+)\/(\d+) bytes allocated at offset/m.exec(stdout);
  return m ? Number(m[1]) : undefined;
}

/** The bytes of a `read -v` dump ("00000010:  02 00 …  ascii"). */
export function hexDump(stdout: string): Buffer {
  const bytes: number[] = [];
  // Hex bytes are single-space separated; two or more spaces separate them from the ASCII column.
  for (const m of stdout.matchAll(/^[0-9a-f]{8}: +((?:[0-9a-f]{2} ?){1,16})/gm)) {
    for (const h of m[1]!.trim().split(/\s+/)) bytes.push(parseInt(h, 16));
  }
  return Buffer.from(bytes);
}

/** "7.2.22 (Debian 1:7.2+dfsg-7+deb12u18+b3)" from `qemu-io --version` / `qemu-img --version`. */
export function toolVersion(stdout: string): string {
  return /version (.+)$/m.exec(stdout)?.[1]?.trim() ?? (stdout.split('\n')[0] ?? '').trim();
}
