// The qemu command line: the accelerator (TCG multi-threaded, or KVM with the host CPU), the kernel booted directly,
// three 9p shares with the tags the initramfs waits for (the host root and modules read-only, the lab's directory
// writable), no disk or network, the console to a file.
import t from 'tap';
import { qemuArgs, type QemuSpec } from '../src/lab/qemu.js';
import { TAGS } from '../src/lab/init-script.js';

const spec: QemuSpec = {
  vmlinux: '/cache/k/vmlinux', initramfs: '/cache/k/initramfs-abc.img', share: '/tmp/coprobe-lab-x', modules: '/cache/k/root/lib/modules',
  memoryMiB: 1536, cpus: 2, accel: 'tcg', console: '/tmp/coprobe-lab-x/console.log',
};

/** The values after each occurrence of an option. */
const values = (argv: string[], opt: string) => argv.flatMap((a, i) => (a === opt ? [argv[i + 1]!] : []));
/** A -fsdev or -device value as key=value pairs (the first bare word under "_"). */
const props = (v: string) => Object.fromEntries(v.split(',').map((kv, i) => (kv.includes('=') ? kv.split('=', 2) : i === 0 ? ['_', kv] : [kv, 'on']))) as Record<string, string>;

t.test('tcg: tcg,thread=multi and no -cpu host; kvm: kvm and -cpu host', async (t) => {
  const tcg = qemuArgs(spec);
  t.same(values(tcg, '-accel'), ['tcg,thread=multi']);
  t.same(values(tcg, '-cpu'), [], 'tcg: no -cpu');
  const kvm = qemuArgs({ ...spec, accel: 'kvm' });
  t.same(values(kvm, '-accel'), ['kvm']);
  t.same(values(kvm, '-cpu'), ['host']);
});

t.test('kernel, initramfs, memory, cpus, console, and nothing else attached', async (t) => {
  const a = qemuArgs(spec);
  t.same(values(a, '-kernel'), [spec.vmlinux]);
  t.same(values(a, '-initrd'), [spec.initramfs]);
  t.same(values(a, '-m'), ['1536']);
  t.same(values(a, '-smp'), ['2']);
  t.same(values(a, '-serial'), [`file:${spec.console}`], 'the serial console to the file');
  t.match(values(a, '-append')[0], /(^| )console=ttyS0( |$)/);
  t.match(values(a, '-append')[0], /(^| )panic=-1( |$)/, 'a panic powers off at once (with -no-reboot)');
  t.ok(a.includes('-no-reboot'));
  t.same(values(a, '-nic'), ['none'], 'no network');
  t.same(values(a, '-display'), ['none']);
  t.notOk(a.some((x) => x === '-drive' || x === '-hda' || x === '-cdrom'), 'no disk');
});

t.test('three 9p shares with the initramfs tags: root and modules read-only, the lab directory writable', async (t) => {
  const a = qemuArgs(spec);
  const fsdevs = values(a, '-fsdev').map(props);
  const devices = values(a, '-device').map(props);
  t.equal(fsdevs.length, 3, 'three -fsdev');
  t.equal(devices.length, 3, 'three -device');
  const byTag = new Map(devices.map((d) => [d.mount_tag, fsdevs.find((f) => f.id === d.fsdev)]));
  t.same([...byTag.keys()].sort(), Object.values(TAGS).sort(), 'the tags are TAGS');
  for (const d of devices) t.equal(d._, 'virtio-9p-pci', `${d.mount_tag}: virtio-9p-pci`);
  const root = byTag.get(TAGS.root)!, share = byTag.get(TAGS.share)!, mods = byTag.get(TAGS.modules)!;
  t.equal(root.path, '/', 'the host root');
  t.equal(root.readonly, 'on', 'root read-only');
  t.equal(share.path, spec.share, 'the lab directory');
  t.equal(share.readonly, undefined, 'the lab directory writable');
  t.equal(mods.path, spec.modules);
  t.equal(mods.readonly, 'on', 'modules read-only');
  for (const f of fsdevs) {
    t.equal(f._, 'local', `${f.id}: local backend`);
    t.equal(f.security_model, 'none');
    t.equal(f.multidevs, 'remap', `${f.id}: inode numbers remapped across host filesystems`);
  }
  t.equal(new Set(fsdevs.map((f) => f.id)).size, 3, 'distinct fsdev ids');
});
