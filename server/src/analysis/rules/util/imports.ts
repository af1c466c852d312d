// Whether a call is node's `util.format`: told apart from a local function that happens to be called
// `format` by following the name to its import or require (the scope model, via RuleContext.importOf).
import ts from '../../typescriptModule';
import type { RuleContext } from '../../rule';
import { requiredModule } from '../../scopes';

const UTIL_MODULES = new Set(['util', 'node:util']);

/** `util.format(...)`, `format(...)` or `require('util').format(...)` with util being node's. */
export function isUtilFormatCall(call: ts.CallExpression, ctx: Pick<RuleContext, 'importOf'>): boolean {
  const c = call.expression;
  if (ts.isIdentifier(c)) {
    const b = ctx.importOf(c);
    return !!b && UTIL_MODULES.has(b.module) && b.name === 'format';
  }
  if (ts.isPropertyAccessExpression(c) && c.name.text === 'format') {
    const obj = c.expression;
    if (ts.isIdentifier(obj)) {
      const b = ctx.importOf(obj);
      // `import util from 'util'` (default) and `import * as util` / `require('util')` are the module.
      return !!b && UTIL_MODULES.has(b.module) && (b.name === '*' || b.name === 'default');
    }
    const m = requiredModule(obj);
    return !!m && UTIL_MODULES.has(m);
  }
  return false;
}
