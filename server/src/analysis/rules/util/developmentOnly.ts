// Code that runs only in development or under the test suite: inside `if (env.isDevelopment)` (or
// `if (isDevMode())`), `if
// (process.env.NODE_ENV === 'development')` or `=== 'test'`, the else branch of `NODE_ENV !==
// 'development'`, or after `if (env.getNodeEnv() !== 'development') return;`. What it logs is for the developer at the keyboard (Outline prints sign-in links
// there) or for the test run's output (Outline prints unexpected errors when ENVIRONMENT is test),
// and never reaches production logs, so the logging rules leave it alone as they leave tests alone.
// "Not production" is neither: staging ships its logs too.
import ts from '../../typescriptModule';
import { unwrap } from '../../scopes';
import { functionName } from '../../functionName';
import { constDeclaration } from './declarations';
import type { RuleContext } from '../../rule';

/** What a guard's names are looked up in: the file's scope model (a module constant holding the environment's test). */
type Declarations = Pick<RuleContext, 'declarationOf'>;

/** `isDevelopment`, `isDev`, `isLocal`, `devMode`, `__DEV__`: never a bare `dev` or `local` (a local account, `req.query.dev`). */
const DEV_NAME = /^(?:is(?:dev|development|local)(?:mode|env)?|dev(?:elopment)?mode|__DEV__)$/i;
/** A guard function asked about the options or configuration it is given: `isDevModeOptions(this.options)` (Vendure's email plugin). */
const OF_OPTIONS = /(?:options|config)$/i;
/** `isTest`, `isTestEnv`, `isTestMode`: never a bare `test`. */
const TEST_NAME = /^is(?:test)(?:mode|env)?$/i;
/** An end-to-end run's flag: `process.env.E2E_TEST` (Open Collective's API), `isE2E`, `E2E_MODE`. */
const E2E_NAME = /^(?:is)?e2e(?:tests?|mode|env)?$/i;
/** The environment's name: the variable, or a configuration's copy of it (`config.env`, `config.nodeEnv`: node-express-boilerplate). */
const ENV_NAME = /^(?:NODE_ENV|ENVIRONMENT|APP_ENV|ENV|env|environment|nodeEnv|REACT_APP_ENV|VITE_ENV|VITE_APP_ENV)$/;
const MAX_CLIMB = 64;
/** A function named for the test suite, which only tests call: `resetStateForTests`, `seedForTesting` (Nightscout's test hooks). */
const TEST_FUNCTION_NAME = /(?:For|In)Tests?$|ForTesting$/;

/** What a guard's condition must say: the environment values and the flag names that mean it. */
interface Guard {
  values: ReadonlySet<string>;
  names: readonly RegExp[];
}

const TESTS: Guard = { values: new Set(['test']), names: [TEST_NAME, E2E_NAME] };
const DEVELOPMENT_OR_TESTS: Guard = { values: new Set(['development', 'dev', 'test']), names: [DEV_NAME, TEST_NAME, E2E_NAME] };

/** Whether `node` sits in a branch that runs only in development or under the test suite (the message-quality rules' guard). */
export function runsOnlyInDevelopmentOrTests(node: ts.Node, scope: Declarations): boolean {
  return guardedBy(node, DEVELOPMENT_OR_TESTS, scope);
}

/**
 * Whether `node` sits in a branch that runs only under the test suite (console-logging's guard:
 * console output in development-only code is still service code's console, as the labelled
 * repositories judge it; under tests it is the test run's output).
 */
export function runsOnlyUnderTests(node: ts.Node, scope: Declarations): boolean {
  return guardedBy(node, TESTS, scope);
}

function guardedBy(node: ts.Node, guard: Guard, scope: Declarations): boolean {
  // A bounded climb: a guard sits a few statements above the call, and a bound keeps a file of
  // thousands of deeply nested log calls linear.
  let steps = 0;
  for (let child = node, parent = node.parent; parent && steps < MAX_CLIMB; child = parent, parent = parent.parent, steps++) {
    if (ts.isBlock(parent) && returnsEarlyUnless(parent, child, guard, scope)) return true;
    if (guard.values.has('test') && ts.isFunctionLike(parent) && TEST_FUNCTION_NAME.test(functionName(parent) ?? '')) return true;
    if (!ts.isIfStatement(parent)) continue;
    if (child === parent.thenStatement && isGuardTest(parent.expression, true, guard, scope)) return true;
    if (child === parent.elseStatement && isGuardTest(parent.expression, false, guard, scope)) return true;
  }
  return false;
}

/** Statements looked at at the top of a block for an early return (a guard comes first in a function). */
const MAX_EARLIER_STATEMENTS = 16;

/**
 * Whether a statement at the top of `block`, above `child`, leaves the block unless in the guard's
 * environment: `if (env.getNodeEnv() !== 'development') return;` (Docmost's query log callback), so
 * what follows runs as if in that `if`'s else branch.
 */
function returnsEarlyUnless(block: ts.Block, child: ts.Node, guard: Guard, scope: Declarations): boolean {
  const statements = block.statements;
  for (let i = 0; i < statements.length && i < MAX_EARLIER_STATEMENTS && statements[i].end <= child.pos; i++) {
    const st = statements[i];
    if (ts.isIfStatement(st) && !st.elseStatement && leaves(st.thenStatement) && isGuardTest(st.expression, false, guard, scope)) return true;
  }
  return false;
}

/** `return;`, `return x;`, `throw ...`, or a block of only that. */
function leaves(st: ts.Statement): boolean {
  if (ts.isReturnStatement(st) || ts.isThrowStatement(st)) return true;
  return ts.isBlock(st) && st.statements.length === 1 && leaves(st.statements[0]);
}

/** Whether `e` being `truthy` (true: the then branch; false: the else branch) means the guard's environment. */
function isGuardTest(expr: ts.Expression, truthy: boolean, guard: Guard, scope: Declarations, depth = 0): boolean {
  const e = unwrap(expr);
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) return isGuardTest(e.operand, !truthy, guard, scope, depth);
  // `const dev = process.env.REACT_APP_ENV === 'development'; ... if (dev)` (Sharetribe's server): a
  // module constant holding the environment's test, whatever its name (not a parameter or local of that name).
  if (ts.isIdentifier(e) && depth === 0) {
    const init = moduleConstant(e, scope);
    if (init && isGuardTest(init, truthy, guard, scope, depth + 1)) return true;
  }
  if (ts.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    // `a && b` true: both hold, so either being the guard's test is enough; false tells nothing.
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return truthy && (isGuardTest(e.left, true, guard, scope, depth) || isGuardTest(e.right, true, guard, scope, depth));
    // `a || b` true: one of them holds, so both must be the guard's (`config.env === 'development' ||
    // process.env.E2E_TEST`: Open Collective's OTP line); false: neither holds, so either being it is enough.
    if (op === ts.SyntaxKind.BarBarToken) {
      return truthy
        ? isGuardTest(e.left, true, guard, scope, depth) && isGuardTest(e.right, true, guard, scope, depth)
        : isGuardTest(e.left, false, guard, scope, depth) || isGuardTest(e.right, false, guard, scope, depth);
    }
    const equal = op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken;
    const unequal = op === ts.SyntaxKind.ExclamationEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken;
    if (!equal && !unequal) return false;
    const value = envComparison(e.left, e.right) ?? envComparison(e.right, e.left);
    if (value === null) return false;
    // `NODE_ENV === 'development'` true, or `NODE_ENV !== 'development'` false.
    return equal === truthy && guard.values.has(value);
  }
  // A flag, a function named as one asking about nothing (`isTestEnv()`, `isDevMode()`), or one
  // asking about options (`isDevModeOptions(this.options)`). `isLocal(ip)` or `isDev(dependency)` ask
  // about their argument, not the environment.
  const flag = ts.isCallExpression(e) ? unwrap(e.expression) : e;
  const written = ts.isIdentifier(flag) ? flag.text : ts.isPropertyAccessExpression(flag) ? flag.name.text : null;
  if (!written) return false;
  const asksAboutOptions = ts.isCallExpression(e) && e.arguments.length > 0;
  if (asksAboutOptions && !OF_OPTIONS.test(written)) return false;
  const name = asksAboutOptions ? written.replace(OF_OPTIONS, '') : written;
  // A constant's name in upper snake case says the same (`IS_DEVELOPMENT_ENV`: Leon's telemetry).
  const joined = name.includes('_') && name !== '__DEV__' ? name.replace(/_/g, '') : name;
  return truthy && guard.names.some((n) => n.test(joined));
}

/** The initializer of the module-level `const` the identifier resolves to in the file's scope model, or null. */
function moduleConstant(id: ts.Identifier, scope: Declarations): ts.Expression | null {
  const d = constDeclaration(id, scope);
  if (!d) return null;
  const statement = d.parent.parent;
  return ts.isVariableStatement(statement) && ts.isSourceFile(statement.parent) ? d.initializer : null;
}

/**
 * The string `literal` is compared with when `env` names the environment variable
 * (`process.env.NODE_ENV`, `env.ENVIRONMENT`) or a getter of it (`environmentService.getNodeEnv()`).
 */
function envComparison(env: ts.Expression, literal: ts.Expression): string | null {
  const v = unwrap(env);
  const l = unwrap(literal);
  const getter = ts.isCallExpression(v) && v.arguments.length === 0 ? unwrap(v.expression) : null;
  const getterName = getter && (ts.isPropertyAccessExpression(getter) ? getter.name.text : ts.isIdentifier(getter) ? getter.text : null);
  const name = getterName ? (ENV_GETTER.test(getterName) ? 'NODE_ENV' : null) : ts.isPropertyAccessExpression(v) ? v.name.text : ts.isIdentifier(v) ? v.text : null;
  return name && ENV_NAME.test(name) && ts.isStringLiteralLike(l) ? l.text.toLowerCase() : null;
}

/** `getNodeEnv()`, `getEnv()`, `getEnvironment()`, `getAppEnv()`: a getter of the environment's name. */
const ENV_GETTER = /^get(?:Node|App)?Env(?:ironment)?$/;
