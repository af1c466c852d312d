// The hover on a handler's registration (issue #10): the handler details the last service run
// kept (analysis/services/handlerDetails.ts), formatted as Markdown. Nothing is worked out here.
// Labels and paths come from workspace code: they are escaped, never read as Markdown.
import * as path from 'node:path';
import type { Hover, HoverParams } from 'vscode-languageserver/node';
import { MarkupKind } from 'vscode-languageserver/node';
import type { ContextPassing, HandlerDetails } from '../analysis/index';
import { describeMeasuredBy } from '../analysis/metrics/measuredBy';

export interface HandlerHoverDeps {
  /** The handlers registered in a file, from the last service run. */
  handlersIn(absPath: string): readonly HandlerDetails[];
  /** The file a document URI stands for, when it is one. */
  pathOf(uri: string): string | undefined;
  /** The folder places are shown relative to (the workspace folder's root). */
  baseOf(absPath: string): string | undefined;
}

const PASSING: Record<ContextPassing, string> = {
  passes: 'passes the request id / trace context',
  missing: '**does not pass** the request id or trace context',
  unknown: 'options built elsewhere: cannot tell whether it passes the context',
  instrumented: 'trace context added by OpenTelemetry instrumentation',
  interceptor: 'headers added by an axios request interceptor',
  injected: 'the handler injects trace context (propagation.inject)',
  'third-party': "another company's public API (not sent the request id)",
};
/** The same, for a call in a function the handler reaches (it, not the handler, injects). */
const PATH_PASSING: Record<ContextPassing, string> = { ...PASSING, injected: 'its function injects trace context (propagation.inject)' };

export function handlerHover(params: HoverParams, deps: HandlerHoverDeps): Hover | null {
  const file = deps.pathOf(params.textDocument.uri);
  if (!file) return null;
  const { line, character } = params.position;
  const after = (l: number, c: number) => line > l || (line === l && character >= c);
  const at = deps.handlersIn(file).filter((h) => after(h.span.line, h.span.column) && !after(h.span.endLine, h.span.endColumn + 1));
  if (at.length === 0) return null;
  const base = deps.baseOf(file) ?? path.dirname(file);
  const s = at[0].span;
  return {
    contents: { kind: MarkupKind.Markdown, value: at.map((h) => handlerMarkdown(h, base)).join('\n\n---\n\n') },
    range: { start: { line: s.line, character: s.column }, end: { line: s.endLine, character: s.endColumn } },
  };
}

/** One handler's hover text. */
export function handlerMarkdown(h: HandlerDetails, base: string): string {
  const place = (file: string, line: number) => `${path.relative(base, file).split(path.sep).join('/')}:${line + 1}`;
  const where = (file: string, line: number) => escape(place(file, line));
  const out: string[] = [`**${escape(h.method)} ${h.path === null ? '_(path computed at run time)_' : code(h.path)}** · ${escape(h.framework)}`, ''];

  out.push('**Request context in front**', '');
  const sources = h.context.sources;
  if (sources.length === 0) out.push('- none: no request id or trace context reaches this handler');
  for (const c of sources) {
    const place = c.file !== undefined && c.line !== undefined ? ` (${where(c.file, c.line)})` : '';
    const scope = c.scope === 'service' ? ', every request' : '';
    out.push(`- ${code(c.label)}${place}: ${escape(c.gives.join(', '))}${scope}`);
  }
  if (h.context.requestLogger) out.push(`- request logger in the handler: ${code(h.context.requestLogger)}`);
  out.push('');

  const m = h.metrics;
  if (m.outsideService) out.push('**Metrics**: not counted (registered in code that does not run in the service)');
  else if (m.preflight) out.push('**Metrics**: not counted (an OPTIONS preflight route)');
  else if (m.scrapeEndpoint) out.push('**Metrics**: the scrape endpoint (serves the metrics)');
  else if (m.measuredBy.length > 0) out.push(`**Metrics**: measured by ${m.measuredBy.map((b) => escape(describeMeasuredBy(b, place))).join('; ')}`);
  else out.push(`**Metrics**: not measured${m.notes.length > 0 ? ` (${escape(m.notes.join('; '))})` : ''}`);
  out.push('');

  out.push('**Outgoing calls**', '');
  if (h.outgoing === null) out.push('- the handler function could not be followed');
  else if (h.outgoing.length === 0) out.push('- none in the handler body');
  else for (const o of h.outgoing) out.push(`- ${code(o.label)} (line ${o.line + 1}): ${PASSING[o.passing]}`);

  // The request path beyond the handler's body, each section when it has something to show.
  const p = h.requestPath;
  if (p) {
    // Where a call is on the request path: the function it is in and its file and line.
    const at = (n: { file: string; line: number; fn: string | null }) => `${n.fn ? `in ${code(n.fn)} ` : ''}(${where(n.file, n.line)})`;
    if (p.outgoing.length > 0) out.push('', '**Outgoing calls on its request path** (functions it calls, middleware in front)', '');
    for (const o of p.outgoing) out.push(`- ${code(o.label)} ${at(o)}: ${PATH_PASSING[o.passing]}`);
    if (p.logsWithoutContext?.length) out.push('', '**Log calls on its request path without the request context**', '');
    for (const l of p.logsWithoutContext ?? []) out.push(`- ${code(l.call)} ${at(l)}`);
    if (p.more > 0) out.push('', `_and ${p.more} more_`);
  }
  return out.join('\n');
}

/** Text shown as is: Markdown's punctuation escaped (parentheses only make a link after `]`, which is escaped). */
function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#+!|~]/g, '\\$&');
}

/** A code span around any text: a fence longer than its longest run of backticks. */
function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}
