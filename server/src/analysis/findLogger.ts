// Which logger a fix should write to at a given place: the handler's request logger, a logger
// already in scope, else the project's logger module imported at the top in the file's own style.
import * as path from 'node:path';
import ts from 'typescript';
import type { ProjectModel } from './project';
import type { LoggerChoice } from './rule';
import type { LoggerLibrary } from './types';
import { type Declaration, resolveName, type ScopeMap } from './scopes';
import type { CodeStyle } from './codeStyle';
import { stringLiteral } from './rules/util/literals';
import { eolOf } from './suppressions';
import type { ValueResolver } from './values';

export interface LoggerFinderInput {
  sf: ts.SourceFile;
  text: string;
  path: string;
  project: ProjectModel;
  scopes: ScopeMap;
  values: ValueResolver;
  moduleStyle: 'esm' | 'commonjs';
  /** Per-file cache of the loggers bound in each scope. */
  boundLoggers: Map<ts.Node, BoundLogger[]>;
  /** The file's code style: an added import follows its quotes and semicolons. */
  codeStyle: () => CodeStyle;
}

export function findLogger(input: LoggerFinderInput, at: ts.Node): LoggerChoice | null {
  const { scopes, values, project } = input;
  // 1. The request logger of the enclosing handler (carries the request's bindings, e.g. req.id).
  if (project.providesRequestLogger(input.path)) {
    for (let n: ts.Node | undefined = at.parent; n; n = n.parent) {
      if ((ts.isArrowFunction(n) || ts.isFunctionExpression(n)) && n.parameters.length > 0 && ts.isIdentifier(n.parameters[0].name)) {
        const param = n.parameters[0].name;
        if (values.isRequestParam(param)) return { expression: `${param.text}.log`, library: 'pino', edits: [] };
      }
    }
  }
  // 2. The enclosing class's own logger (`this.logger`), which carries the class's bindings.
  const member = values.classLogger(at);
  if (member) return { expression: `this.${member.name}`, library: member.lib, edits: [] };
  // 3. A logger bound in an enclosing scope (an import of the project logger, a child logger, this.logger).
  for (let n: ts.Node | undefined = at; n; n = n.parent) {
    for (const c of loggersBoundIn(input, n)) {
      if (resolveName(scopes, at, c.name) === c.decl) return { expression: c.name, library: c.lib, edits: [] }; // not shadowed at `at`
    }
  }
  // 4. Import the project's logger module.
  const module = project.loggerModule;
  if (!module) return null;
  const local = module.exportName === 'default' ? 'logger' : module.exportName;
  if (resolveName(scopes, at, local)) return null; // the name is taken by something that is not a logger
  const specifier = module.specifier ?? relativeSpecifier(input.path, module.absPath);
  if (path.resolve(input.path).replace(/\.[^./\\]+$/, '') === module.absPath) return null; // the logger module itself
  const eol = eolOf(input.text);
  // The specifier may come from the loggerModule setting: it is written as an escaped string, never as code.
  const style = input.codeStyle();
  const from = stringLiteral(specifier, style);
  const semi = style.semicolons ? ';' : '';
  const statement =
    input.moduleStyle === 'esm'
      ? module.exportName === 'default'
        ? `import ${local} from ${from}${semi}`
        : `import { ${local} } from ${from}${semi}`
      : module.exportName === 'default'
        ? `const ${local} = require(${from})${semi}`
        : `const { ${local} } = require(${from})${semi}`;
  const offset = importInsertionOffset(input.sf, input.text);
  const atLineStart = offset === 0 || input.text[offset - 1] === '\n';
  const newText = atLineStart ? `${statement}${eol}` : `${eol}${statement}`;
  return { expression: local, library: module.library, edits: [{ start: offset, end: offset, newText }] };
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

function relativeSpecifier(fromFile: string, targetNoExt: string): string {
  let rel = path.relative(path.dirname(fromFile), targetNoExt).split(path.sep).join('/');
  if (!rel.startsWith('.')) rel = `./${rel}`;
  return rel;
}

/** After the last top-level import or require statement; else at the top (after a shebang and a 'use strict'). */
function importInsertionOffset(sf: ts.SourceFile, text: string): number {
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
