// Failures of the QEMU tools a probe drives: a hung command (the runner's HUNG) and a missing program (UNSUPPORTED).
import { HungError } from '../errors.js';
import { StepFailure } from '../probe.js';
import type { SideName } from '../transport/spec.js';

/** A qemu-io or qemu-img command did not finish within the timeout; the process was killed (the agents were not). */
export class QemuHungError extends HungError {
  constructor(side: SideName, tool: string, cmd: string, timeoutMs: number) {
    super(side, `${tool}: ${cmd}`, timeoutMs);
    this.message = `side ${side}: ${tool} did not finish "${cmd}" within ${timeoutMs} ms (stuck in I/O on the storage?): ` +
      'it was killed; raise --timeout if the storage is only slow';
  }
}

/** The program is not installed on that side's host. */
export function missingTool(side: SideName, tool: string, detail: string): StepFailure {
  return new StepFailure(
    `side ${side}: ${tool} is not installed on that host (${detail}): install QEMU's tools there (Debian/Ubuntu: apt-get install qemu-utils) and run again`,
    'UNSUPPORTED',
  );
}

/** True when a spawn error or exit code means "no such program" (ENOENT locally; 127 from a shell over ssh or --via). */
export function isMissing(spawnError: NodeJS.ErrnoException | undefined, code: number | null): boolean {
  return spawnError?.code === 'ENOENT' || code === 127;
}
