// Entry point the guest's init runs: node dist/src/lab/guest/entry.js SHARE_DIR.
import { runGuest } from './main.js';

runGuest(process.argv[2] ?? '/coprobe-lab').catch((err) => {
  console.error(`coprobe lab guest: ${(err as Error).stack ?? String(err)}`);
  process.exitCode = 1;
});
