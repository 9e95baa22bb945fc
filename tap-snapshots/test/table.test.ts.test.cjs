/* IMPORTANT
 * This snapshot file is auto-generated, but designed for humans.
 * It should be checked into source control and tracked carefully.
 * Re-generate by setting TAP_SNAPSHOT=1 and running tests.
 * Make sure to inspect the output below.  Do not ignore changes!
 */
'use strict'
exports[`test/table.test.ts > TAP > rows for every outcome (timings scrubbed) > must match snapshot 1`] = `
BOTH1  writeback→writeback                PASS        16/0/0                   N ms    
BOTH1  writeback→writeback                WARN        0/16/0                   N ms    reader sees the new data: 0 fresh, 16 stale
BOTH1  writeback→writeback                UNSUPPORTED -                        -          why UNSUPPORTED
BOTH1  writeback→writeback                OMIT        -                        -          why OMIT
BOTH1  writeback→writeback                KNOWN       0/16/0                   N ms    reader sees the new data: 0 fresh, 16 stale
BOTH1  writeback→writeback                FAIL        0/16/0                   N ms    reader sees the new data: 0 fresh, 16 stale
BOTH1  writeback→writeback                HUNG        -                        -          why HUNG
BOTH1  writeback→writeback                LOST        -                        -          why LOST
`
