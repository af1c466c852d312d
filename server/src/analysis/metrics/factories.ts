// A project's own metric factories: a function that makes a prom-client metric from the
// configuration its caller passes (Unleash's `createCounter(options)` doing `new PromCounter(options)`,
// `createGauge` taking a few options of its own and passing the rest on). Each call of one is a
// metric definition with the caller's configuration, so the naming and definition rules read it.
import ts from '../typescriptModule';
import type { MetricFactory } from '../model/types';
import { parameterIndex, resolveName, type ScopeMap, unwrap } from '../scopes';
import { type MetricKind, PROM_CLIENT } from './libraries';

/** Factories are small: a body longer than this is not searched. */
const MAX_FACTORY_BODY = 4000;

type FunctionWithBody = ts.FunctionLikeDeclaration & { body: ts.ConciseBody };

/** What `fn` makes, when it is a metric factory; undefined otherwise. */
export function metricFactoryOf(fn: FunctionWithBody, scopes: ScopeMap, calledFactory?: (call: ts.CallExpression) => MetricFactory | undefined): MetricFactory | undefined {
  const body = fn.body;
  if (fn.parameters.length === 0 || body.end - body.pos > MAX_FACTORY_BODY) return undefined;
  const stack: ts.Node[] = [body];
  while (stack.length) {
    const node = stack.pop()!;
    if (node !== body && (ts.isFunctionLike(node) || ts.isClassLike(node))) continue;
    if (ts.isNewExpression(node)) {
      const made = metricClassOf(node.expression, scopes);
      const config = made && node.arguments?.[0] ? passedParameter(node.arguments[0], fn, scopes) : -1;
      if (made && config >= 0) return { kind: made[0], constructorName: made[1], config };
    } else if (calledFactory && ts.isCallExpression(node) && node.arguments.some((arg) => passedParameter(arg, fn, scopes) >= 0)) {
      // A factory of a factory (Unleash's `registerGaugeDbMetric(definition)` calling `createGauge(definition)`):
      // only a call given one of the parameters is asked about (asking resolves the callee).
      const inner = calledFactory(node);
      const arg = inner && node.arguments[inner.config];
      const config = arg ? passedParameter(arg, fn, scopes) : -1;
      if (inner && config >= 0) return { ...inner, config };
    }
    ts.forEachChild(node, (c) => {
      stack.push(c);
    });
  }
  return undefined;
}

/** The kind and class name of a prom-client metric class (`Counter`, `PromCounter` imported as it, `client.Counter`). */
function metricClassOf(e: ts.Expression, scopes: ScopeMap): readonly [MetricKind, string] | null {
  const x = unwrap(e);
  if (ts.isIdentifier(x)) {
    const d = resolveName(scopes, x, x.text);
    const kind = d?.kind === 'import' && PROM_CLIENT.modules.has(d.module) ? PROM_CLIENT.classes.get(d.name) : undefined;
    return kind && d?.kind === 'import' ? [kind, d.name] : null;
  }
  if (ts.isPropertyAccessExpression(x) && ts.isIdentifier(x.expression)) {
    const d = resolveName(scopes, x.expression, x.expression.text);
    const kind = d?.kind === 'import' && PROM_CLIENT.modules.has(d.module) && (d.name === '*' || d.name === 'default') ? PROM_CLIENT.classes.get(x.name.text) : undefined;
    return kind ? [kind, x.name.text] : null;
  }
  return null;
}

/**
 * The parameter the configuration comes from: the parameter itself, spread into an object
 * (`{ ...options, registers }`), or the rest of it after the factory took its own options out
 * (`const { ttlMs, ...gaugeOptions } = options`); -1 when it is not the caller's.
 */
function passedParameter(arg: ts.Expression, fn: FunctionWithBody, scopes: ScopeMap): number {
  const direct = parameterIndex(arg, fn, scopes);
  if (direct >= 0) return direct;
  const a = unwrap(arg);
  if (ts.isObjectLiteralExpression(a)) {
    // A factory that writes the name or help itself (`{ name: prefix + name, help, ...opts }`) is no
    // pass-through: its callers' objects lack what it adds, and reading them alone would be wrong.
    if (a.properties.some((p) => !ts.isSpreadAssignment(p) && p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && (p.name.text === 'name' || p.name.text === 'help'))) return -1;
    for (const p of a.properties) if (ts.isSpreadAssignment(p)) {
      const i = passedParameter(p.expression, fn, scopes);
      if (i >= 0) return i;
    }
    return -1;
  }
  if (!ts.isIdentifier(a)) return -1;
  // `const { ttlMs, fetchValue, ...gaugeOptions } = options as CreateGaugeOptions<T>`.
  const statements = fn.body && ts.isBlock(fn.body) ? fn.body.statements : [];
  for (const st of statements) {
    if (!ts.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) {
      if (!ts.isObjectBindingPattern(d.name) || !d.initializer) continue;
      const rest = d.name.elements.find((el) => el.dotDotDotToken && ts.isIdentifier(el.name) && el.name.text === a.text);
      if (rest) return parameterIndex(d.initializer, fn, scopes);
    }
  }
  return -1;
}
