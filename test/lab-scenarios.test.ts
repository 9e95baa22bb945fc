// The lab's scenarios: the registered ones pass the load-time checks and their shell parses; the checks refuse each
// kind of mistake, naming the scenario; selection by default set and by name; the NFS client arrangements.
import t from 'tap';
import { spawnSync } from 'node:child_process';
import { SCENARIOS, selectScenarios, validateScenarios } from '../src/lab/scenarios/index.js';
import { AS_CLIENT_B } from '../src/lab/guest/names.js';
import { UsageError } from '../src/errors.js';
import type { Scenario } from '../src/lab/types.js';

const clone = (s: Scenario): Scenario => structuredClone(s);
const base = (name = 'x-base'): Scenario => ({ ...clone(SCENARIOS[0]!), name, default: false });

t.test('the registered scenarios pass validateScenarios', async (t) => {
  t.ok(SCENARIOS.length >= 6, `${SCENARIOS.length} scenarios`);
  t.doesNotThrow(() => validateScenarios(SCENARIOS.map(clone)));
  t.same(validateScenarios(SCENARIOS.map(clone)).map((s) => s.name), SCENARIOS.map((s) => s.name), 'returned in order');
  t.same(SCENARIOS.map((s) => s.name), ['nfs3-sync', 'nfs42-sync', 'nfs3-async', 'nfs42-async', 'nfs42-sync-one-client', 'iscsi', 'cephfs-kernel', 'krbd', 'ceph-fuse']);
});

t.test('validateScenarios refuses each mistake and names the scenario', async (t) => {
  const cases: [string, Scenario[], RegExp][] = [
    ['bad name (upper case, underscore)', [base('NFS_3')], /lab scenario "NFS_3": the name must be kebab-case/],
    ['bad name (leading dash)', [base('-x')], /lab scenario "-x": the name must be kebab-case/],
    ['bad name (double dash)', [base('a--b')], /lab scenario "a--b": the name must be kebab-case/],
    ['duplicate', [base('twice'), base('twice')], /lab scenario "twice": registered twice/],
    ['empty summary', [{ ...base('no-summary'), summary: '  ' }], /lab scenario "no-summary": no summary/],
    ['no set-up steps', [{ ...base('no-setup'), setup: [] }], /lab scenario "no-setup": no set-up steps/],
    ['a set-up step without a command', [{ ...base('no-cmd'), setup: [{ name: 'mount', run: ' ' }] }], /lab scenario "no-cmd": a step without a name or command/],
    ['a teardown step without a name', [{ ...base('no-name'), teardown: [{ name: '', run: 'true' }] }], /lab scenario "no-name": a step without a name or command/],
    ['a step with a zero timeout', [{ ...base('zero-timeout'), setup: [{ name: 's', run: 'true', timeoutMs: 0 }] }], /lab scenario "zero-timeout": step "s": timeoutMs must be positive/],
    ['equal sides', [{ ...base('same-sides'), sides: { a: '/mnt/x', b: '/mnt/x' } }], /lab scenario "same-sides": sides a and b must be two paths/],
    ['an empty side', [{ ...base('empty-side'), sides: { a: '/mnt/x', b: '' } }], /lab scenario "empty-side": sides a and b must be two paths/],
    ['a confounded default scenario', [{ ...base('conf-default'), default: true, confounded: 'one client' }], /lab scenario "conf-default": a confounded scenario cannot be in the default set/],
  ];
  for (const [what, list, re] of cases) t.throws(() => validateScenarios(list), re, what);
  t.throws(() => validateScenarios([base('fine-one'), { ...base('bad-two'), summary: '' }]), /"bad-two"/, 'the failing one is named, not the first');
  t.doesNotThrow(() => validateScenarios([{ ...base('conf-not-default'), confounded: 'one client' }]), 'confounded outside the default set is allowed');
});

t.test('selectScenarios: the default set', async (t) => {
  const d = selectScenarios([]);
  t.same(d.map((s) => s.name), SCENARIOS.filter((s) => s.default).map((s) => s.name), 'the default ones in registration order');
  t.notOk(d.some((s) => s.confounded), 'no confounded scenario in it');
  t.ok(d.some((s) => s.kind === 'nfs'), 'at least one NFS scenario');
  t.ok(d.some((s) => s.name === 'iscsi'), 'the iSCSI scenario');
  t.notOk(d.some((s) => s.name === 'nfs42-sync-one-client'));
});

t.test('selectScenarios: named ones in the order given, duplicates dropped; unknown is a UsageError', async (t) => {
  t.same(selectScenarios(['iscsi', 'nfs3-async', 'iscsi', 'nfs42-sync-one-client', 'nfs3-async']).map((s) => s.name),
    ['iscsi', 'nfs3-async', 'nfs42-sync-one-client']);
  try {
    selectScenarios(['nfs3-sync', 'nfs5']);
    t.fail('expected a UsageError');
  } catch (err) {
    t.ok(err instanceof UsageError, 'a UsageError (exit 2)');
    const msg = (err as Error).message;
    t.match(msg, /unknown lab scenario "nfs5"/);
    for (const s of SCENARIOS) t.ok(msg.includes(s.name), `lists ${s.name}`);
    t.match(msg, /coprobe lab --list/);
  }
  const own = [base('only-one')];
  t.same(selectScenarios(['only-one'], own).map((s) => s.name), ['only-one'], 'a given list is used');
  t.throws(() => selectScenarios(['iscsi'], own), /known: only-one \(/, 'and named as the known ones');
});

t.test('every scenario step parses with sh -n', async (t) => {
  for (const s of SCENARIOS) {
    for (const step of [...s.setup, ...s.teardown]) {
      const r = spawnSync('sh', ['-n', '-c', step.run], { encoding: 'utf8' });
      t.equal(r.status, 0, `${s.name}: "${step.name}" ${r.stderr.trim()}`);
    }
    for (const [side, cmd] of Object.entries(s.facts.setup ?? {})) {
      const r = spawnSync('sh', ['-n', '-c', cmd], { encoding: 'utf8' });
      t.equal(r.status, 0, `${s.name}: facts.setup.${side} ${r.stderr.trim()}`);
    }
  }
});

t.test('the NFS export step writes exactly the exports line the facts report', async (t) => {
  for (const s of SCENARIOS.filter((x) => x.kind === 'nfs')) {
    const step = s.setup.find((x) => x.name === 'export')!;
    // Run only the printf, to stdout instead of /etc/exports.
    const printf = step.run.slice(0, step.run.indexOf(' > /etc/exports'));
    const r = spawnSync('sh', ['-c', printf], { encoding: 'utf8' });
    t.equal(r.stdout, `${s.facts.exports}\n`, `${s.name}: /etc/exports gets the reported line`);
  }
});

t.test('NFS client arrangements: two clients run b through the namespaces; the one-client case does not and is confounded', async (t) => {
  const nfs = SCENARIOS.filter((s) => s.kind === 'nfs');
  const two = nfs.filter((s) => s.name !== 'nfs42-sync-one-client');
  t.equal(two.length, 4);
  for (const s of two) {
    t.equal(s.sides.via?.b, AS_CLIENT_B, `${s.name}: b's agent runs in b's namespaces`);
    t.equal(s.sides.via?.a, undefined, `${s.name}: a runs in the guest's own`);
    t.ok(s.needs.includes('client-b-namespaces'), `${s.name}: needs the namespaces`);
    t.ok(s.setup.find((x) => x.name === 'mount client b')!.run.includes(AS_CLIENT_B), `${s.name}: b mounts from its namespaces`);
    t.equal(s.confounded, undefined, `${s.name}: not confounded`);
  }
  const one = nfs.find((s) => s.name === 'nfs42-sync-one-client')!;
  t.equal(one.sides.via, undefined, 'one client: no --via for b');
  t.notOk(one.needs.includes('client-b-namespaces'));
  t.notOk(one.setup.some((x) => x.run.includes('nsenter')), 'no step enters a namespace');
  t.match(one.confounded, /one NFS client/, 'marked confounded, saying why');
  t.equal(one.default, false);
  const iscsi = SCENARIOS.find((s) => s.name === 'iscsi')!;
  t.same(iscsi.sides.destroy, [iscsi.sides.a, iscsi.sides.b], 'the iSCSI run may overwrite both views of its own LUN');
});
