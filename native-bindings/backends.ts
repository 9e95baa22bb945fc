// The backend registry: every side backend by name, validated at load, and the one that serves a target.
import { BackendError, type BackendModule, type BackendName } from './backend.js';
import { libcBackend } from './libc-backend.js';
import { libiscsiBackend } from './libiscsi.js';
import { libnfsBackend } from './libnfs.js';
import { librbdBackend } from './librbd.js';
import { libgfapiBackend } from './libgfapi.js';

const MODULES: readonly BackendModule[] = [libcBackend, libiscsiBackend, libnfsBackend, librbdBackend, libgfapiBackend];

/** Check the registry: unique names, unique schemes of the form "x:"; throws naming the offending backend. */
export function validateBackends(mods: readonly BackendModule[]): Map<BackendName, BackendModule> {
  const byName = new Map<BackendName, BackendModule>();
  const schemes = new Map<string, string>();
  for (const m of mods) {
    if (byName.has(m.name)) throw new Error(`backend ${m.name}: registered twice`);
    for (const s of m.schemes) {
      if (!/^[a-z][a-z0-9+.-]*:$/.test(s)) throw new Error(`backend ${m.name}: scheme "${s}" is not of the form "name:"`);
      const other = schemes.get(s);
      if (other) throw new Error(`backend ${m.name}: scheme ${s} is already served by ${other}`);
      schemes.set(s, m.name);
    }
    byName.set(m.name, m);
  }
  return byName;
}

export const BACKENDS = validateBackends(MODULES);

/** The URL scheme of a target ("iscsi:"), or undefined for a path. */
export function schemeOf(target: string): string | undefined {
  return /^([a-z][a-z0-9+.-]*:)\/\//i.exec(target)?.[1]?.toLowerCase();
}

/** The backend serving a target: a URL's scheme names one, a path is libc's; BackendError EURL for an unknown scheme. */
export function backendFor(target: string): BackendModule {
  const scheme = schemeOf(target);
  if (scheme === undefined) return libcBackend;
  for (const m of BACKENDS.values()) if (m.schemes.includes(scheme)) return m;
  const known = [...BACKENDS.values()].flatMap((m) => m.schemes.map((s) => `${s}// (${m.name})`));
  throw new BackendError('libc', 'EURL', `${scheme}// is not a storage URL coprobe serves (known: ${known.join(', ') || 'none'}); give a path, or one of those`);
}

/** Availability of every URL backend ("libiscsi" → reason), for the agent's hello. */
export function unavailableBackends(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of BACKENDS.values()) {
    if (m.schemes.length === 0) continue;
    const a = m.available();
    if (!a.available) out[m.name] = `not available: ${a.reason}`;
  }
  return out;
}
