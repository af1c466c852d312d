// What a handler's request path does beyond its own body, for the hover on its registration (issue
// #10): the outgoing calls made in every function it reaches across files (the middleware in front
// of it included), with the function and file each is in and how it stands with the request's
// context, and the log calls on the path whose logger carries no request context. Read from the
// request-path model (context/requestPaths.ts, memoised per service) and the rules' own judgements
// (contextPassingOf, pathLogsWithoutContext): the hover says what the findings say. Each function's
// calls are judged once per service, whatever the number of handlers that reach it.
import ts from '../typescriptModule';
import { contextPassingOf, outgoingCallOf } from '../context/outgoing';
import { logsWithoutContextIn, pathLogsWithoutContext, type PathLogCall } from '../context/pathCalls';
import { type ReachedFunction, type RequestPaths, requestPathsOf } from '../context/requestPaths';
import { functionName } from '../functionName';
import type { ServiceContext } from '../context/service';
import type { Handler } from '../handlers/types';
import type { ServiceView } from '../rule';
import { declarationNodeOf, importOf } from '../scopes';
import { type CallTargets, callTargetsOf } from './callTargets';
import type { OutgoingCallNote } from './handlerDetails';

/** Functions one handler's walk visits at most, and notes it lists of each kind: a hover stays readable and cheap. */
const MAX_FUNCTIONS = 400;
const MAX_NOTES = 40;
/** Longest logger expression shown as written. */
const MAX_RECEIVER = 60;

export interface PathPlace {
  file: string;
  /** The function the call is in (`UserService.create`), null when it has no name. */
  fn: string | null;
}

export type PathOutgoingNote = OutgoingCallNote & PathPlace;

export interface PathLogNote extends PathPlace {
  line: number;
  column: number;
  /** `logger.info`, the receiver as written (shortened). */
  call: string;
}

export interface HandlerPathNotes {
  /** Outgoing calls in the functions the handler reaches (its own body's are OutgoingCallNote's list). */
  outgoing: PathOutgoingNote[];
  /** Log calls on the path (the handler's own body included) that lose the request's context; null when the service has no request logger to use instead. */
  logsWithoutContext: PathLogNote[] | null;
  /** Notes left out past the limits. */
  more: number;
}

/** Per service phase: the path notes of each reached function, worked out on first use. */
export class HandlerPaths {
  private readonly paths: RequestPaths;
  private readonly targets: CallTargets;
  private readonly outgoingByFn = new Map<ts.Node, PathOutgoingNote[]>();
  private logsByFn: Map<ts.Node, PathLogNote[]> | null | undefined;

  constructor(
    private readonly service: ServiceView,
    private readonly ctx: ServiceContext | null,
    private readonly header: (file: string) => string,
  ) {
    this.paths = requestPathsOf(service);
    this.targets = callTargetsOf(service);
  }

  /** The notes of `h`'s request path; null when its function is not on one (not followed, or not service code). */
  of(h: Handler): HandlerPathNotes | null {
    const own = h.handler ? this.targets.functionAtPlace(h.handler) : null;
    const root = own && this.paths.reached.get(own.node);
    if (!own || !root) return null;
    const starts: ReachedFunction[] = [root];
    for (const m of h.inFront ?? []) {
      const at = m.fn ? this.targets.functionAtPlace(m.fn) : null;
      const fn = at && this.paths.reached.get(at.node);
      if (fn && !starts.includes(fn)) starts.push(fn);
    }
    const seen = new Set<ReachedFunction>(starts);
    const order = [...starts];
    for (let i = 0; i < order.length && order.length < MAX_FUNCTIONS; i++) {
      for (const next of this.paths.calleesOf(order[i])) {
        if (seen.has(next)) continue;
        seen.add(next);
        order.push(next);
      }
    }
    const logs = this.logsOf();
    // The handler's own function: its log calls the file phase judges too (a handler registered in the same file).
    const ownLogs = logs && this.notesOf(logsWithoutContextIn(this.service, root) ?? []).get(root.node);
    const outgoing: PathOutgoingNote[] = [];
    const lost: PathLogNote[] = [];
    let more = 0;
    const inside = (fn: ReachedFunction) => fn.parsed.file === own.parsed.file && fn.node.pos >= own.node.pos && fn.node.end <= own.node.end;
    for (const fn of order) {
      // The handler's own body (and what is written in it) is listed by the hover's outgoing calls already.
      if (!inside(fn)) {
        for (const note of this.outgoingOf(fn)) outgoing.length < MAX_NOTES ? outgoing.push(note) : more++;
      }
      for (const note of (fn === root ? ownLogs : logs?.get(fn.node)) ?? []) lost.length < MAX_NOTES ? lost.push(note) : more++;
    }
    return { outgoing, logsWithoutContext: logs ? lost : null, more };
  }

  private outgoingOf(fn: ReachedFunction): PathOutgoingNote[] {
    let notes = this.outgoingByFn.get(fn.node);
    if (notes) return notes;
    notes = [];
    const { parsed } = fn;
    const lookup = (id: ts.Identifier) => importOf(parsed.scopes, id);
    const decl = (id: ts.Identifier) => declarationNodeOf(parsed.scopes, id);
    const place = { file: parsed.file, fn: functionName(fn.node) };
    for (const node of this.paths.callsOf(fn)) {
      const call = outgoingCallOf(node, lookup, decl);
      if (!call) continue;
      const at = parsed.sourceFile.getLineAndCharacterOfPosition(call.callee.getStart(parsed.sourceFile));
      const passing = contextPassingOf(call, this.ctx, fn.node, lookup, this.header(parsed.file));
      notes.push({ label: call.label, kind: call.kind, line: at.line, column: at.character, passing, ...place });
    }
    this.outgoingByFn.set(fn.node, notes);
    return notes;
  }

  /** pathLogsWithoutContext, by the function each call is in; null when the service has no request logger to use instead. */
  private logsOf(): Map<ts.Node, PathLogNote[]> | null {
    if (this.logsByFn !== undefined) return this.logsByFn;
    const lost = pathLogsWithoutContext(this.service);
    return (this.logsByFn = lost && this.notesOf(lost));
  }

  /** Log calls as notes, by the function each is in, in source order. */
  private notesOf(calls: readonly PathLogCall[]): Map<ts.Node, PathLogNote[]> {
    const byFn = new Map<ts.Node, PathLogNote[]>();
    for (const { fn, call } of calls) {
      const sf = fn.parsed.sourceFile;
      const at = sf.getLineAndCharacterOfPosition(call.receiver.getStart(sf));
      const receiver = call.receiver.getText(sf).replace(/\s+/g, ' ');
      const shown = receiver.length > MAX_RECEIVER ? `${receiver.slice(0, MAX_RECEIVER - 1)}…` : receiver;
      let list = byFn.get(fn.node);
      if (!list) byFn.set(fn.node, (list = []));
      list.push({ file: fn.parsed.file, fn: functionName(fn.node), line: at.line, column: at.character, call: `${shown}.${call.method}` });
    }
    for (const list of byFn.values()) list.sort((a, b) => a.line - b.line || a.column - b.column);
    return byFn;
  }
}
