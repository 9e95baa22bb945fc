// The QED header's dirty flag (QED_F_NEED_CHECK) as side b reads it from the image file through QEMU's raw driver.
import type { ProbeContext } from '../probe.js';
import { StepFailure } from '../probe.js';
import type { SideName } from '../transport/spec.js';
import { mustRunOnce } from './oneshot.js';
import { hexDump } from './output.js';
import type { QemuTranscript } from './transcript.js';

/** QED header: magic, cluster_size, table_size, header_size (4 bytes each), then features (u64 little-endian) at offset 16. */
export const QED_F_NEED_CHECK = 0x02n;

/** The features field and its need-check (dirty) bit. */
export interface QedFeatures { features: string; needCheck: boolean }

/** Run the one-shot header read (ImageCommands.header) on a side and decode the features field. */
export async function qedFeatures(t: ProbeContext, side: SideName, argv: string[], log: QemuTranscript): Promise<QedFeatures> {
  const r = await mustRunOnce(side, 'qemu-io', t.commandOn(side, argv), argv.join(' '), t.timeoutMs, log);
  const bytes = hexDump(r.stdout);
  if (bytes.length !== 8) throw new StepFailure(`side ${side}: could not read the QED header's features field: ${(r.stderr || r.stdout).trim()}`);
  const f = bytes.readBigUInt64LE(0);
  return { features: `0x${f.toString(16)}`, needCheck: (f & QED_F_NEED_CHECK) !== 0n };
}
