// The engine's modules import each other without cycles (type-only imports aside): the value
// resolver does not import the module noter or the model, and the model's parts form layers.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

const ENGINE = path.resolve(__dirname, '..', '..', '..', 'server', 'src', 'analysis');

/** Runtime imports (not `import type`, not type-only specifiers) of every engine module, as absolute paths. */
function runtimeImports(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'cases') walk(abs);
        continue;
      }
      if (!e.name.endsWith('.ts')) continue;
      const sf = ts.createSourceFile(abs, fs.readFileSync(abs, 'utf8'), ts.ScriptTarget.Latest);
      const deps: string[] = [];
      for (const st of sf.statements) {
        const spec = (ts.isImportDeclaration(st) || ts.isExportDeclaration(st)) && st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier) ? st.moduleSpecifier.text : null;
        if (!spec || !spec.startsWith('.')) continue;
        if (ts.isImportDeclaration(st)) {
          const clause = st.importClause;
          const typeOnly = clause?.isTypeOnly || (!!clause && !clause.name && !!clause.namedBindings && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.every((el) => el.isTypeOnly));
          if (typeOnly) continue;
        } else if (ts.isExportDeclaration(st) && st.isTypeOnly) continue;
        const target = path.resolve(path.dirname(abs), spec);
        deps.push(fs.existsSync(`${target}.ts`) ? `${target}.ts` : path.join(target, 'index.ts'));
      }
      graph.set(abs, deps);
    }
  };
  walk(ENGINE);
  return graph;
}

function findCycle(graph: Map<string, string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === 'done') return null;
    if (state.get(node) === 'open') return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, 'open');
    stack.push(node);
    for (const dep of graph.get(node) ?? []) {
      const cycle = visit(dep);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

describe('engine structure', () => {
  it('has no import cycle among the engine modules (values.ts, noteFile.ts and the model included)', () => {
    const graph = runtimeImports();
    assert.ok(graph.size > 30, `read the engine's modules (${graph.size})`);
    const cycle = findCycle(graph);
    assert.equal(cycle && cycle.map((f) => path.relative(ENGINE, f)).join(' -> '), null);
  });
});
