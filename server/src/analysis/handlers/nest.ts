// NestJS controllers: `@Controller('users')` on a class and `@Get(':id')` on its methods, the
// decorators followed to their import from @nestjs/common. A handler's request is the parameter
// decorated with `@Req()` (or `@Request()`); Nest passes no request otherwise.
import ts from '../typescriptModule';
import { resolveName, unwrap } from '../scopes';
import { NEST_COMMON, NEST_METHOD_DECORATORS, NEST_REQUEST_DECORATORS } from './frameworks';
import type { FrameworkValues } from './frameworkValues';
import { callerParameters } from './factsBuilder';
import { pathsOf, propertyOf } from './paths';
import type { RoutePath } from './types';

/** The @nestjs/common export a decorator calls (`Get` for `@Get(':id')`), and its arguments. */
function nestDecorator(d: ts.Decorator, values: FrameworkValues): { name: string; args: readonly ts.Expression[] } | null {
  const e = unwrap(d.expression);
  if (!ts.isCallExpression(e)) return null;
  const callee = unwrap(e.expression);
  let name: string | null = null;
  if (ts.isIdentifier(callee)) {
    const decl = resolveName(values.scopes, callee, callee.text);
    if (decl?.kind === 'import' && decl.module === NEST_COMMON) name = decl.name;
  } else if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression)) {
    const decl = resolveName(values.scopes, callee.expression, callee.expression.text);
    if (decl?.kind === 'import' && decl.module === NEST_COMMON && (decl.name === '*' || decl.name === 'default')) name = callee.name.text;
  }
  return name ? { name, args: e.arguments } : null;
}

/** `@Controller('users')`, `@Controller(['a', 'b'])`, `@Controller({ path: 'users' })`, `@Controller()`. */
function controllerPaths(args: readonly ts.Expression[], values: FrameworkValues): RoutePath[] {
  const arg = args[0] && unwrap(args[0]);
  if (!arg) return [''];
  if (ts.isObjectLiteralExpression(arg)) {
    const p = propertyOf(arg, 'path');
    return p ? pathsOf(p, values.scopes) : [''];
  }
  return pathsOf(arg, values.scopes);
}

/** Reads a class: when it is a controller, an owner with its prefix and one route per decorated method. */
export function readNestController(cls: ts.ClassLikeDeclaration, values: FrameworkValues): void {
  const controller = (ts.getDecorators(cls) ?? []).map((d) => nestDecorator(d, values)).find((d) => d?.name === 'Controller');
  if (!controller) return;
  const builder = values.builder;
  const owner = builder.ownerAt(cls, (place) => ({ framework: 'nestjs', role: 'controller', prefixes: controllerPaths(controller.args, values), ...place }));
  for (const member of cls.members) {
    if (!ts.isMethodDeclaration(member)) continue;
    for (const d of ts.getDecorators(member) ?? []) {
      const route = nestDecorator(d, values);
      const method = route && NEST_METHOD_DECORATORS.get(route.name);
      if (!route || !method) continue;
      const fn = builder.functionAt(member);
      const requestIndex = callerParameters(member).findIndex((p) => (ts.getDecorators(p) ?? []).some((pd) => NEST_REQUEST_DECORATORS.has(nestDecorator(pd, values)?.name ?? '')));
      if (requestIndex >= 0) builder.functionFact(fn).nestRequestIndex = requestIndex;
      const paths = route.args[0] ? pathsOf(route.args[0], values.scopes) : [''];
      const lc = values.builder.placeOf(d);
      builder.facts.routes.push({
        owner: { kind: 'owner', owner },
        method,
        paths,
        handler: { ref: { kind: 'function', fn }, rule: 'decorated', label: ts.isIdentifier(member.name) ? member.name.text : 'handler' },
        before: [],
        ...lc,
        tentative: false,
      });
    }
  }
}

/** Nest's `app.setGlobalPrefix('api')` on an app made by NestFactory.create. */
export function readGlobalPrefix(call: ts.CallExpression, values: FrameworkValues): boolean {
  const callee = unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'setGlobalPrefix' || !call.arguments[0]) return false;
  const receiver = values.receiverOf(callee.expression);
  if (receiver?.framework !== 'nestjs') return false;
  values.builder.facts.globalPrefixes.push({ framework: 'nestjs', prefix: pathsOf(call.arguments[0], values.scopes)[0] });
  return true;
}
