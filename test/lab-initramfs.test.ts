// The initramfs's checks on real files: busybox-static is a static ELF, node and sh are not, non-ELF bytes are not; and
// on a kernel the lab has cached, modules come in load order (dependencies before dependents).
import t from 'tap';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { basename, join } from 'node:path';
import { INITRAMFS_MODULES, isStaticElf, moduleLoadOrder } from '../src/lab/initramfs.js';
import { defaultCacheDir } from '../src/lab/kernel.js';
import { LabError } from '../src/lab/errors.js';

/** What `file` says about a path's interpreter: static, dynamic, or unknown when `file` is not there. */
function fileSays(path: string): 'static' | 'dynamic' | 'unknown' {
  const r = spawnSync('file', ['-bL', path], { encoding: 'utf8' });
  if (r.status !== 0) return 'unknown';
  if (/statically linked|static-pie/.test(r.stdout)) return 'static';
  if (/dynamically linked|interpreter/.test(r.stdout)) return 'dynamic';
  return 'unknown';
}

const busyboxStatic = spawnSync('dpkg-query', ['-W', '-f', '${Status}', 'busybox-static'], { encoding: 'utf8' }).stdout?.includes('ok installed');

// How /bin/busybox is linked, as file says, else static when dpkg has busybox-static; undefined when neither can say.
const busyboxSays = existsSync('/bin/busybox') ? fileSays('/bin/busybox') : 'unknown';
const busyboxExpected = busyboxSays === 'unknown' ? (busyboxStatic ? true : undefined) : busyboxSays === 'static';

t.test('/bin/busybox is a static ELF exactly when file (or dpkg: busybox-static) says so', {
  skip: !existsSync('/bin/busybox') ? 'no /bin/busybox' : busyboxExpected === undefined ? 'neither file nor dpkg can say how /bin/busybox is linked' : false,
}, async (t) => {
  t.equal(isStaticElf(readFileSync('/bin/busybox')), busyboxExpected, `${busyboxSays === 'unknown' ? 'dpkg has busybox-static' : `file says ${busyboxSays}`}`);
  if (busyboxStatic) t.equal(busyboxExpected, true, 'busybox-static is installed: /bin/busybox is static');
});

t.test('dynamically linked programs are not static', async (t) => {
  for (const p of [process.execPath, '/bin/sh']) {
    const real = realpathSync(p);
    t.equal(fileSays(real) === 'static', false, `${real}: file does not call it static`);
    t.equal(isStaticElf(readFileSync(real)), false, `${real} has an interpreter`);
  }
});

t.test('non-ELF bytes are not a static ELF', async (t) => {
  t.equal(isStaticElf(Buffer.from('#!/bin/sh\necho not an ELF file, just a script that is long enough for the header\n')), false, 'a script');
  t.equal(isStaticElf(Buffer.alloc(0)), false, 'empty');
  t.equal(isStaticElf(Buffer.from([0x7f, 0x45, 0x4c, 0x46])), false, 'the magic alone');
  const elf32 = Buffer.alloc(128);
  elf32.writeUInt32BE(0x7f454c46, 0);
  elf32[4] = 1;
  t.equal(isStaticElf(elf32), false, 'a 32-bit ELF (the guest is x86-64)');
  if (existsSync('/bin/busybox')) {
    const bb = readFileSync('/bin/busybox');
    t.equal(isStaticElf(bb.subarray(0, 64)), false, 'an ELF cut after its header (program headers missing) is refused, not a RangeError');
  }
});

/** A kernel a previous lab run left in the cache (its unpacked tree and release), if any. */
function cachedKernelRoot(): { root: string; release: string } | undefined {
  const cache = defaultCacheDir();
  if (!existsSync(cache)) return undefined;
  for (const pkg of readdirSync(cache)) {
    const root = join(cache, pkg, 'root');
    const mods = join(root, 'lib', 'modules');
    if (!existsSync(mods)) continue;
    const release = readdirSync(mods).find((r) => existsSync(join(mods, r, 'modules.dep')));
    if (release) return { root, release };
  }
  return undefined;
}

const kernel = cachedKernelRoot();

t.test('moduleLoadOrder on the cached kernel: dependencies before dependents, each once', { skip: kernel ? false : `no cached kernel under ${defaultCacheDir()} (run coprobe lab once)` }, async (t) => {
  const order = moduleLoadOrder(kernel!);
  const names = order.map((p) => basename(p).replace(/\.ko(\.[gx]z|\.zst)?$/, ''));
  t.equal(new Set(order).size, order.length, 'no module twice');
  for (const p of order) t.ok(existsSync(p), `${basename(p)} exists in the tree`);
  for (const m of INITRAMFS_MODULES) t.ok(names.includes(m), `${m} is loaded`);
  const before = (dep: string, mod: string) => t.ok(names.indexOf(dep) >= 0 && names.indexOf(dep) < names.indexOf(mod), `${dep} before ${mod}`);
  before('virtio_ring', 'virtio_pci');
  before('virtio', 'virtio_pci');
  before('9pnet', '9pnet_virtio');
  before('9pnet', '9p');
  before('virtio_ring', '9pnet_virtio');
  t.equal(names.at(-1), 'overlay', 'the modules asked for last come last');
});

t.test('moduleLoadOrder names a module that is not in the tree: LAB_INITRAMFS', { skip: kernel ? false : 'no cached kernel' }, async (t) => {
  try {
    moduleLoadOrder(kernel!, ['no_such_module_coprobe']);
    t.fail('expected a LabError');
  } catch (err) {
    t.ok(err instanceof LabError);
    t.equal((err as LabError).code, 'LAB_INITRAMFS');
    t.match((err as Error).message, /no_such_module_coprobe/);
  }
});
