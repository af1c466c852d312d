// The log panel's HTML shell. Used by the webview view provider and by the browser tests, so the
// tests exercise exactly the CSP and markup users get. No vscode import: it must load bare in Node.
// The shell holds no log data; the script fills it with createElement/textContent only.
import { randomBytes } from 'node:crypto';

export interface PanelHtmlOptions {
  /** webview.cspSource: the origin that serves dist/ and media/ to the webview. */
  cspSource: string;
  nonce: string;
  /** webview.asWebviewUri(dist/webview.js). */
  scriptUri: string;
  /** webview.asWebviewUri(media/panel.css). */
  styleUri: string;
}

/** A fresh CSP nonce: 16 random bytes, base64 (never reuse one across renders). */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function renderPanelHtml({ cspSource, nonce, scriptUri, styleUri }: PanelHtmlOptions): string {
  // A CSP source list is space separated: anything else in cspSource would widen the policy.
  const src = cspSource.replace(/[;\s]+/g, ' ').trim();
  const csp = [
    "default-src 'none'",
    `style-src ${src}`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${src} data:`,
    `font-src ${src}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${attr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${attr(styleUri)}">
<title>Logs</title>
</head>
<body>
<div class="toolbar" role="toolbar" aria-label="Log tail">
  <div class="filter">
    <input id="filter" type="text" spellcheck="false" autocomplete="off" placeholder="Filter: level>=warn req:abc123 msg~timeout -health  (press / to focus)" aria-label="Filter logs" aria-describedby="query-errors">
    <div id="query-errors" class="query-errors" role="alert"></div>
  </div>
  <button id="follow" type="button" class="follow on" aria-pressed="true" title="Follow new records (pause to inspect)">Following</button>
  <div class="counts" id="counts" aria-hidden="true">
    <span class="count" id="count-records">0 records</span>
    <span class="count" id="count-shown">0 shown</span>
    <span class="count" id="count-rate">0/s</span>
    <span class="count" id="count-dropped">0 dropped</span>
  </div>
</div>
<div id="sources" class="sources" aria-label="Sources"></div>
<div id="restricted" class="restricted" role="region" aria-label="Settings held back in Restricted Mode" hidden></div>
<div id="existing" class="existing" role="region" aria-label="Lines already in the followed files" hidden></div>
<div id="live" class="visually-hidden" aria-live="polite" aria-atomic="true"></div>
<div id="timeline-bar" class="timeline-bar" hidden>
  <button id="timeline-back" type="button" title="Back to all records (Escape)">Back</button>
  <span id="timeline-title" class="timeline-title"></span>
  <span id="timeline-summary" class="timeline-summary"></span>
</div>
<div id="list" class="list" role="grid" aria-label="Log records" aria-rowcount="0" tabindex="0">
  <div id="spacer" class="spacer" role="presentation"></div>
</div>
<div id="empty" class="empty"></div>
<div id="details" class="details" hidden>
  <div class="details-bar">
    <span id="details-title" class="details-title"></span>
    <button id="details-copy" type="button">Copy</button>
    <button id="details-goto" type="button">Go to code</button>
    <button id="details-close" type="button" title="Collapse (Escape)">Close</button>
  </div>
  <pre id="details-json" class="details-json"></pre>
  <pre id="details-continuation" class="details-continuation"></pre>
</div>
<script nonce="${attr(nonce)}" src="${attr(scriptUri)}"></script>
</body>
</html>`;
}
