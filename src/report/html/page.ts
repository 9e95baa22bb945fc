// The page shell: doctype, a Content-Security-Policy that forbids every fetch, the inline stylesheet and script.
import { html, raw, type Html } from './escape.js';
import { STYLE } from './style.js';
import { SCRIPT } from './script.js';

/** Nothing may be fetched: styles and script are inline, images only data: (the favicon), SVG is inline markup. */
export const CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

/** The whole document around `body`; the empty data: favicon stops the browser asking for /favicon.ico. */
export function page(title: string, body: Html): string {
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="coprobe">
<title>${title}</title>
<link rel="icon" href="data:,">
<style>${raw(STYLE)}</style>
</head>
<body>
${body}
<script>${raw(SCRIPT)}</script>
</body>
</html>
`.text;
}
