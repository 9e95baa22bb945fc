// A run's lab facts (`coprobe lab`: the probes ran in a qemu guest with Debian's kernel) in words every renderer shares.
import type { LabFacts } from '../result.js';

/** One fact: a stable key (JUnit property names end with it), the words before its value, and the value. */
export interface LabItem {
  key: string;
  label: string;
  value: string;
  /** A command or configuration line as run in the guest (renderers may show it as code). */
  command?: boolean;
}

/** "nfs-common 1:2.6.2-4, nfs-kernel-server 1:2.6.2-4" (sorted by name), or a plain statement that none was recorded. */
export function packagesLine(packages: Record<string, string>): string {
  const names = Object.keys(packages).sort();
  return names.length ? names.map((n) => `${n} ${packages[n]}`).join(', ') : 'none recorded';
}

/** Every fact in a fixed order (scenario, summary, confounded, kernel, packages, exports, set-up, clients); absent ones left out. */
export function labItems(lab: LabFacts): LabItem[] {
  const items: LabItem[] = [
    { key: 'scenario', label: 'scenario', value: lab.scenario },
    { key: 'summary', label: 'summary', value: lab.summary },
    ...(lab.confounded !== undefined ? [{ key: 'confounded', label: 'confounded', value: lab.confounded }] : []),
    { key: 'kernel-package', label: 'kernel package', value: lab.kernelPackage },
    { key: 'kernel', label: 'guest kernel', value: lab.kernel },
    { key: 'accel', label: 'accelerator', value: lab.accel },
    { key: 'packages', label: 'packages', value: packagesLine(lab.packages) },
    ...(lab.exports !== undefined ? [{ key: 'exports', label: 'exports', value: lab.exports, command: true }] : []),
  ];
  for (const n of ['a', 'b'] as const) {
    const cmd = lab.setup[n];
    if (cmd !== undefined) items.push({ key: `setup.${n}`, label: `set-up ${n}`, value: cmd, command: true });
  }
  items.push({ key: 'clients', label: 'clients', value: lab.clients });
  return items;
}

/** "coprobe lab scenario nfs42-sync (kernel linux-image-6.12.48+deb13-amd64 6.12.48-1)": the lab in a few words. */
export function labTitle(lab: LabFacts): string {
  return `coprobe lab scenario ${lab.scenario} (kernel ${lab.kernelPackage})`;
}

/** The warning a deliberately confounded scenario carries, or undefined for one that is not. */
export function labWarning(lab: LabFacts): string | undefined {
  return lab.confounded === undefined ? undefined : `confounded lab scenario ${lab.scenario}: ${lab.confounded}`;
}

/**
 * The lab as plain lines (terminal header, JUnit system-out): the title and summary first, then kernel, packages,
 * exports, each side's set-up command and the clients. The confounded reason is not here: it is a warning (`labWarning`).
 */
export function labLines(lab: LabFacts): string[] {
  const items = labItems(lab).filter((i) => !['scenario', 'summary', 'confounded', 'kernel-package', 'kernel', 'accel'].includes(i.key));
  return [
    `${labTitle(lab)}: ${lab.summary}`,
    `guest kernel ${lab.kernel}, accelerator ${lab.accel}`,
    ...items.map((i) => `${i.label}: ${i.value}`),
  ];
}
