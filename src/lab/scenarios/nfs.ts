// The NFS scenarios' common shape: one kernel NFS export (sync or async) mounted by two kernel NFS clients.
import type { Scenario } from '../types.js';
import { AS_CLIENT_B, EXPORT_DIR, MNT_A, MNT_B, NET_B, SERVER_ADDR_B } from '../guest/names.js';

export interface NfsScenarioSpec {
  name: string;
  /** NFS version as mount's vers= takes it. */
  version: '3' | '4.2';
  exportMode: 'sync' | 'async';
  /**
   * two: b mounts from its own network and UTS namespaces, so the server sees two clients (as two hosts are);
   * one: both mounts in one namespace with nosharecache: two superblocks but one client identity (the confounded case).
   */
  clients: 'two' | 'one';
  default: boolean;
}

/** An NFS scenario from its version, export mode and client arrangement. */
export function nfsScenario(s: NfsScenarioSpec): Scenario {
  const opts = `rw,${s.exportMode},no_root_squash,no_subtree_check,fsid=0`;
  const exportsLine = `${EXPORT_DIR} 127.0.0.0/8(${opts}) ${NET_B}(${opts})`;
  // NFSv4 mounts the pseudo root (fsid=0 makes the export the root); NFSv3 mounts the exported path.
  const path = s.version === '3' ? EXPORT_DIR : '/';
  // NFSv3 locks (NLM) never get an answer from the guest's lockd (the client's NLM_LOCK to the server times out; seen
  // with rpcdebug, unresolved), and a lock that hangs would hang LOCK1 and HAND1's fcntl remedy: NFSv3 mounts use
  // nolock (local_lock=all). The client still flushes and revalidates its cache on lock, so LOCK1 measures that, not
  // NLM; the report's mount options and lab facts say so.
  const v3 = s.version === '3' ? ',nolock' : '';
  const mountA = `mount -t nfs -o vers=${s.version},nosharecache${v3} 127.0.0.1:${path} ${MNT_A}`;
  const mountB = s.clients === 'two'
    ? `${AS_CLIENT_B} mount -t nfs -o vers=${s.version}${v3} ${SERVER_ADDR_B}:${path} ${MNT_B}`
    : `mount -t nfs -o vers=${s.version},nosharecache${v3} 127.0.0.1:${path} ${MNT_B}`;
  const v = s.version === '3' ? 'NFSv3' : 'NFSv4.2';
  return {
    name: s.name,
    summary: s.clients === 'two'
      ? `${v}, ${s.exportMode} export of ext4; client a in the guest's namespaces, client b in its own network and UTS namespaces (two clients to the server)`
      : `${v}, ${s.exportMode} export of ext4; both mounts in one kernel namespace with nosharecache (one client to the server: the confounded case)`,
    kind: 'nfs',
    default: s.default,
    ...(s.clients === 'one' ? { confounded: 'both mounts are one NFS client to the server (one network and UTS namespace): it never recalls a delegation from one for the other, which two hosts would see; kept because users run it this way' } : {}),
    needs: s.clients === 'two' ? ['nfs-server', 'client-b-namespaces'] : ['nfs-server'],
    setup: [
      { name: 'export', run: `printf '%s\\n' '${exportsLine}' > /etc/exports && exportfs -ra && exportfs -v` },
      { name: 'mount client a', run: `mkdir -p ${MNT_A} && ${mountA}` },
      { name: 'mount client b', run: `mkdir -p ${MNT_B} && ${mountB}` },
    ],
    teardown: [
      { name: 'unmount client b', run: `umount ${MNT_B}`, timeoutMs: 30_000 },
      { name: 'unmount client a', run: `umount ${MNT_A}`, timeoutMs: 30_000 },
      { name: 'unexport', run: 'exportfs -ua && : > /etc/exports' },
    ],
    sides: { a: MNT_A, b: MNT_B, ...(s.clients === 'two' ? { via: { b: AS_CLIENT_B } } : {}) },
    facts: {
      exports: exportsLine,
      setup: { a: mountA, b: mountB },
      clients: (s.version === '3' ? 'NFSv3 mounted nolock (NLM does not answer in the lab guest: locks are client-local; the client still flushes and revalidates on lock); ' : '') + (s.clients === 'two'
        ? 'two NFS clients in one kernel: b mounts and runs its agent in its own network namespace (veth) and UTS namespace (its own host name), so the server sees two client ids, as with two hosts'
        : 'one NFS client: both mounts in one network and UTS namespace (nosharecache keeps two superblocks, but the server sees one client id)'),
    },
  };
}
