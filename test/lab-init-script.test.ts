// The guest's boot scripts: both parse (sh -n); the initramfs waits until all three 9p tags are there (run here against
// a fake sysfs); stage 2 quotes the node and entry paths so that spaces and quotes survive the shell.
import t, { type Test } from 'tap';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GUEST_SHARE, TAGS, initScript, stage2Script } from '../src/lab/init-script.js';

const syntax = (script: string) => spawnSync('sh', ['-n'], { input: script, encoding: 'utf8' });

t.test('both scripts pass sh -n', async (t) => {
  for (const [what, script] of [['init', initScript(['virtio.ko', '9pnet.ko', '9p.ko'])], ['stage2', stage2Script('/usr/bin/node', '/opt/coprobe/dist/src/lab/guest/entry.js')],
    ['stage2 with odd paths', stage2Script(`/opt/my node/it's "here"/node`, '/x $(y)/`z`/entry.js')]] as const) {
    const r = syntax(script);
    t.equal(r.status, 0, `${what}: sh -n ok ${r.stderr}`);
  }
  const b = spawnSync('/bin/busybox', ['sh', '-n'], { input: initScript(['a.ko']), encoding: 'utf8' });
  if (!b.error) t.equal(b.status, 0, `init: busybox sh -n ok ${b.stderr}`);
});

t.test('the init script loads the modules in the order given, names stripped of shell syntax', async (t) => {
  const s = initScript(['virtio_ring.ko', 'virtio.ko', 'evil;rm -rf $HOME.ko']);
  t.match(s, /^#!\/bin\/busybox sh\n/);
  t.match(s, /for m in virtio_ring\.ko virtio\.ko evilrm-rfHOME\.ko; do insmod \/lib\/lab\/\$m/);
  t.match(s, /loading 3 modules/);
  t.match(s, new RegExp(`exec switch_root /newroot /bin/sh ${GUEST_SHARE}/stage2\\.sh\\n$`));
  t.match(s, new RegExp(`mount -t 9p -o [^ ]*,ro,cache=loose ${TAGS.root} /lower`), 'the host root read-only');
});

/** The init script's 9p wait loop, run with sh against a fake sysfs directory; its exit status and output. */
function runWait(t: Test, tags: string[][], waitSeconds: number): { status: number | null; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'coprobe-init-'));
  try {
    const drv = join(dir, 'drivers', '9pnet_virtio');
    tags.forEach(([name, content], i) => {
      mkdirSync(join(drv, `virtio${i}`), { recursive: true });
      writeFileSync(join(drv, `virtio${i}`, 'mount_tag'), content ?? `${name}\0`);
    });
    const script = initScript(['x.ko'], waitSeconds);
    const from = script.indexOf('i=0\n');
    const loop = script.slice(from, script.indexOf('\ndone\n', from) + 6);
    t.match(loop, /^i=0\nwhile :; do\n[^]*mount_tag[^]*\ndone\n$/, 'the wait loop was found in the script');
    const body = `die() { echo "died: $*"; exit 3; }\n${loop.replaceAll('/sys/bus/virtio/drivers/9pnet_virtio', join(dir, 'drivers', '9pnet_virtio'))}echo "all tags seen"\n`;
    const r = spawnSync('sh', ['-c', body], { encoding: 'utf8', timeout: 10_000 });
    return { status: r.status, out: r.stdout + r.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

t.test('the init goes on once all three tags are there, in any order (NUL-terminated, as the kernel writes mount_tag)', async (t) => {
  t.same(Object.values(TAGS).sort(), ['hostroot', 'kmods', 'lab']);
  for (const [what, tags] of [
    ['modules, root, share', [[TAGS.modules], [TAGS.root], [TAGS.share]]],
    ['share, root, modules', [[TAGS.share], [TAGS.root], [TAGS.modules]]],
    ['with a fourth, unrelated tag', [[TAGS.root], ['other'], [TAGS.modules], [TAGS.share]]],
  ] as const) {
    const r = runWait(t, tags.map((x) => [...x]), 1);
    t.equal(r.status, 0, `${what}: the loop ends`);
    t.match(r.out, /all tags seen/, what);
  }
});

t.test('a missing tag is waited for, then the guest dies naming the tags it saw', async (t) => {
  for (const missing of Object.values(TAGS)) {
    const present = Object.values(TAGS).filter((x) => x !== missing).map((x) => [x]);
    const t0 = Date.now();
    const r = runWait(t, present, 0.25);
    t.equal(r.status, 3, `without ${missing}: dies`);
    t.match(r.out, /died: 9p tags never appeared \(seen: /, 'the message says which tags were seen');
    t.notMatch(r.out, /all tags seen/);
    t.ok(Date.now() - t0 >= 200, 'it waited before giving up');
  }
  const prefixOnly = runWait(t, [[`${TAGS.root}x`], [TAGS.share], [TAGS.modules]], 0.1);
  t.equal(prefixOnly.status, 3, 'a tag merely starting with "hostroot" does not count');
});

t.test('stage 2 quotes the node and entry paths: spaces, quotes and shell syntax survive', async (t) => {
  const node = `/opt/my node/it's "v20"/bin/node`;
  const entry = '/srv/co probe/$(touch /tmp/x)/`id`/entry.js';
  const s = stage2Script(node, entry);
  const line = s.split('\n').find((l) => l.endsWith(` ${GUEST_SHARE}`) && !l.startsWith('echo'));
  t.ok(line, 'the line that runs the guest runner');
  const r = spawnSync('sh', ['-c', `printf "%s\\n" ${line}`], { encoding: 'utf8' });
  t.equal(r.status, 0, r.stderr);
  t.same(r.stdout.split('\n').slice(0, -1), [node, entry, GUEST_SHARE], 'three words, each as given');
  t.match(s, new RegExp(`^exec >>${GUEST_SHARE}/guest\\.log 2>&1$`, 'm'), 'the stage logs to the shared directory');
  t.match(s, /poweroff -f/, 'the guest powers off when the runner returns');
});
