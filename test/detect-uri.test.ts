import t from 'tap';
import { userspaceUri } from '../src/detect/uri.js';

t.test('QEMU userspace URIs are recognised with what to give instead', async (t) => {
  t.match(userspaceUri('nbd://host:10809/export'), { scheme: 'nbd', driver: /nbd/, instead: /\/dev\/nbdN/ });
  t.match(userspaceUri('nbd+unix:///exp?socket=/tmp/s'), { scheme: 'nbd' });
  t.match(userspaceUri('iscsi://10.0.0.1/iqn.2003-01.org.x:t/1'), { scheme: 'iscsi', instead: /iscsiadm/ });
  t.match(userspaceUri('rbd:pool/image'), { scheme: 'rbd', instead: /rbd map/ });
  t.match(userspaceUri('gluster+tcp://gfs1/gv0/vm.img'), { scheme: 'gluster', driver: /libgfapi/ });
  t.match(userspaceUri('nfs://srv/export/vm.img'), { scheme: 'nfs', driver: /libnfs/ });
  t.match(userspaceUri('foo://x/y'), { scheme: 'foo', instead: /local path/ });
});

t.test('paths and coprobe\'s own ssh:// are not userspace URIs', async (t) => {
  t.equal(userspaceUri('/mnt/nfs'), undefined);
  t.equal(userspaceUri('relative/dir'), undefined);
  t.equal(userspaceUri('ssh://host/mnt/x'), undefined);
  t.equal(userspaceUri('/mnt/rbd:odd'), undefined);
  t.equal(userspaceUri('dir:with-colon'), undefined);
});
