import t from 'tap';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliEntry } from '../src/package-info.js';
import { PROBES } from '../probes/index.js';

const cli = (...args: string[]) => spawnSync(process.execPath, [cliEntry(), ...args], { encoding: 'utf8', timeout: 60_000 });

t.test('usage and set-up errors: one line on stderr, exit code 2', async (t) => {
  const a = mkdtempSync(join(tmpdir(), 'coprobe-cli-a-'));
  const b = mkdtempSync(join(tmpdir(), 'coprobe-cli-b-'));
  t.teardown(() => { rmSync(a, { recursive: true }); rmSync(b, { recursive: true }); });
  const cases: [string[], RegExp][] = [
    [['run', a], /give two sides/],
    [['run', '/nonexistent/dir', a], /side a: \/nonexistent\/dir does not exist/],
    [['run', a, '/etc/hostname'], /side b: \/etc\/hostname is neither a directory nor a block device/],
    [['run', a, b], /not the same storage/],
    [['run', a, a, '--block-size', '6144'], /--block-size 6144 is unaligned/],
    [['run', a, a, '--probes', 'nosuch'], /unknown probe code or flag: nosuch/],
    [['run', a, a, '--modes', 'fast'], /--modes: "fast" is not a mode/],
    [['run', 'nbd://server/export', a], /unsupported URL scheme/],
    [['run', a, a, '--rounds', '0'], /--rounds must be an integer from 1/],
    [['run', a, a, '--window', 'soon'], /--window: "soon" is not a duration/],
    [['run', a, a, '--bogus'], /Unknown argument/],
    [[], /give a command/],
  ];
  for (const [args, msg] of cases) {
    const r = cli(...args);
    t.equal(r.status, 2, args.join(' '));
    t.match(r.stderr, msg, args.join(' '));
    t.equal(r.stderr.trim().split('\n').length, 1, `one line: ${args.join(' ')}`);
  }
});

t.test('probes lists every probe with its claim ids', async (t) => {
  const r = cli('probes', '--json');
  t.equal(r.status, 0);
  const list = JSON.parse(r.stdout) as { code: string; claims: string[] }[];
  t.same(list.map((p) => p.code), PROBES.map((p) => p.code));
  t.ok(list.length >= 10, 'the whole catalogue is listed');
  t.ok(list.every((p) => p.claims.length > 0));
  t.match(cli('probes').stdout, /NFS-UNLINK-AFTER-OPEN: /);
});
