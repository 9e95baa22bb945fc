// Clustered storage in the verdicts: the settings in force (GlusterFS volume options, Ceph client cache settings) named
// beside a contradiction, and the image size a handoff verdict was decided on (some client caches only hold small files).
import type { ClusterFacts } from '../detect/types.js';
import type { RunRecord } from '../result.js';
import type { HandoffEvidence } from './types.js';

/** "glusterfs volume coprobe (fuse client): performance.quick-read=on, …" for one side's cluster facts. */
export function describeCluster(c: ClusterFacts): string {
  const opts = Object.entries(c.options).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${v}`);
  const what = `${c.system}${c.name ? ` ${c.name}` : ''} (${c.client} client)`;
  return `${what}: ${opts.length ? opts.join(', ') : 'no options read'} [${c.source}]`;
}

/** The settings in force on the run's sides, one clause (both sides when they differ), or undefined off clustered storage. */
export function clusterSettings(run: Pick<RunRecord, 'sides'>): string | undefined {
  const [a, b] = [run.sides.a.target.details?.cluster, run.sides.b.target.details?.cluster];
  if (!a && !b) return undefined;
  const da = a ? describeCluster(a) : undefined;
  const db = b ? describeCluster(b) : undefined;
  if (da === db || !da || !db) return `settings in force: ${db ?? da}`;
  return `settings in force: side a ${da}; side b ${db}`;
}

/** "a 4096 KiB image (1024 blocks of 4096 bytes)" from the evidence that decided a verdict, or undefined without a read. */
export function imageSize(e: Pick<HandoffEvidence, 'read'> | undefined, blockSize: number): string | undefined {
  const blocks = e?.read?.blocks;
  if (!blocks) return undefined;
  return `a ${(blocks * blockSize) / 1024} KiB image (${blocks} blocks of ${blockSize} bytes)`;
}
