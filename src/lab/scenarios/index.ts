// The lab's scenarios, registered by name and checked at load: add a scenario by writing its file and listing it here.
import type { Scenario } from '../types.js';
import { UsageError } from '../../errors.js';
import nfs3Sync from './nfs3-sync.js';
import nfs42Sync from './nfs42-sync.js';
import nfs3Async from './nfs3-async.js';
import nfs42Async from './nfs42-async.js';
import nfs42SyncOneClient from './nfs42-sync-one-client.js';
import iscsi from './iscsi.js';
import cephfsKernel from './cephfs-kernel.js';
import krbd from './krbd.js';
import cephFuse from './ceph-fuse.js';

/** Every scenario, in the order `coprobe lab` runs them. */
export const SCENARIOS: readonly Scenario[] = validateScenarios([nfs3Sync, nfs42Sync, nfs3Async, nfs42Async, nfs42SyncOneClient, iscsi, cephfsKernel, krbd, cephFuse]);

/** Check the list: unique kebab-case names, a summary, steps with names and commands; the error names the scenario. */
export function validateScenarios(list: Scenario[]): Scenario[] {
  const seen = new Set<string>();
  for (const s of list) {
    const where = `lab scenario "${s.name}"`;
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(s.name)) throw new Error(`${where}: the name must be kebab-case (a-z, 0-9, -)`);
    if (seen.has(s.name)) throw new Error(`${where}: registered twice`);
    seen.add(s.name);
    if (!s.summary.trim()) throw new Error(`${where}: no summary`);
    if (!s.setup.length) throw new Error(`${where}: no set-up steps`);
    for (const step of [...s.setup, ...s.teardown]) {
      if (!step.name.trim() || !step.run.trim()) throw new Error(`${where}: a step without a name or command`);
      if (step.timeoutMs !== undefined && !(step.timeoutMs > 0)) throw new Error(`${where}: step "${step.name}": timeoutMs must be positive`);
    }
    if (!s.sides.a || !s.sides.b || s.sides.a === s.sides.b) throw new Error(`${where}: sides a and b must be two paths`);
    if (s.default && s.confounded) throw new Error(`${where}: a confounded scenario cannot be in the default set`);
  }
  return list;
}

/** The scenarios named (in the order given), or the default set; UsageError naming an unknown one and the known ones. */
export function selectScenarios(names: readonly string[], all: readonly Scenario[] = SCENARIOS): Scenario[] {
  if (!names.length) return all.filter((s) => s.default);
  const byName = new Map(all.map((s) => [s.name, s]));
  return [...new Set(names)].map((n) => {
    const s = byName.get(n);
    if (!s) throw new UsageError(`unknown lab scenario "${n}"; known: ${all.map((x) => x.name).join(', ')} (coprobe lab --list)`);
    return s;
  });
}
