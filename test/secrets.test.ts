// No secret anywhere: a run against the CHAP-protected tgt target, every report format, re-rendered reports and detect never show the password.
import t, { type Test } from 'tap';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { cliEntry } from '../src/package-info.js';
import { ensureTgt, noTgtReason } from './fixtures/tgt.js';

const skip = noTgtReason();
const tgt = skip ? undefined : ensureTgt();
t.teardown(() => tgt?.release());

const FORMATS = ['json', 'md', 'html', 'junit', 'tap', 'text'];

/** Run coprobe with extra environment; resolves with exit code and both streams (killed after timeoutMs). */
function cli(args: string[], env: Record<string, string> = {}, timeoutMs = 120_000): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cliEntry(), ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { out += d.toString(); });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, out }); });
  });
}

/** Fail when the secret (or its URL-encoded form) is in text; say where. */
function noSecret(t: Test, text: string, secret: string, where: string): void {
  const forms = [secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64')];
  const hit = forms.find((f) => text.includes(f));
  t.notOk(hit, `no password in ${where}${hit ? `: found near ${JSON.stringify(text.slice(Math.max(0, text.indexOf(hit) - 80), text.indexOf(hit) + 40))}` : ''}`);
}

/** Everything a run leaves and prints, and every re-rendering of it, checked for the secret. */
async function checkEverywhere(t: Test, run: { out: string }, report: string, secret: string, env: Record<string, string>): Promise<void> {
  noSecret(t, run.out, secret, 'coprobe run\'s stdout and stderr');
  const files = readdirSync(report);
  t.ok(files.some((f) => f.endsWith('.jsonl')), 'the JSON-lines report was written');
  t.same(files.filter((f) => f.startsWith('run.')).sort(), ['run.html', 'run.json', 'run.junit.xml', 'run.md', 'run.tap', 'run.txt'], 'every format was written');
  for (const f of files) noSecret(t, readFileSync(join(report, f), 'utf8'), secret, f);
  const jsonl = files.find((f) => f.endsWith('.jsonl'))!;
  for (const src of ['run.json', jsonl]) {
    for (const format of FORMATS) {
      const r = await cli(['report', join(report, src), '--format', format], env, 60_000);
      t.equal(r.code, 0, `coprobe report ${src} --format ${format}${r.code ? `: ${r.out.slice(-400)}` : ''}`);
      noSecret(t, r.out, secret, `coprobe report ${src} --format ${format}`);
    }
  }
  const merged = mkdtempSync(join(tmpdir(), 'coprobe-secrets-merge-'));
  t.teardown(() => rmSync(merged, { recursive: true, force: true }));
  const m = await cli(['report', 'merge', join(report, 'run.json'), '--md', join(merged, 'm.md'), '--html', join(merged, 'm.html')], env, 60_000);
  t.equal(m.code, 0, 'coprobe report merge');
  noSecret(t, m.out, secret, 'coprobe report merge output');
  for (const f of readdirSync(merged)) noSecret(t, readFileSync(join(merged, f), 'utf8'), secret, `merged ${f}`);
}

t.test('CHAP password in the URL: not in the JSON-lines file, any run.* file, the output, re-rendered reports or detect', { skip }, async (t) => {
  const secret = tgt!.chapPassword;
  const url = tgt!.chapUrl.replace('iscsi://', `iscsi://${tgt!.chapUser}%${secret}@`);
  const report = mkdtempSync(join(tmpdir(), 'coprobe-secrets-'));
  t.teardown(() => rmSync(report, { recursive: true, force: true }));
  const run = await cli(['run', url, url, '--destroy-data-on-device', url, '--report', report, '--format', FORMATS.join(','), '--modes', 'none', '--probes', 'BOTH1,HAND1']);
  t.equal(run.code, 0, run.out.slice(-2000));
  t.match(run.out, /%\*\*\*@/, 'the side is shown with the password replaced');
  await checkEverywhere(t, run, report, secret, {});
  for (const args of [[url], [url, '--json']]) {
    const d = await cli(['detect', ...args], {}, 60_000);
    t.equal(d.code, 0, `coprobe detect ${args.slice(1).join(' ')}`);
    noSecret(t, d.out, secret, `coprobe detect ${args.slice(1).join(' ')}`);
  }
});

t.test('CHAP password from LIBISCSI_CHAP_PASSWORD: the same, everywhere', { skip }, async (t) => {
  const secret = tgt!.chapPassword;
  const env = { LIBISCSI_CHAP_USERNAME: tgt!.chapUser, LIBISCSI_CHAP_PASSWORD: secret };
  const url = tgt!.chapUrl;
  const report = mkdtempSync(join(tmpdir(), 'coprobe-secrets-env-'));
  t.teardown(() => rmSync(report, { recursive: true, force: true }));
  const run = await cli(['run', url, url, '--destroy-data-on-device', url, '--report', report, '--format', FORMATS.join(','), '--modes', 'none', '--probes', 'BOTH1'], env);
  t.equal(run.code, 0, run.out.slice(-2000));
  await checkEverywhere(t, run, report, secret, env);
  const d = await cli(['detect', url, '--json'], env, 60_000);
  t.equal(d.code, 0);
  noSecret(t, d.out, secret, 'coprobe detect --json');
});

t.test('a wrong CHAP password: refused with exit 2, and the wrong password is not echoed either', { skip }, async (t) => {
  const wrong = 'not-the-Secret-42';
  const url = tgt!.chapUrl.replace('iscsi://', `iscsi://${tgt!.chapUser}%${wrong}@`);
  const report = mkdtempSync(join(tmpdir(), 'coprobe-secrets-wrong-'));
  t.teardown(() => rmSync(report, { recursive: true, force: true }));
  const run = await cli(['run', url, url, '--destroy-data-on-device', url, '--report', report, '--probes', 'BOTH1', '--modes', 'none'], {}, 60_000);
  t.equal(run.code, 2);
  t.match(run.out, /coprobe: side [ab]: /);
  noSecret(t, run.out, wrong, 'the refusal');
  const d = await cli(['detect', url], {}, 60_000);
  noSecret(t, d.out, wrong, 'coprobe detect with the wrong password');
  t.comment(`wrong password: exit ${run.code}: ${run.out.trim().split('\n').at(-1)}`);
});
