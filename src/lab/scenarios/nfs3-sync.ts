// Scenario nfs3-sync: see the summary (coprobe lab --list).
import { nfsScenario } from './nfs.js';

export default nfsScenario({ name: 'nfs3-sync', version: '3', exportMode: 'sync', clients: 'two', default: true });
