import t from 'tap';
import { PROBES } from '../probes/index.js';
import { CLAIMS, type ClaimId } from '../src/claims.js';
import { HANDOFF_PROBE } from '../src/verdict/handoff.js';
import { UNCHECKABLE, UNCHECKABLE_PARTS } from '../src/verdict/uncheckable.js';
import { VERDICT_CLAIMS } from '../src/verdict/verdict-claims.js';

const citing = (c: ClaimId) => PROBES.filter((p) => p.claims.includes(c)).map((p) => p.code);
const handoffProbe = PROBES.some((p) => p.code === HANDOFF_PROBE);

t.test('every claim id is cited by a probe, judged from the handoff probe\'s verdicts, or declared uncheckable', async (t) => {
  for (const c of Object.keys(CLAIMS) as ClaimId[]) {
    const byVerdicts = VERDICT_CLAIMS[c] !== undefined && handoffProbe;
    const how = [citing(c).length ? `cited by ${citing(c).join(', ')}` : '', byVerdicts ? `judged from ${HANDOFF_PROBE}'s verdicts` : '', UNCHECKABLE[c] ? 'declared uncheckable' : ''].filter(Boolean);
    t.ok(how.length > 0, `${c}: ${how.join('; ') || 'no probe cites it and it is not declared uncheckable'}`);
  }
});

t.test('declarations are consistent: uncheckable claims are cited by no probe and judged by no verdict; each says why', async (t) => {
  for (const [c, why] of Object.entries(UNCHECKABLE)) {
    t.ok(Object.hasOwn(CLAIMS, c), `${c} is a claim id`);
    t.same(citing(c as ClaimId), [], `${c} is declared uncheckable, so no probe may cite it`);
    t.notOk(VERDICT_CLAIMS[c as ClaimId], `${c} is declared uncheckable, so no verdict may judge it`);
    t.ok(why && why.length > 20, `${c} says why`);
  }
  for (const [c, why] of Object.entries({ ...UNCHECKABLE_PARTS, ...VERDICT_CLAIMS })) {
    t.ok(Object.hasOwn(CLAIMS, c) && why && why.length > 20, `${c}: a claim id with a reason`);
  }
});
