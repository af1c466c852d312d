// Open documents: diagnostics as the editor shows them, quick fixes, suppressions and fix-all,
// against the real server process on a real temporary workspace.
import { strict as assert } from 'node:assert';
import { CodeActionKind, DiagnosticSeverity, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND, ruleDocsUrl } from '../../shared/src/rules';
import { applyWorkspaceEditToText, LspTestClient, textOf } from '../support/lspClient';
import { makeWorkspace, positionOf, WHOLE_DOCUMENT, type Workspace } from './fixtures';

const APP = [
  `import { logger } from './logger';`,
  ``,
  `export function handle(userId: string): void {`,
  `  console.log('handling request');`,
  `  logger.info('user ' + userId + ' signed in');`,
  `}`,
  ``,
].join('\n');

const byRule = (diagnostics: Diagnostic[], rule: string) => diagnostics.filter((d) => d.code === rule);

describe('LSP: diagnostics and code actions on open documents', function () {
  let ws: Workspace;
  let client: LspTestClient;

  beforeEach(async () => {
    ws = makeWorkspace({ 'src/app.ts': APP });
    client = await LspTestClient.start({ folders: [ws.root] });
  });
  afterEach(async () => {
    await client.stop();
    ws.remove();
  });

  it('publishes diagnostics with rule code, docs link, source and the exact range', async () => {
    const uri = ws.uri('src/app.ts');
    await client.open(uri, APP);
    const diagnostics = await client.waitForCurrent(uri, (d) => byRule(d, 'console-logging').length > 0);
    const d = byRule(diagnostics, 'console-logging')[0];
    assert.equal(d.source, DIAGNOSTIC_SOURCE);
    assert.equal(d.codeDescription?.href, ruleDocsUrl('console-logging'));
    assert.ok(d.severity !== undefined && d.severity >= DiagnosticSeverity.Error && d.severity <= DiagnosticSeverity.Hint);
    assert.ok(d.message.length > 0);
    assert.equal(d.range.start.line, positionOf(APP, 'console.log').line);
    assert.match(textOf(APP, d.range), /console\.log/);
    // Diagnostics of an open document carry its version, so the editor never shows stale ones.
    assert.equal(client.diagnostics.get(uri)?.version, 1);
  });

  it('applies the preferred quick fix and the diagnostic goes away', async () => {
    const uri = ws.uri('src/app.ts');
    await client.open(uri, APP);
    const [diagnostic] = byRule(await client.waitForCurrent(uri, (d) => byRule(d, 'console-logging').length > 0), 'console-logging');
    const actions = await client.codeActions(uri, diagnostic.range, undefined, [diagnostic]);
    assert.ok(actions.length > 0, 'quick fixes offered');
    for (const a of actions) assert.equal(a.kind, CodeActionKind.QuickFix);
    const preferred = actions.filter((a) => a.isPreferred);
    assert.ok(preferred.length <= 1, 'at most one preferred fix per diagnostic');
    const fix = preferred[0] ?? actions.find((a) => !/^Disable /.test(a.title));
    assert.ok(fix, `a fix besides suppressions: ${actions.map((a) => a.title).join(', ')}`);
    // The safe fix, when there is one, is listed first.
    if (preferred[0]) assert.equal(actions[0], preferred[0]);
    const fixed = await client.applyWorkspaceEdit(fix.edit, uri);
    assert.notEqual(fixed, APP);
    assert.doesNotMatch(fixed, /console\.log\('handling request'\)/);
    await client.waitForCurrent(uri, (d) => byRule(d, 'console-logging').length === 0);
  });

  it('offers suppressions that insert a comment and silence the finding', async () => {
    const uri = ws.uri('src/app.ts');
    await client.open(uri, APP);
    const [diagnostic] = byRule(await client.waitForCurrent(uri, (d) => byRule(d, 'console-logging').length > 0), 'console-logging');
    const actions = await client.codeActions(uri, diagnostic.range, [CodeActionKind.QuickFix], [diagnostic]);
    const line = actions.find((a) => a.title === 'Disable console-logging for this line');
    const file = actions.find((a) => a.title === 'Disable console-logging for the entire file');
    assert.ok(line, `line suppression offered: ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(file, 'file suppression offered');
    assert.ok(!line.isPreferred && !file.isPreferred, 'a suppression is never the preferred fix');
    const suppressed = await client.applyWorkspaceEdit(line.edit, uri);
    assert.match(suppressed, /obs-lens-disable/);
    assert.match(suppressed, /console\.log\('handling request'\)/, 'the code itself is unchanged');
    await client.waitForCurrent(uri, (d) => byRule(d, 'console-logging').length === 0);
  });

  it('fix-all applies every safe fix and nothing else', async () => {
    const uri = ws.uri('src/app.ts');
    // error-not-serialized on `err.message` has only an unsafe fix (it changes what is logged).
    const text = APP.replace('}\n', '}\n\nexport function fail(err: Error): void {\n  logger.error(err.message);\n}\n');
    await client.open(uri, text);
    const before = await client.waitForCurrent(uri, (d) => d.length >= 3);
    // Which findings have a safe fix is visible to the editor as the preferred quick fix.
    const withSafeFix: Diagnostic[] = [];
    const withoutSafeFix: Diagnostic[] = [];
    for (const d of before) {
      const actions = await client.codeActions(uri, d.range, undefined, [d]);
      (actions.some((a) => a.isPreferred) ? withSafeFix : withoutSafeFix).push(d);
    }
    assert.ok(withSafeFix.length > 0, 'the fixture has a finding with a safe fix');
    assert.ok(withoutSafeFix.some((d) => d.code === 'error-not-serialized'), 'the fixture has a finding with only an unsafe fix');

    for (const only of [[FIX_ALL_KIND], [CodeActionKind.SourceFixAll]]) {
      const actions = await client.codeActions(uri, WHOLE_DOCUMENT, only, []);
      assert.equal(actions.length, 1, `one fix-all action for only=${only}`);
      assert.equal(actions[0].kind, FIX_ALL_KIND);
    }
    const [fixAll] = await client.codeActions(uri, WHOLE_DOCUMENT, [FIX_ALL_KIND], []);
    const after = await client.applyWorkspaceEdit(fixAll.edit, uri);
    const remaining = await client.waitForCurrent(uri);
    for (const d of withSafeFix) {
      assert.ok(!remaining.some((r) => r.code === d.code && r.range.start.line === d.range.start.line), `${d.code} on line ${d.range.start.line} fixed`);
    }
    for (const d of withoutSafeFix) {
      assert.ok(remaining.some((r) => r.code === d.code), `${d.code} has no safe fix and must remain`);
    }
    assert.ok(after.includes('signed in'), 'fix-all keeps what is logged');
    assert.ok(after.includes('logger.error(err.message)'), 'the unsafe fix was not applied');
  });

  it('returns no fix-all action when nothing can be fixed safely', async () => {
    const uri = ws.uri('src/clean.ts');
    const clean = `import { logger } from './logger';\n\nexport function ok(): void {\n  logger.info('ready');\n}\n`;
    await client.open(uri, clean);
    await client.waitForCurrent(uri, (d) => d.length === 0);
    const actions = await client.codeActions(uri, WHOLE_DOCUMENT, [FIX_ALL_KIND], []);
    assert.deepEqual(actions, []);
  });

  it('publishes only for the latest version when edits arrive quickly', async () => {
    const uri = ws.uri('src/app.ts');
    await client.open(uri, APP);
    await client.waitForCurrent(uri, (d) => byRule(d, 'console-logging').length === 1);
    const start = client.diagnosticsLog.length;
    let text = APP;
    for (let i = 0; i < 5; i++) {
      text = text.replace('export function', `// edit ${i}\nexport function`);
      await client.change(uri, text);
    }
    const last = client.version(uri)!;
    const final = await client.waitForCurrent(uri, (d) => byRule(d, 'console-logging').length === 1);
    assert.equal(byRule(final, 'console-logging')[0].range.start.line, positionOf(text, 'console.log').line);
    const published = client.diagnosticsLog.slice(start).filter((p) => p.uri === uri);
    // Debounced: intermediate versions are skipped, and no older version follows a newer one.
    assert.ok(published.length < 5, `published ${published.length} times for 5 quick edits`);
    const versions = published.map((p) => p.version ?? -1);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b));
    assert.equal(versions[versions.length - 1], last);
  });

  it('answers code actions for an edited document without waiting for new diagnostics', async () => {
    const uri = ws.uri('src/app.ts');
    await client.open(uri, APP);
    const [diagnostic] = byRule(await client.waitForCurrent(uri, (d) => byRule(d, 'console-logging').length > 0), 'console-logging');
    // Edit below the finding; the client still holds the old diagnostic (same range).
    const edited = APP + '\n// trailing comment\n';
    await client.change(uri, edited);
    const actions: CodeAction[] = await client.codeActions(uri, diagnostic.range, undefined, [diagnostic]);
    const fix = actions.find((a) => !/^Disable /.test(a.title));
    assert.ok(fix, 'fix computed on the current text');
    assert.ok(applyWorkspaceEditToText(edited, fix.edit, uri).endsWith('// trailing comment\n'));
  });
});
