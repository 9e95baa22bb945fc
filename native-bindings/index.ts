// Public surface of the native layer.
export { Posix, type CallResult, type FileStat } from './posix.js';
export { allocAligned, type AlignedBuffer } from './aligned-buffer.js';
export { loadLibc, type Capability } from './libc.js';
export { linuxConstants, type LinuxConstants } from './constants.js';
export { errnoName } from './errno.js';
export { nowUs } from './clock.js';
