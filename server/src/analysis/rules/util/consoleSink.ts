// A log helper's own console call: `exports.log = (msg, type) => { ...; f(type + ':', msg) }` (YApi)
// prints its caller's message after a tag made of its own parameters. The text is the caller's,
// checked where the helper is called; the tag (the level's name) is no value of the record. A tag
// made from anything else (`console.debug(\`[${jobId}]\`, ...args)`, Documenso's job logger) puts a
// value in the text and stays a finding, as does any call printing no parameter of its function. A
// logger's sink writing one text of its tag and its caller's message is the same (zigbee2mqtt's).
import ts from '../../typescriptModule';
import type { LogCall, RuleContext } from '../../rule';
import { enclosingFunction, memberChainRoot, unwrap } from '../../scopes';
import { isConsoleSinkShaped, isMethodOfLoggingClass, joinedMessageParameter, lazyMessageParts, textOfTransformed } from '../../helperParameters';
import { words } from '../../nameWords';
import { colouredValue } from './declarations';

export function printsCallerMessageAfterOwnTag(call: LogCall, ctx: Pick<RuleContext, 'declarationOf' | 'importOf'>): boolean {
  const fn = enclosingFunction(call.node);
  const [tag, ...rest] = call.node.arguments;
  // A logger class's prefix of its own before its caller's message, in one text (MiroTalk's Logger:
  // `'[' + this.getDateTime() + '] [' + this.appName + '] ' + colors.green(msg)`): its time and name.
  if (fn && tag && isConsoleSinkShaped(fn) && prefixesCallerMessage(tag, ownParameterTest(fn, ctx), ctx)) return true;
  // Only a logger's sink by its shape (a name for logging, a rest parameter): a listener printing
  // `Job ${jobId} failed` and its `err` is no helper, and its message is its own.
  if (!fn || !tag || rest.length === 0 || !isConsoleSinkShaped(fn)) return false;
  const isOwnParameter = ownParameterTest(fn, ctx);
  // A constant format colouring what it is handed (Leon's `console.log('\x1b[32m✅ %s\x1b[0m', value)`,
  // `value.toUpperCase()` too): every value printed is the caller's.
  if (ts.isStringLiteralLike(unwrap(tag))) return rest.every((e) => !ts.isSpreadElement(e) && isOwnParameter(textOfTransformed(e) ?? e));
  return rest.some((e) => isOwnParameter(ts.isSpreadElement(e) ? e.expression : e)) && onlyParametersIn(tag, isOwnParameter);
}

/** Whether an expression is one of `fn`'s own parameters, by name (`msg`, `(msg)`). */
function ownParameterTest(fn: ts.Node, ctx: Pick<RuleContext, 'declarationOf'>): (e: ts.Expression) => boolean {
  return (e) => {
    const x = unwrap(e);
    if (!ts.isIdentifier(x)) return false;
    const d = ctx.declarationOf(x);
    return !!d && ts.isParameter(d) && d.parent === fn;
  };
}

/**
 * The same in a logger's sink writing one text (zigbee2mqtt's `this.logger.log(level, \`${namespace}: ${message}\`)`,
 * `message` being its `messageOrLambda` parameter, called when it is a function): the text ends with the
 * caller's message after a tag of the sink's own parameters.
 */
export function writesCallerMessageAfterOwnTag(call: LogCall, ctx: Pick<RuleContext, 'declarationOf'>): boolean {
  const fn = enclosingFunction(call.node);
  const message = call.messageArg && unwrap(call.messageArg);
  if (!fn || !message || !ts.isTemplateExpression(message) || !isConsoleSinkShaped(fn)) return false;
  const spans = message.templateSpans;
  const last = spans[spans.length - 1];
  const isOwnParameter = ownParameterTest(fn, ctx);
  // The caller's message: a parameter named for one, or a local that calls it when it is a function (a lazy
  // message). Named so: `warnOldPostgres(config, version)` writing `Running PostgreSQL ${version}` is no sink.
  const isCallerMessage = (e: ts.Expression): boolean => {
    const x = unwrap(e);
    if (!ts.isIdentifier(x) || !words(x.text).some((w) => MESSAGE_WORDS.has(w))) return false;
    if (isOwnParameter(x)) return true;
    const d = ctx.declarationOf(x);
    const lazy = d && ts.isVariableDeclaration(d) && d.initializer ? lazyMessageParts(d.initializer) : null;
    return !!lazy && isOwnParameter(lazy.value) && isOwnParameter(lazy.called);
  };
  // A logger class's tag may be the instance's own (express-typescript-boilerplate's Logger: `` `${this.formatScope()}
  // ${message}` ``); another class's members are values of its own (`` `[user ${this.userId}] ${message}` ``).
  const ownMember = isMethodOfLoggingClass(fn);
  return last.literal.text === '' && isCallerMessage(last.expression) && spans.slice(0, -1).every((span) => onlyParametersIn(span.expression, isOwnParameter) || (ownMember && rootedAtThis(span.expression)));
}

const MESSAGE_WORDS = new Set(['message', 'msg']);

/**
 * A `+` chain ending with the function's parameter named for a message (coloured or not), the terms
 * before it text, the function's parameters, or the instance's own members (`this.appName`, `this.getDateTime()`).
 */
function prefixesCallerMessage(e: ts.Expression, isOwnParameter: (e: ts.Expression) => boolean, ctx: Pick<RuleContext, 'importOf'>): boolean {
  const u = unwrap(e);
  if (!ts.isBinaryExpression(u) || u.operatorToken.kind !== ts.SyntaxKind.PlusToken) return false;
  const terms: ts.Expression[] = [];
  // Left-leaning, as `a + b + c` parses: the right sides in reverse, then the first term.
  let cur: ts.Expression = u;
  while (ts.isBinaryExpression(cur) && cur.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    terms.push(unwrap(cur.right));
    cur = unwrap(cur.left);
  }
  terms.push(cur);
  const [last, ...prefix] = terms;
  const message = colouredValue(last, ctx) ?? last;
  const m = unwrap(message);
  if (!ts.isIdentifier(m) || !words(m.text).some((w) => MESSAGE_WORDS.has(w)) || !isOwnParameter(m)) return false;
  return prefix.every((t) => ts.isStringLiteralLike(t) || isOwnParameter(t) || rootedAtThis(t));
}

/** `this.appName`, `this.getDateTime()`, `colors.cyan(this.time)` aside: an expression whose only name is `this`'s member. */
function rootedAtThis(e: ts.Expression): boolean {
  const x = unwrap(e);
  return memberChainRoot(ts.isCallExpression(x) && x.arguments.length === 0 ? x.expression : x).kind === ts.SyntaxKind.ThisKeyword;
}

/** Whether every name in `e` (its text aside) is one of the function's parameters: an explicit stack, no recursion. */
function onlyParametersIn(e: ts.Expression, isOwnParameter: (e: ts.Expression) => boolean): boolean {
  const stack: ts.Node[] = [e];
  let names = 0;
  while (stack.length) {
    const n = stack.pop()!;
    if (ts.isIdentifier(n)) {
      if (!isOwnParameter(n)) return false;
      names++;
      continue;
    }
    if (ts.isPropertyAccessExpression(n) || ts.isCallExpression(n) || ts.isElementAccessExpression(n)) return false;
    ts.forEachChild(n, (c) => {
      stack.push(c);
    });
  }
  return names > 0;
}

/**
 * The call of a sink joining its caller's message and rest arguments into one text as console would
 * (helperParameters.joinedMessageParameter): the text is the caller's, checked where the sink is called.
 */
export function joinsCallerArguments(call: LogCall, ctx: Pick<RuleContext, 'declarationOf'>): boolean {
  const fn = enclosingFunction(call.node);
  const rest = fn?.parameters.find((p) => p.dotDotDotToken && ts.isIdentifier(p.name));
  if (!fn || !rest || !isConsoleSinkShaped(fn)) return false;
  const parameterOf = (e: ts.Identifier): number => {
    const d = ctx.declarationOf(e);
    return d && ts.isParameter(d) && d.parent === fn && d !== rest ? fn.parameters.indexOf(d) : -1;
  };
  return joinedMessageParameter(call.messageArg, parameterOf, (e) => ts.isIdentifier(unwrap(e)) && ctx.declarationOf(unwrap(e) as ts.Identifier) === rest) >= 0;
}
