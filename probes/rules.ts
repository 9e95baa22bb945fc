// Shared judgement rules for probes: when a stale read is a violated claim (FAIL) and when a documented hazard (WARN).
import type { StackClass } from '../src/stack.js';
import type { ProbeContext } from '../src/probe.js';
import type { ClaimId } from '../src/claims.js';
import type { AccessProof, ClaimEvidence, ClaimStatus } from '../src/checks.js';
import { CLAIM_SCOPE, STACK_LABEL } from '../src/verdict/scope.js';

/** Stacks where a reader that reopens or bypasses the cache is expected to be coherent. */
export const COHERENT_WHEN_UNCACHED: StackClass[] = ['nfs', 'block', 'cluster', 'local'];

/**
 * FAIL when the claim applies to the reader's stack and the writer really flushed; otherwise WARN with the reason.
 * A writer in mode unsafe skips its flushes, so staleness is what that mode promises, not a stack failure.
 */
export function staleRule(t: ProbeContext, appliesTo: readonly StackClass[], flushIgnored: boolean): { onStale: 'FAIL' | 'WARN'; note?: string } {
  if (flushIgnored) return { onStale: 'WARN', note: `writer in mode ${t.variant.a} skipped its flush (cache=unsafe), so storage never had the new data` };
  if (!appliesTo.includes(t.stack)) return { onStale: 'WARN', note: `the claim is not about ${t.stack} storage; reported as observed` };
  return { onStale: 'FAIL' };
}

/** What fresh and what stale data mean for one claim: [status when fresh, status when stale]. */
export type Bearing = Partial<Record<ClaimId, readonly [ClaimStatus, ClaimStatus]>>;

/** Why a claim says nothing about side b's stack ("the claim is about NFS; side b is shared block storage"), or undefined when it does. */
export function outOfScope(t: Pick<ProbeContext, 'profile'>, claim: ClaimId): string | undefined {
  const scope = CLAIM_SCOPE[claim];
  return scope.stacks.includes(t.profile) ? undefined : `the claim is about ${scope.about}; side b is ${STACK_LABEL[t.profile]}`;
}

/** Why a read bears on no claim about what the storage returns, or undefined when it reached the storage (or nothing is known). */
export function notFromStorage(access: AccessProof | undefined): string | undefined {
  if (!access || access.reached === 'storage') return undefined;
  return `the read did not demonstrably reach the storage (${access.how}): it says nothing about what the storage returns`;
}

/**
 * Claim evidence from one fresh/stale observation. Not applicable when the writer skipped its flush (cache=unsafe:
 * storage never had the data), when the claim is about another kind of storage, or when the claim is about what the
 * storage returns and the read did not demonstrably reach it (`access`, when the probe proved the read's path).
 */
export function bearsOn(t: Pick<ProbeContext, 'profile'>, fresh: boolean, flushIgnored: boolean, bearing: Bearing, what: string, access?: AccessProof): ClaimEvidence[] {
  return (Object.entries(bearing) as [ClaimId, readonly [ClaimStatus, ClaimStatus]][]).map(([claim, [ifFresh, ifStale]]) => {
    if (flushIgnored) return { claim, status: 'not-applicable', why: `${what}: the writer skipped its flush (cache=unsafe)` };
    const other = outOfScope(t, claim);
    if (other) return { claim, status: 'not-applicable', why: other };
    const cached = CLAIM_SCOPE[claim].observes === 'storage' ? notFromStorage(access) : undefined;
    if (cached) return { claim, status: 'not-applicable', why: `${what}: ${cached}` };
    return { claim, status: fresh ? ifFresh : ifStale, why: `${what}: ${fresh ? 'fresh' : 'stale'}` };
  });
}
