// Which logger a fix should write to at a given place: the handler's request logger, a logger
// already in scope, else the package's logger module imported at the top in the file's own style
// (by a relative path inside the package, or by name: see model/facts.ts for which module).
import * as path from 'node:path';
import ts from './typescriptModule';
import type { FileFacts } from './model/facts';
import { relativeSpecifier, stripExtension } from './model/paths';
import type { LoggerChoice } from './rule';
import type { LoggerLibrary } from './types';
import { isBindableIdentifier, printNode, stringLiteral } from './printCode';
import { ARRAY_CALLBACK_METHODS, type Declaration, enclosingStop, resolveName, type ScopeMap, unwrap } from './scopes';
import type { CodeStyle } from './codeStyle';
import { eolOf } from './suppressions';
import type { ValueResolver } from './values';

export interface LoggerFinderInput {
  sf: ts.SourceFile;
  text: string;
  path: string;
  facts: FileFacts;
  scopes: ScopeMap;
  values: ValueResolver;
  moduleStyle: 'esm' | 'commonjs';
  /** Per-file cache of the loggers bound in each scope. */
  boundLoggers: Map<ts.Node, BoundLogger[]>;
  /** The file's code style: an added import follows its quotes and semicolons. */
  codeStyle: () => CodeStyle;
  /**
   * Whether a handler's request carries a logger that writes, as `req.log` (pino-http, Fastify with
   * its logger on, koa-pino-logger): not Fastify made without a logger, whose `request.log` drops
   * every record, nor hono-pino, whose logger is `c.var.logger`, never `c.log`.
   */
  requestLogs: () => boolean;
  /**
   * The logger the other log calls of the class around `at` write to through `this` (NocoBase's
   * `this.app.log`, `this.pm.app.log`), where `this` at `at` is that class's; null when none.
   */
  classLogReceiver: (at: ts.Node) => { expression: string; library: LoggerLibrary } | null;
}

export function findLogger(input: LoggerFinderInput, at: ts.Node): LoggerChoice | null {
  const { scopes, values, facts } = input;
  // 1. The request logger of the enclosing handler (carries the request's bindings, e.g. req.id).
  if (input.requestLogs()) {
    for (let n = enclosingStop(at); n; n = enclosingStop(n)) {
      if ((ts.isArrowFunction(n) || ts.isFunctionExpression(n)) && n.parameters.length > 0 && ts.isIdentifier(n.parameters[0].name)) {
        const param = n.parameters[0].name;
        if (values.isRequestParam(param)) return { expression: `${param.text}.log`, library: 'pino', edits: [] };
      }
    }
  }
  // 2. The enclosing class's own logger (`this.logger`), which carries the class's bindings.
  const member = values.classLogger(at);
  if (member) return { expression: `this.${member.name}`, library: member.lib, edits: [] };
  // 2b. The logger the class's other calls write to through `this` (`this.app.log`): the class's own choice.
  const used = input.classLogReceiver(at);
  if (used) return { ...used, edits: [] };
  // 3. A logger bound in an enclosing scope (an import of the project logger, a child logger, this.logger).
  for (let n: ts.Node | null = at; n; n = enclosingStop(n)) {
    for (const c of loggersBoundIn(input, n)) {
      // Not shadowed at `at`, and set by the time `at` runs (NodeCG's top-level `console.info(...)` above `const log = createLogger(...)`).
      if (resolveName(scopes, at, c.name) === c.decl && !runsBeforeDeclared(at, n, c.decl)) return { expression: c.name, library: c.lib, edits: [] };
    }
  }
  // 4. Import the package's logger module.
  const module = facts.loggerModule;
  if (!module) return null;
  // The local name is the export's own when it can name a variable; an export named by a string
  // (`export { log as "app log" }`, `module.exports = { 'app-log': log }`) is bound as `logger`.
  const local = module.exportName !== 'default' && isBindableIdentifier(module.exportName) ? module.exportName : 'logger';
  if (resolveName(scopes, at, local)) return null; // the name is taken by something that is not a logger
  const self = stripExtension(path.resolve(input.path));
  if (self === module.absPath || self === `${module.absPath}${path.sep}index` || path.resolve(input.path) === module.file) return null; // the logger module itself
  const specifier = loggerImportSpecifier(input.path, facts);
  if (!specifier) return null;
  if (!/^[A-Za-z_$][\w$]*$/.test(local)) return null; // an export name a binding cannot take
  const eol = eolOf(input.text);
  // Written in the file's quotes and semicolon style (the project's Prettier, else the file's own).
  const style = input.codeStyle();
  const printed = printNode(importStatement(input.moduleStyle, module.exportName, local, specifier, style.quote === '"' ? 'double' : 'single'));
  const statement = style.semicolons ? printed : printed.replace(/;$/, '');
  const offset = importInsertionOffset(input.sf, input.text);
  const atLineStart = offset === 0 || input.text[offset - 1] === '\n';
  const newText = atLineStart ? `${statement}${eol}` : `${eol}${statement}`;
  return { expression: local, library: module.library, edits: [{ start: offset, end: offset, newText }] };
}

/**
 * Whether `at` runs while its scope `scope` is still being evaluated, before the variable `d` is
 * declared there: `d` is written after `at` and no function lies between them (a function runs later,
 * when it is called). Its binding would be in its temporal dead zone (`const`, `let`) or undefined (`var`).
 */
function runsBeforeDeclared(at: ts.Node, scope: ts.Node, d: Declaration): boolean {
  if (d.kind !== 'value' || d.node.pos < at.pos) return false;
  for (let n: ts.Node | undefined = at.parent; n && n !== scope; n = n.parent) if (ts.isFunctionLike(n) && !runsAtOnce(n)) return false;
  return true;
}

/**
 * A function run where it is written: called at once (`(() => { ... })()`), or handed to an array
 * method that calls it before returning (`names.forEach((n) => ...)`). A function declared and called
 * later in the same scope is taken to run later (its calls are not followed).
 */
function runsAtOnce(fn: ts.Node): boolean {
  let up = fn.parent;
  while (up && ts.isParenthesizedExpression(up)) up = up.parent;
  if (!up || !ts.isCallExpression(up)) return false;
  const callee = unwrap(up.expression);
  if (callee === fn) return true;
  return up.arguments.some((a) => unwrap(a) === fn) && ts.isPropertyAccessExpression(callee) && ARRAY_CALLBACK_METHODS.has(callee.name.text);
}

/** The specifier a fix in `fromFile` imports the package's logger module by (null: none to import). */
export function loggerImportSpecifier(fromFile: string, facts: FileFacts): string | null {
  const module = facts.loggerModule;
  if (!module) return null;
  return module.specifier ?? relativeImport(fromFile, module, facts.explicitExtensions);
}

/**
 * A relative specifier for the logger module: extensionless (`./lib/logger`, a folder for an index
 * file), or naming the file as Node's ES modules need it (`./lib/logger.js` for a `.ts` source).
 */
function relativeImport(fromFile: string, module: NonNullable<FileFacts['loggerModule']>, explicitExtensions: boolean): string | null {
  if (explicitExtensions && module.file) {
    const ext = path.extname(module.file).toLowerCase();
    const emitted = ext === '.ts' || ext === '.tsx' ? '.js' : ext === '.mts' ? '.mjs' : ext === '.cts' ? '.cjs' : ext;
    return relativeSpecifier(fromFile, stripExtension(module.file)) + emitted;
  }
  return module.absPath ? relativeSpecifier(fromFile, module.absPath) : null;
}

interface BoundLogger {
  name: string;
  decl: Declaration;
  lib: LoggerLibrary;
}

/** The loggers bound directly in one scope, evaluated once per scope (a file calls findLogger per finding). */
function loggersBoundIn(input: LoggerFinderInput, scope: ts.Node): BoundLogger[] {
  const cached = input.boundLoggers.get(scope);
  if (cached) return cached;
  const out: BoundLogger[] = [];
  const map = input.scopes.get(scope);
  for (const [name, decl] of map ?? []) {
    // Only imports, initialised variables and typed parameters can hold a logger.
    if (decl.kind !== 'import' && decl.kind !== 'value' && decl.kind !== 'param') continue;
    const v = input.values.declarationValue(decl);
    if (v?.t === 'logger') out.push({ name, decl, lib: v.lib });
  }
  input.boundLoggers.set(scope, out);
  return out;
}

/**
 * `import { logger } from './logger';` or `const { logger } = require('./logger');`, built as a tree:
 * the specifier and export name come from the workspace (a setting, a file name, an export) and the
 * printer keeps each inside its string literal whatever it holds.
 */
export function importStatement(style: 'esm' | 'commonjs', exportName: string, local: string, specifier: string, quote: 'single' | 'double'): ts.Statement {
  const f = ts.factory;
  const from = stringLiteral(specifier, quote);
  const localName = f.createIdentifier(local);
  const exported = exportName === local ? undefined : isBindableIdentifier(exportName) ? f.createIdentifier(exportName) : stringLiteral(exportName, quote);
  if (style === 'esm') {
    const clause =
      exportName === 'default'
        ? f.createImportClause(undefined, localName, undefined)
        : f.createImportClause(undefined, undefined, f.createNamedImports([f.createImportSpecifier(false, exported, localName)]));
    return f.createImportDeclaration(undefined, clause, from);
  }
  const binding = exportName === 'default' ? localName : f.createObjectBindingPattern([f.createBindingElement(undefined, exported, localName)]);
  const required = f.createCallExpression(f.createIdentifier('require'), undefined, [from]);
  return f.createVariableStatement(undefined, f.createVariableDeclarationList([f.createVariableDeclaration(binding, undefined, undefined, required)], ts.NodeFlags.Const));
}


/** After the last top-level import or require statement; else at the top (after a shebang and a 'use strict'). */
export function importInsertionOffset(sf: ts.SourceFile, text: string): number {
  let end = -1;
  for (const st of sf.statements) {
    const isImport =
      ts.isImportDeclaration(st) ||
      ts.isImportEqualsDeclaration(st) ||
      (ts.isVariableStatement(st) && st.declarationList.declarations.some((d) => d.initializer && /^require\(/.test(d.initializer.getText(sf)))) ||
      (ts.isExpressionStatement(st) && ts.isStringLiteral(st.expression) && st.expression.text === 'use strict');
    if (isImport) end = st.end;
    else break;
  }
  if (end >= 0) return end;
  // No imports yet: above the first statement, below the file's leading comments (a header stays on top).
  const first = sf.statements[0];
  if (first) {
    const start = first.getStart(sf);
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    return lineStart;
  }
  let top = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (text.startsWith('#!', top)) {
    const nl = text.indexOf('\n', top);
    top = nl < 0 ? text.length : nl + 1;
  }
  return top;
}
