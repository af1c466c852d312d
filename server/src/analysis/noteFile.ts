// noteFile: what the project model learns from one workspace file, cheaply: whether it is a CLI
// (shebang), its module style, what it imports (for file roles), and whether it is the project's
// own logger module (it creates a logger with a library and exports it). Only files that mention a
// logger library are parsed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { fileModuleStyle, parseSource } from './parse';
import { type LoggerExports, type ProjectModel, stripExtension } from './project';
import { recordDeclarations, type ScopeMap, unwrap } from './scopes';
import { ValueResolver } from './values';

const MENTIONS_LIBRARY = /['"](pino|winston|bunyan|log4js|@nestjs\/common)['"]/;
const MENTIONS_EXPORT = /\bexport\b|\bmodule\.exports\b|\bexports\./;
/** A call that creates a logger (or derives one), as it appears in text. */
const CREATION = String.raw`(?:new\s+)?(?:\w+\.)?(?:pino|createLogger|getLogger|Logger|child|default)\s*\(|require\(\s*['"]pino['"]\s*\)\s*\(`;
const BOUND_TO_CREATION = new RegExp(String.raw`\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=]+)?=\s*(?:await\s+)?` + CREATION, 'g');
const EXPORTS_CREATION = new RegExp(String.raw`(?:export\s+default|export\s+(?:const|let|var)\s+[\w$]+\s*(?::[^=]+)?=|module\.exports\s*=|exports\.[\w$]+\s*=)\s*(?:await\s+)?` + CREATION);

/**
 * Cheap text test before parsing: could this file export a logger? True when it exports a creation
 * call directly, or exports a name bound to one. Only a filter: the parse decides.
 */
export function mayExportLogger(text: string): boolean {
  if (!MENTIONS_LIBRARY.test(text) || !MENTIONS_EXPORT.test(text)) return false;
  if (EXPORTS_CREATION.test(text)) return true;
  for (const m of text.matchAll(BOUND_TO_CREATION)) {
    const name = m[1].replace(/\$/g, '\\$');
    const exported = new RegExp(
      String.raw`export\s+(?:const|let|var)\s+${name}\b|export\s+default\s+${name}\b|export\s*\{[^}]*\b${name}\b|module\.exports\s*=\s*${name}\b|module\.exports\s*=\s*\{[^}]*\b${name}\b|exports\.[\w$]+\s*=\s*${name}\b`,
    );
    if (exported.test(text)) return true;
  }
  return false;
}

export function noteFile(project: ProjectModel, absPath: string, text: string): void {
  const file = path.resolve(absPath);
  if (/^\uFEFF?#!/.test(text)) project.shebangFiles.add(file);
  else project.shebangFiles.delete(file);
  project.roles.note(file, text);
  const key = stripExtension(file);
  project.notedModules.add(key);
  const before = project.loggerExports.get(key);
  let exports: LoggerExports | undefined;
  if (text.length < 2 * 1024 * 1024 && mayExportLogger(text)) {
    try {
      const sf = parseSource(file, text);
      const style = fileModuleStyle(sf);
      if (style) project.fileStyles.set(file, style);
      exports = loggerExportsOf(project, file, sf);
    } catch {
      exports = undefined; // a file that cannot be parsed exports nothing we can know
    }
  } else {
    const style = /^\s*(import|export)\s/m.test(text) ? 'esm' : /\brequire\(/.test(text) ? 'commonjs' : null;
    if (style) project.fileStyles.set(file, style);
  }
  if (exports && exports.size) project.loggerExports.set(key, exports);
  else project.loggerExports.delete(key);
  if (JSON.stringify([...(before ?? [])]) !== JSON.stringify([...(exports ?? [])])) project.generation++;
}

function loggerExportsOf(project: ProjectModel, file: string, sf: ts.SourceFile): LoggerExports {
  const scopes: ScopeMap = new Map();
  // Exports are made of top-level bindings: record only those (a full walk would cost as much as the parse).
  setParents(sf);
  for (const st of sf.statements) {
    recordDeclarations(scopes, st);
    if (ts.isVariableStatement(st)) for (const d of st.declarationList.declarations) recordDeclarations(scopes, d);
  }
  const values = new ValueResolver(scopes, project, file);
  const out: LoggerExports = new Map();
  const note = (name: string, expr: ts.Expression) => {
    const v = values.valueOf(expr);
    if (v?.t === 'logger') out.set(name, v.lib);
  };
  for (const st of sf.statements) {
    const exported = ts.getModifiers(st as ts.HasModifiers)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (exported && ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name) && d.initializer) note(d.name.text, d.initializer);
    } else if (ts.isExportAssignment(st)) {
      note('default', st.expression);
    } else if (ts.isExportDeclaration(st) && !st.moduleSpecifier && st.exportClause && ts.isNamedExports(st.exportClause)) {
      for (const el of st.exportClause.elements) note(el.name.text, withParent(el.propertyName ?? el.name, st));
    } else if (ts.isExpressionStatement(st) && ts.isBinaryExpression(st.expression) && st.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const { left, right } = st.expression;
      const target = left.getText(sf);
      if (target === 'module.exports') {
        const r = unwrap(right);
        if (ts.isObjectLiteralExpression(r)) {
          for (const p of r.properties) {
            if (ts.isShorthandPropertyAssignment(p)) note(p.name.text, p.name);
            else if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) note(p.name.text, p.initializer);
          }
        } else note('module.exports', right);
      } else {
        const m = /^(?:module\.)?exports\.([A-Za-z_$][\w$]*)$/.exec(target);
        if (m) note(m[1], right);
      }
    }
  }
  return out;
}

/** Parent pointers for the whole tree (the parser was not asked for them); iterative, as files nest deeply. */
function setParents(sf: ts.SourceFile): void {
  const stack: ts.Node[] = [sf];
  while (stack.length) {
    const node = stack.pop()!;
    ts.forEachChild(node, (c) => {
      (c as { parent: ts.Node }).parent = node;
      stack.push(c);
    });
  }
}

/** An identifier from an export clause, resolvable from the statement's scope. */
function withParent(id: ts.Identifier | ts.StringLiteral, parent: ts.Node): ts.Expression {
  const copy = ts.factory.createIdentifier(id.text);
  (copy as { parent: ts.Node }).parent = parent;
  return copy;
}

const MODULE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/**
 * Notes a workspace module the first time an import of it is resolved, so that one file analysed
 * on its own (an editor opening it before the workspace scan) still knows the project's logger.
 */
export function noteModuleOnDemand(project: ProjectModel, absNoExt: string): void {
  if (project.notedModules.has(absNoExt)) return;
  project.notedModules.add(absNoExt);
  for (const candidate of [absNoExt, path.join(absNoExt, 'index')]) {
    // One directory listing instead of a failed read per extension (imports of missing or generated modules are common).
    const names = listDirectory(project, path.dirname(candidate));
    const base = path.basename(candidate);
    for (const ext of MODULE_EXTENSIONS) {
      if (!names.has(base + ext)) continue;
      const text = project.readFile(candidate + ext);
      if (text !== undefined) {
        noteFile(project, candidate + ext, text);
        return;
      }
    }
  }
}

function listDirectory(project: ProjectModel, dir: string): ReadonlySet<string> {
  let names = project.directoryListings.get(dir);
  if (!names) {
    try {
      names = new Set(fs.readdirSync(dir));
    } catch {
      names = new Set();
    }
    project.directoryListings.set(dir, names);
  }
  return names;
}
