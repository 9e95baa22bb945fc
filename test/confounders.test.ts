import t from 'tap';
import { confounders } from '../src/run/confounders.js';
import { side } from './fixtures/records.js';

t.test('one kernel and one filesystem: one page cache', async (t) => {
  t.match(confounders(side(), side())[0], /one page cache serves both/);
});

t.test('two hosts, or two devices in one kernel: no warning', async (t) => {
  t.same(confounders(side({ bootId: 'x' }), side({ bootId: 'y' })), []);
  t.same(confounders(side({ kind: 'device', stack: 'block', dev: '7:0' }), side({ kind: 'device', stack: 'block', dev: '7:1' })), []);
});

t.test('two NFS mounts in one kernel; different stacks; no O_DIRECT', async (t) => {
  t.match(confounders(side({ stack: 'nfs', dev: '0:50' }), side({ stack: 'nfs', dev: '0:51' }))[0], /NFS mounts in one kernel.*nosharecache/);
  t.match(confounders(side({ bootId: 'x', stack: 'nfs' }), side({ bootId: 'y', stack: 'local' })).join(), /different kinds of storage/);
  t.match(confounders(side({ bootId: 'x', direct: false, arg: '/r' }), side({ bootId: 'y' })).join(), /side a \(\/r\) refuses O_DIRECT/);
});
