// Schema of the run record: the first line a run writes, saying how each side was reached and what it turned out to be.
import { z } from 'zod';
import { type ClockOffset, type LabFacts, type RunRecord, type SideDescription } from '../../result.js';
import { helloSchema, targetInfoSchema } from './target.js';
import { confounderSchema } from './detect.js';
import { bySide, count, isoTime, probeCodeSchema, runIdSchema, schemaVersionSchema } from './common.js';
import type { AnySchemaVersion, Assert, Equal } from './link.js';

export const clockOffsetSchema = z.strictObject({
  offsetUs: z.number().describe('The agent\'s wall clock minus the coordinator\'s, in µs: an agent time minus offsetUs is coordinator time.'),
  uncertaintyUs: z.number().nonnegative().describe('Half the best round trip, in µs: the true offset lies within offsetUs ± uncertaintyUs.'),
  samples: count.describe('Round trips measured.'),
}).meta({ id: 'ClockOffset', description: 'A side\'s wall clock against the coordinator\'s, measured over the agent channel at connect; transcripts of two hosts are put on one timeline with it.' });

export const sideDescriptionSchema = z.strictObject({
  arg: z.string().describe('The side argument as given (secrets redacted).'),
  transport: z.string().describe('How the agent was reached: local, ssh or via.'),
  host: helloSchema,
  target: targetInfoSchema,
  direct: z.boolean().describe('O_DIRECT works on this target.'),
  clock: clockOffsetSchema.optional().describe('This side\'s clock against the coordinator\'s (absent in older records, or when the agent could not answer `clock`).'),
}).meta({ id: 'SideDescription', description: 'How one side was reached and what it turned out to be.' });

export const labFactsSchema = z.strictObject({
  scenario: z.string().describe('Scenario name (coprobe lab --list).'),
  summary: z.string().describe('What the scenario sets up.'),
  confounded: z.string().optional().describe('Set when the scenario is a deliberately confounded case, saying why.'),
  kernelPackage: z.string().describe('The Debian kernel package booted, with its version.'),
  kernel: z.string().describe('The guest\'s uname -r.'),
  accel: z.string().describe('qemu accelerator: tcg or kvm.'),
  packages: z.record(z.string(), z.string()).describe('Versions of the guest\'s storage packages (nfs-kernel-server, open-iscsi, tgt).'),
  exports: z.string().optional().describe('The export line given to exportfs (NFS scenarios).'),
  setup: z.strictObject({ a: z.string().optional(), b: z.string().optional() }).describe('Each side\'s mount or login command as run in the guest.'),
  clients: z.string().describe('How the two sides are two clients (network and UTS namespaces, iface records), or why they are not.'),
}).meta({ id: 'LabFacts', description: 'Where coprobe lab made the run: the guest\'s kernel, packages and storage set-up.' });

export const runRecordSchema = z.strictObject({
  type: z.literal('run'),
  schema: schemaVersionSchema('The result schema version the records follow.'),
  runId: runIdSchema,
  version: z.string().describe('coprobe\'s version.'),
  startedAt: isoTime,
  argv: z.array(z.string()).describe('The command line (secrets redacted).'),
  sides: bySide(sideDescriptionSchema, 'how it was reached and what its target is.'),
  blockSize: count.describe('Bytes per block, agreed by both sides.'),
  blocks: count.describe('Blocks in each probe\'s region.'),
  warnings: z.array(z.string()).describe('The messages of `confounders`: why this run may say nothing about two hosts.'),
  confounders: z.array(confounderSchema),
  probes: z.array(probeCodeSchema).describe('Codes of the probes selected, in run order.'),
  lab: labFactsSchema.optional().describe('Set when coprobe lab made the run.'),
}).meta({ id: 'RunRecord', description: 'The first record of a run: the sides, the block geometry, the confounders and the probes selected.' });

type _clock = Assert<Equal<z.infer<typeof clockOffsetSchema>, ClockOffset>>;
type _lab = Assert<Equal<z.infer<typeof labFactsSchema>, LabFacts>>;
type _side = Assert<Equal<z.infer<typeof sideDescriptionSchema>, SideDescription>>;
type _run = Assert<Equal<AnySchemaVersion<z.infer<typeof runRecordSchema>>, RunRecord>>;
