// The libiscsi backend module: one userspace iSCSI session per connect (no host page cache), errors as stable BackendError codes.
import koffi from 'koffi';
import { BackendError, type BackendModule, type ConnectOptions, type ConnectedTarget, type SideBackend } from './backend.js';
import { parseIscsiUrl, redactIscsiUrl, type IscsiUrl } from './iscsi-url.js';
import {
  loadLibiscsi, ISCSI_SESSION_NORMAL, ISCSI_HEADER_DIGEST_NONE_CRC32C, InquiryStandardHead, ReadCapacity16, type IscsiFunctions,
} from './libiscsi-lib.js';
import { IscsiSide, finishTask, type LunGeometry } from './libiscsi-side.js';

const deviceTypes: Record<number, string> = { 0: 'disk', 1: 'tape', 5: 'CD/DVD', 0x0c: 'storage array controller', 0x0d: 'enclosure', 0x1f: 'unknown' };
let sessions = 0;

/** Credentials from the URL, else from libiscsi's own environment variables; throws EURL for a user without a password. */
function chapCredentials(u: IscsiUrl, env: NodeJS.ProcessEnv): { user: string; password: string } | undefined {
  const user = u.user ?? env.LIBISCSI_CHAP_USERNAME;
  const password = u.password ?? env.LIBISCSI_CHAP_PASSWORD;
  if (!user) return undefined;
  if (!password) {
    throw new BackendError('libiscsi', 'EURL', `CHAP user "${user}" has no password: write user%password in the URL or set LIBISCSI_CHAP_PASSWORD`);
  }
  return { user, password };
}

/** Map a failed iscsi_full_connect_sync message to a stable code and a message that says what to do. */
function connectError(u: IscsiUrl, msg: string, chapUser: string | undefined): BackendError {
  const lib = msg.trim();
  const at = `${u.iqn} at ${u.portal}`;
  if (/Failed to log in to target/i.test(lib)) {
    let hint = `check the IQN (list the portal's targets with \`iscsi-ls iscsi://${u.portal}\`)`;
    if (/Target not found/i.test(lib)) hint = `the portal does not export ${u.iqn}: list its targets with \`iscsi-ls iscsi://${u.portal}\``;
    else if (/Authentication/i.test(lib)) {
      hint = chapUser ? `CHAP login as "${chapUser}" was rejected: check the user and password`
        : 'the target requires CHAP: write user%password in the URL or set LIBISCSI_CHAP_USERNAME and LIBISCSI_CHAP_PASSWORD';
    }
    return new BackendError('libiscsi', 'ELOGIN', `login to ${at} refused (${lib}); ${hint}`);
  }
  if (/LOGICAL_UNIT_NOT_SUPPORTED|LUN.*not.*(found|supported)/i.test(lib)) {
    return new BackendError('libiscsi', 'ENOLUN', `LUN ${u.lun} does not exist on ${at} (${lib}); list the LUNs with \`iscsi-ls -s iscsi://${u.portal}\``);
  }
  if (/resolv/i.test(lib)) return new BackendError('libiscsi', 'ECONNECT', `cannot resolve host ${u.host} of portal ${u.portal} (${lib})`);
  return new BackendError('libiscsi', 'ECONNECT',
    `nothing answered at portal ${u.portal} (libiscsi: ${lib}); check that the iSCSI target is running and listening there`);
}

/** INQUIRY and READ CAPACITY(16) of the connected LUN: a disk's vendor, product and geometry, or ENOLUN. */
function probeLun(fns: IscsiFunctions, ctx: unknown, u: IscsiUrl, scrub: (s: string) => string): LunGeometry & { vendor: string; product: string } {
  const noLun = (why: string) => new BackendError('libiscsi', 'ENOLUN', `LUN ${u.lun} of ${u.iqn} at ${u.portal}: ${scrub(why)}`);
  const inq = fns.iscsi_inquiry_sync(ctx, u.lun, 0, 0, 255);
  const id = inq ? fns.scsi_datain_unmarshall(inq) : null;
  const std = id ? koffi.decode(id, InquiryStandardHead) as { qualifier: number; device_type: number; vendor_identification: string; product_identification: string } : undefined;
  const inqDone = finishTask(fns, ctx, inq);
  if (!inqDone.ok || !std) throw noLun(`INQUIRY failed: ${inqDone.detail || 'no standard inquiry data'}`);
  if (std.qualifier !== 0) throw noLun('the target reports no device connected there');
  if (std.device_type !== 0) throw noLun(`it is a ${deviceTypes[std.device_type] ?? `device of type ${std.device_type}`}, not a disk`);
  const cap = fns.iscsi_readcapacity16_sync(ctx, u.lun);
  const rc = cap ? fns.scsi_datain_unmarshall(cap) : null;
  const geo = rc ? koffi.decode(rc, ReadCapacity16) as { returned_lba: number | bigint; block_length: number } : undefined;
  const capDone = finishTask(fns, ctx, cap);
  if (!capDone.ok || !geo || geo.block_length === 0) throw noLun(`READ CAPACITY(16) failed: ${capDone.detail || 'no capacity data'}`);
  return {
    lun: u.lun, blockLength: geo.block_length, blocks: Number(geo.returned_lba) + 1,
    vendor: std.vendor_identification.trim(), product: std.product_identification.trim(),
  };
}

/** Connect one session to the LUN an iscsi:// URL names; throws BackendError (ELIBMISSING, EURL, ECONNECT, ELOGIN, ENOLUN). */
function connect(target: string, opts: ConnectOptions): { backend: SideBackend; target: ConnectedTarget } {
  const lib = loadLibiscsi();
  if (!lib.available) throw new BackendError('libiscsi', 'ELIBMISSING', `not available: ${lib.reason} (install Debian's libiscsi7)`);
  const fns = lib.fns;
  const u = parseIscsiUrl(target);
  const chap = chapCredentials(u, opts.env);
  const scrub = (s: string) => (chap ? s.split(chap.password).join('***') : s);
  const initiator = `iqn.2026-11.org.coprobe:initiator-${process.pid}-${++sessions}`;
  const ctx = fns.iscsi_create_context(initiator);
  if (!ctx) throw new BackendError('libiscsi', 'ECONNECT', `iscsi_create_context(${initiator}) failed`);
  try {
    fns.iscsi_set_targetname(ctx, u.iqn);
    fns.iscsi_set_session_type(ctx, ISCSI_SESSION_NORMAL);
    fns.iscsi_set_header_digest(ctx, ISCSI_HEADER_DIGEST_NONE_CRC32C);
    if (opts.timeoutSec > 0) fns.iscsi_set_timeout(ctx, Math.ceil(opts.timeoutSec));
    // A lost connection fails the call (EIO) instead of libiscsi's endless silent reconnect, which hangs a sync call forever.
    fns.iscsi_set_noautoreconnect(ctx, 1);
    if (chap) fns.iscsi_set_initiator_username_pwd(ctx, chap.user, chap.password);
    if (fns.iscsi_full_connect_sync(ctx, u.portal, u.lun) !== 0) {
      throw connectError(u, scrub(fns.iscsi_get_error(ctx) as string), chap?.user);
    }
    const lun = probeLun(fns, ctx, u, scrub);
    const backend = new IscsiSide(fns, ctx, { lun: lun.lun, blockLength: lun.blockLength, blocks: lun.blocks }, scrub);
    const connected: ConnectedTarget = {
      path: redactIscsiUrl(target), kind: 'device', fsType: 'iscsi', logicalBlockSize: lun.blockLength,
      deviceSize: lun.blocks * lun.blockLength,
      description: `iSCSI LUN ${u.lun} of ${u.iqn} at ${u.portal} via libiscsi (userspace, no host page cache), ${lun.blockLength}-byte blocks`,
      facts: {
        portal: u.portal, iqn: u.iqn, lun: u.lun, blocks: lun.blocks, blockLength: lun.blockLength,
        vendor: lun.vendor, product: lun.product, initiator, chap: chap !== undefined,
      },
    };
    return { backend, target: connected };
  } catch (err) {
    try { fns.iscsi_logout_sync(ctx); } catch { /* not logged in */ }
    fns.iscsi_destroy_context(ctx);
    throw err;
  }
}

/** libiscsi as a side backend for iscsi:// URLs. */
export const libiscsiBackend: BackendModule = {
  name: 'libiscsi',
  schemes: ['iscsi:'],
  serves: { kind: 'device', stack: 'block' },
  available() {
    const lib = loadLibiscsi();
    return lib.available ? { available: true } : { available: false, reason: lib.reason };
  },
  connect,
};
