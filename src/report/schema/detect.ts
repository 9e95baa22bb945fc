// Schemas of what stack detection found about a side's target (mount, NFS options, block transport) and of confounders.
import { z } from 'zod';
import type { BlockDetails, Confounder, MountDetails, NfsDetails, StackDetails } from '../../detect/types.js';
import { confounderCodeSchema, confounderSeveritySchema } from './unions.js';
import { count } from './common.js';
import type { Assert, Equal } from './link.js';

const majorMinor = z.string().describe('"major:minor".');

export const mountDetailsSchema = z.strictObject({
  mountId: count.describe('mountinfo\'s mount id.'),
  mountPoint: z.string(),
  fsType: z.string().describe('Filesystem type as mountinfo names it ("nfs4", "fuse.glusterfs", "ext4").'),
  source: z.string().describe('Mount source ("server:/export", "/dev/vda1").'),
  options: z.record(z.string(), z.string()).describe('Per-mount and per-superblock options merged, as key → value ("" for flags).'),
  dev: majorMinor.describe('"major:minor" of the superblock (mountinfo field 3).'),
}).meta({ id: 'MountDetails', description: 'The mount that holds a directory target (from /proc/self/mountinfo).' });

export const nfsDetailsSchema = z.strictObject({
  version: z.string(),
  server: z.string(),
  export: z.string(),
  attributeCache: z.record(z.string(), z.string()).describe('Attribute cache: "noac", or actimeo/acregmin/acregmax/acdirmin/acdirmax as given.'),
  cto: z.boolean(),
  lookupcache: z.string(),
  sharecache: z.boolean(),
  localLock: z.string(),
  serverIsLocal: z.boolean().describe('The server\'s address is one of this host\'s own (LOCALIO may bypass RPC on Linux >= 6.12).'),
  address: z.string().optional().describe('The server\'s address as the kernel resolved it (addr=), when shown.'),
  localio: z.boolean().optional().describe('Whether client and server negotiated LOCALIO (kernels that expose it).'),
}).meta({ id: 'NfsDetails', description: 'NFS client facts that decide what a result means.' });

export const blockDetailsSchema = z.strictObject({
  transport: z.string().describe('loop, iscsi, nbd, virtio, scsi, nvme, dm, md, rbd, other.'),
  backing: z.string().optional().describe('loop: the backing file; iscsi: the target IQN; others: what sysfs says.'),
  loopDirectIo: z.boolean().optional(),
  sysfs: z.string().describe('sysfs path the answer came from (evidence).'),
  name: z.string().optional().describe('The kernel\'s name for the device ("loop0", "sdb", "dm-0").'),
}).meta({ id: 'BlockDetails', description: 'The transport under a block device (from sysfs).' });

export const clusterFactsSchema = z.strictObject({
  system: z.string().describe('"glusterfs", "cephfs", "rbd"...'),
  client: z.string().describe('"fuse", "kernel", "gfapi", "librbd".'),
  name: z.string().optional().describe('Volume, filesystem or pool/image.'),
  options: z.record(z.string(), z.string()).describe('The options that decide coherence (caching, O_DIRECT handling, invalidation), as read.'),
  source: z.string().describe('Where the options were read, or why they could not be.'),
}).meta({ id: 'ClusterFacts', description: 'A clustered storage system\'s coherence settings; two runs with different options are two stacks.' });

export const stackDetailsSchema = z.strictObject({
  mount: mountDetailsSchema.optional(),
  nfs: nfsDetailsSchema.optional(),
  fuseSubtype: z.string().optional().describe('FUSE subtype ("glusterfs", "ceph-fuse"...).'),
  block: blockDetailsSchema.optional(),
  cluster: clusterFactsSchema.optional(),
  notes: z.array(z.string()).describe('What could not be read, and why.'),
}).meta({ id: 'StackDetails', description: 'Everything stack detection found; fields are absent when they do not apply or could not be read.' });

export const confounderSchema = z.strictObject({
  code: confounderCodeSchema,
  severity: confounderSeveritySchema,
  message: z.string(),
}).meta({ id: 'Confounder', description: 'A reason a run may say nothing (or less than it seems) about two hosts.' });

type _mount = Assert<Equal<z.infer<typeof mountDetailsSchema>, MountDetails>>;
type _nfs = Assert<Equal<z.infer<typeof nfsDetailsSchema>, NfsDetails>>;
type _block = Assert<Equal<z.infer<typeof blockDetailsSchema>, BlockDetails>>;
type _details = Assert<Equal<z.infer<typeof stackDetailsSchema>, StackDetails>>;
type _confounder = Assert<Equal<z.infer<typeof confounderSchema>, Confounder>>;
