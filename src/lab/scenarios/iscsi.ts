// Scenario iscsi: one tgt LUN logged in twice by the kernel initiator (open-iscsi) through two iface records.
import type { Scenario } from '../types.js';
import { INITIATOR, LUN_A, LUN_B, RUN_DIR, TARGET_IQN } from '../guest/names.js';

const login = (side: 'a' | 'b') =>
  `iscsiadm -m node -T ${TARGET_IQN} -p 127.0.0.1 -I coprobe-lab-${side} --login`;

/** Link /run/coprobe-lab/lun-<side> to the disk the session of that side's initiator name attached (waits for the scan). */
const link = (side: 'a' | 'b', path: string) => `for i in $(seq 1 100); do
  for s in /sys/class/iscsi_session/session*; do
    [ "$(cat $s/initiatorname 2>/dev/null)" = "${INITIATOR[side]}" ] || continue
    d=$(ls $s/device/target*/*/block 2>/dev/null | head -n 1)
    [ -n "$d" ] && [ -b /dev/$d ] && { ln -sfn /dev/$d ${path}; echo "side ${side}: /dev/$d"; exit 0; }
  done; sleep 0.1
done; echo "no disk attached for ${INITIATOR[side]}" >&2; exit 1`;

const scenario: Scenario = {
  name: 'iscsi',
  summary: 'kernel iSCSI: one tgt LUN (file-backed) logged in twice by open-iscsi through two iface records with different initiator names: two /dev/sdX, two page caches',
  kind: 'iscsi',
  default: true,
  needs: ['iscsi-target', 'iscsi-initiator'],
  setup: [
    ...(['a', 'b'] as const).map((s) => ({
      name: `iface record ${s}`,
      run: `iscsiadm -m iface -I coprobe-lab-${s} -o new && iscsiadm -m iface -I coprobe-lab-${s} -o update -n iface.initiatorname -v ${INITIATOR[s]}`,
    })),
    { name: 'discovery', run: `iscsiadm -m discovery -t st -p 127.0.0.1 -I coprobe-lab-a -I coprobe-lab-b` },
    { name: 'login a', run: login('a') },
    { name: 'login b', run: login('b') },
    { name: 'find the disks', run: `mkdir -p ${RUN_DIR} && (${link('a', LUN_A)}) && (${link('b', LUN_B)})` },
  ],
  teardown: [
    { name: 'logout', run: `iscsiadm -m node -T ${TARGET_IQN} -p 127.0.0.1 --logout; rm -f ${LUN_A} ${LUN_B}`, timeoutMs: 30_000 },
    { name: 'remove records', run: `iscsiadm -m node -o delete; for s in a b; do iscsiadm -m iface -I coprobe-lab-$s -o delete; done; true` },
  ],
  sides: { a: LUN_A, b: LUN_B, destroy: [LUN_A, LUN_B] },
  facts: {
    setup: { a: login('a'), b: login('b') },
    clients: `two iSCSI sessions from one kernel initiator (iface records coprobe-lab-a, coprobe-lab-b; initiator names ${INITIATOR.a}, ${INITIATOR.b}): the same LUN as two SCSI disks with their own page caches`,
  },
};

export default scenario;
