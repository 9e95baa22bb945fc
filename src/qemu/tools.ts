// Find QEMU's tools on a side before a probe uses them: their versions, or UNSUPPORTED telling the user to install qemu-utils.
import type { ProbeContext } from '../probe.js';
import type { SideName } from '../transport/spec.js';
import { mustRunOnce } from './oneshot.js';
import { toolVersion } from './output.js';
import type { QemuTranscript } from './transcript.js';

/** The version of qemu-io or qemu-img on a side (`<tool> --version`, run the way the side's agent is reached). */
export async function requireTool(t: ProbeContext, side: SideName, tool: 'qemu-io' | 'qemu-img', log: QemuTranscript): Promise<string> {
  const r = await mustRunOnce(side, tool, t.commandOn(side, [tool, '--version']), `${tool} --version`, t.timeoutMs, log);
  return toolVersion(r.stdout);
}
