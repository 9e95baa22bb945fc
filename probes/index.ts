// The probe catalogue: every probe module, in the order they are listed and run.
import type { Probe } from '../src/probe.js';
import { cto } from './cto.js';
import { share } from './share.js';
import { openBoth } from './open-both.js';
import { staleWindow } from './stale-window.js';
import { flushMethods } from './flush-methods.js';
import { locks } from './locks.js';
import { earlyRead } from './early-read.js';
import { readahead } from './readahead.js';
import { residency } from './residency.js';
import { size } from './size.js';
import { unlinkAfterOpen } from './unlink-after-open.js';
import { handoff } from './handoff.js';
import { imageFormats } from './image-formats.js';
import { restartDurability } from './restart-durability.js';

export const PROBES: readonly Probe[] = [share, cto, openBoth, staleWindow, flushMethods, locks, earlyRead, readahead, residency, size, unlinkAfterOpen, handoff, imageFormats, restartDurability];
