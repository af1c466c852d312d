// A worker's log helper that hands its message to the parent process, which logs it (AnythingLLM's
// Bree jobs: `function log(text) { parentPort.postMessage(\`[${process.pid}]: ${text}\`) }`, Bree's
// parent then calls `logger.info(message)` for each). Such a helper is the job's logger: a call of it
// is a log call with the caller's message. Known only by its name (a logging word) and its sink (a
// worker thread's `parentPort.postMessage` or a child process's `process.send`), since the parent's
// handler is a library's: a `send(message)` or `notify(text)` helper is not one.
import ts from './typescriptModule';
import { functionName } from './functionName';
import { LOGGING_WORDS } from './helperParameters';
import type { FunctionLike } from './logCallables';
import { parameterIndex, type ScopeMap, unwrap } from './scopes';

/** The text of a body that may hold such a send, for a test before the walk. */
const IPC_SEND = /\b(?:parentPort\s*\??\.\s*postMessage|process\s*\??\.\s*send)\s*\(/;

/** The parameter such a helper sends as (part of) its message, or -1. */
export function ipcLogMessageParameter(fn: FunctionLike, bodyText: string, scopes: ScopeMap): number {
  // The last part of how code names it (`log` of `Worker.log`): a method or property named for logging too.
  const name = functionName(fn)?.split('.').pop();
  if (!name || !LOGGING_WORDS.has(name) || !IPC_SEND.test(bodyText) || !fn.body) return -1;
  let found = -1;
  const stack: ts.Node[] = [fn.body];
  while (stack.length && found < 0) {
    const node = stack.pop()!;
    if (node !== fn.body && (ts.isFunctionLike(node) || ts.isClassLike(node))) continue;
    if (ts.isCallExpression(node) && isIpcSend(node.expression) && node.arguments.length === 1) found = sentParameter(node.arguments[0], fn, scopes);
    ts.forEachChild(node, (c) => {
      stack.push(c);
    });
  }
  return found;
}

/** `parentPort.postMessage`, `process.send` (optional chaining allowed). */
function isIpcSend(callee: ts.Expression): boolean {
  const c = unwrap(callee);
  if (!ts.isPropertyAccessExpression(c)) return false;
  const receiver = unwrap(c.expression);
  if (!ts.isIdentifier(receiver)) return false;
  return (receiver.text === 'parentPort' && c.name.text === 'postMessage') || (receiver.text === 'process' && c.name.text === 'send');
}

/** The parameter the sent value is, or holds as a template's or concatenation's part. */
function sentParameter(arg: ts.Expression, fn: FunctionLike, scopes: ScopeMap): number {
  const e = unwrap(arg);
  if (ts.isTemplateExpression(e)) {
    for (const span of e.templateSpans) {
      const i = parameterIndex(span.expression, fn, scopes);
      if (i >= 0) return i;
    }
    return -1;
  }
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = sentParameter(e.left, fn, scopes);
    return left >= 0 ? left : sentParameter(e.right, fn, scopes);
  }
  return parameterIndex(e, fn, scopes);
}
