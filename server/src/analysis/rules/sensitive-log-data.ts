// sensitive-log-data: secrets in a log record. Logs are copied to many systems and kept for long;
// a password, token or cookie in a record is a leaked credential. Matching is on whole words of
// the name (`accessToken`, `api_key`), so `tokenCount` or `sessionId` are not flagged.
import ts from '../typescriptModule';
import type { LogCall, Rule, RuleContext } from '../rule';
import { enclosingStop, isFallback, unwrap } from '../scopes';
import { isContextName, isRequestObject } from './util/requests';
import { runsOnlyInDevelopmentOrTests } from './util/developmentOnly';
import { isConsoleOutsideServiceCode } from './util/fileRole';
import { isPersonalDataName, isSecretName, personalDataKind } from './util/secretNames';
import { constObjectLiteral, declaredType, typeMemberNames } from './util/declarations';
import { messageParts } from './util/messageParts';
import { printedValue } from './util/structuredMessage';

/** Whole request parts that carry credentials (Authorization, Cookie) or user secrets (form bodies). */
const REQUEST_PARTS = new Set(['headers', 'body', 'cookies']);

export const MESSAGES = {
  name: (name: string) => `Log record includes \`${name}\`, which looks like a secret; leave it out or redact it.`,
  request: (text: string) => `Log record includes the whole \`${text}\`, which carries credentials (Authorization, cookies, passwords); log only the fields you need.`,
  input: (text: string) => `Log record includes the whole \`${text}\`, the request's input as the client sent it (passwords, tokens, personal data); log only the fields you need.`,
  personal: (name: string, kind = personalKindOf(name)) => `Log record includes \`${name}\`, which looks like personal data (${kind}); log an id instead.`,
  built: (name: string, field: string) => `Log record includes \`${name}\`, built above with the field \`${field}\`, which looks like a secret; log only the fields you need.`,
  builtPersonal: (name: string, field: string) =>
    `Log record includes \`${name}\`, built above with the field \`${field}\`, which looks like personal data (${personalKindOf(field)}); log only the fields you need.`,
  type: (name: string, field: string) => `Log record includes \`${name}\`, whose type has the field \`${field}\`, which looks like a secret; log only the fields you need.`,
};

function personalKindOf(name: string): string {
  return personalDataKind(name) ?? 'an email address';
}

/** A value whose content cannot be a live secret: a literal placeholder, boolean, number or null. */
function isHarmlessLiteral(e: ts.Expression): boolean {
  const u = unwrap(e);
  // `password: user.password ? 'set' : 'unset'`, `!!token`, `typeof token`: facts about the secret.
  if (ts.isConditionalExpression(u)) return isHarmlessLiteral(u.whenTrue) && isHarmlessLiteral(u.whenFalse);
  if (ts.isPrefixUnaryExpression(u) && u.operator === ts.SyntaxKind.ExclamationToken) return true;
  if (ts.isTypeOfExpression(u)) return true;
  return (
    ts.isStringLiteralLike(u) ||
    ts.isNumericLiteral(u) ||
    u.kind === ts.SyntaxKind.TrueKeyword ||
    u.kind === ts.SyntaxKind.FalseKeyword ||
    u.kind === ts.SyntaxKind.NullKeyword ||
    (ts.isIdentifier(u) && u.text === 'undefined')
  );
}

/**
 * Personal data matters in service code, whose records are kept: a CLI or script that prints a
 * user's email does it for the operator who asked (`flowise user --list`), a test for its fixture.
 */
function personalDataMatters(ctx: RuleContext): boolean {
  return ctx.fileKind === 'service';
}

/** `req.headers`, `request.body`, `ctx.request.body`, `req.cookies`: a whole request part. */
function isWholeRequestPart(e: ts.Expression, ctx: RuleContext): boolean {
  const u = unwrap(e);
  if (!ts.isPropertyAccessExpression(u) || !REQUEST_PARTS.has(u.name.text)) return false;
  // A context's `body` is the response it sends (Koa's `ctx.body = {...}`; the request's is `ctx.request.body`).
  if (u.name.text === 'body' && isContextName(u.expression)) return false;
  return isRequestObject(u.expression, ctx);
}

/** The secret-like field of the declared type of an identifier (type annotation naming a type in this file). */
function secretFieldOfDeclaredType(id: ts.Identifier, ctx: RuleContext): string | null {
  const type = declaredType(id, ctx);
  return type ? (typeMemberNames(type, ctx.sourceFile).find(isSecretName) ?? null) : null;
}

/** Levels of `a ?? b` and `c ? a : b` looked into (each side may be what is logged; a long chain's deeper sides are left). */
const MAX_CHOICE_DEPTH = 4;

function checkValue(e: ts.Expression, ctx: RuleContext, choices = 0): void {
  const sf = ctx.sourceFile;
  const u = unwrap(e);
  if (isWholeRequestPart(u, ctx)) return ctx.report(u, MESSAGES.request(u.getText(sf)));
  if (ctx.isRequestInput(u)) return ctx.report(u, MESSAGES.input(u.getText(sf)));
  if (ts.isObjectLiteralExpression(u)) return checkObject(u, ctx);
  // A field built around a secret still holds it: `{ auth: `Bearer ${token}` }`.
  if (ts.isTemplateExpression(u)) {
    for (const span of u.templateSpans) checkValue(span.expression, ctx, choices);
    return;
  }
  // Either side of a fallback or a choice may be what is written: `${request.socket.remoteAddress ?? 'unknown'}` (HedgeDoc's).
  if (isFallback(u) || ts.isConditionalExpression(u)) {
    if (choices >= MAX_CHOICE_DEPTH) return;
    for (const side of ts.isConditionalExpression(u) ? [u.whenTrue, u.whenFalse] : [u.left, u.right]) if (!isHarmlessLiteral(side)) checkValue(side, ctx, choices + 1);
    return;
  }
  // Printed as text, it is all there still: `JSON.stringify(req.body)`, `String(token)`.
  const printed = printedValue(u);
  if (printed) return checkValue(printed, ctx);
  // `process.env['GOOGLE_APPLICATION_CREDENTIALS']` (Leon's) is the member as `.NAME` is.
  const name = ts.isIdentifier(u) ? u.text : ts.isPropertyAccessExpression(u) ? u.name.text : ts.isElementAccessExpression(u) && ts.isStringLiteralLike(u.argumentExpression) ? u.argumentExpression.text : null;
  if (name && isSecretName(name)) return ctx.report(u, MESSAGES.name(u.getText(sf)));
  if (name && isPersonalDataName(name) && personalDataMatters(ctx)) return ctx.report(u, MESSAGES.personal(u.getText(sf), personalKindOf(name)));
  // The client's address as the framework gives it: `req.ip`, `request.ips`, `ctx.ip`.
  if (ts.isPropertyAccessExpression(u) && (name === 'ip' || name === 'ips') && isRequestObject(u.expression, ctx) && personalDataMatters(ctx)) {
    return ctx.report(u, MESSAGES.personal(u.getText(sf), 'an IP address'));
  }
  if (ts.isIdentifier(u)) {
    const field = secretFieldOfDeclaredType(u, ctx);
    if (field) return ctx.report(u, MESSAGES.type(u.text, field));
    // `const properties = { $email: user.email, ... }; logger.info(properties)`: the object built above.
    const built = builtObjectField(u, ctx);
    if (built) ctx.report(u, built.personal ? MESSAGES.builtPersonal(u.text, built.key) : MESSAGES.built(u.text, built.key));
  }
}

/** The first secret or personal field of the object literal a `const` is initialised with (one level, literals left out). */
function builtObjectField(id: ts.Identifier, ctx: RuleContext): { key: string; personal: boolean } | null {
  const obj = constObjectLiteral(id, ctx);
  if (!obj) return null;
  for (const p of obj.properties) {
    const key = ts.isShorthandPropertyAssignment(p) ? p.name.text : ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : null;
    if (!key || (ts.isPropertyAssignment(p) && isHarmlessLiteral(p.initializer))) continue;
    if (isSecretName(key)) return { key, personal: false };
    if (isPersonalDataName(key) && personalDataMatters(ctx)) return { key, personal: true };
  }
  return null;
}

function checkObject(obj: ts.ObjectLiteralExpression, ctx: RuleContext): void {
  for (const p of obj.properties) {
    if (ts.isShorthandPropertyAssignment(p)) {
      if (isSecretName(p.name.text)) ctx.report(p, MESSAGES.name(p.name.text));
      else if (isPersonalDataName(p.name.text) && personalDataMatters(ctx)) ctx.report(p, MESSAGES.personal(p.name.text));
      else checkValue(p.name, ctx);
    } else if (ts.isPropertyAssignment(p)) {
      const key = ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) ? p.name.text : null;
      if (key && isSecretName(key) && !isHarmlessLiteral(p.initializer)) ctx.report(p, MESSAGES.name(key));
      else if (key && isPersonalDataName(key) && !isHarmlessLiteral(p.initializer) && personalDataMatters(ctx)) ctx.report(p, MESSAGES.personal(key));
      else checkValue(p.initializer, ctx);
    } else if (ts.isSpreadAssignment(p)) {
      checkValue(p.expression, ctx);
    }
  }
}

/** Everything a call puts into the record: fields, format arguments, winston meta, console arguments. */
function loggedValues(call: LogCall): ts.Expression[] {
  const out: ts.Expression[] = [];
  if (call.fieldsArg) out.push(call.fieldsArg);
  for (const a of call.restArgs) if (a !== call.fieldsArg) out.push(a);
  if (call.messageArg && !ts.isStringLiteralLike(unwrap(call.messageArg))) {
    const m = unwrap(call.messageArg);
    if (ts.isTemplateExpression(m)) out.push(...m.templateSpans.map((s) => s.expression));
    // `'body ' + JSON.stringify(req.body)`: each value joined into the message.
    else if (ts.isBinaryExpression(m)) out.push(...(messageParts(m) ?? []).flatMap((p) => (p.kind === 'value' ? [p.expr] : [])));
    else out.push(call.messageArg);
  }
  return out;
}

/**
 * The `.child({...})` bindings a call's logger carries, followed through the receiver in this file:
 * `logger.child({ token }).info()`, `const log = logger.child({ token })`, `this.log` set to one.
 */
function childBindings(receiver: ts.Expression, ctx: RuleContext): ts.ObjectLiteralExpression[] {
  const out: ts.ObjectLiteralExpression[] = [];
  let r: ts.Expression | undefined = unwrap(receiver);
  for (let depth = 0; r && depth < 8; depth++) {
    if (ts.isCallExpression(r) && ts.isPropertyAccessExpression(r.expression) && r.expression.name.text === 'child') {
      const arg = r.arguments[0] && unwrap(r.arguments[0]);
      if (arg && ts.isObjectLiteralExpression(arg)) out.push(arg);
      r = unwrap(r.expression.expression);
    } else if (ts.isIdentifier(r)) {
      const d = ctx.declarationOf(r);
      r = d && ts.isVariableDeclaration(d) && d.initializer ? unwrap(d.initializer) : undefined;
    } else if (ts.isPropertyAccessExpression(r) && r.expression.kind === ts.SyntaxKind.ThisKeyword) {
      r = classFieldInitializer(r);
    } else r = undefined;
  }
  return out;
}

function classFieldInitializer(access: ts.PropertyAccessExpression): ts.Expression | undefined {
  let n = enclosingStop(access);
  while (n && !ts.isClassLike(n)) n = enclosingStop(n);
  if (!n) return undefined;
  const name = access.name.text;
  const member = (n as ts.ClassLikeDeclaration).members.find((m) => ts.isPropertyDeclaration(m) && ts.isIdentifier(m.name) && m.name.text === name);
  const init = member && (member as ts.PropertyDeclaration).initializer;
  return init ? unwrap(init) : undefined;
}

/**
 * Bindings are shared by every call on the logger: each is checked once per file. The set belongs to
 * the file being analysed (its context); a strong single-file slot, not a WeakMap keyed by context,
 * whose ephemeron entries keep whole trees alive through young-generation collections.
 */
let checked: { ctx: RuleContext; objects: Set<ts.Node> } | null = null;

export const rule: Rule = {
  meta: {
    id: 'sensitive-log-data',
    description: 'Secrets in log records: passwords, tokens, API keys, cookies, card data, whole request headers or bodies.',
    defaultSeverity: 'warning',
    fixable: false,
  },
  checkLogCall(call, ctx) {
    // Console output of a test, script or CLI is for the person running it (a generated key, a
    // fixture's token), and browser code prints in the user's own browser: no log store keeps it.
    // (Console output inside the project's own log helper is its sink, but a secret printed there is
    // still printed: only the file's role counts here.)
    if (isConsoleOutsideServiceCode(call, ctx) || runsOnlyInDevelopmentOrTests(call.node, ctx)) return;
    for (const v of loggedValues(call)) checkValue(v, ctx);
    for (const obj of childBindings(call.receiver, ctx)) checkBindings(obj, ctx);
  },
  // `logger.child({ ipAddress })` made for each request and handed on (`c.set('logger', child)`):
  // its bindings are in every record the child writes, wherever that is.
  mayApply: { words: ['child'] },
  callNames: new Set(['child']),
  checkCall(node, ctx) {
    if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression) || node.expression.name.text !== 'child') return;
    const arg = node.arguments[0] && unwrap(node.arguments[0]);
    if (!arg || !ts.isObjectLiteralExpression(arg) || runsOnlyInDevelopmentOrTests(node, ctx) || !ctx.isLogger(node.expression.expression)) return;
    checkBindings(arg, ctx);
  },
};

/** A logger's `.child()` bindings, each object checked once per file (by a log call through it, or as made). */
function checkBindings(obj: ts.ObjectLiteralExpression, ctx: RuleContext): void {
  if (checked?.ctx !== ctx) checked = { ctx, objects: new Set() };
  if (checked.objects.has(obj)) return;
  checked.objects.add(obj);
  checkObject(obj, ctx);
}
