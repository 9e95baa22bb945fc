// The report's inline stylesheet: readable tables, outcome and verdict colours, callouts, charts, print-friendly.

/** The CSS the page carries in its one <style> element. */
export const STYLE = `
:root { --fg: #1d2125; --muted: #5f6b76; --line: #d5dbe1; --bg: #ffffff; --band: #f4f6f8; --link: #0b5cad; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1280px; padding: 1rem 1.5rem 3rem; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
h1 { font-size: 1.6rem; margin: .4rem 0 .2rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .6rem; padding-bottom: .2rem; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
a { color: var(--link); }
code, .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .92em; }
.muted { color: var(--muted); }
.small { font-size: .88em; }
nav.toc { margin: .6rem 0 1rem; display: flex; flex-wrap: wrap; gap: .3rem .9rem; }
nav.toc a { text-decoration: none; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .25rem .45rem; text-align: left; vertical-align: top; }
th { background: var(--band); font-weight: 600; }
tbody tr:nth-child(even) td { background: #fafbfc; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.badge { display: inline-block; padding: 0 .4rem; border-radius: 3px; font-weight: 600; font-size: .9em; white-space: nowrap; }
.o-pass { background: #d3f9d8; color: #2b8a3e; }
.o-warn { background: #fff3bf; color: #8a5a00; }
.o-unsupported { background: #e9ecef; color: #495057; }
.o-omit { background: #f1f3f5; color: #868e96; }
.o-known { background: #e5dbff; color: #5f3dc4; }
.o-fail { background: #ffc9c9; color: #c92a2a; }
.o-hung { background: #c92a2a; color: #fff; }
.o-lost { background: #5c0011; color: #fff; }
.v-safe { background: #2b8a3e; color: #fff; }
.v-unsafe { background: #c92a2a; color: #fff; }
.v-unknown { background: #adb5bd; color: #212529; }
.c-holds { background: #d3f9d8; color: #2b8a3e; }
.c-violated { background: #c92a2a; color: #fff; }
.c-mixed { background: linear-gradient(90deg, #c92a2a 0 50%, #2b8a3e 50% 100%); color: #fff; }
ul.split { margin: 0; padding-left: 1.1em; } ul.split li.s-violated { color: #c92a2a; } ul.split li.s-holds { color: #2b8a3e; }
.c-na { background: #f1f3f5; color: #868e96; }
.c-unchecked { background: #fff3bf; color: #8a5a00; }
.callout { border-left: 5px solid; padding: .5rem .8rem; margin: .6rem 0; border-radius: 3px; }
.callout.voids, .callout.incomplete { border-color: #c92a2a; background: #fff5f5; }
.callout.weakens { border-color: #e8590c; background: #fff4e6; }
.callout.info { border-color: #1c7ed6; background: #e7f5ff; }
.callout.ok { border-color: #2b8a3e; background: #ebfbee; }
.callout strong { margin-right: .3rem; }
ul.sides { list-style: none; padding: 0; }
ul.sides > li { margin: .3rem 0; }
ul.sides ul { margin: .1rem 0 .3rem 1.2rem; padding: 0; color: var(--muted); }
.controls { margin: .3rem 0; display: flex; gap: .6rem; align-items: center; flex-wrap: wrap; }
button, select { font: inherit; padding: .1rem .5rem; }
section.probe { border: 1px solid var(--line); border-radius: 4px; padding: .3rem .8rem .6rem; margin: .8rem 0; }
section.probe:target { outline: 3px solid #4dabf7; }
section.probe h3 { margin-top: .4rem; }
ul.checks { padding-left: 1.1rem; }
ul.checks > li { margin: .35rem 0; }
details { margin: .3rem 0; }
details > summary { cursor: pointer; }
table.transcript td { font-size: .86em; }
table.transcript td:nth-child(-n+3), table.transcript th:nth-child(-n+3) { text-align: right; font-variant-numeric: tabular-nums; }
table.transcript td:nth-child(4), table.transcript td:nth-child(5), table.transcript td:nth-child(7) { font-family: ui-monospace, Menlo, Consolas, monospace; }
table.findings td:nth-child(1) { text-align: right; }
table.findings, table.window-stats { width: auto; min-width: 40%; }
table.transcript td:nth-child(7) { white-space: nowrap; }
table.findings td:nth-child(n+4) { font-family: ui-monospace, Menlo, Consolas, monospace; }
tr.failed td { background: #fff5f5 !important; }
.legend { display: flex; flex-wrap: wrap; gap: .2rem .9rem; font-size: .9em; margin: .2rem 0; }
.swatch { display: inline-block; width: .9em; height: .9em; vertical-align: -.1em; margin-right: .25rem; border: 1px solid #0003; }
.maps { display: grid; grid-template-columns: repeat(auto-fill, minmax(270px, 1fr)); gap: .8rem 1.2rem; }
figure { margin: 0; }
figcaption { font-size: .9em; margin: .2rem 0; }
svg { max-width: 100%; height: auto; display: block; }
.legend svg { display: inline-block; vertical-align: middle; margin-right: .25rem; }
svg text { font: 11px system-ui, sans-serif; fill: #343a40; }
.footer { margin-top: 2rem; color: var(--muted); font-size: .88em; }
section.glance { border: 2px solid var(--line); border-radius: 6px; padding: .2rem 1rem .6rem; margin: 1rem 0; background: #fcfdfe; }
section.glance h2 { margin-top: .6rem; }
section.glance .headline { font-size: 1.05rem; }
#glance-table { width: auto; min-width: 50%; }
#glance-table td, #glance-table th { padding: .3rem .8rem; }
#glance-table td a { text-decoration: none; }
#glance-table .badge { font-size: 1em; }
.libvirt-disagrees { font-size: .88em; color: #8a5a00; }
sup.note-ref a { text-decoration: none; }
ol.glance-notes { margin: .2rem 0 .6rem; padding-left: 1.6rem; }
.glance-contradictions ul { margin: .3rem 0; padding-left: 1.2rem; }
.glance-contradictions li { margin: .2rem 0; }
details.fold { border-top: 1px solid var(--line); margin: 0; padding: .1rem 0; }
details.fold > summary { font-size: 1.15rem; font-weight: 600; padding: .5rem 0; }
details.fold > section > h2:first-child { display: none; }
details.fold > summary .muted { font-weight: 400; font-size: .8rem; }
@media print { details { display: block; } .controls { display: none; } }
`;
