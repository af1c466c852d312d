// Middleware that handler discovery could not place: `.use(...)`/`.register(...)` calls on an app
// it does not follow (`this.app.use(...)` in a metrics class, `params.app.use(promBundle())` in a
// function given `{ app }`). Only files that import a recording library or a metrics middleware
// package are parsed for them. Coverage (coverage.ts) decides whether each measures; one that does
// is taken to run in front of every handler of the service, as middleware attached in another
// file is.
import ts from '../typescriptModule';
import type { FrontMiddleware } from '../handlers/types';
import type { ServiceView } from '../rule';
import { unwrap } from '../scopes';
import { METRICS_MIDDLEWARE, RECORDING_LIBRARIES } from './coverageLibraries';
import { shortText } from './recorders';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/@-]/g, '\\$&');
const MENTIONS_METRICS = new RegExp(`['"](?:${[...RECORDING_LIBRARIES.flatMap((l) => l.modules), ...METRICS_MIDDLEWARE.map((m) => m.package)].map(escape).join('|')})(?:/[^'"]*)?['"]`);
const ATTACHES = /\.(?:use|register)\s*\(/;
const ATTACH_METHODS = new Set(['use', 'register']);

export function unplacedMiddleware(service: ServiceView): FrontMiddleware[] {
  const placed = new Set(service.middleware.map((m) => `${m.file}:${m.line}:${m.column}`));
  const out: FrontMiddleware[] = [];
  for (const file of service.files) {
    const text = service.project.readFile(file);
    if (text === undefined || !ATTACHES.test(text) || !MENTIONS_METRICS.test(text)) continue;
    const parsed = service.parsed(file);
    if (!parsed) continue;
    const sf = parsed.sourceFile;
    const stack: ts.Node[] = [sf];
    while (stack.length) {
      const n = stack.pop()!;
      n.forEachChild((c) => void stack.push(c));
      if (!ts.isCallExpression(n)) continue;
      const callee = unwrap(n.expression);
      if (!ts.isPropertyAccessExpression(callee) || !ATTACH_METHODS.has(callee.name.text) || n.arguments.length === 0) continue;
      const at = sf.getLineAndCharacterOfPosition(callee.name.getStart(sf));
      if (placed.has(`${file}:${at.line}:${at.character}`)) continue;
      // `app.use('/api', mw)`: a leading path is where it applies.
      const first = unwrap(n.arguments[0]);
      const path = ts.isStringLiteralLike(first) ? first.text : null;
      out.push({ label: shortText(n, sf), path: n.arguments.length > 1 && path !== null ? path : '/', file, line: at.line, column: at.character, routeLevel: false });
    }
  }
  return out;
}
