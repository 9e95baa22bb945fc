// Scenario nfs42-async: see the summary (coprobe lab --list).
import { nfsScenario } from './nfs.js';

export default nfsScenario({ name: 'nfs42-async', version: '4.2', exportMode: 'async', clients: 'two', default: false });
