// Real temporary projects for handler discovery: files on disk, a project model that noted them,
// and the engine's inventory or one file's request-parameter query on them.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ts from 'typescript';
import { buildInventory, createProjectModel, noteFile, type ProjectModel, type ServiceInventory } from '../../../server/src/analysis';
import type { InventoryOptions } from '../../../server/src/analysis/handlers/inventory';
import { HandlerRequests } from '../../../server/src/analysis/handlers/requestParams';
import { parseForHandlers } from '../../../server/src/analysis/handlers/workspaceFacts';

export interface HandlerProject {
  root: string;
  model: ProjectModel;
  abs(rel: string): string;
  inventory(options?: InventoryOptions): ServiceInventory[];
  /** `METHOD path` of every handler of the only service. */
  routes(options?: InventoryOptions): string[];
  cleanup(): void;
}

export function handlerProject(files: Record<string, string>): HandlerProject {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-lens-handlers-'));
  for (const [rel, text] of Object.entries(files)) {
    const abs = path.join(root, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, text);
  }
  const model = createProjectModel(root, { loggerModule: null });
  const sources = Object.keys(files).filter((rel) => !rel.endsWith('.json')).map((rel) => path.join(root, rel));
  for (const f of sources) noteFile(model, f, fs.readFileSync(f, 'utf8'));
  const inventory = (options?: InventoryOptions) => buildInventory(model, sources, options);
  return {
    root,
    model,
    abs: (rel) => path.join(root, rel),
    inventory,
    routes(options) {
      const services = inventory(options);
      if (services.length !== 1) throw new Error(`expected one service, got ${services.length}`);
      return services[0].handlers.map((h) => `${h.method} ${h.path ?? '<dynamic>'}`);
    },
    cleanup: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}

/**
 * Each function's first identifier parameter in `rel` and whether the file's handler query calls
 * it a request: `name → true/false`, in source order (names must be unique in the file).
 */
export function requestVerdicts(p: HandlerProject, rel: string): Record<string, boolean> {
  const file = p.abs(rel);
  const { sf, scopes } = parseForHandlers(file, fs.readFileSync(file, 'utf8'));
  const query = new HandlerRequests(sf, scopes, p.model, file);
  const out: Record<string, boolean> = {};
  const visit = (n: ts.Node) => {
    if (ts.isParameter(n) && ts.isIdentifier(n.name)) out[n.name.text] = query.isRequestParameter(n);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}
