// The type a parameter is written with: its own annotation, or the one a function type written on
// the variable it is assigned to gives it (Unleash's `export const handleErrors: (res: Response,
// logger: Logger, error: Error) => void = (res, logger, error) => { ... }`), as TypeScript types it
// by context. Only a function type written in place: an alias is not followed here.
import ts from './typescriptModule';

/** `p`'s own type annotation, else the one its function's variable's written function type gives it; undefined when neither says. */
export function writtenParameterType(p: ts.ParameterDeclaration): ts.TypeNode | undefined {
  if (p.type) return p.type;
  const fn = p.parent;
  if (!fn || !(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) return undefined;
  let holder: ts.Node = fn.parent;
  while (holder && ts.isParenthesizedExpression(holder)) holder = holder.parent;
  if (!holder || !ts.isVariableDeclaration(holder) || !holder.type) return undefined;
  let type: ts.TypeNode = holder.type;
  while (ts.isParenthesizedTypeNode(type)) type = type.type;
  if (!ts.isFunctionTypeNode(type)) return undefined;
  // A written `this:` parameter is no argument (`(this: Logger, err: Error) => void`).
  const first = type.parameters[0];
  const own = first && ts.isIdentifier(first.name) && first.name.text === 'this' ? type.parameters.slice(1) : type.parameters;
  const written = own[fn.parameters.indexOf(p)];
  // A rest parameter's type is an array's: it says nothing of one argument.
  return written && !written.dotDotDotToken && !p.dotDotDotToken ? written.type : undefined;
}

/** What a JavaScript parameter's JSDoc types it with: a module's export by import, or a class's name as the file knows it. */
export type DocumentedType = { readonly module: string; readonly name: string } | { readonly local: string };

/**
 * The class a JavaScript parameter's JSDoc types it with (`@param {import('./LibraryScan')}
 * libraryScan`, `{import('./x').Name}` for a named export, or `@param {LibraryScan} libraryScan` after
 * `const LibraryScan = require('./LibraryScan')`: Audiobookshelf's scanners): the parser reads no JSDoc
 * (parse.ts), so the function's leading comment is read as text. A name that is not capitalised
 * (`{string}`, `{object}`) names no class. Null when none.
 */
export function jsDocParameterType(p: ts.ParameterDeclaration): DocumentedType | null {
  if (!ts.isIdentifier(p.name) || p.dotDotDotToken) return null;
  const sf = p.getSourceFile();
  if (!JS_FILE.test(sf.fileName)) return null;
  const fn = p.parent;
  // A method's comment precedes it; a function expression's, the statement or property holding it.
  let holder: ts.Node = fn;
  while (holder.parent && (ts.isParenthesizedExpression(holder.parent) || ts.isPropertyAssignment(holder.parent) || ts.isVariableDeclaration(holder.parent) || ts.isVariableDeclarationList(holder.parent) || ts.isVariableStatement(holder.parent))) holder = holder.parent;
  const comments = ts.getLeadingCommentRanges(sf.text, holder.pos);
  const last = comments?.[comments.length - 1];
  if (!last || last.kind !== ts.SyntaxKind.MultiLineCommentTrivia) return null;
  const text = sf.text.slice(last.pos, Math.min(last.end, last.pos + MAX_DOC_COMMENT));
  const name = p.name.text;
  for (const m of text.matchAll(JSDOC_PARAM)) {
    if (m[4] !== name) continue;
    if (m[1] !== undefined) return { module: m[1], name: m[2] ?? 'default' };
    return m[3] !== undefined ? { local: m[3] } : null;
  }
  return null;
}

const JS_FILE = /\.[cm]?jsx?$/;
/** Doc comments longer than this are not read (a file's licence header). */
const MAX_DOC_COMMENT = 4000;
/** `@param {import('./LibraryScan')} libraryScan`, `@param {import("./x").Name} [name]`, `@param {LibraryScan} scan`. */
const JSDOC_PARAM = /@param\s*\{\s*(?:import\(\s*['"]([^'"\n]{1,200})['"]\s*\)(?:\.([\w$]{1,80}))?|([A-Z][\w$]{0,79}))\s*\}\s*\[?([\w$]{1,80})/g;
