// Judge what b's qemu-io saw of a's newly allocated clusters: held open, after `reopen`, after close+open; and QED's dirty flag.
import type { ClaimEvidence, Check } from '../checks.js';
import { expectFresh, firstFinding } from '../checks.js';
import type { ClaimId } from '../claims.js';
import { allFresh, describeCounts } from '../blocks/tally.js';
import { MODE_TRAITS } from '../modes.js';
import type { ProbeContext } from '../probe.js';
import type { StackClass } from '../stack.js';
import { COHERENT_WHEN_UNCACHED, bearsOn, staleRule } from '../../probes/rules.js';
import type { ImageFormat } from './options.js';
import type { QedFeatures } from './qed-header.js';
import { regionBytes, type Region, type RegionView } from './region.js';

/** What the QED dirty-flag steps saw: the header after each event, and whether b's read-write open was refused. */
export interface QedObservation {
  /** After a's allocating write and flush, and b's read-only close+open of the (then dirty) image. */
  afterFlush: QedFeatures; afterReadWriteOpen: QedFeatures; afterSourceWrite: QedFeatures;
  readWriteOpenError?: string;
}

/** Everything the image-format probe measured in one variant. */
export interface ImageObservation {
  fmt: ImageFormat;
  region: Region;
  held: RegionView; reopened: RegionView; closedOpened: RegionView;
  /** µs (coordinator clock) when a's flush was seen to end. */
  flushEndUs: number;
  /** The image file's size as b's agent saw it before b opened the image and after a's flush (taken after b's reads). */
  sizeAtOpen: number | undefined; sizeAfterFlush: number | undefined;
  /**
   * Set when the image is a block device (b's path): its size (TargetInfo.deviceSize) and the size qemu-img was asked
   * for. A device has no file length to grow or to cache, so sizeAtOpen/sizeAfterFlush are undefined then.
   */
  device?: { path: string; bytes: number | null; imageBytes: number };
  qed?: QedObservation;
  /** Exact command lines and tool versions, recorded on every check. */
  values: Record<string, string | number | boolean | null>;
  transcript: string;
}

/** Stacks on which a buffered reader that keeps the file open should see another opener's flushed data. */
const BUFFERED_COHERENT: readonly StackClass[] = ['local', 'cluster'];

/** The checks of one variant. */
export function judgeImage(t: ProbeContext, o: ImageObservation): Check[] {
  const flushIgnored = MODE_TRAITS[t.variant.a].flushIgnored;
  const checks = o.fmt === 'raw' ? rawChecks(t, o, flushIgnored) : formatChecks(t, o, flushIgnored);
  if (o.qed) checks.push(qedDirtyCheck(o.qed));
  checks[0] = { ...checks[0]!, values: { ...checks[0]!.values, transcript: o.transcript } };
  return checks;
}

/**
 * "b maps 0 of 1048576 bytes as allocated; image file 393216 bytes when b opened it, 1507328 after a's flush", or on a
 * device "...; image on block device /dev/sdb (1073741824 bytes, image size 67108864; a device cannot grow)".
 */
function mapping(o: ImageObservation, v: RegionView): string {
  const where = o.device
    ? `image on block device ${o.device.path} (${o.device.bytes ?? '?'} bytes, image size ${o.device.imageBytes}; a device cannot grow)`
    : `image file ${o.sizeAtOpen ?? '?'} bytes when b opened it, ${o.sizeAfterFlush ?? '?'} after a's flush`;
  return `; b's qemu-io maps ${v.allocated ?? '?'} of ${regionBytes(o.region)} bytes as allocated (alloc); ${where}`;
}

/** The recorded command lines plus what b's metadata and the file size said at one stage. */
function stageValues(o: ImageObservation, v: RegionView): Check['values'] {
  const device: Check['values'] = o.device ? { deviceBytes: o.device.bytes, imageBytes: o.device.imageBytes } : {};
  return { ...o.values, bAllocatedBytes: v.allocated ?? null, regionBytes: regionBytes(o.region), imageBytesAtOpen: o.sizeAtOpen ?? null, imageBytesAfterFlush: o.sizeAfterFlush ?? null, ...device };
}

/** qcow2/qed: held open (the documented hazard), after qemu-io's reopen (reported), after close+open (the claim). */
function formatChecks(t: ProbeContext, o: ImageObservation, flushIgnored: boolean): Check[] {
  const meta: ClaimId = o.fmt === 'qcow2' ? 'QCOW2-METADATA' : 'QED-DIRTY';
  const reopenClaim: ClaimId = o.fmt === 'qcow2' ? 'QCOW2-REOPEN' : 'QED-DIRTY';
  const heldFresh = allFresh(o.held.read);
  const held: Check = {
    claims: [meta], sentence: `destination should see clusters the source allocated after its flush, without a reopen (${o.fmt}, b's qemu-io open since before the writes)`,
    outcome: heldFresh ? 'PASS' : 'WARN', read: o.held.read, fsyncToReadUs: o.held.t0 - o.flushEndUs,
    observed: `${describeCounts(o.held.read)}${firstFinding(o.held.read)}${mapping(o, o.held)}${heldFresh ? '' : ' — documented hazard: the destination used what it cached at open'}`,
    bears: heldFresh ? [] : [metadataEvidence(meta, o)], values: stageValues(o, o.held),
  };
  const reopenFresh = allFresh(o.reopened.read);
  const reopened: Check = {
    claims: [reopenClaim], sentence: `destination should see them after qemu-io's reopen command (bdrv_reopen, same options)`,
    outcome: reopenFresh ? 'PASS' : 'WARN', read: o.reopened.read,
    observed: `${describeCounts(o.reopened.read)}${firstFinding(o.reopened.read)}${mapping(o, o.reopened)}${reopenFresh ? '' : ' — an in-place reopen is not the close-and-open of activation (next check)'}`,
    bears: o.fmt === 'qcow2' ? [{ claim: 'QCOW2-REOPEN', status: 'not-applicable', why: `qemu-io's reopen changes options of the open image (bdrv_reopen); activation closes and opens qcow2 instead: ${describeCounts(o.reopened.read)}` }] : [],
    values: stageValues(o, o.reopened),
  };
  const fresh = allFresh(o.closedOpened.read);
  const full = expectFresh({
    sentence: `destination should see them after closing and opening the image in the same qemu-io (as activation re-reads the ${o.fmt} metadata)`,
    claims: [reopenClaim], read: o.closedOpened.read, ...staleRule(t, COHERENT_WHEN_UNCACHED, flushIgnored),
  });
  const fullBears = o.fmt === 'qcow2' ? bearsOn(t, fresh, flushIgnored, { 'QCOW2-REOPEN': ['holds', 'violated'] }, `${describeCounts(o.closedOpened.read)} after close and open`) : [];
  return [held, reopened, { ...full, observed: `${full.observed}${mapping(o, o.closedOpened)}${fresh ? '' : ' (compare the raw control of this mode)'}`, bears: fullBears, values: stageValues(o, o.closedOpened) }];
}

/**
 * What a stale read with the image held open says about the format caching metadata. Only when b saw the data after
 * close+open had it reached storage b reads; then b's mapping (alloc) or the file having grown since b's open says what b kept
 * (a block device does not grow: only the mapping can tell).
 */
function metadataEvidence(claim: ClaimId, o: ImageObservation): ClaimEvidence {
  if (!allFresh(o.closedOpened.read)) {
    return { claim, status: 'not-applicable', why: `b read old data even after close and open (${describeCounts(o.closedOpened.read)}): the new data had not reached the storage b reads, so this says nothing about the format's cache` };
  }
  const bytes = regionBytes(o.region);
  if (o.held.allocated !== undefined && o.held.allocated < bytes) {
    return { claim, status: 'holds', why: `b still mapped ${o.held.allocated} of ${bytes} bytes as allocated after a allocated and flushed them (close+open then saw them): mapping cached from open` };
  }
  if (o.device) {
    return { claim, status: 'not-applicable', why: `b mapped the clusters as allocated but read old data; the image is the block device ${o.device.path}, which cannot grow, so no file length cached from open explains it: the old data came from below the format (compare the raw control)` };
  }
  if (o.sizeAtOpen !== undefined && o.sizeAfterFlush !== undefined && o.sizeAfterFlush > o.sizeAtOpen) {
    return { claim, status: 'holds', why: `b mapped the clusters as allocated but read old data; the image file grew from ${o.sizeAtOpen} to ${o.sizeAfterFlush} bytes after b opened it (length cached from open)` };
  }
  return { claim, status: 'not-applicable', why: 'b mapped the clusters as allocated and the file did not grow: the old data came from below the format (compare the raw control)' };
}

/** The raw control: no format metadata, judged like a plain file held open by a reader in this cache mode. */
function rawChecks(t: ProbeContext, o: ImageObservation, flushIgnored: boolean): Check[] {
  const heldRule = () => {
    if (flushIgnored || MODE_TRAITS[t.variant.b].direct || BUFFERED_COHERENT.includes(t.stack)) return staleRule(t, COHERENT_WHEN_UNCACHED, flushIgnored);
    return { onStale: 'WARN' as const, note: `a buffered reader that keeps the file open may keep old pages on ${t.stack} storage (the documents' page-cache hazard)` };
  };
  const stage = (sentence: string, v: RegionView, rule: ReturnType<typeof heldRule>, gap?: number): Check => ({
    ...expectFresh({ sentence, claims: [], read: v.read, ...rule, ...(gap !== undefined ? { fsyncToReadUs: gap } : {}) }), values: stageValues(o, v),
  });
  return [
    stage('control (raw): destination should see the data the source wrote after its flush, without a reopen', o.held, heldRule(), o.held.t0 - o.flushEndUs),
    stage('control (raw): destination should see it after qemu-io\'s reopen command', o.reopened, heldRule()),
    stage('control (raw): destination should see it after closing and opening the image', o.closedOpened, staleRule(t, COHERENT_WHEN_UNCACHED, flushIgnored)),
  ];
}

/** QED-DIRTY: the flag a sets while allocating, and what a read-write open on b does to it while a still has the image open. */
function qedDirtyCheck(q: QedObservation): Check {
  const bears: ClaimEvidence[] = [];
  if (q.afterFlush.needCheck) bears.push({ claim: 'QED-DIRTY', status: 'holds', why: `a's allocating write set need-check on disk (features ${q.afterFlush.features}) while a kept the image open` });
  const cleared = q.afterFlush.needCheck && !q.readWriteOpenError && !q.afterReadWriteOpen.needCheck;
  if (cleared) bears.push({ claim: 'QED-DIRTY', status: 'holds', why: 'b\'s read-write open checked the dirty image and cleared the flag a had set' });
  const set = `a's allocating write set it and b's read-only close+open left it set (features ${q.afterFlush.features})`;
  let what: string;
  if (!q.afterFlush.needCheck) what = `after a's allocating write and flush, and b's read-only close+open, the flag was clear (features ${q.afterFlush.features}): nothing for an open to check`;
  else if (q.readWriteOpenError) what = `${set}; b's read-write open was refused: ${q.readWriteOpenError}`;
  else if (cleared) what = `${set}; b's read-write open cleared it (features ${q.afterReadWriteOpen.features}); after b closed and a allocated another cluster and flushed, features were ${q.afterSourceWrite.features}`;
  else what = `${set}; it stayed set through b's read-write open (features ${q.afterReadWriteOpen.features})`;
  return {
    claims: ['QED-DIRTY'],
    sentence: 'a destination opening the QED image read-write while the source still has it open should leave the source\'s dirty flag alone (QEMU postpones the check until migration completes)',
    outcome: cleared ? 'WARN' : 'PASS',
    observed: `${what}; this probe cannot open the image inactive as an incoming migration does, so the postponement itself is not observed`,
    bears,
    values: {
      qedFeaturesAfterFlush: q.afterFlush.features, qedFeaturesAfterReadWriteOpen: q.afterReadWriteOpen.features, qedFeaturesAfterSourceWrite: q.afterSourceWrite.features,
      readWriteOpenError: q.readWriteOpenError ?? null,
    },
  };
}
