// A context middleware mounted before middleware that loses its context (the async-context-lost
// rule): `app.use(httpContext.middleware)` then `app.use(express.json())` on the same app. Body
// parsers call `next` from the request stream's events, outside the context the middleware entered,
// so every handler after them reads none. express-http-context's and cls-rtracer's READMEs: mount
// such middleware first, the context middleware after it. Tables: libraries.ts.
import ts from '../typescriptModule';
import { unwrap } from '../scopes';
import { importedName, type ImportLookup } from './imports';
import { isFunction, isStore, type Lookups } from './asyncContext';
import { CONTEXT_BREAKING_MIDDLEWARE, CONTEXT_MIDDLEWARES, STORE_RUN_METHODS } from './libraries';

export interface MountOrderProblem {
  /** The context middleware argument of the `use` call. */
  middleware: ts.Expression;
  label: string;
  /** The statement that mounts it. */
  statement: ts.ExpressionStatement;
  /** The later statements of the same block that mount a breaking middleware on the same app, in order. */
  breaking: Array<{ statement: ts.ExpressionStatement; label: string }>;
}

/** The context middleware `arg` is, by its label: a library's, or an inline one that runs `next` inside a store. */
export function contextMiddlewareLabel(arg: ts.Expression, l: Pick<Lookups, 'lookup' | 'decl'>): string | null {
  const e = unwrap(arg);
  const called = ts.isCallExpression(e);
  const imp = importedName(l.lookup, called ? unwrap(e.expression) : e);
  if (imp) {
    const found = CONTEXT_MIDDLEWARES.find((m) => m.module === imp.module && m.called === called && (imp.member ?? imp.name) === m.name);
    if (found) return found.label;
  }
  if (!isFunction(e)) return null;
  // `(req, res, next) => store.run(value, () => next())` (AsyncLocalStorage or a cls-hooked namespace).
  let found: string | null = null;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && STORE_RUN_METHODS.has(n.expression.name.text) && isStore(n.expression.expression, l)) {
      found = 'context';
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(e.body);
  return found;
}

/** The label of the breaking middleware `arg` mounts (`express.json()`, `bodyParser.urlencoded(...)`, `expressjwt(...)`). */
function breakingLabel(arg: ts.Expression, lookup: ImportLookup): string | null {
  const e = unwrap(arg);
  if (!ts.isCallExpression(e)) return null;
  const imp = importedName(lookup, unwrap(e.expression));
  if (!imp) return null;
  const entry = CONTEXT_BREAKING_MIDDLEWARE[imp.module];
  if (!entry) return null;
  const name = imp.member ?? (imp.name === 'default' ? '*' : imp.name);
  return entry.exports.has(name) ? entry.label.replace('{name}', name) : null;
}

/** `app.use(...)` as a statement of its own: the app's name and the arguments. */
function useStatement(st: ts.Statement): { app: string; args: readonly ts.Expression[]; statement: ts.ExpressionStatement } | null {
  if (!ts.isExpressionStatement(st)) return null;
  const call = unwrap(st.expression);
  if (!ts.isCallExpression(call) || !ts.isPropertyAccessExpression(call.expression) || call.expression.name.text !== 'use') return null;
  const app = unwrap(call.expression.expression);
  return ts.isIdentifier(app) ? { app: app.text, args: call.arguments, statement: st } : null;
}

/** For a `use` call that mounts a context middleware: the breaking middleware mounted after it on the same app, in the same block. */
export function mountOrderProblem(call: ts.CallExpression, l: Pick<Lookups, 'lookup' | 'decl'>): MountOrderProblem | null {
  const statement = call.parent;
  if (!statement || !ts.isExpressionStatement(statement) || unwrap(statement.expression) !== call) return null;
  const own = useStatement(statement);
  if (!own) return null;
  let middleware: ts.Expression | null = null;
  let label: string | null = null;
  for (const a of own.args) {
    label = contextMiddlewareLabel(a, l);
    if (label) {
      middleware = a;
      break;
    }
  }
  if (!middleware || !label) return null;
  const block = statement.parent;
  if (!ts.isSourceFile(block) && !ts.isBlock(block)) return null;
  const statements = block.statements;
  const breaking: MountOrderProblem['breaking'] = [];
  for (let i = statements.indexOf(statement) + 1; i < statements.length; i++) {
    const use = useStatement(statements[i]);
    if (!use || use.app !== own.app) continue;
    for (const a of use.args) {
      const b = breakingLabel(a, l.lookup);
      if (b) {
        breaking.push({ statement: use.statement, label: b });
        break;
      }
    }
  }
  return breaking.length ? { middleware, label, statement, breaking } : null;
}
