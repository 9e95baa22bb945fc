// What the documents predict for each cache mode on a stack, and the plain sentence when a measurement contradicts it.
import { MODE_TRAITS, type IoMode } from '../modes.js';
import { CLAIM_SCOPE, SOURCE_LABEL, STACK_LABEL, type ProfileKey } from './scope.js';
import type { HandoffEvidence, ModePrediction, QemuBehaviour, Verdict } from './types.js';

/**
 * The documents' verdict for a mode. They predate drop-cache (QEMU 4.0), so for a buffered mode with drop-cache they predict
 * nothing (QEMU-DROP-CACHE: the stack decides); O_DIRECT modes are unaffected by drop-cache. Local, FUSE and other stacks: nothing.
 */
export function predictVerdict(key: ProfileKey, mode: IoMode, behaviour: QemuBehaviour): ModePrediction | undefined {
  const direct = MODE_TRAITS[mode].direct;
  if (key === 'cluster' || key === 'gluster-user') {
    return { verdict: 'SAFE', claim: 'CLUSTER-FS-ANY-CACHE', says: 'clustered filesystems such as Ceph and GlusterFS are safe for migration whatever the cache mode' };
  }
  if (key === 'iscsi-user') return { verdict: 'SAFE', claim: 'BLOCK-CACHE-NONE-ONLY', says: 'QEMU\'s userspace iSCSI driver keeps no page cache' };
  if (key === 'nfs') {
    if (mode === 'none') return { verdict: 'SAFE', claim: 'NFS-CACHE-NONE-SAFE', says: 'with Linux NFS server and client, cache=none is safe in practice' };
    if (direct) return { verdict: 'SAFE', claim: 'NFS-ODIRECT-READ', says: 'O_DIRECT reads on the Linux NFS client always go to the server' };
    if (behaviour === 'no-drop-cache') return { verdict: 'UNSAFE', claim: 'NFS-OPEN-BOTH', says: 'with the image open on both sides, close-to-open coherence gives no guarantee to a caching reader' };
  }
  if (key === 'block' || key === 'krbd') {
    if (direct) return { verdict: 'SAFE', claim: 'BLOCK-CACHE-NONE-ONLY', says: 'cache=none bypasses the page cache, which makes shared block storage safe' };
    if (behaviour === 'no-drop-cache') return { verdict: 'UNSAFE', claim: 'BLOCK-CACHE-NONE-ONLY', says: 'shared block storage is safe only with cache=none' };
  }
  return undefined;
}

/**
 * "The stack contradicts …" when a measured SAFE or UNSAFE is the opposite of the prediction; undefined otherwise. `inForce`
 * (a clustered stack's settings, the image size) is appended so the sentence names the conditions it was measured under.
 */
export function contradiction(key: ProfileKey, p: ModePrediction | undefined, verdict: Verdict, mode: IoMode, evidence: readonly HandoffEvidence[], inForce?: string): string | undefined {
  if (!p || verdict === 'UNKNOWN' || verdict === p.verdict) return undefined;
  const doc = SOURCE_LABEL[CLAIM_SCOPE[p.claim].source];
  const on = STACK_LABEL[key];
  if (p.verdict === 'SAFE') {
    const bad = evidence.find((e) => e.judged === 'UNSAFE');
    return `The stack contradicts ${doc}: ${p.claim} says cache=${mode} is safe on ${on} (${p.says}), but b read blocks that were not fresh after the handoff (#${bad?.record}: ${bad?.summary}).${inForce ? ` Measured with ${inForce}.` : ''}`;
  }
  const ok = evidence.find((e) => e.judged === 'SAFE');
  return `The stack contradicts ${doc}: ${p.claim} says cache=${mode} is not safe on ${on} (${p.says}), but every block b read after the handoff was fresh (#${ok?.record}: ${ok?.summary}); one run cannot prove the hazard absent.${inForce ? ` Measured with ${inForce}.` : ''}`;
}
