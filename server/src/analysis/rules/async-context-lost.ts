// async-context-lost: the request's context read where Node does not carry it: a listener
// registered at start-up on an emitter whose events come from I/O, a pooled client's callback that
// runs from the client's socket (mysql, node-redis before v4), express-http-context or cls-rtracer
// mounted before a body parser that calls `next` from stream events; and the opposite, a
// `setInterval` started inside a request, whose every later tick runs in that request's context.
// Reads are the stores' own (als.getStore(), rTracer.id(), httpContext.get(), a cls-hooked
// namespace's get) or, for callbacks and timers, a log call through a logger whose pino mixin or
// winston format reads them. Detection: context/asyncContext.ts and context/mountOrder.ts.
import ts from '../typescriptModule';
import { contextLossAt, type ContextLoss, isContextRead, type Lookups } from '../context/asyncContext';
import { mountOrderProblem, type MountOrderProblem } from '../context/mountOrder';
import { printNode } from '../printCode';
import type { FixProposal, LogCall, Rule, RuleContext } from '../rule';
import { unwrap } from '../scopes';
import { namedImportInScope } from './util/contextFixes';

/** Words a file must hold for its calls to be looked at: a store, a context library. */
const MAY_APPLY = ['getStore', 'async_hooks', 'cls-rtracer', 'express-http-context', 'cls-hooked', 'continuation-local-storage'];

export const MESSAGES = {
  listener: (emitter: string) =>
    `This listener reads the request's context, but it is registered outside any request on ${emitter}, whose events come from I/O: Node runs it outside every request, so it reads none. Pass the id with the event, or read the context where the event is emitted.`,
  callback: (reason: string) => `This callback reads the request's context (directly or through the logger's mixin or format), but ${reason}: it runs without the request's context, and its logs lose the request id.`,
  timer: "This setInterval is started inside a request and its callback reads the request's context: every later tick runs in that request's context and logs its id, long after the request ended. Start the timer outside the request.",
  mount: (label: string, breaking: string, line: number) =>
    `The ${label} middleware is mounted before ${breaking} (line ${line}), which calls next from the request stream's events, outside the context it entered: the handlers after it read no context. Mount ${breaking} first.`,
} as const;

const reported = new WeakMap<ts.SourceFile, Set<ts.Node>>();

/** Reported once per registration, however many reads its callback holds. */
function firstTime(ctx: RuleContext, node: ts.Node): boolean {
  let seen = reported.get(ctx.sourceFile);
  if (!seen) reported.set(ctx.sourceFile, (seen = new Set()));
  if (seen.has(node)) return false;
  seen.add(node);
  return true;
}

function lookupsOf(ctx: RuleContext): Lookups {
  return { lookup: (id) => ctx.importOf(id), decl: (id) => ctx.declarationOf(id), requestAt: (n) => ctx.requestParamAt(n) };
}

/** `AsyncResource.bind(callback)`, AsyncResource imported from node:async_hooks in the file's module style. */
function bindFix(loss: Extract<ContextLoss, { kind: 'callback' }>, ctx: RuleContext): FixProposal[] {
  const imported = namedImportInScope(ctx, 'AsyncResource', 'async_hooks');
  if (!imported) return [];
  const callee = printNode(ts.factory.createPropertyAccessExpression(ts.factory.createIdentifier(imported.name), 'bind'));
  const cb = loss.callback;
  const start = cb.getStart(ctx.sourceFile);
  // An arrow function has no `this` of its own; a function expression's `this` would become the
  // caller's (Node 17.8+) or the AsyncResource (earlier): not safe.
  const safe = ts.isArrowFunction(unwrap(cb));
  return [{ title: `Bind the callback to the request's context (${callee})`, edits: [...imported.edits, { start, end: start, newText: `${callee}(` }, { start: cb.end, end: cb.end, newText: ')' }], safe }];
}

/** The whole lines a statement takes (its leading comments stay where they are). */
function lineRange(st: ts.Statement, sf: ts.SourceFile): { start: number; end: number } {
  const text = sf.text;
  const start = text.lastIndexOf('\n', st.getStart(sf) - 1) + 1;
  const nl = text.indexOf('\n', st.end);
  return { start, end: nl < 0 ? text.length : nl + 1 };
}

/** Moves the context middleware's mount to just after the last breaking mount (the statement as it is, on its own line). */
function moveMountFix(p: MountOrderProblem, ctx: RuleContext): FixProposal[] {
  const sf = ctx.sourceFile;
  const own = lineRange(p.statement, sf);
  const last = lineRange(p.breaking[p.breaking.length - 1].statement, sf);
  // Only when each statement has its lines to itself: moving a line must not carry other code along.
  if (sf.text.slice(own.start, p.statement.getStart(sf)).trim() !== '' || sf.text.slice(p.statement.end, own.end).trim() !== '') return [];
  if (sf.text.slice(last.end - 1, last.end) !== '\n') return [];
  const moved = sf.text.slice(own.start, own.end);
  // Not safe: middleware between the two that uses the context would run without it.
  return [{ title: `Mount the ${p.label} middleware after ${p.breaking[p.breaking.length - 1].label}`, edits: [{ start: own.start, end: own.end, newText: '' }, { start: last.end, end: last.end, newText: moved }], safe: false }];
}

/** Names a subtree binds: variables (destructured too), parameters, functions and classes. */
function boundNamesIn(root: ts.Node, skip: ts.Node): Set<string> {
  const out = new Set<string>();
  const addBinding = (name: ts.BindingName) => {
    if (ts.isIdentifier(name)) out.add(name.text);
    else for (const el of name.elements) if (!ts.isOmittedExpression(el)) addBinding(el.name);
  };
  const visit = (n: ts.Node): void => {
    if (n === skip) return;
    if (ts.isVariableDeclaration(n) || ts.isParameter(n)) addBinding(n.name);
    else if ((ts.isFunctionDeclaration(n) || ts.isClassDeclaration(n)) && n.name) out.add(n.name.text);
    ts.forEachChild(n, visit);
  };
  visit(root);
  return out;
}

/** Whether the callback names something declared around it (inside the top-level statement, outside the callback). */
function usesLocals(callback: ts.Node, top: ts.Statement): boolean {
  const locals = boundNamesIn(top, callback);
  if (locals.size === 0) return false;
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(n) && locals.has(n.text) && !(n.parent && ts.isPropertyAccessExpression(n.parent) && n.parent.name === n)) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(callback);
  return found;
}

/**
 * Starts the timer at start-up instead: its statement (`setInterval(...)`, `timer = setInterval(...)`)
 * moved after the top-level statement it sits in, when its callback uses nothing declared around
 * it; an `if` left with nothing else to do (`if (!timer) { ... }`) goes with it. Not safe: the timer
 * now starts when the module loads, not on the first request.
 */
function moveTimerFix(loss: Extract<ContextLoss, { kind: 'timer' }>, ctx: RuleContext): FixProposal[] {
  const sf = ctx.sourceFile;
  const statement = loss.call.parent;
  if (!ts.isExpressionStatement(statement)) {
    const assign = statement;
    if (!ts.isBinaryExpression(assign) || assign.operatorToken.kind !== ts.SyntaxKind.EqualsToken || !ts.isIdentifier(assign.left) || !assign.parent || !ts.isExpressionStatement(assign.parent)) return [];
  }
  const moved = (ts.isExpressionStatement(statement) ? statement : statement.parent) as ts.ExpressionStatement;
  let top: ts.Node = moved;
  while (top.parent && !ts.isSourceFile(top.parent)) top = top.parent;
  if (!ts.isSourceFile(top.parent) || top === moved || usesLocals(loss.callback, top as ts.Statement)) return [];
  // What is removed: the statement, or the `if` whose only statement it is.
  let removed: ts.Statement = moved;
  const block = moved.parent;
  if (ts.isBlock(block) && block.statements.length === 1 && ts.isIfStatement(block.parent) && block.parent.thenStatement === block && !block.parent.elseStatement) removed = block.parent;
  else if (ts.isIfStatement(block) && block.thenStatement === moved && !block.elseStatement) removed = block;
  const own = lineRange(removed, sf);
  if (sf.text.slice(own.start, removed.getStart(sf)).trim() !== '' || sf.text.slice(removed.end, own.end).trim() !== '') return [];
  const after = lineRange(top as ts.Statement, sf);
  if (sf.text.slice(top.end, after.end).trim() !== '' || sf.text[after.end - 1] !== '\n') return [];
  const eol = sf.text[after.end - 2] === '\r' ? '\r\n' : '\n';
  // Its lines lose the indentation of the block they leave.
  const indent = sf.text.slice(sf.text.lastIndexOf('\n', moved.getStart(sf) - 1) + 1, moved.getStart(sf));
  const text = `${sf.text.slice(moved.getStart(sf), moved.end).split(`\n${indent}`).join('\n')}${eol}`;
  return [{ title: 'Start the timer at start-up, outside any request', edits: [{ start: own.start, end: own.end, newText: '' }, { start: after.end, end: after.end, newText: text }], safe: false }];
}

function report(loss: ContextLoss, ctx: RuleContext): void {
  if (!firstTime(ctx, loss.call)) return;
  const at = loss.call.expression;
  switch (loss.kind) {
    case 'listener':
      return ctx.report(at, MESSAGES.listener(loss.emitter));
    case 'callback':
      return ctx.report(at, MESSAGES.callback(loss.library.reason), bindFix(loss, ctx));
    case 'timer':
      return ctx.report(at, MESSAGES.timer, moveTimerFix(loss, ctx));
  }
}

/** A log call through a shared logger (imported, or made at the top of the module): its mixin or format is what reads the context. */
function throughSharedLogger(call: LogCall, ctx: RuleContext): boolean {
  let e = unwrap(call.receiver);
  while (ts.isPropertyAccessExpression(e) || ts.isCallExpression(e)) e = unwrap(e.expression);
  if (!ts.isIdentifier(e)) return false;
  if (ctx.importOf(e)) return true;
  const d = ctx.declarationOf(e);
  if (!d || !ts.isVariableDeclaration(d)) return false;
  for (let n: ts.Node | undefined = d.parent; n; n = n.parent) if (ts.isFunctionLike(n)) return false;
  return true;
}

export const rule: Rule = {
  meta: {
    id: 'async-context-lost',
    description: "The request's context read where Node does not carry it (start-up listeners, pooled clients' callbacks, context middleware before a body parser), or carried for ever (setInterval started in a request).",
    defaultSeverity: 'warning',
    fixable: true,
  },
  mayApply: { words: MAY_APPLY },
  checkCall(node, ctx) {
    if (ctx.fileKind !== 'service' || !ts.isCallExpression(node)) return;
    const l = lookupsOf(ctx);
    const callee = node.expression;
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'use') {
      const p = mountOrderProblem(node, l);
      if (p) {
        const line = ctx.sourceFile.getLineAndCharacterOfPosition(p.breaking[0].statement.getStart(ctx.sourceFile)).line + 1;
        ctx.report(p.middleware, MESSAGES.mount(p.label, p.breaking[0].label, line), moveMountFix(p, ctx));
      }
      return;
    }
    if (!isContextRead(node, l)) return;
    const service = ctx.serviceContext();
    const loss = contextLossAt(node, true, l, (m) => service?.callbackMajors[m] ?? null);
    if (loss) report(loss, ctx);
  },
  checkLogCall(call, ctx) {
    if (call.library === 'console' || ctx.fileKind !== 'service') return;
    const service = ctx.serviceContext();
    if (!service?.code.some((c) => c.kind === 'logger-reads-context') || !throughSharedLogger(call, ctx)) return;
    const loss = contextLossAt(call.node, false, lookupsOf(ctx), (m) => service.callbackMajors[m] ?? null);
    if (loss) report(loss, ctx);
  },
};
