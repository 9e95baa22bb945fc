// `coprobe lab --list`: each scenario with its summary, the default set starred, its services and sides, namespaced b
// and the confounded case said in words.
import t from 'tap';
import { renderScenarioList } from '../src/lab/list.js';
import { SCENARIOS } from '../src/lab/scenarios/index.js';

t.test('the registered scenarios as --list prints them', async (t) => {
  const text = renderScenarioList(SCENARIOS);
  t.matchSnapshot(text, 'scenario list');
  const lines = text.split('\n');
  t.match(lines[0], /^scenarios \(\* = default set; run with: coprobe lab \[names…\]\):$/);
  const width = Math.max(...SCENARIOS.map((s) => s.name.length));
  for (const s of SCENARIOS) {
    const i = lines.indexOf(`${s.default ? '*' : ' '} ${s.name.padEnd(width)}  ${s.summary}`);
    t.ok(i > 0, `${s.name}: its line, ${s.default ? 'starred' : 'not starred'}, with its summary`);
    t.match(lines[i + 1], new RegExp(`^ {${width + 4}}services: ${s.needs.join(', ')}; sides: a=${s.sides.a} b=${s.sides.b}`), `${s.name}: services and sides below it`);
    t.equal(lines[i + 1]!.endsWith('(b in its own namespaces)'), s.sides.via?.b !== undefined, `${s.name}: namespaced b said iff b has a via`);
    t.equal((lines[i + 2] ?? '').trim().startsWith('CONFOUNDED: '), s.confounded !== undefined, `${s.name}: CONFOUNDED line iff confounded`);
  }
  t.equal(lines.filter((l) => l.startsWith('*')).length, SCENARIOS.filter((s) => s.default).length, 'as many stars as default scenarios');
  const conf = lines.find((l) => l.includes('CONFOUNDED: '))!;
  t.match(conf, /CONFOUNDED: both mounts are one NFS client to the server/, 'the reason in words');
});
