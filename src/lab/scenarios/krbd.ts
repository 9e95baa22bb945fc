// Scenario krbd: one rbd image (ci/ceph.sh's single-host cluster in the guest) mapped twice by the kernel rbd client,
// each map with noshare, so each is its own Ceph client: two /dev/rbdN over one image, two page caches, as iSCSI's two disks.
import type { Scenario } from '../types.js';
import { CEPH_CLIENT_OF, RBD_A, RBD_B, RBD_IMAGE, RBD_POOL, RBD_SIZE_MIB, RUN_DIR } from '../guest/names.js';
import { CEPH_CLIENT, CEPH_CONF, CEPH_MEMORY_MIB } from '../guest/services.js';

const spec = `${RBD_POOL}/${RBD_IMAGE}`;
/**
 * The kernel mapping of side a or b. `noshare` gives the mapping its own libceph client instance (drivers/block/rbd.c
 * rbd_get_client shares one between maps with the same options unless noshare): two client ids and two watches on the
 * image header, as two hosts have. Each map is its own block device, so its own page cache. `noudev`: the guest runs no
 * udev, and rbd waits for udev's event otherwise (measured: `rbd device map` without it hung past its 120 s bound); the
 * rbd CLI does not pass it to the kernel.
 */
const map = () => `rbd -c ${CEPH_CONF} --id ${CEPH_CLIENT} device map -o noshare,noudev ${spec}`;

/** Map, link the device to the side's stable path, and record the mapping's client id (sysfs client_id: "client<id>"). */
const mapSide = (side: 'a' | 'b') => {
  const link = side === 'a' ? RBD_A : RBD_B;
  return `dev=$(${map()}) && for i in $(seq 1 100); do [ -b "$dev" ] && break; sleep 0.1; done && [ -b "$dev" ] && ln -sfn "$dev" ${link} && id=$(cat /sys/bus/rbd/devices/\${dev#/dev/rbd}/client_id) && echo "\${id#client}" > ${CEPH_CLIENT_OF[side]} && echo "side ${side}: $dev client.\${id#client}"`;
};

const scenario: Scenario = {
  name: 'krbd',
  summary: `kernel rbd: one ${RBD_SIZE_MIB} MiB image in ci/ceph.sh's single-host cluster (memstore OSD) in the guest, mapped twice by the kernel rbd client with noshare: two Ceph clients, two /dev/rbdN, two page caches`,
  kind: 'rbd',
  default: false,
  needs: ['ceph'],
  memoryMiB: CEPH_MEMORY_MIB,
  packages: ['ceph-common', 'ceph-mon', 'ceph-osd'],
  setup: [
    { name: 'no mapping yet', run: `mkdir -p ${RUN_DIR} && [ -z "$(ls /sys/bus/rbd/devices)" ] || { ls /sys/bus/rbd/devices; exit 1; }` },
    { name: 'create the image', run: `rbd -c ${CEPH_CONF} --id ${CEPH_CLIENT} create --size ${RBD_SIZE_MIB} ${spec} && rbd -c ${CEPH_CONF} --id ${CEPH_CLIENT} info ${spec}`, timeoutMs: 120_000 },
    { name: 'map a', run: mapSide('a'), timeoutMs: 120_000 },
    { name: 'map b', run: mapSide('b'), timeoutMs: 120_000 },
  ],
  observe: [
    { name: 'mappings', run: `for d in /sys/bus/rbd/devices/*; do echo "/dev/rbd\${d##*/} $(cat $d/pool)/$(cat $d/name) $(cat $d/client_id) $(cat $d/client_addr)"; done` },
    // The image header's watchers: one per mapping (a librbd or krbd client watching for header changes and lock requests).
    { name: 'image watchers', run: `rbd -c ${CEPH_CONF} --id ${CEPH_CLIENT} status ${spec}`, timeoutMs: 120_000 },
  ],
  teardown: [
    // Every mapping of the lab's image, linked or not (a map that outlived its bound may have mapped without a link).
    { name: 'unmap', run: `for d in /sys/bus/rbd/devices/*; do [ -e $d ] && [ "$(cat $d/pool)/$(cat $d/name)" = ${spec} ] && rbd device unmap -o noudev /dev/rbd\${d##*/}; done; rm -f ${RBD_A} ${RBD_B} ${CEPH_CLIENT_OF.a} ${CEPH_CLIENT_OF.b}; [ -z "$(ls /sys/bus/rbd/devices)" ]`, timeoutMs: 120_000 },
    { name: 'remove the image', run: `rbd -c ${CEPH_CONF} --id ${CEPH_CLIENT} rm --no-progress ${spec}`, timeoutMs: 120_000 },
  ],
  sides: { a: RBD_A, b: RBD_B, destroy: [RBD_A, RBD_B] },
  facts: {
    setup: { a: map(), b: map() },
    clients: 'two kernel rbd mappings of one image in one kernel: each map has noshare, so each is its own libceph client (its own client id and header watch) and its own /dev/rbdN with its own page cache, as two hosts are',
  },
};

export default scenario;
