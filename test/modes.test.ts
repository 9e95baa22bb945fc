import t from 'tap';
import { parseModes } from '../src/cli/modes-arg.js';
import { openFlags, MODE_TRAITS, IO_MODES } from '../src/modes.js';
import { linuxConstants, type LinuxConstants } from '../native-bindings/constants.js';

const k = linuxConstants() as LinuxConstants;

t.test('every QEMU cache mode maps to its open flags', async (t) => {
  t.equal(openFlags('none', k, false) & k.O_DIRECT, k.O_DIRECT);
  t.equal(openFlags('none', k, false) & k.O_DSYNC, 0);
  t.equal(openFlags('directsync', k, false) & (k.O_DIRECT | k.O_DSYNC), k.O_DIRECT | k.O_DSYNC);
  t.equal(openFlags('writethrough', k, false) & (k.O_DIRECT | k.O_DSYNC), k.O_DSYNC);
  t.equal(openFlags('writeback', k, true) & (k.O_DIRECT | k.O_DSYNC | k.O_CREAT), k.O_CREAT);
  t.ok(MODE_TRAITS.unsafe.flushIgnored);
  t.same(IO_MODES.filter((m) => MODE_TRAITS[m].flushIgnored), ['unsafe']);
});

t.test('--modes takes modes and a:b pairs', async (t) => {
  t.equal(parseModes(undefined).length, 5);
  t.same(parseModes('none,writeback:none'), [{ a: 'none', b: 'none' }, { a: 'writeback', b: 'none' }]);
  t.throws(() => parseModes('none:none:none'), /not a mode/);
  t.throws(() => parseModes('fast'), /not a mode/);
});

t.test('constants exist for x64 and arm64 only, with a reason otherwise', async (t) => {
  t.match(linuxConstants('x64'), { O_DIRECT: 0o40000 });
  t.match(linuxConstants('arm64'), { O_DIRECT: 0o200000 });
  t.match(linuxConstants('mips'), { reason: /no constant table/ });
});
