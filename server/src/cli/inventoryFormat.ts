// How `obs-lens inventory` prints: JSON for tools (paths relative to the working directory, lines
// and columns 1-based, as `check --format json`), text for people. Everything in the text comes
// from the workspace (names, paths, labels, scripts) and goes through terminalSafe.
import * as path from 'node:path';
import type { EntryPoint, LoggerSource, ServiceInventory } from '../analysis/handlers/inventory';
import type { Handler, Middleware, Place } from '../analysis/handlers/types';
import { FRAMEWORK_BY_ID } from '../analysis/handlers/frameworks';
import { displayPath } from './report';
import { terminalSafe } from './terminal';

function shown(cwd: string, file: string): string {
  // A service's root may be the working directory itself: `.`, a path that leads back to it.
  if (path.isAbsolute(file) && path.relative(cwd, file) === '') return '.';
  return path.isAbsolute(file) ? displayPath(cwd, file) : file;
}

function placeJson(cwd: string, p: Place): { file: string; line: number; column: number } {
  return { file: shown(cwd, p.file), line: p.line + 1, column: p.column + 1 };
}

function loggerJson(cwd: string, l: LoggerSource): unknown {
  return l.kind === 'module' ? { ...l, module: shown(cwd, l.module) } : l;
}

function handlerJson(cwd: string, h: Handler): unknown {
  return {
    method: h.method,
    path: h.path,
    ...(h.shownPath ? { shownPath: h.shownPath } : {}),
    framework: h.framework,
    ...placeJson(cwd, h),
    handler: h.handler ? placeJson(cwd, h.handler) : null,
    requestParam: h.requestParam,
  };
}

function middlewareJson(cwd: string, m: Middleware): unknown {
  return { path: m.path, label: m.label, framework: m.framework, ...placeJson(cwd, m) };
}

export function formatInventoryJson(services: readonly ServiceInventory[], cwd: string): string {
  const out = services.map((s) => ({
    root: shown(cwd, s.root),
    name: s.name,
    frameworks: s.frameworks,
    loggers: s.loggers.map((l) => loggerJson(cwd, l)),
    entryPoints: s.entryPoints,
    handlers: s.handlers.map((h) => handlerJson(cwd, h)),
    middleware: s.middleware.map((m) => middlewareJson(cwd, m)),
    context: s.context.map((c) => (c.kind === 'library' ? c : { ...c, file: shown(cwd, c.file), line: c.line + 1 })),
  }));
  return JSON.stringify({ services: out }, null, 2) + '\n';
}

const DYNAMIC = '<dynamic>';

function loggerLine(cwd: string, l: LoggerSource): string {
  if (l.kind === 'request') return `${l.expression} (${l.library}), from ${l.package}`;
  const names = l.exports.map((e) => `${e.name === '*' || e.name === 'module.exports' ? 'module.exports' : e.name} (${e.library})`).join(', ');
  return `${names}, exported by ${shown(cwd, l.module)}${l.configured ? ' (the loggerModule setting)' : ''}`;
}

function entryLine(e: EntryPoint): string {
  const target = e.target ?? '(no file)';
  return e.command !== undefined ? `${e.kind.padEnd(5)} ${target}  (${e.command})` : `${e.kind.padEnd(5)} ${target}`;
}

/** Rows of columns padded to the widest cell of each column but the last. */
function table(rawRows: string[][]): string[] {
  // Escaped before padding, so that an escaped control character still lines up.
  const rows = rawRows.map((r) => r.map(terminalSafe));
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return rows.map((r) => r.map((c, i) => (i < r.length - 1 ? c.padEnd(widths[i]) : c)).join('  '));
}

function section(title: string, lines: string[]): string[] {
  if (lines.length === 0) return [`  ${title.padEnd(12)} none`];
  return lines.map((l, i) => `  ${(i === 0 ? title : '').padEnd(12)} ${l}`);
}

export function formatInventoryText(services: readonly ServiceInventory[], cwd: string): string {
  if (services.length === 0) {
    return 'No services found (a service is a folder with a package.json that depends on a web framework or has a start script).\n';
  }
  const blocks = services.map((s) => {
    const at = (p: { file: string; line: number }) => `${shown(cwd, p.file)}:${p.line + 1}`;
    const lines = [`${shown(cwd, s.root)}${s.name ? `  (${s.name})` : ''}`];
    lines.push(...section('frameworks', [s.frameworks.map((f) => FRAMEWORK_BY_ID.get(f)?.label ?? f).join(', ')].filter((l) => l !== '')));
    lines.push(...section('loggers', s.loggers.map((l) => loggerLine(cwd, l))));
    lines.push(...section('entry points', s.entryPoints.map(entryLine)));
    lines.push(...section('handlers', table(s.handlers.map((h) => [h.method, h.path ?? h.shownPath ?? DYNAMIC, at(h)]))));
    lines.push(...section('middleware', table(s.middleware.map((m) => [m.path ?? DYNAMIC, m.label, at(m)]))));
    lines.push(...section('context', table(s.context.map((c) => (c.kind === 'library' ? [c.library, `(${c.packages.join(', ')})`] : [c.label, at(c)])))));
    return lines.map(terminalSafe).join('\n');
  });
  return blocks.join('\n\n') + '\n';
}
