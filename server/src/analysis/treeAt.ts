// Nodes at a place: handler discovery, the project model and findings name places by 0-based line
// and column, and the service phase, its rules and the editor's hover go from a place back to the
// node of a parsed file there (a registration call, a handler function, an app's creation).
import ts from './typescriptModule';

/** A file as the service phase parses it: only its tree is needed here. */
interface ParsedTree {
  readonly sourceFile: ts.SourceFile;
}

/** The deepest node starting at a place that passes `test` (one walk down the path to the place). */
export function nodeAt(parsed: ParsedTree, line: number, column: number, test: (n: ts.Node) => boolean): ts.Node | null {
  const sf = parsed.sourceFile;
  let offset: number;
  try {
    offset = sf.getPositionOfLineAndCharacter(line, column);
  } catch {
    return null;
  }
  let found: ts.Node | null = null;
  let n: ts.Node | undefined = sf;
  while (n) {
    if (n !== sf && n.getStart(sf) === offset && test(n)) found = n;
    let next: ts.Node | undefined;
    n.forEachChild((c) => {
      if (!next && c.pos <= offset && offset < c.end) next = c;
    });
    n = next;
  }
  return found;
}

/**
 * The call registered at a place: handler discovery places a `recv.get(...)`/`recv.use(...)` at its
 * method name, other calls at their start. Null when the place holds no call (a Nest decorator).
 */
export function callAt(parsed: ParsedTree, line: number, column: number): ts.CallExpression | null {
  let n: ts.Node | null = nodeAt(parsed, line, column, () => true);
  for (let i = 0; n && i < 3; i++, n = n.parent) if (ts.isCallExpression(n)) return n;
  return null;
}

/** The function at a function fact's place (handler discovery places a named function at its name). */
export function functionNodeAt(parsed: ParsedTree, line: number, column: number): ts.Node | null {
  let n: ts.Node | null = nodeAt(parsed, line, column, () => true);
  for (let i = 0; n && i < 3; i++, n = n.parent) if (isFunctionLike(n)) return n;
  return null;
}

export const isFunctionLike = (n: ts.Node): n is ts.FunctionLikeDeclaration =>
  ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n) || ts.isArrowFunction(n) || ts.isMethodDeclaration(n);
