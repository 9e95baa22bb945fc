// Scenario nfs3-async: see the summary (coprobe lab --list).
import { nfsScenario } from './nfs.js';

export default nfsScenario({ name: 'nfs3-async', version: '3', exportMode: 'async', clients: 'two', default: false });
