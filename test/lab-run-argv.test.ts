// The `coprobe run` command line the lab's guest builds for a scenario: its sides, --via-b, a --destroy-data-on-device
// per device, the lab facts, the agent command from the plan's node and coprobe, and the plan's extra arguments last.
import t from 'tap';
import { runArgv } from '../src/lab/guest/run-argv.js';
import { SCENARIOS } from '../src/lab/scenarios/index.js';
import { AS_CLIENT_B } from '../src/lab/guest/names.js';
import { splitWords } from '../src/transport/spec.js';
import type { LabPlan, Scenario } from '../src/lab/types.js';

const plan: LabPlan = {
  scenarios: ['nfs42-sync'], runArgs: ['--timeout', '120000', '--probes', 'handoff'],
  node: '/usr/bin/node', coprobe: '/work/coprobe/bin/coprobe.js', kernelPackage: 'linux-image-x 1', accel: 'tcg', runTimeoutMs: 900_000, stepTimeoutMs: 60_000,
};
const byName = (n: string) => SCENARIOS.find((s) => s.name === n)!;

/** The value after each occurrence of an option. */
const values = (argv: string[], opt: string) => argv.flatMap((a, i) => (a === opt ? [argv[i + 1]!] : []));

t.test('a two-client NFS scenario: node, coprobe run, the sides, --via-b, reports, facts, then the plan\'s arguments', async (t) => {
  const s = byName('nfs42-sync');
  const argv = runArgv(s, plan, '/coprobe-lab/out/nfs42-sync', '/coprobe-lab/out/nfs42-sync/lab-facts.json');
  t.same(argv.slice(0, 5), ['/usr/bin/node', '/work/coprobe/bin/coprobe.js', 'run', s.sides.a, s.sides.b], 'node, entry, run, a, b');
  t.same(values(argv, '--via-b'), [AS_CLIENT_B], 'b through its namespaces');
  t.same(values(argv, '--via-a'), [], 'no --via-a');
  t.same(values(argv, '--report'), ['/coprobe-lab/out/nfs42-sync']);
  t.same(values(argv, '--format'), ['json']);
  t.same(values(argv, '--lab-facts'), ['/coprobe-lab/out/nfs42-sync/lab-facts.json']);
  t.same(values(argv, '--destroy-data-on-device'), [], 'NFS: no device to destroy');
  t.same(splitWords(values(argv, '--agent-command')[0]!, '--agent-command'), ['/usr/bin/node', '/work/coprobe/bin/coprobe.js', 'agent'],
    'the agent command is the plan\'s node and coprobe (as coprobe run splits it)');
  t.same(argv.slice(-plan.runArgs.length), plan.runArgs, 'the plan\'s arguments come last');
});

t.test('the one-client NFS scenario has no --via', async (t) => {
  const argv = runArgv(byName('nfs42-sync-one-client'), plan, '/r', '/f');
  t.notOk(argv.some((a) => a.startsWith('--via-')));
});

t.test('iscsi: one --destroy-data-on-device per device', async (t) => {
  const s = byName('iscsi');
  const argv = runArgv(s, plan, '/r', '/f');
  t.same(values(argv, '--destroy-data-on-device'), s.sides.destroy);
  t.equal(values(argv, '--destroy-data-on-device').length, 2);
  t.same(argv.slice(-plan.runArgs.length), plan.runArgs, 'the plan\'s arguments still last');
});

t.test('a made-up scenario: both vias, three devices, no run arguments', async (t) => {
  const s: Scenario = {
    ...structuredClone(byName('iscsi')), name: 'x',
    sides: { a: '/dev/a', b: '/dev/b', via: { a: 'nsenter --net=/run/netns/a', b: 'nsenter --net=/run/netns/b' }, destroy: ['/dev/a', '/dev/b', '/dev/c'] },
  };
  const argv = runArgv(s, { ...plan, runArgs: [] }, '/r', '/f');
  t.same(values(argv, '--via-a'), ['nsenter --net=/run/netns/a']);
  t.same(values(argv, '--via-b'), ['nsenter --net=/run/netns/b']);
  t.same(values(argv, '--destroy-data-on-device'), ['/dev/a', '/dev/b', '/dev/c']);
  t.equal(argv.at(-1), '/dev/c', 'nothing after the last option when the plan adds none');
});

t.test('node and coprobe paths with spaces and quotes reach the agent command as single words', async (t) => {
  const odd = { ...plan, node: '/opt/node js/bin/node', coprobe: `/srv/it's "co probe"/bin/coprobe.js` };
  const argv = runArgv(byName('nfs3-sync'), odd, '/r', '/f');
  t.equal(argv[0], odd.node);
  t.equal(argv[1], odd.coprobe);
  t.same(splitWords(values(argv, '--agent-command')[0]!, '--agent-command'), [odd.node, odd.coprobe, 'agent']);
  for (const [node, coprobe] of [[`/'lead/node`, `/trail'`], [`/a''b/node`, `/tab\there/c.js`], [`"/dq"/node`, `/mixed '"' both/c.js`]] as const) {
    const a = runArgv(byName('nfs3-sync'), { ...plan, node, coprobe }, '/r', '/f');
    t.same(splitWords(values(a, '--agent-command')[0]!, '--agent-command'), [node, coprobe, 'agent'], `${node} ${coprobe}`);
  }
  t.equal(values(runArgv(byName('nfs3-sync'), plan, '/r', '/f'), '--agent-command')[0], '/usr/bin/node /work/coprobe/bin/coprobe.js agent', 'plain paths stay unquoted');
});
