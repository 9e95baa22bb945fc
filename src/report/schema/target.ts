// Schemas of what each side's agent said about itself (hello) and about its target (init), with the backend's capabilities.
import { z } from 'zod';
import type { HelloResult, TargetInfo } from '../../protocol/results.js';
import type { BackendCaps } from '../../../native-bindings/backend.js';
import { stackClassSchema } from './enums.js';
import { backendNameSchema, targetKindSchema } from './unions.js';
import { stackDetailsSchema } from './detect.js';
import { count } from './common.js';
import type { Assert, Equal } from './link.js';

export const helloSchema = z.strictObject({
  protocol: count.describe('Agent protocol version.'),
  version: z.string().describe('The agent\'s coprobe version.'),
  pid: count,
  hostname: z.string(),
  bootId: z.string().describe('/proc/sys/kernel/random/boot_id: equal on both sides means one kernel, hence one page cache.'),
  netns: z.string().optional().describe('The agent\'s network namespace (readlink /proc/self/ns/net): NFS mounts made in two namespaces with two host names are two clients even in one kernel.'),
  kernel: z.string(),
  arch: z.string(),
  node: z.string().describe('Node.js version.'),
  unavailable: z.record(z.string(), z.string()).describe('libc calls and userspace backends that cannot be used here, with the reason.'),
}).meta({ id: 'HelloResult', description: 'Who an agent is and what it can do (its answer to hello).' });

export const backendCapsSchema = z.strictObject({
  pageCache: z.boolean().describe('The side reads and writes through a host page cache (buffered I/O and O_DIRECT are different modes).'),
  direct: z.boolean().describe('O_DIRECT can be asked for.'),
  files: z.boolean().describe('The target is a directory holding scratch files (false: one device or LUN, written in place).'),
  locks: z.boolean().describe('fcntl/OFD/flock locks.'),
  fadvise: z.boolean().describe('posix_fadvise and mincore on a host page cache.'),
  blkflsbuf: z.boolean().describe('ioctl(BLKFLSBUF) on a kernel block device.'),
  setfl: z.boolean().describe('fcntl(F_SETFL) to turn O_DIRECT on an open descriptor.'),
  mountstats: z.boolean().describe('Per-mount NFS RPC counters from /proc/self/mountstats.'),
  openAs: z.boolean().optional().describe('open can run as another user (setfsuid/setfsgid around open(2); libc only). Absent in records before it existed.'),
  invalidate: z.boolean().optional().describe('The backend\'s own client cache can be invalidated on an open handle (librbd rbd_invalidate_cache). Absent: no.'),
  activation: z.enum(['fadvise', 'invalidate', 'none']).optional().describe('What QEMU\'s driver does to its client cache on activation: fadvise (file-posix, QEMU >= 4.0), invalidate (the driver\'s own hook, e.g. rbd), none. Absent: fadvise with a page cache, else none.'),
  flush: z.string().describe('What a flush is on the wire or in the kernel ("fsync(2)", "SYNCHRONIZE CACHE(16)", "NFS COMMIT").'),
  syncWrite: z.string().describe('What a write-through write is ("O_DSYNC", "WRITE(16) with FUA", "NFS WRITE FILE_SYNC").'),
}).meta({ id: 'BackendCaps', description: 'What a side backend can do; nothing pretends a missing capability exists.' });

export const targetInfoSchema = z.strictObject({
  path: z.string(),
  kind: targetKindSchema,
  fsType: z.string(),
  stack: stackClassSchema,
  dev: z.string().describe('st_dev of a directory, st_rdev of a device, as "major:minor" (a userspace backend: its URL).'),
  logicalBlockSize: count.describe('Alignment O_DIRECT needs here (bytes); 512 when unknown.'),
  dioMemAlign: count.describe('Memory alignment O_DIRECT needs here (bytes).'),
  deviceSize: count.optional().describe('Bytes, for a device.'),
  signature: z.string().optional().describe('Filesystem or partition signature found on a device (only when destroy was given).'),
  details: stackDetailsSchema.optional().describe('Mount, NFS options, FUSE subtype, block transport (stack detection).'),
  backend: backendNameSchema.optional().describe('The backend reaching this target (absent in older records: libc).'),
  caps: backendCapsSchema.optional(),
  userspace: z.strictObject({
    description: z.string(),
    facts: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  }).optional().describe('A userspace backend\'s description of the target and its facts (portal, LUN, NFS version...).'),
  unavailable: z.string().optional().describe('Set when the backend this target needs cannot run here: every probe is OMIT with this reason.'),
  removedScratch: z.array(z.string()).optional().describe('Scratch files of crashed runs (their agents provably gone) that init removed from this directory.'),
}).meta({ id: 'TargetInfo', description: 'What a side\'s target is (the agent\'s answer to init).' });

type _hello = Assert<Equal<z.infer<typeof helloSchema>, HelloResult>>;
type _caps = Assert<Equal<z.infer<typeof backendCapsSchema>, BackendCaps>>;
type _target = Assert<Equal<z.infer<typeof targetInfoSchema>, TargetInfo>>;
