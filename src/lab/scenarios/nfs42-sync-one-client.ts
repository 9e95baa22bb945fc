// Scenario nfs42-sync-one-client: see the summary (coprobe lab --list).
import { nfsScenario } from './nfs.js';

export default nfsScenario({ name: 'nfs42-sync-one-client', version: '4.2', exportMode: 'sync', clients: 'one', default: false });
