// The matrix page's inline stylesheet: cell colours per value, the flaky flag, a sticky stack column; no web fonts, no fetches.

/** The stylesheet inlined in the page's <style>. */
export const MATRIX_CSS = `
body { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 1.5em; color: #1d1d1f; background: #fff; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 1.6em; }
code, .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.92em; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; }
th, td { border: 1px solid #c8c8cc; padding: 0.35em 0.5em; vertical-align: top; }
thead th { background: #f2f2f5; font-weight: 600; text-align: center; }
table.matrix tbody th { text-align: left; font-weight: normal; min-width: 16em; max-width: 28em; background: #fafafa; position: sticky; left: 0; }
.letter { font-weight: 700; margin-right: 0.3em; }
td.cell { min-width: 7em; text-align: center; }
.val { font-weight: 700; }
.n { font-size: 0.82em; color: #444; }
.links a { margin: 0 0.15em; }
.v-SAFE { background: #d8f3dc; } .v-SAFE .val { color: #1b5e20; }
.v-UNSAFE { background: #fbd3d3; } .v-UNSAFE .val { color: #9b1c1c; }
.v-UNKNOWN { background: #fff1c2; } .v-UNKNOWN .val { color: #7a5a00; }
.v-holds { background: #dde9fb; } .v-holds .val { color: #17407a; }
.v-violated { background: #fbd3d3; } .v-violated .val { color: #9b1c1c; }
.v-mixed { background: repeating-linear-gradient(135deg, #dde9fb 0 8px, #fbd3d3 8px 16px); } .v-mixed .val { color: #6b2d6b; }
.v-not-applicable { background: #eeeeee; } .v-not-applicable .val { color: #666; font-weight: normal; }
.v-not-measured { background: #fafafa; color: #888; } .v-not-measured .val { font-weight: normal; font-style: italic; }
td.flaky { outline: 3px dashed #d97706; outline-offset: -3px; }
.flag { display: inline-block; margin: 0.2em 0; padding: 0 0.4em; border-radius: 0.6em; background: #d97706; color: #fff; font-size: 0.8em; font-weight: 700; }
.legend span { display: inline-block; padding: 0.1em 0.5em; margin: 0.15em; border: 1px solid #c8c8cc; }
ul.details { margin: 0.2em 0 0.8em; font-size: 0.9em; color: #333; }
.incomplete { color: #9b1c1c; font-weight: 600; }
`;
