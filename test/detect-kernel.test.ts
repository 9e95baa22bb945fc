import t from 'tap';
import { kernelAtLeast, kernelVersion } from '../src/detect/kernel.js';

t.test('kernel releases compare by major.minor', async (t) => {
  t.same(kernelVersion('6.18.44-fc-v595'), [6, 18]);
  t.same(kernelVersion('5.10.0-28-amd64'), [5, 10]);
  t.equal(kernelVersion('unknown'), undefined);
  t.ok(kernelAtLeast('6.12.0', 6, 12));
  t.ok(kernelAtLeast('7.0.1', 6, 12));
  t.notOk(kernelAtLeast('6.11.99', 6, 12));
  t.notOk(kernelAtLeast('5.19.0', 6, 12));
  t.notOk(kernelAtLeast('', 6, 12), 'unparseable is not "at least"');
});
