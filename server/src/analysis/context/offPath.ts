// Code that runs outside requests (requestPaths.ts asks, for its messages): timer callbacks and queue
// consumers, in files whose text names them, and the start-up code of the service's entry files,
// followed through calls as request paths are. Each function is queued at most once per kind.
import * as path from 'node:path';
import ts from '../typescriptModule';
import type { ServiceView } from '../rule';
import { isTypeOnly, unwrap } from '../scopes';
import { callTargetsOf, type FunctionAt } from '../services/callTargets';
import { unitCalls } from './pathUnits';

export type OffPath = 'start-up code' | 'a timer' | 'a queue consumer';

/** Files whose text may start a timer or consume a queue. */
const MAY_RUN_OFF_PATH = /\bset(?:Interval|Timeout|Immediate)\s*\(|\bschedule(?:Job)?\s*\(|\bCronJob\b|\beach(?:Message|Batch)\b|\.consume\s*\(|\bnew\s+Worker\s*\(|\.process\s*\(|@(?:Cron|Interval|Timeout|Process|EventPattern|MessagePattern)\b/;
const TIMER_CALLS = new Set(['setInterval', 'setTimeout', 'setImmediate', 'schedule', 'scheduleJob', 'CronJob']);
const CONSUMER_CALLS = new Set(['consume', 'Worker', 'process', 'run']);
const TIMER_DECORATORS = new Set(['Cron', 'Interval', 'Timeout']);
const CONSUMER_DECORATORS = new Set(['Process', 'EventPattern', 'MessagePattern']);

/**
 * The functions that run outside requests: timer callbacks and queue consumers (in files whose text
 * names them) and the start-up code of the entry files, followed through calls as request paths are.
 */
export function offPathUnits(
  service: ServiceView,
  roots: ReadonlyMap<ts.Node, unknown>,
  onPath: ReadonlyMap<ts.Node, unknown>,
  edgesOf: (at: FunctionAt) => ReadonlyArray<{ target: FunctionAt }>,
  isService: (file: string) => boolean,
): Map<ts.Node, OffPath[]> {
  const targets = callTargetsOf(service);
  const out = new Map<ts.Node, OffPath[]>();
  // Each function is queued at most once per kind (three kinds): linear.
  const queue: Array<{ at: FunctionAt; kind: OffPath }> = [];
  const mark = (at: FunctionAt | null, kind: OffPath) => {
    if (!at || roots.has(at.node)) return;
    let kinds = out.get(at.node);
    if (kinds?.includes(kind)) return;
    if (!kinds) out.set(at.node, (kinds = []));
    kinds.push(kind);
    queue.push({ at, kind });
  };
  const insideRequest = (n: ts.Node) => {
    for (let p = n.parent; p; p = p.parent) if (onPath.has(p)) return true;
    return false;
  };
  const entries = new Set(service.entryPoints.flatMap((e) => (e.target ? [path.resolve(service.root, e.target)] : [])));
  for (const file of service.files) {
    if (!isService(file)) continue;
    const entry = entries.has(file);
    const text = entry ? undefined : service.project.readFile(file);
    if (!entry && (text === undefined || !MAY_RUN_OFF_PATH.test(text))) continue;
    const parsed = service.parsed(file);
    if (!parsed) continue;
    for (const call of unitCallsDeep(parsed.sourceFile)) {
      const kind = offPathKind(call);
      if (!kind || insideRequest(call)) continue;
      for (const arg of call.arguments ?? []) {
        const a = unwrap(arg);
        if (ts.isObjectLiteralExpression(a)) {
          // kafkajs `consumer.run({ eachMessage })`
          for (const p of a.properties) {
            if (ts.isMethodDeclaration(p)) mark({ parsed, node: p }, kind);
            else if (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) mark(targets.functionOf(parsed, ts.isPropertyAssignment(p) ? p.initializer : p.name), kind);
          }
        } else mark(targets.functionOf(parsed, a), kind);
      }
    }
    for (const st of parsed.sourceFile.statements) {
      if (!ts.isClassDeclaration(st)) continue;
      for (const m of st.members) {
        const names = ts.isMethodDeclaration(m) ? (ts.getDecorators(m) ?? []).map((d) => decoratorName(d)) : [];
        if (names.some((n) => n && TIMER_DECORATORS.has(n))) mark({ parsed, node: m }, 'a timer');
        else if (names.some((n) => n && CONSUMER_DECORATORS.has(n))) mark({ parsed, node: m }, 'a queue consumer');
      }
    }
    if (entry) {
      // The entry file's own statements run at start-up: what they call does too.
      for (const call of unitCalls(parsed.sourceFile, roots)) {
        if (!ts.isCallExpression(call)) continue;
        mark(targets.callTarget(parsed, call), 'start-up code');
      }
    }
  }
  for (let i = 0; i < queue.length; i++) {
    const { at, kind } = queue[i];
    for (const { target } of edgesOf(at)) mark(target, kind);
  }
  for (const kinds of out.values()) kinds.sort();
  return out;
}

/** Every call and `new` of a file (for timers and consumers, wherever they are set up). */
function unitCallsDeep(sf: ts.SourceFile): Array<ts.CallExpression | ts.NewExpression> {
  const out: Array<ts.CallExpression | ts.NewExpression> = [];
  const stack: ts.Node[] = [sf];
  while (stack.length) {
    const n = stack.pop()!;
    if (isTypeOnly(n.kind)) continue;
    if (ts.isCallExpression(n) || ts.isNewExpression(n)) out.push(n);
    n.forEachChild((c) => void stack.push(c));
  }
  return out;
}

function offPathKind(call: ts.CallExpression | ts.NewExpression): OffPath | null {
  const callee = unwrap(call.expression);
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : null;
  if (!name) return null;
  if (TIMER_CALLS.has(name)) return 'a timer';
  if (!CONSUMER_CALLS.has(name)) return null;
  // `run` only as kafkajs's `consumer.run({ eachMessage })`.
  if (name === 'run') {
    const arg = call.arguments?.[0] && unwrap(call.arguments[0]);
    return arg && ts.isObjectLiteralExpression(arg) && arg.properties.some((p) => p.name && ts.isIdentifier(p.name) && /^each(?:Message|Batch)$/.test(p.name.text)) ? 'a queue consumer' : null;
  }
  return 'a queue consumer';
}

function decoratorName(d: ts.Decorator): string | null {
  const e = unwrap(d.expression);
  const callee = ts.isCallExpression(e) ? unwrap(e.expression) : e;
  return ts.isIdentifier(callee) ? callee.text : null;
}
