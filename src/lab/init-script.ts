// The guest's two boot stages: the initramfs /init (busybox) that assembles the root, and the stage run on that root.

/** virtio-9p mount tags the host shares: its root (read-only), the lab's directory, the kernel's modules. */
export const TAGS = { root: 'hostroot', share: 'lab', modules: 'kmods' } as const;
/** Where the lab's shared directory appears in the guest. */
export const GUEST_SHARE = '/coprobe-lab';

const P9 = 'trans=virtio,version=9p2000.L,msize=262144';

/**
 * The initramfs /init: load the virtio, 9p and overlay modules, wait for the 9p tags (the virtio devices are probed
 * asynchronously), mount the host root read-only as the lower layer of an overlay with a tmpfs upper layer, mount the
 * lab's directory and the modules, and switch to the host's userspace. Any failure powers the guest off with a message
 * in the console log, which the host shows.
 */
export function initScript(modules: readonly string[], waitSeconds = 20): string {
  return `#!/bin/busybox sh
/bin/busybox --install -s /bin
mount -t proc proc /proc; mount -t sysfs sys /sys; mount -t devtmpfs dev /dev
die() { echo "coprobe-lab initramfs: $*"; poweroff -f; }
echo "coprobe-lab initramfs: loading ${modules.length} modules"
for m in ${modules.map((m) => m.replace(/[^\w.-]/g, '')).join(' ')}; do insmod /lib/lab/$m || die "insmod $m failed"; done
i=0
while :; do
  tags=$(cat /sys/bus/virtio/drivers/9pnet_virtio/*/mount_tag 2>/dev/null | tr '\\0' ' ')
  case " $tags " in *" ${TAGS.root} "*) case " $tags " in *" ${TAGS.share} "*) case " $tags " in *" ${TAGS.modules} "*) break;; esac;; esac;; esac
  i=$((i+1)); [ $i -gt ${waitSeconds * 20} ] && die "9p tags never appeared (seen: $tags)"
  sleep 0.05
done
mount -t 9p -o ${P9},ro,cache=loose ${TAGS.root} /lower || die "mounting the host root failed"
mount -t tmpfs -o size=300m,mode=0755 upper /upper && mkdir -p /upper/u /upper/w || die "tmpfs upper failed"
mount -t overlay -o lowerdir=/lower,upperdir=/upper/u,workdir=/upper/w root /newroot || die "overlay failed"
mkdir -p /newroot${GUEST_SHARE} /newroot/lib/modules
mount -t 9p -o ${P9} ${TAGS.share} /newroot${GUEST_SHARE} || die "mounting the lab directory failed"
mount -t 9p -o ${P9},ro ${TAGS.modules} /newroot/lib/modules || die "mounting the modules failed"
[ -x /newroot${GUEST_SHARE}/stage2.sh ] || die "no stage2.sh in the lab directory"
echo "coprobe-lab initramfs: switching to the host's userspace"
exec switch_root /newroot /bin/sh ${GUEST_SHARE}/stage2.sh
`;
}

/** Stage 2, on the overlay root: the usual mounts, then the guest runner; the guest powers off when it returns. */
export function stage2Script(node: string, guestEntry: string): string {
  const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  return `#!/bin/sh
exec >>${GUEST_SHARE}/guest.log 2>&1
mount -t proc proc /proc; mount -t sysfs sys /sys; mount -t devtmpfs dev /dev 2>/dev/null
echo "coprobe-lab stage2: up after $(cut -d' ' -f1 /proc/uptime) s, kernel $(uname -r)"
mkdir -p /dev/pts /dev/shm; mount -t devpts devpts /dev/pts; mount -t tmpfs shm /dev/shm
# A fresh /run for the guest's daemons. /tmp stays the overlay's (the host's, read-only below, writes to the tmpfs
# upper layer): coprobe or node may live under the host's /tmp (a CI checkout), and must stay visible.
mount -t tmpfs run /run
# The host's export and initiator configuration must not leak into the lab's servers: the scenarios write their own.
rm -rf /etc/exports.d; : > /etc/exports
ip link set lo up
${q(node)} ${q(guestEntry)} ${GUEST_SHARE}
echo "coprobe-lab stage2: guest runner exited $? after $(cut -d' ' -f1 /proc/uptime) s; powering off"
sync
/bin/busybox poweroff -f || echo o > /proc/sysrq-trigger
`;
}
