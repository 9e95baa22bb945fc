// Refuse a kernel-only command on a side whose backend cannot do it (the probes skip these first; this is the safety net).
import type { CapabilityName } from '../../native-bindings/backend.js';
import { CAPABILITY_LABEL } from '../caps.js';
import { AgentFailure } from './failure.js';
import type { AgentState } from './state.js';

const EOPNOTSUPP = 95;

/** Throw EOPNOTSUPP naming the backend when it lacks the capability a command needs. */
export function requireCap(st: AgentState, cap: CapabilityName, what: string): void {
  if (st.io.caps[cap]) return;
  throw new AgentFailure('EOPNOTSUPP', `${what}: the ${st.io.name} side has no ${CAPABILITY_LABEL[cap]}`, EOPNOTSUPP, 'EOPNOTSUPP');
}
