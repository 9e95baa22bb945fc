// koffi declarations of the libiscsi 1.19 calls (libiscsi.so.7) and the struct layouts read from its results.
// Prototypes follow Debian libiscsi-dev 1.19.0's include/iscsi/iscsi.h and scsi-lowlevel.h; contexts and tasks stay opaque pointers.
import koffi from 'koffi';

const prototypes = {
  iscsi_create_context: 'void *iscsi_create_context(const char *initiator_name)',
  iscsi_destroy_context: 'int iscsi_destroy_context(void *iscsi)',
  iscsi_get_error: 'const char *iscsi_get_error(void *iscsi)',
  iscsi_set_targetname: 'int iscsi_set_targetname(void *iscsi, const char *targetname)',
  iscsi_set_session_type: 'int iscsi_set_session_type(void *iscsi, int session_type)',
  iscsi_set_header_digest: 'int iscsi_set_header_digest(void *iscsi, int header_digest)',
  iscsi_set_initiator_username_pwd: 'int iscsi_set_initiator_username_pwd(void *iscsi, const char *user, const char *passwd)',
  iscsi_set_timeout: 'int iscsi_set_timeout(void *iscsi, int timeout)',
  iscsi_set_noautoreconnect: 'void iscsi_set_noautoreconnect(void *iscsi, int state)',
  iscsi_full_connect_sync: 'int iscsi_full_connect_sync(void *iscsi, const char *portal, int lun)',
  iscsi_logout_sync: 'int iscsi_logout_sync(void *iscsi)',
  iscsi_disconnect: 'int iscsi_disconnect(void *iscsi)',
  iscsi_inquiry_sync: 'void *iscsi_inquiry_sync(void *iscsi, int lun, int evpd, int page_code, int maxsize)',
  iscsi_readcapacity16_sync: 'void *iscsi_readcapacity16_sync(void *iscsi, int lun)',
  iscsi_read16_iov_sync: 'void *iscsi_read16_iov_sync(void *iscsi, int lun, uint64_t lba, uint32_t datalen, int blocksize, int rdprotect, int dpo, int fua, int fua_nv, int group_number, void *iov, int niov)',
  iscsi_write16_iov_sync: 'void *iscsi_write16_iov_sync(void *iscsi, int lun, uint64_t lba, void *data, uint32_t datalen, int blocksize, int wrprotect, int dpo, int fua, int fua_nv, int group_number, void *iov, int niov)',
  iscsi_synchronizecache16_sync: 'void *iscsi_synchronizecache16_sync(void *iscsi, int lun, uint64_t lba, uint32_t num_blocks, int syncnv, int immed)',
  scsi_datain_unmarshall: 'void *scsi_datain_unmarshall(void *task)',
  scsi_free_scsi_task: 'void scsi_free_scsi_task(void *task)',
} as const;

export type IscsiFnName = keyof typeof prototypes;
type NativeFn = ReturnType<koffi.IKoffiLib['func']>;
export type IscsiFunctions = Record<IscsiFnName, NativeFn>;

/** enum iscsi_session_type ISCSI_SESSION_NORMAL. */
export const ISCSI_SESSION_NORMAL = 2;
/** enum iscsi_header_digest ISCSI_HEADER_DIGEST_NONE_CRC32C: offer none, accept CRC32C. */
export const ISCSI_HEADER_DIGEST_NONE_CRC32C = 1;
/** enum scsi_status values a finished task can carry. */
export const SCSI_STATUS = {
  GOOD: 0, CHECK_CONDITION: 2, CONDITION_MET: 4, BUSY: 8, RESERVATION_CONFLICT: 0x18, TASK_SET_FULL: 0x28,
  ACA_ACTIVE: 0x30, TASK_ABORTED: 0x40, REDIRECT: 0x101, CANCELLED: 0x0f000000, ERROR: 0x0f000001, TIMEOUT: 0x0f000002,
} as const;
/** enum scsi_residual SCSI_RESIDUAL_UNDERFLOW: the target moved fewer bytes than asked. */
export const SCSI_RESIDUAL_UNDERFLOW = 1;

/** The head of struct scsi_task (status first, then the CDB, residual and decoded sense). */
export const ScsiTaskHead = koffi.struct('coprobe_scsi_task_head', {
  status: 'int', cdb_size: 'int', xfer_dir: 'int', expxferlen: 'int', cdb: koffi.array('uint8_t', 16),
  residual_status: 'int', residual: 'size_t', sense_error_type: 'uint8_t', sense_key: 'int', sense_ascq: 'int',
});
/** struct scsi_readcapacity16 as scsi_datain_unmarshall returns it. */
export const ReadCapacity16 = koffi.struct('coprobe_scsi_readcapacity16', {
  returned_lba: 'uint64_t', block_length: 'uint32_t', p_type: 'uint8_t', prot_en: 'uint8_t', p_i_exp: 'uint8_t',
  lbppbe: 'uint8_t', lbpme: 'uint8_t', lbprz: 'uint8_t', lalba: 'uint16_t',
});
/** The head of struct scsi_inquiry_standard, up to the identification strings. */
export const InquiryStandardHead = koffi.struct('coprobe_scsi_inquiry_standard_head', {
  qualifier: 'int', device_type: 'int', rmb: 'int', version: 'int', normaca: 'int', hisup: 'int', response_data_format: 'int',
  additional_length: 'int', sccs: 'int', acc: 'int', tpgs: 'int', threepc: 'int', protect: 'int',
  encserv: 'int', multip: 'int', addr16: 'int', wbus16: 'int', sync: 'int', cmdque: 'int', clocking: 'int', qas: 'int', ius: 'int',
  vendor_identification: koffi.array('char', 9, 'String'), product_identification: koffi.array('char', 17, 'String'),
  product_revision_level: koffi.array('char', 5, 'String'),
});

export type IscsiLoad = { available: true; fns: IscsiFunctions } | { available: false; reason: string };
let cached: IscsiLoad | undefined;

/** Load libiscsi.so.7 (or $COPROBE_LIBISCSI) once and declare every prototype; a missing library or symbol is a reason, never a throw. */
export function loadLibiscsi(path = process.env.COPROBE_LIBISCSI || 'libiscsi.so.7'): IscsiLoad {
  if (cached) return cached;
  let lib: koffi.IKoffiLib;
  try {
    lib = koffi.load(path);
  } catch (err) {
    return (cached = { available: false, reason: `cannot load ${path}: ${(err as Error).message}` });
  }
  const fns = {} as IscsiFunctions;
  for (const name of Object.keys(prototypes) as IscsiFnName[]) {
    try {
      fns[name] = lib.func(prototypes[name]);
    } catch (err) {
      return (cached = { available: false, reason: `${path} lacks ${name}: ${(err as Error).message}` });
    }
  }
  return (cached = { available: true, fns });
}
