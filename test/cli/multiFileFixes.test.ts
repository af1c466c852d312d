// `check --fix` and fixes that edit other files: the handler-missing-metrics fix (which creates the
// metrics module) is never safe, so --fix lists it and writes nothing for it; SARIF carries it
// with one artifactChange per file. And the report after --fix keeps the service phase's findings
// of the files it rewrote (it used to re-analyse them without their service findings).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildOnce, makeWorkspace, parseJsonOutput, removeWorkspaces, runCli } from './helpers';

const SERVICE: Record<string, string> = {
  '.git/HEAD': 'ref: refs/heads/main\n',
  'package.json': JSON.stringify({ name: 'shop', version: '1.0.0', main: 'src/app.ts', dependencies: { express: '^4.19.0', pino: '^9.0.0', 'prom-client': '^15.1.0' } }),
  'src/logger.ts': "import pino from 'pino';\n\nexport const logger = pino();\n",
  'src/app.ts': [
    "import express from 'express';",
    "import { logger } from './logger';",
    '',
    'const app = express();',
    '',
    "app.get('/orders/:id', (req, res) => {",
    "  console.log('loading order');",
    '  res.json({ id: req.params.id });',
    '});',
    '',
    "app.listen(3000, () => logger.info('listening'));",
    '',
  ].join('\n'),
};

const rules = (ds: ReturnType<typeof parseJsonOutput>) => ds.map((d) => `${d.file}:${d.line} ${d.rule}${d.fixable ? ' (fixable)' : ''}`).sort();

describe('obs-lens check: fixes over several files', function () {
  this.timeout(120_000);
  before(buildOnce);
  after(removeWorkspaces);

  it('--fix applies the safe fixes, keeps the service findings of the rewritten file, and writes no unsafe fix', () => {
    const root = makeWorkspace(SERVICE);
    const before = parseJsonOutput(runCli(['check', '--format', 'json'], root).stdout);
    assert.deepEqual(rules(before), ['src/app.ts:6 handler-missing-metrics', 'src/app.ts:7 console-logging (fixable)', 'src/app.ts:4 missing-request-id-middleware'].sort());
    const r = runCli(['check', '--fix', '--format', 'json'], root);
    assert.match(r.stderr, /applied 1 fix in 1 file/);
    const after = parseJsonOutput(r.stdout);
    // The rewritten file keeps its service findings in the report of the run that fixed it.
    assert.deepEqual(rules(after), ['src/app.ts:6 handler-missing-metrics', 'src/app.ts:4 missing-request-id-middleware'].sort());
    assert.deepEqual(parseJsonOutput(runCli(['check', '--format', 'json'], root).stdout), after, 'the same as a fresh run');
    const text = fs.readFileSync(path.join(root, 'src', 'app.ts'), 'utf8');
    assert.match(text, /logger\.info\('loading order'\)/);
    assert.doesNotMatch(text, /startTimer/, 'the unsafe histogram fix is not applied');
    assert.equal(fs.existsSync(path.join(root, 'src', 'metrics.ts')), false, 'no metrics module is created');
  });

  it('SARIF lists the fix with an artifactChange per file, the new module included', () => {
    const root = makeWorkspace(SERVICE);
    const log = JSON.parse(runCli(['check', '--format', 'sarif'], root).stdout);
    const result = log.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'handler-missing-metrics');
    assert.equal(result.fixes.length, 1);
    const [fix] = result.fixes;
    assert.equal(fix.description.text, 'Time the handler with the shared `http_request_duration_seconds` histogram (created in a new metrics.ts)');
    const byFile = Object.fromEntries(fix.artifactChanges.map((c: { artifactLocation: { uri: string }; replacements: unknown[] }) => [c.artifactLocation.uri, c.replacements]));
    assert.deepEqual(Object.keys(byFile).sort(), ['src/app.ts', 'src/metrics.ts']);
    const [created] = byFile['src/metrics.ts'] as Array<{ deletedRegion: { charOffset: number; charLength: number }; insertedContent: { text: string } }>;
    assert.deepEqual(created.deletedRegion, { charOffset: 0, charLength: 0 });
    assert.match(created.insertedContent.text, /^import \{ Histogram \} from 'prom-client';\n\nexport const httpRequestDuration = new Histogram\(/);
    // A safe single-file fix is there too, on its own file.
    const consoleFix = log.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'console-logging').fixes[0];
    assert.deepEqual(consoleFix.artifactChanges.map((c: { artifactLocation: { uri: string } }) => c.artifactLocation.uri), ['src/app.ts']);
  });
});
