// WIN1: how long stale data lives. Both sides keep the file open; b has read it through its page cache; a rewrites and
// fsyncs; b polls (inside its agent) until it sees the new data or a bound runs out, a few times over. Two readers: b
// opened read-write, as QEMU opens an image (param rw), and read-only (ro). Measured on Linux 6.1: a client that holds
// the file open for writing takes a change on the server for its own writeback and keeps its cached data (fs/nfs/inode.c
// nfs_update_inode: "Could it be a race with writeback?"), so only the read-only reader's window is bounded by acregmax. On NFS the
// client revalidates once its attribute cache expires (acregmin..acregmax, 3–60 s by default, the timeout growing
// while the attributes stay unchanged), so the window is finite and depends on the mount's ac* options and history:
// the bound covers acregmax plus a margin, and the report gives min / median / max beside the options in force, with
// the GETATTR and READ calls b's client made while it polled (mountstats). A repeat still stale at the bound ends the
// repeats: the window is then longer than the bound, and another bound's worth of polling would show nothing more.
import type { Probe, ProbeContext } from '../src/probe.js';
import type { Check, ClaimEvidence, StalenessWindow } from '../src/checks.js';
import { MODE_TRAITS } from '../src/modes.js';
import { nfsOps, prime, rewrite } from './steps.js';
import { outOfScope } from './rules.js';

/** Repeats per run: the attribute-cache timeout grows while attributes stay unchanged, so one sample is not the window. */
export const WIN1_REPEATS = 3;
/** How b opens the file: read-write as QEMU opens an image, or read-only. */
export const WIN1_OPENS = ['rw', 'ro'] as const;
/** Added to acregmax for the bound: the revalidation happens on the first read after the timeout. */
export const WIN1_MARGIN_MS = 10_000;
/** Bound off NFS when --window does not give one. */
export const WIN1_DEFAULT_BOUND_MS = 15_000;
/** Poll interval inside b's agent (the window's resolution). */
export const WIN1_INTERVAL_MS = 10;
/** Linux NFS client defaults (nfs(5)): acregmin 3 s, acregmax 60 s. */
const NFS_ACREGMIN_S = 3;
const NFS_ACREGMAX_S = 60;

/** The attribute-cache bounds of b's NFS mount in seconds (options as given, else the Linux defaults), or undefined off NFS. */
export function attributeCacheBounds(ac: Record<string, string> | undefined): { min: number; max: number; text: string } | undefined {
  if (!ac) return undefined;
  const num = (k: string) => (ac[k] !== undefined && /^\d+$/.test(ac[k]!) ? Number(ac[k]) : undefined);
  if ('noac' in ac) return { min: 0, max: 0, text: 'noac' };
  const t = num('actimeo');
  const min = num('acregmin') ?? t ?? NFS_ACREGMIN_S;
  const max = num('acregmax') ?? t ?? NFS_ACREGMAX_S;
  const given = Object.entries(ac).map(([k, v]) => (v === '' ? k : `${k}=${v}`));
  return { min, max, text: `acregmin=${min} s, acregmax=${max} s (${given.length ? given.join(',') : 'Linux defaults: no ac* option given'})` };
}

/** The poll bound for this side: acregmax + margin on NFS; --window (or 15 s) elsewhere. */
export function windowBound(t: Pick<ProbeContext, 'targets' | 'options'>): { boundMs: number; basis: string; ac?: { min: number; max: number; text: string } } {
  const ac = attributeCacheBounds(t.targets.b.details?.nfs?.attributeCache);
  if (ac) return { boundMs: ac.max * 1000 + WIN1_MARGIN_MS, basis: `acregmax ${ac.max} s + ${WIN1_MARGIN_MS / 1000} s`, ac };
  const boundMs = t.options.windowMs > 0 ? t.options.windowMs : WIN1_DEFAULT_BOUND_MS;
  return { boundMs, basis: t.options.windowMs > 0 ? '--window' : `${WIN1_DEFAULT_BOUND_MS / 1000} s (no attribute cache known on this stack; --window sets it)` };
}

const ms = (us: number) => Math.round(us / 100) / 10;

/** GETATTR and READ calls b's client made between two mountstats samples: did it ask the server at all while stale? */
export function rpcDuring(before: Record<string, number>, after: Record<string, number>): { getattr: number; read: number; text: string } {
  const d = (op: string) => (after[op] ?? 0) - (before[op] ?? 0);
  const getattr = d('GETATTR');
  const read = d('READ');
  return { getattr, read, text: `GETATTR ${before.GETATTR ?? 0} → ${after.GETATTR ?? 0}, READ ${before.READ ?? 0} → ${after.READ ?? 0}` };
}

interface Times { mtime?: string; ctime?: string }

/** A side's fstat times of the probe file; forced: AT_STATX_FORCE_SYNC (an NFS client asks the server). Undefined when fstat failed. */
async function times(t: ProbeContext, side: 'a' | 'b', forced: boolean): Promise<Times | undefined> {
  const r = await t.call(side, 'stat', { h: 'f', ...(forced ? { sync: true } : {}) });
  if (!r.ok) return undefined;
  const s = r.result as Times;
  return { ...(s.mtime ? { mtime: s.mtime } : {}), ...(s.ctime ? { ctime: s.ctime } : {}) };
}

/** "mtime on the server 1.2 → 3.4 (changed by the rewrite); b's cached mtime 3.4", or '' when no times were read. */
export function timesText(before: Times | undefined, cached: Times | undefined, server: Times | undefined): string {
  if (!before?.mtime || !server?.mtime) return '';
  const changed = before.mtime !== server.mtime || before.ctime !== server.ctime;
  return `mtime on the server ${before.mtime} → ${server.mtime}, ctime ${before.ctime ?? '-'} → ${server.ctime ?? '-'} (${changed ? 'changed' : 'unchanged'} by the rewrite); b's cached mtime ${cached?.mtime ?? '-'}`;
}

/** min / median / max of the windows in ms (fsync to fresh), over the repeats that became fresh. */
export function windowStats(totalsUs: readonly number[]): { min: number; median: number; max: number } | undefined {
  if (totalsUs.length === 0) return undefined;
  const s = [...totalsUs].sort((x, y) => x - y);
  const mid = s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  return { min: ms(s[0]!), median: ms(mid), max: ms(s.at(-1)!) };
}

export const staleWindow: Probe = {
  code: 'WIN1',
  title: 'staleness window: how long a buffered reader with the file open sees old data after the writer\'s fsync',
  flags: ['window', 'coherence'],
  claims: ['NFS-OPEN-BOTH'],
  depends: [],
  targets: ['dir'],
  needs: { b: ['pageCache'] },
  // One mode pair is enough: a flushing writer (not cache=unsafe), a reader through its page cache; writeback on both
  // when selected; b opened read-write (as QEMU) and read-only.
  variants: (pairs) => {
    const ok = pairs.filter((p) => !MODE_TRAITS[p.b].direct && !MODE_TRAITS[p.a].flushIgnored);
    const pick = ok.find((p) => p.a === 'writeback' && p.b === 'writeback') ?? ok[0];
    return pick ? WIN1_OPENS.map((param) => ({ ...pick, param })) : [];
  },
  async run(t) {
    const { boundMs, basis, ac } = windowBound(t);
    const g0 = t.nextGen();
    const ro = t.variant.param === 'ro';
    const opened = ro ? 'b opened read-only' : 'b opened read-write, as QEMU opens an image';
    // b's page cache now holds generation g0, and it keeps the file open.
    if (ro) {
      await t.open('a', 'f', t.variant.a, true);
      await t.write('a', 'f', g0);
      await t.flush('a', 'f');
      await t.step('b', 'open', { h: 'f', mode: t.variant.b, create: false, readOnly: true });
      await t.read('b', 'f', g0);
    } else await prime(t, g0);
    const checks: Check[] = [];
    const totals: number[] = [];
    let stillStale = 0;
    for (let i = 1; i <= WIN1_REPEATS; i++) {
      const g = t.nextGen();
      const timesBefore = await times(t, 'a', true); // the server's times before the rewrite (a's forced-sync fstat)
      const flush = await rewrite(t, g);
      const opsBefore = await nfsOps(t);
      const poll = await t.pollFresh('b', 'f', g, { boundMs, intervalMs: WIN1_INTERVAL_MS });
      const opsAfter = await nfsOps(t);
      const rpc = opsBefore && opsAfter ? rpcDuring(opsBefore, opsAfter) : undefined;
      // After the poll: b's cached times (plain fstat), then the server's (forced-sync fstat): did the rewrite change them?
      const cached = await times(t, 'b', false);
      const server = await times(t, 'b', true);
      const timesNote = timesText(timesBefore, cached, server);
      const gapUs = t.gapUs(flush, poll.reply);
      const gap = Number.isFinite(gapUs) && gapUs > 0 ? gapUs : 0;
      const w: StalenessWindow = poll.window;
      const totalUs = gap + w.elapsedUs;
      const immediate = w.fresh && w.polls <= 1;
      if (w.fresh) totals.push(totalUs);
      else stillStale++;
      checks.push({
        claims: ['NFS-OPEN-BOTH'],
        sentence: `repeat ${i}: a buffered reader with the file open (${opened}) sees the writer's fsynced data within the bound (${boundMs / 1000} s: ${basis})`,
        outcome: immediate ? 'PASS' : 'WARN',
        observed: (immediate ? 'fresh at the first read after the fsync'
          : w.fresh ? `stale for ${ms(totalUs)} ms after the fsync (${w.polls} polls every ${WIN1_INTERVAL_MS} ms), then fresh`
            : `still stale ${boundMs / 1000} s after the fsync (${w.polls} polls)`) + (rpc ? `; b's RPCs while polling: ${rpc.text}` : '') + (timesNote ? `; ${timesNote}` : ''),
        window: w,
        values: {
          repeat: i, windowMs: w.fresh ? ms(totalUs) : null, fsyncToPollUs: gap, boundMs, ...(rpc ? { getattrOps: rpc.getattr, readOps: rpc.read } : {}),
          mtimeBeforeRewrite: timesBefore?.mtime ?? null, mtimeCachedOnB: cached?.mtime ?? null, mtimeOnServer: server?.mtime ?? null,
          ctimeBeforeRewrite: timesBefore?.ctime ?? null, ctimeOnServer: server?.ctime ?? null,
        },
      });
      // A window longer than the bound is the finding; repeating it would only cost another bound's worth of time.
      if (!w.fresh) break;
    }
    const stats = windowStats(totals);
    const made = checks.length;
    const options = ac ? ac.text : basis;
    const staleSeen = checks.some((c) => c.outcome !== 'PASS');
    const summary = !staleSeen
      ? `no stale window: fresh at the first read after the fsync in all ${made} repeats; ${options}`
      : stats
      ? `stale window over ${made} repeats: min ${stats.min} ms, median ${stats.median} ms, max ${stats.max} ms${stillStale ? `; then a repeat still stale at the bound (${boundMs / 1000} s), the last made` : ''}; ${options}`
      : `still stale ${boundMs / 1000} s after the fsync (the bound: ${basis}), so the window is longer than ${ac ? 'acregmax' : 'the bound'}; not repeated; ${options}${checks[0]?.values?.getattrOps !== undefined ? `; b's client sent ${checks[0].values.getattrOps} GETATTR and ${checks[0].values.readOps} READ while polling` : ''}`;
    const other = outOfScope(t, 'NFS-OPEN-BOTH');
    const bear: ClaimEvidence = { claim: 'NFS-OPEN-BOTH', condition: `buffered reader, ${opened}`, ...(other ? { status: 'not-applicable', why: other }
      : staleSeen ? { status: 'holds', why: `the fsync did not make the data visible to b's open file at once: ${summary}` }
        : { status: 'not-applicable', why: `every repeat was fresh at the first read: no stale window to show (${options})` }) };
    checks.push({
      claims: ['NFS-OPEN-BOTH'],
      sentence: `the stale window of a buffered reader (${opened}) is finite (bounded by the attribute cache on NFS: ${basis})`,
      outcome: staleSeen ? 'WARN' : 'PASS',
      observed: summary,
      values: {
        repeats: made, windowMinMs: stats?.min ?? null, windowMedianMs: stats?.median ?? null, windowMaxMs: stats?.max ?? null,
        stillStale, boundMs, intervalMs: WIN1_INTERVAL_MS, ...(ac ? { acregminS: ac.min, acregmaxS: ac.max, attributeCache: ac.text } : {}),
      },
      bears: [bear],
    });
    return checks;
  },
};
