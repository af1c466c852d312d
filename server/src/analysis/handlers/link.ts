// The linker: joins the facts of a service's files into handlers with full paths. It follows
// imports of routers, plugins and handler functions across files (through a ModuleResolver),
// builds the mount graph (`app.use('/api', router)`, `register(plugin, { prefix })`, Hono's
// `route`, Koa's `routes()`, functions called with an app) and walks it from the apps no one
// mounts, applying every prefix on the way. Each file's facts are taken once; the walk visits
// each (owner, prefix) pair once.
import * as path from 'node:path';
import { isInside } from '../project';
import { requestParamIndex } from './factsBuilder';
import { COMPUTED_PART, joinPaths, joinShown } from './paths';
import { RESTIFY_AFTER_EVENT } from './frameworks';
import type { ImportResolver } from './resolver';
import type { FactsSource } from './workspaceFacts';
import type { AttachFact, AutoloadFact, FileFacts, FrameworkId, FrontMiddleware, Handler, HandlerFact, Middleware, Place, Ref, RouteFact, RoutePath } from './types';

type Resolved =
  | { kind: 'owner'; facts: FileFacts; owner: number }
  | { kind: 'function'; facts: FileFacts; fn: number }
  | { kind: 'object'; facts: FileFacts; members: ReadonlyMap<string, Ref> };

interface OwnerNode {
  facts: FileFacts;
  id: number;
  framework: FrameworkId | null;
  routes: Array<{ route: RouteFact; facts: FileFacts }>;
  middleware: Array<{ attach: AttachFact; facts: FileFacts }>;
  /** `at`: where it was mounted (for mount order); absent for derived owners (Hono's basePath). */
  children: Array<{ prefix: RoutePath; child: OwnerNode; at?: Mark }>;
  mounted: boolean;
}

/** A place in a file, to order middleware against routes and mounts attached to the same owner. */
interface Mark {
  file: string;
  line: number;
  column: number;
}

/** Frameworks whose middleware applies to the routes of its context whatever the order (Fastify hooks and plugins, Nest's app-wide middleware). */
const ORDER_FREE = new Set<FrameworkId>(['fastify', 'nestjs']);

/**
 * Whether middleware attached at `m` runs before what is attached at `at` on the same owner. Only
 * source order in one file is known; across files (an app imported elsewhere) it is assumed to.
 */
function runsBefore(m: Mark, at: Mark | undefined, framework: FrameworkId): boolean {
  if (!at || ORDER_FREE.has(framework) || m.file !== at.file) return true;
  return m.line < at.line || (m.line === at.line && m.column < at.column);
}

/** Re-export chains and nested members deeper than this are not followed (they loop). */
const MAX_DEPTH = 16;
/** A bound on (owner, prefix) visits: mount graphs are small, a pathological one must not hang. */
const MAX_VISITS = 100_000;

export interface LinkResult {
  handlers: Handler[];
  middleware: Middleware[];
}

export class Linker {
  private readonly nodes = new Map<FileFacts, Map<number, OwnerNode>>();
  private readonly queue: string[] = [];
  private readonly queued = new Set<string>();

  constructor(
    private readonly source: FactsSource,
    private readonly resolver: ImportResolver,
    /** The service's files: where a folder @fastify/autoload registers is listed. */
    private readonly files: readonly string[] = [],
  ) {}

  /** The handlers and middleware of the service at `root`, starting from its files that may register them. */
  link(root: string, entryFiles: readonly string[]): LinkResult {
    for (const f of entryFiles) this.enqueue(f);
    const processed: FileFacts[] = [];
    for (let i = 0; i < this.queue.length; i++) {
      const facts = this.source.facts(this.queue[i]);
      if (!facts) continue;
      processed.push(facts);
      this.readFile(facts);
    }
    this.settleFrameworks();
    return this.walk(root, processed);
  }

  private enqueue(file: string): void {
    if (this.queued.has(file)) return;
    this.queued.add(file);
    this.queue.push(file);
  }

  private node(facts: FileFacts, id: number): OwnerNode {
    let byId = this.nodes.get(facts);
    if (!byId) this.nodes.set(facts, (byId = new Map()));
    let n = byId.get(id);
    if (!n) {
      n = { facts, id, framework: facts.owners[id].framework, routes: [], middleware: [], children: [], mounted: false };
      byId.set(id, n);
    }
    return n;
  }

  private readFile(facts: FileFacts): void {
    facts.owners.forEach((o, id) => {
      const n = this.node(facts, id);
      if (o.derivedFrom) this.mount(this.node(facts, o.derivedFrom.parent), o.derivedFrom.prefix, n);
    });
    for (const route of facts.routes) {
      const owner = this.ownerOf(facts, route.owner);
      if (!owner) continue;
      // `createServer(app)` with an app from another module: the app's routes are listed as its own.
      const router = this.routerOf(facts, route.handler);
      // A router a call made (`app.get('/version', configure(app))`, its routes written `api.get('/version')`):
      // Express does not strip the route's path, so its routes hang under the owner as they are written.
      if (router && router !== true) this.mount(owner, '', router);
      else if (!router) owner.routes.push({ route, facts });
    }
    for (const a of facts.attaches) {
      const parent = this.ownerOf(facts, a.owner);
      if (parent) this.attach(parent, facts, a);
    }
    for (const a of facts.autoloads) {
      const parent = this.ownerOf(facts, a.owner);
      if (parent) for (const attach of this.autoloaded(facts, a)) this.attach(parent, facts, attach);
    }
  }

  /**
   * The modules @fastify/autoload registers from a folder, as registrations of their default export:
   * each under its folders' path below the folder (`routes/api/tasks/index.ts` → `/api/tasks`, a
   * folder `_id` → `:id`), after the registration's own prefix. Its `autohooks` files are hooks, not
   * plugins; tests and declaration files are no modules it loads.
   */
  private autoloaded(facts: FileFacts, a: AutoloadFact): AttachFact[] {
    const dir = path.resolve(path.dirname(facts.file), a.dir);
    const out: AttachFact[] = [];
    for (const file of this.files) {
      if (!file.startsWith(dir + path.sep) || AUTOLOAD_SKIPPED.test(path.basename(file))) continue;
      const folders = path.relative(dir, path.dirname(file)).split(path.sep).filter(Boolean);
      const below = a.folderPrefixes ? folders.map((f) => `/${f.startsWith('_') ? `:${f.slice(1)}` : f}`).join('') : '';
      const prefix = a.prefix === null ? null : `${a.prefix}${below}`;
      let specifier = path.relative(path.dirname(facts.file), file).split(path.sep).join('/').replace(/\.[cm]?[jt]sx?$/, '');
      if (!specifier.startsWith('.')) specifier = `./${specifier}`;
      const handler: HandlerFact = { ref: null, rule: 'first', label: specifier };
      out.push({ owner: a.owner, via: 'register', prefix, target: { kind: 'import', specifier, name: 'default' }, paramIndex: 0, handler, line: a.line, column: a.column });
    }
    return out;
  }

  /**
   * A handler that is an app or router (`app.all('/entries*', entriesRouter)`): it forwards to routes
   * of its own, listed where they are registered; the line is no endpoint. The router when a call
   * made it (to mount), true for another owner, false for a handler.
   */
  private routerOf(facts: FileFacts, handler: HandlerFact): OwnerNode | boolean {
    if (handler.ref) return this.resolve(facts, handler.ref, 0)?.kind === 'owner';
    const maker = handler.returnedBy && this.resolve(facts, handler.returnedBy, 0);
    const owner = maker?.kind === 'function' ? maker.facts.functions[maker.fn].returnsOwner : undefined;
    return maker?.kind === 'function' && owner !== undefined ? this.node(maker.facts, owner) : false;
  }

  private attach(parent: OwnerNode, facts: FileFacts, a: AttachFact): void {
    const target = this.resolve(facts, a.target, 0);
    const at = { file: facts.file, line: a.line, column: a.column };
    if (target?.kind === 'owner') {
      // `app(req, res)`: an app called with a function's parameters is handed a request to serve (a
      // serverless entry delegating to the Express app), not registered on them. Mounted there, the
      // app would hang under owners nothing serves, and none of its routes would be found.
      if (a.via === 'call') return;
      return this.mount(parent, a.prefix, this.node(target.facts, target.owner), at);
    }
    if (target?.kind === 'function' && a.via !== 'use') {
      const fn = target.facts.functions[target.fn];
      const paramOwner = fn.paramOwners.get(a.via === 'call' ? a.paramIndex : 0);
      // fastify-plugin's plugins are not encapsulated: the prefix they are registered with does not apply.
      if (paramOwner !== undefined) this.mount(parent, fn.skipsPrefix ? '' : a.prefix, this.node(target.facts, paramOwner), at);
      return;
    }
    if (a.via === 'use' || a.via === 'register') parent.middleware.push({ attach: a, facts });
  }

  private mount(parent: OwnerNode, prefix: RoutePath, child: OwnerNode, at?: Mark): void {
    if (child === parent) return;
    parent.children.push({ prefix, child, at });
    child.mounted = true;
  }

  private ownerOf(facts: FileFacts, ref: Ref): OwnerNode | null {
    const r = this.resolve(facts, ref, 0);
    return r?.kind === 'owner' ? this.node(r.facts, r.owner) : null;
  }

  /** What a reference in `facts`' file stands for, following imports and re-exports. */
  private resolve(facts: FileFacts, ref: Ref, depth: number): Resolved | null {
    if (depth > MAX_DEPTH) return null;
    switch (ref.kind) {
      case 'owner':
        return { kind: 'owner', facts, owner: ref.owner };
      case 'function':
        return { kind: 'function', facts, fn: ref.fn };
      case 'object':
        return { kind: 'object', facts, members: ref.members };
      case 'import': {
        const file = this.resolver.resolve(facts.file, ref.specifier);
        const target = file ? this.source.facts(file) : null;
        if (!file || !target) return null;
        this.enqueue(file); // its own registrations may attach to what it exports
        // A namespace's member is the module's export of that name: `import * as routes` then
        // `routes.bucket`, or `export * as routes from './routes'` re-exported and used the same way.
        if (ref.member) {
          const raw = ref.name === '*' ? null : target.exports.get(ref.name);
          if (ref.name === '*') return this.resolveExport(target, ref.member, depth + 1);
          if (raw?.kind === 'import' && raw.name === '*' && !raw.member) return this.resolve(target, { kind: 'import', specifier: raw.specifier, name: '*', member: ref.member }, depth + 1);
        }
        const exported = this.resolveExport(target, ref.name, depth + 1);
        if (!ref.member) return exported;
        const member = exported?.kind === 'object' ? exported.members.get(ref.member) : undefined;
        return member && exported ? this.resolve(exported.facts, member, depth + 1) : null;
      }
      default:
        return null;
    }
  }

  /**
   * An export by name. A CommonJS module's `module.exports` answers a default import and its members
   * named imports; a namespace (`*`) used as a value is its default export; `export *` is searched last.
   */
  private resolveExport(facts: FileFacts, name: string, depth: number): Resolved | null {
    const ex = facts.exports;
    const ref = ex.get(name) ?? (name === 'default' ? ex.get('*') : name === '*' ? ex.get('default') : undefined);
    if (ref) return this.resolve(facts, ref, depth);
    if (name === 'default' || name === '*') return null;
    // `module.exports = require('./routes')` (a folder's index handing on another module): its
    // names are that module's, as `export *` hands them on.
    const whole = ex.get('*');
    if (whole?.kind === 'import' && whole.name === '*' && !whole.member) return this.resolve(facts, { kind: 'import', specifier: whole.specifier, name }, depth + 1);
    for (const specifier of facts.starExports) {
      const r = this.resolve(facts, { kind: 'import', specifier, name }, depth);
      if (r) return r;
    }
    return null;
  }

  /** A parameter's framework is its app's: plugins and route modules take it from where they are mounted. */
  private settleFrameworks(): void {
    const stack: OwnerNode[] = [];
    for (const byId of this.nodes.values()) for (const n of byId.values()) if (n.framework) stack.push(n);
    while (stack.length) {
      const n = stack.pop()!;
      for (const { child } of n.children) {
        if (child.framework) continue;
        child.framework = n.framework;
        stack.push(child);
      }
    }
  }

  private walk(root: string, processed: readonly FileFacts[]): LinkResult {
    const handlers: Handler[] = [];
    const middleware: Middleware[] = [];
    const seen = new Set<string>();
    const globalPrefix = new Map<FrameworkId, RoutePath>();
    for (const f of processed) for (const g of f.globalPrefixes) if (!globalPrefix.has(g.framework)) globalPrefix.set(g.framework, g.prefix);
    let visits = 0;
    let detached = false;
    let rootFile = '';
    /** `shown`: the prefix as far as it is known (Handler.shownPath). */
    const visit = (n: OwnerNode, prefix: RoutePath, shown: string, framework: FrameworkId, onPath: Set<OwnerNode>, inherited: readonly FrontMiddleware[]) => {
      if (onPath.has(n) || ++visits > MAX_VISITS) return;
      const key = `${n.id}@${n.facts.file}@${prefix ?? `?${shown}`}`;
      if (seen.has(key)) return;
      seen.add(key);
      onPath.add(n);
      for (const own of n.facts.owners[n.id].prefixes) {
        const base = joinPaths(prefix, own);
        const shownBase = joinShown(shown, own);
        const attached = n.middleware.map(({ attach, facts }) => this.front(facts, attach.handler, joinPaths(base, attach.prefix), { file: facts.file, line: attach.line, column: attach.column }, false));
        // restify's `on('after')` listeners run after every request of their server, wherever they are registered.
        const before = (at: Mark | undefined) => [...inherited, ...attached.filter((m) => m.label === RESTIFY_AFTER_EVENT || runsBefore(m, at, framework))];
        for (const { route, facts } of n.routes) {
          const at = { file: facts.file, line: route.line, column: route.column };
          const routeLevel = route.before.map((h) => ({ ...this.front(facts, h, null, at, true), path: null }));
          for (const p of route.paths) {
            const h = this.handler(root, framework, route, facts, joinPaths(base, p), [...before(at), ...routeLevel]);
            const shownPath = h.path === null ? joinShown(shownBase, p) : undefined;
            handlers.push({ ...h, ...(shownPath !== undefined && shownPath !== `/${COMPUTED_PART}` ? { shownPath } : {}), ...(detached ? { detached } : {}), rootFile });
          }
        }
        for (const m of attached) middleware.push({ service: root, framework, path: m.path, label: m.label, file: m.file, line: m.line, column: m.column });
        for (const { prefix: p, child, at } of n.children) visit(child, joinPaths(base, p), joinShown(shownBase, p), child.framework ?? framework, onPath, before(at));
      }
      onPath.delete(n);
    };
    for (const f of processed) {
      if (!isInside(root, f.file)) continue;
      const byId = this.nodes.get(f);
      for (const n of byId?.values() ?? []) {
        if (n.mounted || !n.framework) continue;
        const owner = n.facts.owners[n.id];
        // A router or a plugin's parameter nobody mounts (as far as discovery follows): its mount is unknown.
        detached = owner.param !== undefined || owner.role === 'router' || owner.role === 'plugin';
        rootFile = n.facts.file;
        // A global prefix computed at run time (`setGlobalPrefix(process.env.PREFIX)`) makes every path unknown.
        const global = globalPrefix.has(n.framework) ? globalPrefix.get(n.framework)! : '';
        visit(n, global, global ?? COMPUTED_PART, n.framework, new Set(), []);
      }
    }
    return { handlers: dedupe(handlers, handlerKey).sort(compareHandlers), middleware: dedupe(middleware, middlewareKey).sort(comparePlaces) };
  }

  /** A middleware as a handler sees it in front: what package or workspace function it is. */
  private front(facts: FileFacts, h: HandlerFact, path: RoutePath, at: Mark, routeLevel: boolean): FrontMiddleware {
    const out: FrontMiddleware = { label: h.label, path, ...at, routeLevel };
    const fn = h.ref && this.resolve(facts, h.ref, 0);
    if (fn?.kind === 'function') out.fn = this.placeOf(fn);
    const pkg = (h.ref && this.packageOf(facts, h.ref)) ?? (h.callee && this.packageOf(facts, h.callee));
    if (pkg) out.package = pkg;
    const factory = h.callee && this.resolve(facts, h.callee, 0);
    if (factory?.kind === 'function') out.factory = this.placeOf(factory);
    return out;
  }

  private placeOf(r: { facts: FileFacts; fn: number }): Place {
    const fn = r.facts.functions[r.fn];
    return { file: r.facts.file, line: fn.line, column: fn.column };
  }

  /** The package an import refers to, when the resolver finds no workspace file for it. */
  private packageOf(facts: FileFacts, ref: Ref): { specifier: string; name: string } | null {
    if (ref.kind !== 'import' || ref.specifier.startsWith('.') || this.resolver.resolve(facts.file, ref.specifier)) return null;
    return { specifier: ref.specifier, name: ref.member ? `${ref.name}.${ref.member}` : ref.name };
  }

  private handler(root: string, framework: FrameworkId, route: RouteFact, facts: FileFacts, fullPath: RoutePath, inFront: FrontMiddleware[]): Handler {
    const fn = this.handlerFunction(facts, route.handler);
    return {
      service: root,
      framework,
      method: route.method,
      path: fullPath,
      file: facts.file,
      line: route.line,
      column: route.column,
      handler: fn?.place ?? null,
      requestParam: fn?.requestParam ?? null,
      inFront,
    };
  }

  private handlerFunction(facts: FileFacts, h: HandlerFact): { place: Place; requestParam: string | null } | null {
    const r = h.ref && this.resolve(facts, h.ref, 0);
    if (r?.kind !== 'function') return null;
    const fn = r.facts.functions[r.fn];
    const index = requestParamIndex(h.rule, fn);
    return { place: { file: r.facts.file, line: fn.line, column: fn.column }, requestParam: index === null ? null : fn.params[index] };
  }
}

/** One route once: by method, path (as far as it is known, when part of it is computed) and place. */
function handlerKey(h: Handler): string {
  return `${h.method} ${h.path ?? `?${h.shownPath ?? ''}`} ${h.file}:${h.line}:${h.column}`;
}

function middlewareKey(m: Middleware): string {
  return `${m.path} ${m.file}:${m.line}:${m.column}:${m.label}`;
}

function dedupe<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((t) => {
    const k = key(t);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function comparePlaces(a: Middleware, b: Middleware): number {
  return a.file !== b.file ? (a.file < b.file ? -1 : 1) : a.line - b.line || a.column - b.column;
}

const METHOD_ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'ALL'];

/** By path (dynamic ones last), then method in the usual order, then place. */
export function compareHandlers(a: Handler, b: Handler): number {
  if (a.path !== b.path) {
    if (a.path === null) return 1;
    if (b.path === null) return -1;
    return a.path < b.path ? -1 : 1;
  }
  const ma = METHOD_ORDER.indexOf(a.method);
  const mb = METHOD_ORDER.indexOf(b.method);
  if (ma !== mb) return (ma < 0 ? 99 : ma) - (mb < 0 ? 99 : mb) || (a.method < b.method ? -1 : 1);
  return a.file !== b.file ? (a.file < b.file ? -1 : 1) : a.line - b.line || a.column - b.column;
}

/** Files in an autoloaded folder that are no plugin of it: its hooks, tests, declarations. */
const AUTOLOAD_SKIPPED = /^autohooks\.|\.(?:test|spec)\.|\.d\.ts$|^[^.]+$/;
