// Building CallResults for backends whose calls are not libc's: same shape, errno from the library, its message kept.
import { errnoName } from './errno.js';
import { nowUs } from './clock.js';
import type { CallResult } from './posix.js';

/** A finished call: ok when ret ≥ 0 (or as given); errno only on failure; detail is the library's own message. */
export function callResult(call: string, t0Us: number, ret: number, errno: number, detail?: string, ok = ret >= 0): CallResult {
  const r: CallResult = { call, ok, ret, errno: ok ? 0 : errno, errnoName: ok ? '' : errnoName(errno), t0Us, durUs: nowUs() - t0Us };
  if (detail && !ok) r.detail = detail;
  return r;
}

/** A call refused before reaching the library (bad alignment, unknown handle): no time spent, errno and why. */
export function refused(call: string, errno: number, detail: string): CallResult {
  const t0Us = nowUs();
  return { call, ok: false, ret: -1, errno, errnoName: errnoName(errno), t0Us, durUs: 0, detail };
}
