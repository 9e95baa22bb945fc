// Everything an agent holds between commands: the target, open handles, the files it created, its I/O buffer.
import { join } from 'node:path';
import { Posix } from '../../native-bindings/posix.js';
import type { SideBackend } from '../../native-bindings/backend.js';
import { LibcBackend } from '../../native-bindings/libc-backend.js';
import { allocAligned, type AlignedBuffer } from '../../native-bindings/aligned-buffer.js';
import type { IoMode } from '../modes.js';
import type { TargetInfo } from '../protocol/results.js';
import { AgentFailure } from './failure.js';
import { Recorder } from './transcript.js';
import type { RunLock } from './run-lock.js';

/** One open handle, named by the coordinator: a file descriptor for libc, the backend's own number otherwise. */
export interface Handle {
  fd: number; path: string; mode: IoMode; file?: string;
  /** The identity it was opened as (open's uid/gid); reopen opens as it again. */
  as?: { uid: number; gid: number };
  /** Opened O_RDONLY (reopen keeps it). */
  readOnly?: boolean;
}

export class AgentState {
  readonly posix: Posix;
  readonly recorder = new Recorder();
  /** How this side reaches its storage: libc until init connects a userspace backend. */
  io: SideBackend;
  /** Where scratch files go: the directory target, or a directory inside a userspace export. */
  scratchDir = '';
  target?: TargetInfo;
  runId = '';
  writerId = 0;
  blockSize = 4096;
  readonly handles = new Map<string, Handle>();
  /** Absolute paths of scratch files this agent created and has not removed yet. */
  readonly created = new Set<string>();
  /** Kept while this agent has scratch files in a directory target: lists them for a later run's sweep (run-lock.ts). */
  runLock?: RunLock;
  private buf?: AlignedBuffer;
  private chunkBuf?: AlignedBuffer;

  constructor(posix = new Posix()) {
    this.posix = posix;
    posix.onCall = this.recorder.record;
    this.io = new LibcBackend(posix);
  }

  /** Switch to a connected backend (its calls go to the transcript); the previous one is disconnected. */
  useBackend(io: SideBackend): void {
    if (io !== this.io) this.io.disconnect();
    this.io = io;
    io.onCall = this.recorder.record;
  }

  /** The target, or a failure telling the coordinator to send init first. */
  requireTarget(): TargetInfo {
    if (!this.target) throw new AgentFailure('ENOTARGET', 'no target: send init first');
    return this.target;
  }

  /** The handle named h, or a failure naming it. */
  handle(h: string): Handle {
    const found = this.handles.get(h);
    if (!found) throw new AgentFailure('EBADHANDLE', `no open handle "${h}"`);
    return found;
  }

  /** Path of one of this run's scratch files inside a directory target, or the device itself. */
  pathFor(file: string | undefined): string {
    const t = this.requireTarget();
    if (t.kind === 'device') {
      if (file) throw new AgentFailure('EINVALID', 'a block device target has no scratch files');
      return t.path;
    }
    if (!file) throw new AgentFailure('EINVALID', 'a directory target needs a scratch file name');
    // Only this run's own scratch files: another run's (alive or not) are never opened, written or removed from here.
    if (!file.startsWith(`.coprobe-${this.runId}-`)) throw new AgentFailure('EINVALID', `${file} is not a scratch file of this run (${this.runId})`);
    return join(this.scratchDir, file);
  }

  /** The aligned block buffer (one block), reallocated when the block size changes. */
  buffer(): AlignedBuffer {
    if (!this.buf || this.buf.size !== this.blockSize) {
      this.buf?.free();
      const align = Math.max(4096, this.target?.dioMemAlign ?? 0, this.target?.logicalBlockSize ?? 0);
      this.buf = allocAligned(this.posix, align, this.blockSize);
    }
    return this.buf;
  }

  /** An aligned buffer of whole blocks (CHUNK_BYTES, at least one block) for streaming large regions in few calls. */
  chunk(): { buf: AlignedBuffer; blocks: number } {
    const blocks = Math.max(1, Math.floor(CHUNK_BYTES / this.blockSize));
    const size = blocks * this.blockSize;
    if (!this.chunkBuf || this.chunkBuf.size !== size) {
      this.chunkBuf?.free();
      const align = Math.max(4096, this.target?.dioMemAlign ?? 0, this.target?.logicalBlockSize ?? 0);
      this.chunkBuf = allocAligned(this.posix, align, size);
    }
    return { buf: this.chunkBuf, blocks };
  }
}

/** Bytes per pread/pwrite when a command streams a region (verify, workload): constant memory for any image size. */
export const CHUNK_BYTES = 1 << 20;
