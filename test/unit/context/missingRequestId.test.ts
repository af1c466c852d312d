// missing-request-id-middleware as the functions the service phase calls: on the
// fixture services (test/fixtures/context) through the real project model, handler discovery and
// context detection, only the service without any request-id source is reported, at its app creation.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { writeTree } from '../../cli/helpers';
import * as path from 'node:path';
import { buildInventory, createProjectModel, noteFile } from '../../../server/src/analysis';
import { creationPlaces, hasNoRequestContext, missingRequestIdFinding, missingRequestIdMiddleware } from '../../../server/src/analysis/context/missingRequestId';
import { serviceContextFor } from '../../../server/src/analysis/context/service';
import { WorkspaceFacts } from '../../../server/src/analysis/handlers/workspaceFacts';
import { serviceViews } from '../../../server/src/analysis/services/phase';

const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures', 'context');

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('missing-request-id-middleware (per-service function)', () => {
  it('reports the service without a request-id source once, where its app is created; no other service', () => {
    const model = createProjectModel(FIXTURES, { loggerModule: null });
    const files = listFiles(FIXTURES).filter((f) => /\.[jt]s$/.test(f));
    for (const f of files) noteFile(model, f, fs.readFileSync(f, 'utf8'));
    const facts = new WorkspaceFacts(model);
    const found: string[] = [];
    for (const service of buildInventory(model, files)) {
      const ctx = serviceContextFor(model, path.join(service.root, 'package.json'))!;
      const serviceFiles = files.filter((f) => f.startsWith(service.root + path.sep));
      const finding = missingRequestIdMiddleware(service.handlers, creationPlaces(facts, serviceFiles), ctx);
      if (finding) found.push(`${path.relative(FIXTURES, finding.file)}:${finding.line + 1}:${finding.column + 1}`);
      assert.equal(hasNoRequestContext(ctx), path.basename(service.root) === 'no-request-id', service.root);
    }
    assert.deepEqual(found, ['no-request-id/src/app.js:5:13']);
    // As the service phase calls it, on the phase's own service views: the range of the creation's callee.
    const ranges = serviceViews(model, files).flatMap((s) => {
      const f = missingRequestIdFinding(s);
      return f ? [`${path.relative(FIXTURES, f.file)} ${fs.readFileSync(f.file, 'utf8').slice(f.start, f.end)}`] : [];
    });
    assert.deepEqual(ranges, ['no-request-id/src/app.js express']);
  });

  it("names the app, not a server in another module that serves it (Wiki.js's http.createServer(WIKI.app) sorts before master.js's express())", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-lens-request-id-'));
    try {
      writeTree(root, {
        'package.json': JSON.stringify({ name: 'wiki', dependencies: { express: '^4' } }),
        'server/core/servers.js': "const http = require('http');\nconst https = require('https');\nmodule.exports = { start(app) { http.createServer(app).listen(80); } };\n",
        'server/master.js': "const express = require('express');\nconst app = express();\napp.get('/', (req, res) => res.end());\nrequire('./core/servers').start(app);\n",
      });
      const model = createProjectModel(root, { loggerModule: null });
      const files = ['server/core/servers.js', 'server/master.js'].map((f) => path.join(root, f));
      for (const f of files) noteFile(model, f, fs.readFileSync(f, 'utf8'));
      const places = creationPlaces(new WorkspaceFacts(model), files).map((p) => `${path.relative(root, p.file)}:${p.line + 1}`);
      assert.deepEqual(places, ['server/master.js:2', 'server/core/servers.js:3']);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
