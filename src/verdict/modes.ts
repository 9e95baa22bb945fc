// The verdict table: for every QEMU cache mode and QEMU behaviour, SAFE / UNSAFE / UNKNOWN with evidence and libvirt's opinion.
import { IO_MODES } from '../modes.js';
import { activationOf } from '../caps.js';
import type { ProbeRunRecord, RunRecord } from '../result.js';
import { handoffVerdict, qemuRemedy } from './handoff.js';
import { libvirtDisagreement, libvirtOpinion } from './libvirt.js';
import { contradiction, predictVerdict } from './predictions.js';
import type { ProfileKey } from './scope.js';
import { secondaryEvidence } from './secondary.js';
import { clusterSettings, imageSize } from './cluster.js';
import { QEMU_BEHAVIOURS, type ModeVerdict } from './types.js';

/** Every mode × behaviour. A confounder that voids turns SAFE into UNKNOWN; UNSAFE stays (staleness seen through one cache is real). */
export function modeVerdicts(run: RunRecord, probes: readonly ProbeRunRecord[], key: ProfileKey): ModeVerdict[] {
  const voids = run.confounders.filter((c) => c.severity === 'voids').map((c) => c.message);
  // SHARE1 measured one cache for both sides (a's unflushed write visible on b): as void as a detected confounder.
  if (probes.some((p) => p.probe === 'SHARE1' && p.checks.some((c) => c.values?.sharedCache === true))) {
    voids.push('SHARE1 saw a\'s unflushed write on b: one cache serves both sides');
  }
  return IO_MODES.flatMap((mode) => QEMU_BEHAVIOURS.map((behaviour): ModeVerdict => {
    const remedy = qemuRemedy(mode, behaviour, activationOf(run.sides.b.target));
    const h = handoffVerdict(run, probes, mode, behaviour);
    const voided = h.verdict === 'SAFE' && voids.length > 0;
    const verdict = voided ? 'UNKNOWN' : h.verdict;
    const why = voided ? `would be SAFE (${h.why}), but ${voids.join('; ')}` : h.why;
    const libvirt = libvirtOpinion(run.sides.a.target, mode, behaviour);
    const disagreement = libvirtDisagreement(libvirt, verdict, mode);
    const predicted = predictVerdict(key, mode, behaviour);
    const decided = h.evidence.find((e) => e.judged === verdict);
    const inForce = [imageSize(decided, run.blockSize), clusterSettings(run)].filter(Boolean).join('; ');
    const contra = contradiction(key, predicted, verdict, mode, h.evidence, clusterSettings(run) ? inForce : undefined);
    return {
      mode, behaviour, remedy, verdict, why, evidence: h.evidence, secondary: secondaryEvidence(probes, mode, remedy), libvirt,
      ...(disagreement ? { disagreement } : {}), ...(predicted ? { predicted } : {}), ...(contra ? { contradiction: contra } : {}),
    };
  }));
}
