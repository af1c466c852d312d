// The file phase lends its trees to the service phase of the same pass (services/parsedFiles.ts):
// handler discovery and coverage then read the very trees the rules ran on instead of parsing the
// route and handler files again. What users rely on: the same findings either way, and a tree
// never stands in for a file whose text changed since.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeFile, createProjectModel, noteFile, resolveSeverities } from '../../../server/src/analysis';
import { ParsedFiles } from '../../../server/src/analysis/services/parsedFiles';
import { runServicePhase, serviceViews } from '../../../server/src/analysis/services/phase';

const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures');

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

function notedProject(root: string) {
  const model = createProjectModel(root, { loggerModule: null });
  const files = listFiles(root).filter((f) => /\.[jt]s$/.test(f) && !f.includes('node_modules'));
  for (const f of files) noteFile(model, f, fs.readFileSync(f, 'utf8'));
  return { model, files };
}

describe('trees shared between the file phase and the service phase', () => {
  const severities = resolveSeverities({});

  for (const fixture of ['measured', 'context']) {
    it(`gives the same service findings with the file phase's trees as with its own parses (${fixture} fixtures)`, () => {
      const root = path.join(FIXTURES, fixture);
      const own = notedProject(root);
      const withOwn = runServicePhase(own.model, own.files, { severitiesFor: () => severities });

      const shared = notedProject(root);
      const trees = new ParsedFiles();
      for (const f of shared.files) analyzeFile(f, fs.readFileSync(f, 'utf8'), shared.model, { severities, keepTree: trees });
      const withShared = runServicePhase(shared.model, shared.files, { severitiesFor: () => severities, trees });

      assert.ok(withOwn.findings.size > 0, 'the fixtures have service findings');
      assert.deepEqual([...withShared.findings], [...withOwn.findings]);
      assert.deepEqual(withShared.ruleErrors, []);
    });
  }

  it("reads a handler file from the file phase's tree, and parses it again once its text changed", () => {
    // A file with a log call (the file phase parses only those) that registers a route.
    const root = path.join(FIXTURES, 'context', 'no-request-id');
    const { model, files } = notedProject(root);
    const routes = path.join(root, 'src', 'app.js');
    const text = fs.readFileSync(routes, 'utf8');
    const trees = new ParsedFiles();
    analyzeFile(routes, text, model, { severities, keepTree: trees });
    const kept = trees.get(routes, text);
    assert.ok(kept, 'the file phase kept the tree of a file it parsed');

    const [service] = serviceViews(model, files, undefined, undefined, trees);
    assert.ok(service.handlers.some((h) => h.file === routes), 'the routes file registers handlers');
    assert.equal(service.parsed(routes), kept, 'the service phase used the kept tree');

    // The same file with other text (an edit the file phase did not see): the kept tree is not lent.
    assert.equal(trees.get(routes, `${text}\n// edited\n`), undefined);
    const readFile = (f: string) => (f === routes ? `${text}\n// edited\n` : fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : undefined);
    const edited = createProjectModel(root, { loggerModule: null, readFile });
    for (const f of files) noteFile(edited, f, readFile(f)!);
    const [again] = serviceViews(edited, files, undefined, undefined, trees);
    const reparsed = again.parsed(routes);
    assert.ok(reparsed && reparsed !== kept && reparsed.text.endsWith('// edited\n'));
  });
});

describe('a package whose app another service mounts, in one-service runs', () => {
  it("is not a service of its own in an edit's run (only its root) once a complete run found the service that mounts it", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-lens-mounted-'));
    try {
      const write = (rel: string, text: string) => {
        fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
        fs.writeFileSync(path.join(root, rel), text);
      };
      write('package.json', JSON.stringify({ name: 'mono', private: true, workspaces: ['apps/*', 'packages/*'] }));
      write('packages/auth/package.json', JSON.stringify({ name: '@acme/auth', main: './index.ts', dependencies: { hono: '^4' } }));
      write('packages/auth/index.ts', "import { Hono } from 'hono';\nexport const auth = new Hono().post('/signout', (c) => c.json({}));\n");
      write('apps/web/package.json', JSON.stringify({ name: '@acme/web', scripts: { start: 'node server.js' }, dependencies: { hono: '^4', '@acme/auth': '*' } }));
      write('apps/web/server.ts', "import { Hono } from 'hono';\nimport { auth } from '@acme/auth';\nconst app = new Hono();\napp.route('/api/auth', auth);\nexport default app;\n");
      const { model, files } = notedProject(root);
      const severities = resolveSeverities({});
      const complete = runServicePhase(model, files, { severitiesFor: () => severities });
      assert.deepEqual(complete.services.map((s) => `${path.relative(root, s.root)}: ${s.handlers.map((h) => h.path).join(', ')}`), ['apps/web: /api/auth/signout']);
      // The editor's run after an edit in packages/auth: only that service's root.
      const edited = runServicePhase(model, files, { severitiesFor: () => severities, only: new Set([path.join(root, 'packages', 'auth')]) });
      assert.deepEqual(edited.services, []);
      assert.deepEqual([...edited.findings.keys()], []);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
