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
