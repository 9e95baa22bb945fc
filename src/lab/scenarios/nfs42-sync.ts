// Scenario nfs42-sync: see the summary (coprobe lab --list).
import { nfsScenario } from './nfs.js';

export default nfsScenario({ name: 'nfs42-sync', version: '4.2', exportMode: 'sync', clients: 'two', default: true });
