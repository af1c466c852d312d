// Node-RED nodes log through themselves. A node's constructor calls `RED.nodes.createNode(this,
// config)`, which makes `this` a Node, whose `log`, `warn`, `error`, `debug` and `trace` methods
// write to Node-RED's log with the node's id and type (`node.warn('Error in hook: ' + err.message)`).
// Each takes the message first; `error`'s second argument is the flow message that failed (for a
// Catch node), not fields. So in such a constructor `this`, and what is bound to it (`var node =
// this`), is an object of log helpers, message first, written by a sink the model does not follow.
// So is `this` in a method the file puts on the constructor's prototype
// (`WebSocketListenerNode.prototype.handleEvent = function () { this.error(...) }`), and a node the
// runtime looks up by id (`RED.nodes.getNode(req.params.id)` in an admin route).
import ts from './typescriptModule';
import { OBJECT_FACADE_LEVEL_METHOD } from './loggerFacade';
import type { FunctionSummary } from './model/types';
import type { Value } from './valueTypes';

/** A Node's logging methods (its `status`, `send` and `on` are not). */
const NODE_LOG_METHODS: ReadonlyMap<string, FunctionSummary> = new Map(['log', 'warn', 'error', 'debug', 'trace'].map((m) => [m, OBJECT_FACADE_LEVEL_METHOD]));
const NODE_RED_NODE: Value = { t: 'object', members: NODE_LOG_METHODS };

/** Whether a function makes its `this` a Node-RED node, by its own top-level statements. */
const makesNode = new WeakMap<ts.Node, boolean>();

/** What `this` is at `thisNode` when it is a Node-RED node (in its constructor or a method of its prototype); null otherwise. */
export function nodeRedNodeAt(thisNode: ts.Node): Value | null {
  const fn = thisBinder(thisNode);
  if (!fn || !(ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn))) return null;
  return makesNodeOfThis(fn) || makesNodeOfThis(prototypeOwner(fn)) ? NODE_RED_NODE : null;
}

/** `RED.nodes.getNode(id)`: the node with that id (the runtime object named `RED`, as Node-RED names it: a graph's `g.nodes.getNode(id)` is none). */
export function nodeRedNodeLookup(call: ts.CallExpression): Value | null {
  const callee = call.expression;
  const isLookup =
    ts.isPropertyAccessExpression(callee) &&
    callee.name.text === 'getNode' &&
    ts.isPropertyAccessExpression(callee.expression) &&
    callee.expression.name.text === 'nodes' &&
    ts.isIdentifier(callee.expression.expression) &&
    callee.expression.expression.text === 'RED';
  return isLookup ? NODE_RED_NODE : null;
}

function makesNodeOfThis(fn: ts.FunctionDeclaration | ts.FunctionExpression | null): boolean {
  if (!fn?.body) return false;
  let known = makesNode.get(fn);
  if (known === undefined) makesNode.set(fn, (known = fn.body.statements.some(isCreateNodeOfThis)));
  return known;
}

/**
 * The constructor whose prototype gets `fn` (`Ctor.prototype.method = function () {}`): the function
 * declaration named `Ctor` among the statements beside that assignment.
 */
function prototypeOwner(fn: ts.FunctionDeclaration | ts.FunctionExpression): ts.FunctionDeclaration | null {
  const assignment = fn.parent;
  if (!assignment || !ts.isBinaryExpression(assignment) || assignment.operatorToken.kind !== ts.SyntaxKind.EqualsToken || assignment.right !== fn) return null;
  const target = assignment.left;
  if (!ts.isPropertyAccessExpression(target) || !ts.isPropertyAccessExpression(target.expression) || target.expression.name.text !== 'prototype') return null;
  const ctor = target.expression.expression;
  const statement = assignment.parent;
  if (!ts.isIdentifier(ctor) || !statement || !ts.isExpressionStatement(statement) || !statement.parent) return null;
  const block = statement.parent;
  if (!ts.isBlock(block) && !ts.isSourceFile(block)) return null;
  for (const s of block.statements) if (ts.isFunctionDeclaration(s) && s.name?.text === ctor.text) return s;
  return null;
}

/** The function whose `this` a `this` refers to: arrow functions have none of their own. */
function thisBinder(node: ts.Node): ts.Node | null {
  for (let n = node.parent; n; n = n.parent) {
    if (ts.isArrowFunction(n)) continue;
    if (ts.isFunctionLike(n) || ts.isClassLike(n) || ts.isSourceFile(n)) return n;
  }
  return null;
}

/** `RED.nodes.createNode(this, config);` (whatever the runtime object is called). */
function isCreateNodeOfThis(s: ts.Statement): boolean {
  if (!ts.isExpressionStatement(s) || !ts.isCallExpression(s.expression)) return false;
  const { expression: callee, arguments: args } = s.expression;
  return (
    ts.isPropertyAccessExpression(callee) &&
    callee.name.text === 'createNode' &&
    ts.isPropertyAccessExpression(callee.expression) &&
    callee.expression.name.text === 'nodes' &&
    args.length >= 1 &&
    args[0].kind === ts.SyntaxKind.ThisKeyword
  );
}
