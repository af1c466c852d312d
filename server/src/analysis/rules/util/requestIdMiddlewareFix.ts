// The fix of missing-request-id-middleware: a request-id middleware mounted right after the Express
// app is created (so before its first route), reading the incoming header the `requestIdHeader`
// setting names and answering with it. pino-http with a `genReqId` that reads the header when the
// service logs with pino (or depends on pino-http): `req.id` and `req.log` then carry it; else a
// small AsyncLocalStorage middleware, its store declared above the app for a logger mixin to read.
// Written from fixed templates: the only workspace text is the header (an escaped string literal)
// and the app's name (an identifier from the syntax tree). Never safe: pino-http is a new
// dependency (or a new request log line per request), and either answers callers with a header.
import * as path from 'node:path';
import ts from '../../typescriptModule';
import { codeStyleOf } from '../../codeStyle';
import { importInsertionOffset, importStatement } from '../../findLogger';
import { formatConfigFor } from '../../formatConfig';
import { fileModuleStyle } from '../../parse';
import { printNode } from '../../printCode';
import type { ProjectModel } from '../../project';
import type { FixProposal, ParsedServiceFile } from '../../rule';
import { importOf, unwrap } from '../../scopes';
import { eolOf } from '../../suppressions';
import type { TextEdit } from '../../types';
import { type ImportSite, namedImportInScope, randomUUIDInScope } from './contextFixes';
import { stringLiteral } from './literals';

const STORE_NAME = 'requestContext';
const PINO_HTTP_NAME = 'pinoHttp';

/** The site a fix imports into: the parsed service file with its style. */
function siteOf(parsed: ParsedServiceFile, project: ProjectModel): ImportSite & { eol: string } {
  const sf = parsed.sourceFile;
  let style: ReturnType<typeof codeStyleOf> | null = null;
  return {
    sourceFile: sf,
    text: parsed.text,
    moduleStyle: fileModuleStyle(sf) ?? project.factsFor(parsed.file).moduleStyle,
    codeStyle: () => (style ??= codeStyleOf(formatConfigFor(project, parsed.file), sf)),
    importOf: (id) => importOf(parsed.scopes, id),
    eol: eolOf(parsed.text),
  };
}

/** `import pinoHttp from 'pino-http'` (or its require) in the file's style; null when the name is taken. */
function pinoHttpImport(site: ImportSite): TextEdit[] | null {
  for (const st of site.sourceFile.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier) && st.moduleSpecifier.text === 'pino-http' && st.importClause?.name?.text === PINO_HTTP_NAME) return [];
  }
  if (new RegExp(`\\b${PINO_HTTP_NAME}\\b`).test(site.text)) return null;
  const style = site.codeStyle();
  const printed = printNode(importStatement(site.moduleStyle, 'default', PINO_HTTP_NAME, 'pino-http', style.quote === '"' ? 'double' : 'single'));
  const statement = style.semicolons ? printed : printed.replace(/;$/, '');
  const offset = importInsertionOffset(site.sourceFile, site.text);
  const atLineStart = offset === 0 || site.text[offset - 1] === '\n';
  const eol = eolOf(site.text);
  return [{ start: offset, end: offset, newText: atLineStart ? `${statement}${eol}` : `${eol}${statement}` }];
}

/** Edits inserting at the same offset, merged in order (each import on its own line). */
function merged(edits: TextEdit[]): TextEdit[] {
  const out: TextEdit[] = [];
  for (const e of edits) {
    const same = out.find((o) => o.start === e.start && o.end === e.end && o.start === o.end);
    if (same && e.start === e.end) same.newText += e.newText;
    else out.push({ ...e });
  }
  return out;
}

/**
 * The fix for an Express app created as `const app = express();` (the statement `creation` sits in);
 * none for other frameworks, nor for apps not held in a variable of their own.
 */
export function requestIdMiddlewareFix(parsed: ParsedServiceFile, creation: ts.CallExpression | ts.NewExpression, project: ProjectModel, header: string): FixProposal[] {
  const callee = unwrap(creation.expression);
  const imp = ts.isIdentifier(callee) ? importOf(parsed.scopes, callee) : null;
  if (!imp || imp.module !== 'express' || !['default', '*'].includes(imp.name) || !ts.isCallExpression(creation)) return [];
  const decl = creation.parent;
  if (!ts.isVariableDeclaration(decl) || unwrap(decl.initializer!) !== creation || !ts.isIdentifier(decl.name)) return [];
  const list = decl.parent;
  const statement = list.parent;
  if (!ts.isVariableDeclarationList(list) || list.declarations.length !== 1 || !ts.isVariableStatement(statement)) return [];
  const site = siteOf(parsed, project);
  const sf = parsed.sourceFile;
  const text = parsed.text;
  const style = site.codeStyle();
  const semi = style.semicolons ? ';' : '';
  const h = stringLiteral(header, style);
  const app = decl.name.text;
  const uuid = randomUUIDInScope(site);
  if (!uuid) return [];
  const lineStart = text.lastIndexOf('\n', statement.getStart(sf) - 1) + 1;
  const indent = text.slice(lineStart, statement.getStart(sf));
  if (indent.trim() !== '') return [];
  const nl = text.indexOf('\n', statement.end);
  const after = nl < 0 ? text.length : nl + 1;
  const lead = nl < 0 ? site.eol : '';
  const deps = project.packageFor(parsed.file)?.dependencies ?? new Set<string>();
  if (deps.has('pino-http') || deps.has('pino')) {
    const pino = pinoHttpImport(site);
    if (!pino) return [];
    const genReqId = `(req, res) => { const existing = req.headers[${h}]; if (typeof existing === 'string' && existing !== '') return existing; const id = ${uuid.name}(); res.setHeader(${h}, id); return id; }`;
    const line = `${lead}${indent}${app}.use(${PINO_HTTP_NAME}({ genReqId: ${genReqId} }))${semi}${site.eol}`;
    const title = `Mount pino-http with a genReqId that reads ${header}${deps.has('pino-http') ? '' : ' (adds the pino-http dependency)'}`;
    return [{ title, edits: merged([...pino, ...uuid.edits, { start: after, end: after, newText: line }]), safe: false }];
  }
  // The store sits at the top of the module, above the app, for a logger mixin to read.
  if (!ts.isSourceFile(statement.parent) || new RegExp(`\\b${STORE_NAME}\\b`).test(text)) return [];
  const als = namedImportInScope(site, 'AsyncLocalStorage', 'async_hooks');
  if (!als) return [];
  const typed = /\.[cm]?tsx?$/.test(path.extname(parsed.file)) ? '<{ requestId: string }>' : '';
  const exported = site.moduleStyle === 'esm' ? 'export ' : '';
  const store = `${exported}const ${STORE_NAME} = new ${als.name}${typed}()${semi}${site.eol}`;
  const middleware =
    `${lead}${app}.use((req, res, next) => { const existing = req.headers[${h}]; ` +
    `const requestId = typeof existing === 'string' && existing !== '' ? existing : ${uuid.name}(); ` +
    `res.setHeader(${h}, requestId); ${STORE_NAME}.run({ requestId }, next); })${semi}${site.eol}`;
  return [
    {
      title: `Add an AsyncLocalStorage request-id middleware that reads ${header}`,
      edits: merged([...als.edits, ...uuid.edits, { start: lineStart, end: lineStart, newText: store }, { start: after, end: after, newText: middleware }]),
      safe: false,
    },
  ];
}
