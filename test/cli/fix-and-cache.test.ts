// `--fix` rewrites files in place (keeping their BOM and line endings) and `--cache` reuses the
// results of unchanged files between runs.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { CLI, PINO_SERVICE, buildOnce, makeWorkspace, parseJsonOutput, removeWorkspaces, runCli } from './helpers';

function syntaxErrors(file: string, text: string): number {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  return (sf as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics.length;
}

function cacheStats(stderr: string): { hits: number; misses: number; entries: number; engineLoaded: boolean } {
  const m = /obs-lens cache: (\d+) hits, (\d+) misses, (\d+) entries, engine (loaded|not loaded)/.exec(stderr);
  assert.ok(m, `no cache stats in: ${stderr}`);
  return { hits: Number(m[1]), misses: Number(m[2]), entries: Number(m[3]), engineLoaded: m[4] === 'loaded' };
}

function rulesOf(stdout: string): string[] {
  return parseJsonOutput(stdout).map((d) => `${d.file}:${d.line} ${d.rule}`);
}

describe('obs-lens check --fix and --cache', function () {
  this.timeout(120_000);
  before(() => buildOnce());
  after(() => removeWorkspaces());

  it('--fix applies the safe fixes, leaves code that parses and nothing fixable behind', () => {
    const root = makeWorkspace(PINO_SERVICE);
    const file = path.join(root, 'src', 'orders.ts');
    const before = parseJsonOutput(runCli(['check', '--format', 'json'], root).stdout);
    const fixableBefore = before.filter((d) => d.fixable).length;
    assert.ok(fixableBefore > 0, 'the fixture has fixable findings');
    const cleanBefore = fs.readFileSync(path.join(root, 'src', 'clean.ts'), 'utf8');
    const cleanMtime = fs.statSync(path.join(root, 'src', 'clean.ts')).mtimeMs;

    const r = runCli(['check', '--fix', '--format', 'json'], root);
    const after = parseJsonOutput(r.stdout);
    const text = fs.readFileSync(file, 'utf8');
    assert.notEqual(text, PINO_SERVICE['src/orders.ts']);
    assert.equal(syntaxErrors(file, text), 0, text);
    assert.deepEqual(after.filter((d) => d.fixable), []);
    assert.ok(after.length < before.length);
    assert.match(r.stderr, /applied \d+ fix(es)? in 1 file/);
    // The report after --fix is what a fresh run finds.
    assert.deepEqual(parseJsonOutput(runCli(['check', '--format', 'json'], root).stdout), after);
    // Files without fixes are not rewritten.
    assert.equal(fs.readFileSync(path.join(root, 'src', 'clean.ts'), 'utf8'), cleanBefore);
    assert.equal(fs.statSync(path.join(root, 'src', 'clean.ts')).mtimeMs, cleanMtime);
    assert.equal(r.code, after.some((d) => d.severity === 'error' || d.severity === 'warning') ? 1 : 0);
  });

  it('--fix keeps a BOM and CRLF line endings', () => {
    const crlf = '\ufeff' + PINO_SERVICE['src/orders.ts'].replace(/\n/g, '\r\n');
    const root = makeWorkspace({ ...PINO_SERVICE, 'src/orders.ts': crlf });
    runCli(['check', '--fix'], root);
    const text = fs.readFileSync(path.join(root, 'src', 'orders.ts'), 'utf8');
    assert.notEqual(text, crlf, 'something was fixed');
    assert.equal(text.charCodeAt(0), 0xfeff);
    assert.equal(text.replace(/\r\n/g, '').includes('\n'), false, 'no bare LF');
    assert.equal(syntaxErrors('orders.ts', text), 0);
  });

  it('--cache reuses unchanged results and re-analyses a changed file', () => {
    const root = makeWorkspace(PINO_SERVICE);
    const first = runCli(['check', '--cache', '--debug-cache', '--format', 'json'], root);
    assert.deepEqual(cacheStats(first.stderr), { hits: 0, misses: 3, entries: 3, engineLoaded: true });
    const cacheFile = path.join(root, '.obs-lens-cache');
    const stored = JSON.parse(fs.readFileSync(cacheFile, 'utf8'));
    assert.deepEqual(Object.keys(stored.entries).sort(), ['clean.ts', 'logger.ts', 'orders.ts'].map((f) => path.join(root, 'src', f)));

    const second = runCli(['check', '--cache', '--debug-cache', '--format', 'json'], root);
    // Nothing changed: every result comes from the cache and the engine (TypeScript with it) is never loaded.
    assert.deepEqual(cacheStats(second.stderr), { hits: 3, misses: 0, entries: 3, engineLoaded: false });
    assert.equal(second.stdout, first.stdout, 'cached results are reported the same');
    assert.equal(second.code, first.code);
    // "Not loaded" means not compiled either: the CLI's own bundle must not carry TypeScript (an
    // import of the engine's index from CLI code once put all 10 MB of it back into dist/cli.js).
    assert.equal(fs.readFileSync(CLI, 'utf8').includes('function createSourceFile('), false, 'dist/cli.js leaves TypeScript to dist/engine.js');

    fs.appendFileSync(path.join(root, 'src', 'clean.ts'), "console.log('new');\n");
    const third = runCli(['check', '--cache', '--debug-cache', '--format', 'json'], root);
    assert.deepEqual(cacheStats(third.stderr), { hits: 2, misses: 1, entries: 3, engineLoaded: true });
    assert.ok(parseJsonOutput(third.stdout).some((d) => d.file === 'src/clean.ts' && d.line === 6));
  });

  it('--cache misses when the configuration changes, and --cache-location moves the file', () => {
    const root = makeWorkspace(PINO_SERVICE);
    const location = path.join(root, 'tmp', 'lens.cache');
    runCli(['check', '--cache', '--cache-location', location], root);
    assert.ok(fs.existsSync(location));
    assert.ok(!fs.existsSync(path.join(root, '.obs-lens-cache')));
    fs.writeFileSync(path.join(root, 'obs-lens.config.json'), JSON.stringify({ rules: { 'console-logging': 'off' } }));
    const r = runCli(['check', '--cache', '--cache-location', location, '--debug-cache', '--format', 'json'], root);
    assert.equal(cacheStats(r.stderr).hits, 0);
    assert.ok(!parseJsonOutput(r.stdout).some((d) => d.rule === 'console-logging'));
  });

  it('a damaged cache file is rebuilt, not fatal', () => {
    const root = makeWorkspace(PINO_SERVICE);
    fs.writeFileSync(path.join(root, '.obs-lens-cache'), 'not json at all');
    const r = runCli(['check', '--cache', '--debug-cache', '--format', 'json'], root);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(cacheStats(r.stderr).misses, 3);
    assert.equal(cacheStats(runCli(['check', '--cache', '--debug-cache'], root).stderr).hits, 3);
  });

  it('--cache notices a change to a module the checked file imports, though that module is not checked', () => {
    const root = makeWorkspace(PINO_SERVICE);
    const args = ['check', 'src/orders.ts', '--cache', '--debug-cache', '--format', 'json'];
    const first = rulesOf(runCli(args, root).stdout);
    assert.ok(first.includes('src/orders.ts:5 unstructured-log-message'), first.join(', '));
    assert.equal(cacheStats(runCli(args, root).stderr).engineLoaded, false, 'unchanged: served from the cache');
    // `logger` is no longer a logger: its calls are no longer log calls (only console's remain).
    fs.writeFileSync(path.join(root, 'src', 'logger.ts'), 'export const logger = { info(..._args: unknown[]) {} };\n');
    const after = runCli(args, root);
    assert.equal(cacheStats(after.stderr).engineLoaded, true);
    assert.deepEqual(rulesOf(after.stdout), first.filter((r) => r.endsWith('console-logging')));
  });

  it('--cache notices a package.json change (a bin entry makes a file a CLI, where printing progress is the job)', () => {
    const root = makeWorkspace(PINO_SERVICE);
    const args = ['check', '--cache', '--format', 'json'];
    const first = rulesOf(runCli(args, root).stdout);
    assert.ok(first.includes('src/orders.ts:4 console-logging'), first.join(', '));
    const pkg = JSON.parse(PINO_SERVICE['package.json']);
    fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ ...pkg, bin: { svc: 'src/orders.ts' } }));
    const after = rulesOf(runCli(args, root).stdout);
    // Its console call and its logger's template message are output for the person running it; the dropped fields are still dropped.
    assert.ok(first.includes('src/orders.ts:5 unstructured-log-message'), first.join(', '));
    assert.deepEqual(after, first.filter((r) => r !== 'src/orders.ts:4 console-logging' && r !== 'src/orders.ts:5 unstructured-log-message'));
  });
});
