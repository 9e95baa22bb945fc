// The lab's error class: a stable code per failure kind and a message that says what to do.

export type LabErrorCode =
  | 'LAB_REQUIREMENTS' // a tool or package missing on the host, or not root
  | 'LAB_KERNEL' // the kernel package could not be fetched or unpacked
  | 'LAB_INITRAMFS' // the initramfs could not be built
  | 'LAB_BOOT' // the guest did not come up
  | 'LAB_GUEST' // a step in the guest failed or hung
  | 'LAB_INTERRUPTED' // the user stopped the lab
  | 'LAB_INDEX'; // the lab's index could not be written (no lab.json, or an unwritable file)

/** A failure of the lab with a code; `tail` holds the guest log's last lines when the guest was involved. */
export class LabError extends Error {
  readonly code: LabErrorCode;
  readonly tail: string | undefined;
  constructor(code: LabErrorCode, message: string, tail?: string) {
    super(message);
    this.name = 'LabError';
    this.code = code;
    this.tail = tail;
  }
}
