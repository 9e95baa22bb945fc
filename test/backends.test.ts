import t from 'tap';
import { BACKENDS, backendFor, schemeOf, unavailableBackends, validateBackends } from '../native-bindings/backends.js';
import type { BackendModule } from '../native-bindings/backend.js';
import { libcBackend } from '../native-bindings/libc-backend.js';

const fake = (name: string, schemes: string[]): BackendModule => ({ ...libcBackend, name: name as never, schemes });

t.test('the registry: paths are libc\'s, URLs go to the backend serving their scheme', async (t) => {
  t.equal(backendFor('/dev/sdb').name, 'libc');
  t.equal(backendFor('iscsi://h/iqn.x:t/1').name, 'libiscsi');
  t.equal(schemeOf('ISCSI://h/x'), 'iscsi:');
  t.equal(schemeOf('/mnt/x'), undefined);
  t.throws(() => backendFor('nbd://h/e'), /nbd:\/\/ is not a storage URL coprobe serves \(known: iscsi:\/\/ \(libiscsi\)/);
  t.ok(BACKENDS.has('libc'));
  t.same(unavailableBackends(), {}, 'the libraries are installed here');
});

t.test('validation at load names the offending backend', async (t) => {
  t.throws(() => validateBackends([fake('libc', []), fake('libc', [])]), /backend libc: registered twice/);
  t.throws(() => validateBackends([fake('libiscsi', ['iscsi'])]), /backend libiscsi: scheme "iscsi" is not of the form "name:"/);
  t.throws(() => validateBackends([fake('libiscsi', ['x:']), fake('libnfs', ['x:'])]), /backend libnfs: scheme x: is already served by libiscsi/);
});
