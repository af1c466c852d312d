// The second handler-missing-metrics fix (RED in the handler): the shared
// `http_request_duration_seconds` prom-client Histogram (method, route, status_code), created and
// exported in the project's metrics module when it is not there yet (a new module when the
// project has none, see metricsModule.ts), imported into the handler's file, and timed at the top
// of the handler: the timer ends when the response is finished, with the route template and the
// status code as labels (errors are counted through status_code). A Hono handler returns its
// Response, so it is timed by a route-level middleware put in front of it in the same registration
// (`app.get(path, async (c, next) => { ...; await next(); end({ ..., status_code: c.res.status }) },
// handler)`): after `next()` c.res is the response, the one onError made too. Code is built with ts.factory
// and printed; the only workspace text written is the route path, as an escaped string literal,
// and identifiers taken from the tree. Not safe: it adds a metric (a new series to scrape) and
// edits or creates another file.
import * as path from 'node:path';
import ts from '../typescriptModule';
import type { FrameworkId, Handler } from '../handlers/types';
import type { FixProposal, ServiceView } from '../rule';
import type { TextEdit } from '../types';
import { importEdit, importNode, indentAt, literal, moduleSpecifierFor, nameInUse, printStatement, writingFor, type FileWriting } from './fixWriting';
import { HISTOGRAM_LABELS, HISTOGRAM_LOCAL, HISTOGRAM_NAME, histogramSourceOf, type HistogramSource } from './metricsModule';
import { functionNodeAt } from '../treeAt';

/**
 * How a framework's handler sees the request and its response: the parameters it needs (with the
 * names a fix gives missing ones), the response that emits `finish`, the method and status code.
 * `p` is the parameters' names in order.
 */
interface FrameworkRecording {
  readonly params: readonly string[];
  readonly emitter: (p: readonly string[]) => ts.Expression;
  readonly method: (p: readonly string[]) => ts.Expression;
  readonly status: (p: readonly string[]) => ts.Expression;
}

const f = ts.factory;
const prop = (...names: string[]): ts.Expression => names.slice(1).reduce<ts.Expression>((e, n) => f.createPropertyAccessExpression(e, n), f.createIdentifier(names[0]));

const RECORDING: Partial<Record<FrameworkId, FrameworkRecording>> = {
  express: { params: ['req', 'res'], emitter: (p) => prop(p[1]), method: (p) => prop(p[0], 'method'), status: (p) => prop(p[1], 'statusCode') },
  'node-http': { params: ['req', 'res'], emitter: (p) => prop(p[1]), method: (p) => prop(p[0], 'method'), status: (p) => prop(p[1], 'statusCode') },
  fastify: { params: ['request', 'reply'], emitter: (p) => prop(p[1], 'raw'), method: (p) => prop(p[0], 'method'), status: (p) => prop(p[1], 'raw', 'statusCode') },
  koa: { params: ['ctx'], emitter: (p) => prop(p[0], 'res'), method: (p) => prop(p[0], 'method'), status: (p) => prop(p[0], 'status') },
};

/**
 * Hono: `async (c, next) => { const end = hist.startTimer(); await next(); end({ ... }); }`, put
 * before the inline handler in its registration call, indented like the handler's line.
 */
function routeMiddlewareEdit(fn: HandlerFunction, w: FileWriting, hist: string, route: string): TextEdit | null {
  if (!(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) || !ts.isCallExpression(fn.parent) || !fn.parent.arguments.includes(fn)) return null;
  const [c, next, end] = ['c', 'next', 'end'];
  if ([c, next, end].includes(hist)) return null;
  const labels = f.createObjectLiteralExpression(
    [f.createPropertyAssignment('method', prop(c, 'req', 'method')), f.createPropertyAssignment('route', literal(w, route)), f.createPropertyAssignment('status_code', prop(c, 'res', 'status'))],
    false,
  );
  const body = [
    f.createVariableStatement(undefined, f.createVariableDeclarationList([f.createVariableDeclaration(end, undefined, undefined, f.createCallExpression(prop(hist, 'startTimer'), undefined, []))], ts.NodeFlags.Const)),
    f.createExpressionStatement(f.createAwaitExpression(f.createCallExpression(f.createIdentifier(next), undefined, []))),
    f.createExpressionStatement(f.createCallExpression(f.createIdentifier(end), undefined, [labels])),
  ];
  const param = (n: string) => f.createParameterDeclaration(undefined, undefined, n);
  const middleware = f.createArrowFunction(
    [f.createModifier(ts.SyntaxKind.AsyncKeyword)],
    undefined,
    [param(c), param(next)],
    undefined,
    f.createToken(ts.SyntaxKind.EqualsGreaterThanToken),
    f.createBlock(body, true),
  );
  // Printed as a statement for the file's indent unit and semicolons, then placed as an argument.
  const printed = printStatement({ style: { ...w.style, semicolons: true } }, f.createExpressionStatement(middleware)).replace(/;$/, '');
  const lines = w.style.semicolons ? printed : printed.replace(/;$/gm, '');
  const at = fn.getStart(w.sourceFile);
  const indent = indentAt(w.text, at);
  return { start: at, end: at, newText: `${lines.split('\n').join(`${w.style.eol}${indent}`)}, ` };
}

type HandlerFunction = ts.ArrowFunction | ts.FunctionExpression | ts.FunctionDeclaration | ts.MethodDeclaration;

/** The handler's parameter names, with edits adding the missing ones (only to an inline function, whose types come from the call). */
function parameters(fn: HandlerFunction, wanted: readonly string[], w: FileWriting): { names: string[]; edits: TextEdit[] } | null {
  const names: string[] = [];
  for (const p of fn.parameters.slice(0, wanted.length)) {
    if (!ts.isIdentifier(p.name) || p.dotDotDotToken) return null;
    names.push(p.name.text);
  }
  if (names.length === wanted.length) return { names, edits: [] };
  const inline = (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && ts.isCallExpression(fn.parent);
  if (!inline || fn.parameters.hasTrailingComma) return null;
  const added = wanted.slice(names.length);
  if (added.some((n) => nameInUse(fn.getText(w.sourceFile), n))) return null;
  const list = fn.parameters;
  if (list.length === 0) {
    // `() =>` / `function ()`: inside the parentheses.
    if (w.text[list.pos - 1] !== '(') return null;
    return { names: [...added], edits: [{ start: list.pos, end: list.pos, newText: added.join(', ') }] };
  }
  if (w.text[list.pos - 1] !== '(') return null; // `req => ...` without parentheses
  return { names: [...names, ...added], edits: [{ start: list.end, end: list.end, newText: added.map((n) => `, ${n}`).join('') }] };
}

/** `const end = hist.startTimer();` and `<res>.on('finish', () => end({ method, route, status_code }));`. */
function timingStatements(w: FileWriting, hist: string, end: string, rec: FrameworkRecording, p: readonly string[], route: string): string[] {
  const start = f.createVariableStatement(
    undefined,
    f.createVariableDeclarationList([f.createVariableDeclaration(end, undefined, undefined, f.createCallExpression(prop(hist, 'startTimer'), undefined, []))], ts.NodeFlags.Const),
  );
  const labels = f.createObjectLiteralExpression(
    [f.createPropertyAssignment('method', rec.method(p)), f.createPropertyAssignment('route', literal(w, route)), f.createPropertyAssignment('status_code', rec.status(p))],
    false,
  );
  const onFinish = f.createArrowFunction(undefined, undefined, [], undefined, f.createToken(ts.SyntaxKind.EqualsGreaterThanToken), f.createCallExpression(f.createIdentifier(end), undefined, [labels]));
  const listen = f.createExpressionStatement(f.createCallExpression(f.createPropertyAccessExpression(rec.emitter(p), 'on'), undefined, [literal(w, 'finish'), onFinish]));
  return [printStatement(w, start), printStatement(w, listen)];
}

/** Edits putting `lines` first in the function's body (a concise arrow body becomes a block returning it). */
function atBodyStart(fn: HandlerFunction, w: FileWriting, lines: readonly string[]): TextEdit[] | null {
  const body = fn.body;
  if (!body) return null;
  const eol = w.style.eol;
  if (ts.isBlock(body)) {
    const first = body.statements[0];
    if (first) {
      const indent = indentAt(w.text, first.getStart(w.sourceFile));
      return [{ start: first.getStart(w.sourceFile), end: first.getStart(w.sourceFile), newText: lines.map((l) => `${l}${eol}${indent}`).join('') }];
    }
    const open = body.getStart(w.sourceFile) + 1;
    const indent = indentAt(w.text, fn.getStart(w.sourceFile));
    return [{ start: open, end: open, newText: lines.map((l) => `${eol}${indent}${w.style.indent}${l}`).join('') + eol + indent }];
  }
  const indent = indentAt(w.text, fn.getStart(w.sourceFile));
  const inner = indent + w.style.indent;
  const semi = w.style.semicolons ? ';' : '';
  const start = body.getStart(w.sourceFile);
  return [
    { start, end: start, newText: `{${eol}${lines.map((l) => `${inner}${l}${eol}`).join('')}${inner}return ` },
    { start: body.end, end: body.end, newText: `${semi}${eol}${indent}}` },
  ];
}

/**
 * How the file already imports from `specifier`: the local name of `exportName` when it is among
 * the names imported, and the last name of a named import (or destructured require) to add it after.
 */
function importedFrom(sf: ts.SourceFile, exportName: string, specifier: string): { local: string | null; last: ts.Node | null } {
  let last: ts.Node | null = null;
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier) && st.moduleSpecifier.text === specifier && !st.importClause?.isTypeOnly) {
      const named = st.importClause?.namedBindings;
      if (named && ts.isNamedImports(named)) {
        for (const el of named.elements) if ((el.propertyName ?? el.name).text === exportName && !el.isTypeOnly) return { local: el.name.text, last };
        if (named.elements.length > 0 && !named.elements.hasTrailingComma) last ??= named.elements[named.elements.length - 1];
      }
    }
    if (!ts.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) {
      const init = d.initializer;
      if (!init || !ts.isCallExpression(init) || !ts.isIdentifier(init.expression) || init.expression.text !== 'require' || !ts.isObjectBindingPattern(d.name)) continue;
      const arg = init.arguments[0];
      if (!arg || !ts.isStringLiteral(arg) || arg.text !== specifier) continue;
      for (const el of d.name.elements) {
        const key = el.propertyName && ts.isIdentifier(el.propertyName) ? el.propertyName.text : ts.isIdentifier(el.name) ? el.name.text : null;
        if (key === exportName && ts.isIdentifier(el.name)) return { local: el.name.text, last };
      }
      const lastElement = d.name.elements[d.name.elements.length - 1];
      if (lastElement && !lastElement.dotDotDotToken && !d.name.elements.hasTrailingComma) last ??= lastElement;
    }
  }
  return { local: null, last };
}

/** `new Histogram({ name, help, labelNames })` as the module binds prom-client. */
function histogramDefinition(w: FileWriting, histogramClass: ts.Expression, exported: boolean, registers: ts.Expression | null): string {
  const properties = [
    f.createPropertyAssignment('name', literal(w, HISTOGRAM_NAME)),
    f.createPropertyAssignment('help', literal(w, 'Duration of HTTP requests in seconds, by method, route and status code')),
    f.createPropertyAssignment('labelNames', f.createArrayLiteralExpression(HISTOGRAM_LABELS.map((l) => literal(w, l)))),
    ...(registers ? [f.createPropertyAssignment('registers', registers)] : []),
  ];
  // One property a line, with the trailing comma the file's formatter writes.
  const config = f.createObjectLiteralExpression(f.createNodeArray(properties, w.style.trailingComma !== 'none'), true);
  const decl = f.createVariableStatement(
    exported ? [f.createModifier(ts.SyntaxKind.ExportKeyword)] : undefined,
    f.createVariableDeclarationList([f.createVariableDeclaration(HISTOGRAM_LOCAL, undefined, undefined, f.createNewExpression(histogramClass, undefined, [config]))], ts.NodeFlags.Const),
  );
  return printStatement(w, decl);
}

/** The module's registry, when every metric it defines goes to the same one registry (`registers: [registry]`), else null (the default registry). */
function sharedRegisters(source: Extract<HistogramSource, { kind: 'module' }>): ts.Expression | null {
  let found: ts.ArrayLiteralExpression | null = null;
  for (const d of source.definitions) {
    const registers = d.config?.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'registers');
    if (!registers) return null;
    const value = registers.initializer;
    if (!ts.isArrayLiteralExpression(value) || value.elements.length !== 1 || !ts.isIdentifier(value.elements[0])) return null;
    if (found && (found.elements[0] as ts.Identifier).text !== (value.elements[0] as ts.Identifier).text) return null;
    found = value;
  }
  return found ? f.createArrayLiteralExpression([f.createIdentifier((found.elements[0] as ts.Identifier).text)]) : null;
}

/** Where the histogram goes in a module: after its imports, and after the registry it registers in. */
function definitionOffset(w: FileWriting, registers: ts.Expression | null): number {
  const sf = w.sourceFile;
  let offset = -1;
  for (const st of sf.statements) {
    const isImport = ts.isImportDeclaration(st) || (ts.isVariableStatement(st) && st.declarationList.declarations.some((d) => d.initializer && ts.isCallExpression(d.initializer) && ts.isIdentifier(d.initializer.expression) && d.initializer.expression.text === 'require'));
    const declaresRegistry =
      registers && ts.isVariableStatement(st) && st.declarationList.declarations.some((d) => ts.isIdentifier(d.name) && d.name.text === ((registers as ts.ArrayLiteralExpression).elements[0] as ts.Identifier).text);
    if (isImport || declaresRegistry) offset = st.end;
  }
  return offset;
}

/**
 * Edits in the metrics module creating the histogram (and exporting it when `exported`), and the
 * class expression; null when the module cannot take it (a name taken, no place for it).
 */
function createInModule(source: Extract<HistogramSource, { kind: 'module' }>, w: FileWriting, exported: boolean): TextEdit[] | null {
  if (nameInUse(w.text, HISTOGRAM_LOCAL)) return null;
  const edits: TextEdit[] = [];
  let histogramClass: ts.Expression;
  const b = source.binding;
  if (b.kind === 'named') histogramClass = f.createIdentifier(b.histogram);
  else if (b.kind === 'module') histogramClass = prop(b.name, 'Histogram');
  else if (b.kind === 'named-without-histogram') {
    if (nameInUse(w.text, 'Histogram')) return null;
    edits.push({ start: b.last.end, end: b.last.end, newText: ', Histogram' });
    histogramClass = f.createIdentifier('Histogram');
  } else return null;
  const registers = sharedRegisters(source);
  const offset = definitionOffset(w, registers);
  if (offset < 0) return null;
  const esm = w.moduleStyle === 'esm';
  const eol = w.style.eol;
  edits.push({ start: offset, end: offset, newText: `${eol}${eol}${histogramDefinition(w, histogramClass, exported && esm, registers)}` });
  if (exported && !esm) {
    const semi = w.style.semicolons ? ';' : '';
    const end = w.text.length;
    const lead = w.text.endsWith('\n') ? '' : eol;
    edits.push({ start: end, end, newText: `${lead}module.exports.${HISTOGRAM_LOCAL} = ${HISTOGRAM_LOCAL}${semi}${eol}` });
  }
  return edits;
}

/** The text of a new metrics module at `file`: prom-client imported, the histogram created and exported. */
function newModuleText(like: FileWriting, file: string): string {
  const w: FileWriting = { ...like, file };
  const esm = w.moduleStyle === 'esm';
  const eol = w.style.eol;
  const importing = printStatement(w, importNode(w.moduleStyle, 'Histogram', 'Histogram', literal(w, 'prom-client')));
  const definition = histogramDefinition(w, f.createIdentifier('Histogram'), esm, null);
  const semi = w.style.semicolons ? ';' : '';
  const exporting = esm ? '' : `${eol}module.exports = { ${HISTOGRAM_LOCAL} }${semi}${eol}`;
  return `${importing}${eol}${eol}${definition}${eol}${exporting}`;
}

/** The record-duration fix for a handler, or null when it cannot be written (see the top of this file). */
export function recordDurationFix(service: ServiceView, h: Handler): FixProposal | null {
  const rec = RECORDING[h.framework];
  const hono = h.framework === 'hono';
  if ((!rec && !hono) || !h.handler || h.path === null) return null;
  const parsed = service.parsed(h.handler.file);
  const node = parsed && functionNodeAt(parsed, h.handler.line, h.handler.column);
  if (!parsed || !node || !(ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node))) return null;
  const source = histogramSourceOf(service, h.handler.file);
  if (!source) return null;
  const w = writingFor(service, parsed);
  const params = rec ? parameters(node, rec.params, w) : { names: [], edits: [] };
  if (!params) return null;
  const end = ['end', 'endTimer', 'stopTimer'].find((n) => !nameInUse(node.getText(parsed.sourceFile), n));
  if (!end) return null;

  const edits: TextEdit[] = [...params.edits];
  let hist: string;
  const sameFile = (source.kind === 'existing' && source.file === w.file) || (source.kind === 'module' && source.parsed.file === w.file);
  if (source.kind === 'existing' && sameFile) hist = source.local;
  else if (source.kind === 'module' && sameFile) {
    const created = createInModule(source, w, false);
    if (!created) return null;
    edits.push(...created);
    hist = HISTOGRAM_LOCAL;
  } else {
    // In another module: exported there (or made so), imported here.
    const target = source.kind === 'existing' ? source.file : source.kind === 'module' ? source.parsed.file : source.file;
    const exportName = source.kind === 'existing' ? source.exportName : HISTOGRAM_LOCAL;
    if (exportName === null) return null; // defined but not exported: a person decides how the module shares it
    if (source.kind === 'module') {
      const mw = writingFor(service, source.parsed);
      const created = createInModule(source, mw, true);
      if (!created) return null;
      edits.push(...created.map((e) => ({ ...e, file: source.parsed.file })));
    } else if (source.kind === 'new-file') {
      edits.push({ start: 0, end: 0, newText: newModuleText(w, source.file), file: source.file });
    }
    const specifier = moduleSpecifierFor(w, target);
    const already = importedFrom(parsed.sourceFile, exportName, specifier);
    if (already.local) hist = already.local;
    else {
      if (nameInUse(w.text, exportName)) return null;
      hist = exportName;
      // Added to the file's import from that module when it has one, else a new import.
      if (already.last) edits.push({ start: already.last.end, end: already.last.end, newText: `, ${exportName}` });
      else edits.push(importEdit(w, importNode(w.moduleStyle, exportName, exportName, literal(w, specifier))));
    }
  }
  if (rec) {
    const body = atBodyStart(node, w, timingStatements(w, hist, end, rec, params.names, h.path));
    if (!body) return null;
    edits.push(...body);
  } else {
    const middleware = routeMiddlewareEdit(node, w, hist, h.path);
    if (!middleware) return null;
    edits.push(middleware);
  }
  const where = source.kind === 'new-file' ? `a new ${path.basename(source.file)}` : source.kind === 'module' && !sameFile ? path.basename(source.parsed.file) : null;
  const title = `Time the handler with the shared \`${HISTOGRAM_NAME}\` histogram${where ? ` (created in ${where})` : ''}`;
  // Every edit names its file: the handler may be in another file than its registration (where the finding is).
  return { title, edits: edits.map((e) => (e.file ? e : { ...e, file: w.file })), safe: false };
}
