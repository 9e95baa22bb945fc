// The probe catalogue: every probe module, in the order they are listed.
import type { Probe } from '../src/probe.js';
import { cto } from './cto.js';
import { handoff } from './handoff.js';
import { openBoth } from './open-both.js';
import { remedies } from './remedies.js';
import { unlinkAfterOpen } from './unlink-after-open.js';

export const PROBES: readonly Probe[] = [cto, openBoth, remedies, unlinkAfterOpen, handoff];
