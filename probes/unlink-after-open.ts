// UNL1: b has the file open; a removes it (or chmods it to 000); does b's next data access through its open descriptor
// fail? The thread: "on NFS, removing (and I think chmoding) a file after it is opened will cause subsequent data access
// to fail, unlike posix". That is a claim about what the server does, so it is judged only from a read that reached the
// server: O_DIRECT, a backend without a page cache, or a buffered read after b dropped its cache — proven by the
// storage counters sampled around the read. The chmod variant needs a reader the server's permission check can refuse:
// b opens as an unprivileged uid (root on a no_root_squash export passes the check whatever the mode).
import type { Probe, ProbeContext } from '../src/probe.js';
import { describeCounts } from '../src/blocks/tally.js';
import { firstFinding, type Check, type ClaimEvidence } from '../src/checks.js';
import { MODE_TRAITS } from '../src/modes.js';
import { capsOf } from '../src/caps.js';
import { STACK_LABEL } from '../src/verdict/scope.js';
import { notFromStorage, outOfScope } from './rules.js';
import { provedRead } from './steps.js';

const ACTIONS = ['unlink', 'chmod'] as const;
/** The unprivileged identity b opens as in the chmod variant (nobody/nogroup on Debian). */
export const READER_UID = 65534;
export const READER_GID = 65534;

/** "NFSv4.2", "NFSv3", or the stack's label, for conditions. */
function stackName(t: ProbeContext): string {
  const nfs = t.targets.b.details?.nfs;
  if (nfs) return `NFSv${nfs.version}`;
  const v = t.targets.b.userspace?.facts.version ?? t.targets.b.userspace?.facts.nfsVersion;
  return v !== undefined ? `NFSv${v} (userspace)` : STACK_LABEL[t.profile];
}

export const unlinkAfterOpen: Probe = {
  code: 'UNL1',
  title: 'unlink or chmod 000 by a while b has the file open, then b reads through its descriptor from the server',
  flags: ['namespace'],
  claims: ['NFS-UNLINK-AFTER-OPEN'],
  depends: [],
  targets: ['dir'],
  variants: (pairs) => pairs.flatMap((p) => ACTIONS.map((param) => ({ ...p, param }))),
  async run(t) {
    const g = t.nextGen();
    const chmod = t.variant.param === 'chmod';
    const caps = capsOf(t.targets.b);
    let unprivileged = chmod && caps.openAs === true;
    let notAsUser = chmod && !unprivileged ? 'b\'s backend cannot open as another user' : '';
    await t.open('a', 'f', t.variant.a, true);
    await t.write('a', 'f', g);
    await t.flush('a', 'f');
    await t.close('a', 'f');
    // b opens read-write (as QEMU does) as an unprivileged uid before the change. After a's close: libnfs's NFSv4
    // SETATTR on a file its own context holds open fails with NFS4ERR_BAD_SEQID (measured against NFS-Ganesha).
    if (chmod) await t.step('a', 'chmod', { mode: 0o666 });
    if (unprivileged) {
      // The user's directory may not be searchable by that uid (mode 0700): then the variant runs as root and says so.
      const r = await t.call('b', 'open', { h: 'f', mode: t.variant.b, create: false, uid: READER_UID, gid: READER_GID });
      if (!r.ok) {
        unprivileged = false;
        notAsUser = `b could not open the file as uid ${READER_UID} (${r.error.errnoName ?? r.error.code}: the directory is not reachable by that user)`;
      }
    }
    if (!unprivileged) await t.open('b', 'f', t.variant.b);
    await t.read('b', 'f', g);
    if (chmod) await t.step('a', 'chmod', { mode: 0 });
    else await t.step('a', 'unlink', {});
    // A buffered reader drops its cached pages first, so its next read has to go to the server.
    const direct = MODE_TRAITS[t.variant.b].direct || !caps.pageCache;
    const dropped = !direct && caps.fadvise ? await t.call('b', 'fadvise', { h: 'f', advice: 'dontneed', offset: 0, len: 0 }) : undefined;
    const after = await provedRead(t, { gen: g });
    const stat = await t.call('b', 'stat', { h: 'f', sync: true });
    const errors = after.read.result.counts.error;
    const statNote = stat.ok ? 'fstat (AT_STATX_FORCE_SYNC) on b succeeded' : `fstat (AT_STATX_FORCE_SYNC) on b failed: ${stat.error.errnoName ?? stat.error.code}`;
    const action = chmod ? 'chmod-ed the file to 000' : 'removed the file';
    const who = chmod ? (unprivileged ? ` (b reads as uid ${READER_UID})` : ` (b reads as root: ${notAsUser})`) : '';
    const reader = !caps.pageCache ? 'reader without a page cache' : MODE_TRAITS[t.variant.b].direct ? 'O_DIRECT reader'
      : dropped?.ok ? 'buffered reader after dropping its cache' : 'buffered reader';
    const condition = `${chmod ? 'chmod 000' : 'unlink'} by the other client, ${reader}${chmod ? (unprivileged ? ` as uid ${READER_UID}` : ' as root') : ''}, ${stackName(t)}`;
    const ok = errors === 0;
    const nfs = t.stack === 'nfs' || t.profile === 'nfs-user';
    const check: Check = {
      claims: ['NFS-UNLINK-AFTER-OPEN'],
      sentence: `reader's open descriptor should keep working after the other side ${action}${who} (POSIX; the thread says NFS differs: "subsequent data access [will] fail")`,
      outcome: ok ? 'PASS' : nfs ? 'WARN' : 'FAIL',
      observed: `${describeCounts(after.read.result)}${firstFinding(after.read.result)}; ${statNote}; ${after.access.how}${!ok && nfs ? ' — the NFS hazard the thread describes' : ''}`,
      read: after.read.result,
      access: after.access,
      values: {
        errors, fstatErrno: stat.ok ? null : stat.error.errnoName ?? stat.error.code,
        readErrno: after.read.result.findings.find((f) => f.cls === 'error')?.found ?? null,
        readerUid: chmod && unprivileged ? READER_UID : 0, cacheDropped: dropped?.ok ?? false,
      },
      bears: [unlinkBears(t, { ok, chmod, unprivileged, notAsUser, condition, access: after.access, what: `after a ${action}${who}: ${describeCounts(after.read.result)}; ${statNote}` })],
    };
    return [check];
  },
};

/** NFS-UNLINK-AFTER-OPEN from one read: holds when the access failed, violated when it kept working — only from a read that reached the server. */
function unlinkBears(t: ProbeContext, o: { ok: boolean; chmod: boolean; unprivileged: boolean; notAsUser: string; condition: string; access: Check['access']; what: string }): ClaimEvidence {
  const claim = 'NFS-UNLINK-AFTER-OPEN' as const;
  const base = { claim, condition: o.condition };
  const other = outOfScope(t, claim);
  if (other) return { ...base, status: 'not-applicable', why: other };
  if (o.chmod && !o.unprivileged) {
    return { ...base, status: 'not-applicable', why: `b reads as root (${o.notAsUser}): root passes the server\'s permission check whatever the mode on an export that does not squash root, so this variant cannot show the hazard` };
  }
  const cached = notFromStorage(o.access);
  if (cached) return { ...base, status: 'not-applicable', why: `${o.what}: ${cached}` };
  return { ...base, status: o.ok ? 'violated' : 'holds', why: `${o.what}: the access ${o.ok ? 'kept working' : 'failed'}` };
}
