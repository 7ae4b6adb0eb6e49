/**
 * The page's only styling, inline so the page makes no requests. Light and dark follow the
 * reader's system; print drops colours and keeps tables whole across pages. Every text wraps,
 * even a word longer than the screen (a 5,000-character name or address), so the page never
 * scrolls sideways, down to 320 px wide.
 */
export const HTML_STYLE = `
:root { color-scheme: light dark; --text: #172b4d; --muted: #505f79; --bg: #ffffff;
  --line: #dfe1e6; --head: #f4f5f7; --link: #0c66e4; --danger: #ae2e24; }
@media (prefers-color-scheme: dark) {
  :root { --text: #dee4ea; --muted: #9fadbc; --bg: #1d2125; --line: #38414a; --head: #22272b;
    --link: #579dff; --danger: #fd9891; }
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 72rem; padding: 2rem 1.5rem; background: var(--bg);
  color: var(--text); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  overflow-wrap: break-word; overflow-wrap: anywhere; }
th, td { overflow-wrap: break-word; }
header p { color: var(--muted); margin-top: 0; }
h1 { font-size: 1.9rem; margin-bottom: 0.25rem; }
h2 { font-size: 1.4rem; border-bottom: 1px solid var(--line); padding-bottom: 0.25rem; margin-top: 2.5rem; }
h3 { font-size: 1.1rem; margin-top: 1.5rem; }
h4 { font-size: 1rem; margin-top: 1rem; }
a { color: var(--link); }
p, li, dd, td, tbody th { white-space: pre-line; }
nav ul { columns: 2; padding-left: 1.2rem; }
dl { display: grid; grid-template-columns: minmax(10rem, 16rem) minmax(0, 1fr); gap: 0.25rem 1rem; margin: 0.5rem 0; }
dt { color: var(--muted); font-weight: 600; }
dd { margin: 0; }
.table { position: relative; overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
th, td { border: 1px solid var(--line); padding: 0.4rem 0.5rem; text-align: start; vertical-align: top; }
thead th { background: var(--head); }
tbody th { font-weight: 600; }
td p, th p { margin: 0.25rem 0 0; }
td ul, th ul { margin: 0.25rem 0 0; padding-inline-start: 1.2rem; }
.note, .notes { color: var(--muted); font-size: 0.93em; font-weight: normal; }
.notes-label { margin: 0.5rem 0 0; font-weight: 600; }
.notes ul { margin: 0.25rem 0 0.5rem; }
.badge { display: inline-block; padding: 0 0.3rem; border-radius: 3px; background: var(--head);
  font-size: 0.78em; font-weight: 600; text-transform: uppercase; }
.badge-danger { color: var(--danger); }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 0 0.75rem 0.5rem; margin: 0.75rem 0; }
.card > h3, .card > h4 { margin-top: 0.75rem; }
dl.summary { grid-template-columns: minmax(10rem, 16rem) minmax(0, 1fr); }
dl.summary dd { font-weight: 600; }
.action a { font-weight: 600; }
footer { margin-top: 3rem; color: var(--muted); font-size: 0.875rem; }
/* The data-flow diagram: the wide picture where it fits, else the narrow one; dashed and in words
   what is outside the site's data residency, the colour only a second sign. */
.data-flow { margin: 1rem 0 1.5rem; }
.data-flow figcaption { font-weight: 600; margin-bottom: 0.5rem; }
.data-flow-svg { display: block; max-width: 100%; height: auto; color: var(--text); margin: 0 0 0.75rem; }
.data-flow-wide { display: none; }
@media (min-width: 54.5rem) { .data-flow-wide { display: block; } .data-flow-narrow { display: none; } }
.data-flow-svg .df-edge { stroke: var(--muted); }
.data-flow-svg .df-head { fill: var(--muted); }
.data-flow-svg .df-box { fill: var(--bg); stroke: var(--line); }
.data-flow-svg .df-site .df-box { fill: var(--head); stroke: var(--muted); }
.data-flow-svg .df-outside .df-box, .data-flow-svg .df-edge.df-outside { stroke: var(--danger); }
.data-flow-svg .df-detail { fill: var(--muted); }
.data-flow-svg .df-mark { fill: var(--danger); }
.data-flow-svg .df-vendor { unicode-bidi: isolate; }
.data-flow-text { color: var(--muted); font-size: 0.93em; }
.data-flow-text ul { margin: 0.25rem 0 0; }
@media (max-width: 40rem) {
  body { padding: 1.5rem 1rem; }
  dl { grid-template-columns: minmax(0, 1fr); }
  nav ul { columns: 1; }
  .table table, .table tbody, .table tr, .table td, .table tbody th { display: block; width: 100%; }
  .table thead, .table thead tr, .table thead th { position: absolute; width: 1px; height: 1px;
    padding: 0; border: 0; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  .table tr { border: 1px solid var(--line); margin-bottom: 0.75rem; }
  .table td, .table tbody th { border: 0; border-top: 1px solid var(--line); }
  .table tbody th { border-top: 0; background: var(--head); }
  .table td::before, .table tbody th::before { content: attr(data-label); display: block;
    color: var(--muted); font-size: 0.8rem; font-weight: 600; }
}
@media print {
  :root { --text: #000; --muted: #333; --bg: #fff; --line: #999; --head: #eee; --link: #000;
    --danger: #000; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  nav { display: none; }
  h2, h3 { break-after: avoid; }
  tr, dl, .card { break-inside: avoid; }
  a[href^="https:"]::after { content: " (" attr(href) ")"; font-size: 0.8em; }
}
`;
