// The texts a name may hold when it is declared with string literals: a level chosen at run time
// among constants (`const level = skip ? 'debug' : 'error'; req.log[level](msg)`) or a parameter
// typed as a union of them (`level: 'info' | 'warn'`).
import ts from './typescriptModule';
import { resolveName, type ScopeMap, unwrap } from './scopes';
import { literalUnion } from './typeValues';

/** Each branch of a conditional once; null for a name declared any other way. */
export function constantTextsOf(id: ts.Identifier, scopes: ScopeMap): string[] | null {
  const d = resolveName(scopes, id, id.text);
  if (d?.kind === 'param') return literalUnion(d.node.type);
  if (d?.kind !== 'value') return null;
  const texts: string[] = [];
  const add = (e: ts.Expression): boolean => {
    const x = unwrap(e);
    if (ts.isStringLiteralLike(x)) return texts.push(x.text) > 0;
    return ts.isConditionalExpression(x) && add(x.whenTrue) && add(x.whenFalse);
  };
  return add(d.init) ? texts : null;
}
