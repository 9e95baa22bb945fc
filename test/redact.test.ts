import t from 'tap';
import { redactArgs, redactArgv, redactUrl } from '../src/transport/redact.js';

t.test('a storage URL\'s password is replaced, the rest kept', async (t) => {
  t.equal(redactUrl('iscsi://user%pw@h:3260/iqn.x:t/1'), 'iscsi://user%***@h:3260/iqn.x:t/1');
  t.equal(redactUrl('iscsi://u%p@ss/w@h/iqn.x:t/1'), 'iscsi://u%***@h/iqn.x:t/1', 'a password holding @ and / is hidden whole');
  t.equal(redactUrl('ssh://u:pw@h/x'), 'ssh://u:***@h/x');
  t.equal(redactUrl('iscsi://user@h/iqn.x:t/1'), 'iscsi://user@h/iqn.x:t/1', 'a user without a password stays');
  t.equal(redactUrl('nfs://h/export/a@b'), 'nfs://h/export/a@b', 'an @ in a path is not a credential');
  t.equal(redactUrl('/dev/sdb'), '/dev/sdb');
});

t.test('argv and transcript arguments are redacted', async (t) => {
  t.same(redactArgv(['run', 'iscsi://u%pw@h/i/1', '--x', 'y']), ['run', 'iscsi://u%***@h/i/1', '--x', 'y']);
  t.same(redactArgs({ target: 'iscsi://u%pw@h/i/1', runId: 'r' }), { target: 'iscsi://u%***@h/i/1', runId: 'r' });
  t.same(redactArgs({ h: 'f' }), { h: 'f' });
});

t.test('an rbd:// URL\'s Ceph key is replaced, wherever it sits in the query', async (t) => {
  const { redactUrl, redactArgv } = await import('../src/transport/redact.js');
  t.equal(redactUrl('rbd://rbd/img?id=coprobe&key=AQBsecret%2Bx%3D%3D&conf=/c'), 'rbd://rbd/img?id=coprobe&key=***&conf=/c');
  t.equal(redactUrl('rbd://rbd/img?key=AQBsecret'), 'rbd://rbd/img?key=***');
  t.same(redactArgv(['run', 'rbd://p/i?key=S', 'x']), ['run', 'rbd://p/i?key=***', 'x']);
  t.equal(redactUrl('rbd://rbd/img?keyring=/etc/ceph/k'), 'rbd://rbd/img?keyring=/etc/ceph/k', 'a keyring path is not a secret');
});
