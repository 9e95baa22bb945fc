// Warnings that make a run say nothing about two hosts (or less than it seems), from what the agents reported.
import type { SideDescription } from '../result.js';
import type { Confounder } from '../detect/types.js';

/** Confounders for a pair of sides, most serious first. */
export function confounders(a: SideDescription, b: SideDescription): Confounder[] {
  const out: Confounder[] = [];
  const push = (code: Confounder['code'], severity: Confounder['severity'], message: string) => out.push({ code, severity, message });
  const oneKernel = a.host.bootId === b.host.bootId && a.host.bootId !== 'unknown';
  if (oneKernel && a.target.dev === b.target.dev) {
    push('ONE-PAGE-CACHE', 'voids', `both sides reach the same ${a.target.kind === 'device' ? 'device' : 'filesystem'} (${a.target.dev}) through one kernel on ${a.host.hostname}: one page cache serves both, so this run says nothing about two hosts`);
  } else if (oneKernel && a.target.stack === 'nfs' && b.target.stack === 'nfs') {
    push('NFS-SHARECACHE', 'voids', 'both sides are NFS mounts in one kernel: unless both use nosharecache they share one cache (NFS-NOSHARECACHE), and to an NFSv4 server they are one client');
  }
  if (a.target.stack !== b.target.stack) push('MIXED-STACKS', 'info', `the sides are different kinds of storage (a: ${a.target.stack}, b: ${b.target.stack})`);
  for (const [name, s] of [['a', a], ['b', b]] as const) {
    if (!s.direct) push('NO-ODIRECT', 'info', `side ${name} (${s.arg}) refuses O_DIRECT: modes none and directsync are UNSUPPORTED on that side`);
  }
  return out;
}
