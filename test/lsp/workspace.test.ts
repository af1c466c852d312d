// Workspace mode: the background scan publishes diagnostics for files never opened, respects
// .gitignore and dependency folders, reports progress and status, and follows file changes.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { FileChangeType, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { LspTestClient } from '../support/lspClient';
import { makeWorkspace, type Workspace } from './fixtures';

const WITH_CONSOLE = `export function run(): void {\n  console.log('working');\n}\n`;
const hasConsole = (d: Diagnostic[]) => d.some((x) => x.code === 'console-logging');

describe('LSP: workspace scan', function () {
  let ws: Workspace;
  let client: LspTestClient;

  beforeEach(() => {
    ws = makeWorkspace({
      'src/a.ts': WITH_CONSOLE,
      'src/deep/nested/b.js': WITH_CONSOLE,
      'generated/c.ts': WITH_CONSOLE,
      'node_modules/dep/index.js': WITH_CONSOLE,
      'dist/out.js': WITH_CONSOLE,
      '.gitignore': 'generated/\n',
    });
  });
  afterEach(async () => {
    await client?.stop();
    ws.remove();
  });

  const idle = () => client.waitFor('the scan to finish', () => client.statuses.some((s) => s.state === 'idle' && s.filesTotal > 0));
  /** Waits for a scan that starts after status number `from` to finish. */
  const scanAfter = (from: number) =>
    client.waitFor('a new scan to finish', () => {
      const later = client.statuses.slice(from);
      const started = later.findIndex((s) => s.state === 'analysing');
      return started >= 0 && later.slice(started).some((s) => s.state === 'idle');
    });

  it('publishes diagnostics for files never opened, skipping ignored and dependency folders', async () => {
    client = await LspTestClient.start({ folders: [ws.root] });
    await client.waitForDiagnostics(ws.uri('src/a.ts'), hasConsole);
    await client.waitForDiagnostics(ws.uri('src/deep/nested/b.js'), hasConsole);
    await idle();
    for (const rel of ['generated/c.ts', 'node_modules/dep/index.js', 'dist/out.js']) {
      assert.ok(!client.diagnostics.get(ws.uri(rel))?.diagnostics.length, `${rel} must not be reported`);
    }
    // Disk results carry no document version.
    assert.equal(client.diagnostics.get(ws.uri('src/a.ts'))?.version, undefined);
  });

  it('reports progress and the workspace status', async () => {
    client = await LspTestClient.start({ folders: [ws.root] });
    await idle();
    const last = client.statuses[client.statuses.length - 1];
    assert.equal(last.state, 'idle');
    assert.equal(last.filesTotal, 3, 'src/a.ts, src/deep/nested/b.js and src/logger.ts');
    assert.equal(last.filesAnalysed, 3);
    assert.ok(last.findings >= 2, `findings: ${last.findings}`);
    assert.equal(last.configError, undefined);
    const kinds = client.progress.map((p) => (p as { value: { kind: string } }).value.kind);
    assert.equal(kinds[0], 'begin');
    await client.waitFor('progress end', () => client.progress.some((p) => (p as { value: { kind: string } }).value.kind === 'end'));
  });

  it('follows created, changed and deleted files', async () => {
    client = await LspTestClient.start({ folders: [ws.root] });
    await idle();
    const uri = ws.uri('src/new.ts');
    ws.write('src/new.ts', WITH_CONSOLE);
    await client.watchedFilesChanged([{ uri, type: FileChangeType.Created }]);
    await client.waitForDiagnostics(uri, hasConsole);

    ws.write('src/new.ts', `export const x = 1;\n`);
    await client.watchedFilesChanged([{ uri, type: FileChangeType.Changed }]);
    await client.waitForDiagnostics(uri, (d) => d.length === 0);

    ws.write('src/new.ts', WITH_CONSOLE);
    await client.watchedFilesChanged([{ uri, type: FileChangeType.Changed }]);
    await client.waitForDiagnostics(uri, hasConsole);
    fs.rmSync(ws.path('src/new.ts'));
    await client.watchedFilesChanged([{ uri, type: FileChangeType.Deleted }]);
    await client.waitForDiagnostics(uri, (d) => d.length === 0);
  });

  it('clears the findings of a deleted node script without an extension (bin/www)', async () => {
    // Whether `bin/www` is a script is read from its first line: once deleted, only the server's
    // memory of it says it was one.
    const www = [
      '#!/usr/bin/env node',
      "const http = require('http');",
      "const log = require('pino')();",
      "http.createServer((req, res) => {\n  log.info('request for ' + req.url);\n  res.end();\n}).listen(3000);",
    ].join('\n');
    ws.write('bin/www', `${www}\n`);
    client = await LspTestClient.start({ folders: [ws.root] });
    const uri = ws.uri('bin/www');
    await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'unstructured-log-message'));
    await idle();
    fs.rmSync(ws.path('bin/www'));
    await client.watchedFilesChanged([{ uri, type: FileChangeType.Deleted }]);
    await client.waitForDiagnostics(uri, (d) => d.length === 0);
  });

  it("forgets what a deleted file taught the model: with the winston format that dropped fields gone, a file's fix no longer says they would go unwritten", async () => {
    ws.write('package.json', JSON.stringify({ name: 'svc', dependencies: { winston: '^3' } }));
    ws.write('src/logger.ts', "import winston from 'winston';\nexport const logger = winston.createLogger({ transports: [new winston.transports.Console()] });\n");
    // A second format printing the message alone: a field moved out of a message would not be written.
    ws.write('src/lineFormat.ts', "import winston from 'winston';\nexport const line = winston.format.printf((info) => `${info.level}: ${info.message}`);\n");
    const text = "import { logger } from './logger';\nexport function done(id: string): void {\n  logger.info(`job ${id} finished`);\n}\n";
    ws.write('src/jobs.ts', text);
    client = await LspTestClient.start({ folders: [ws.root] });
    const uri = ws.uri('src/jobs.ts');
    await idle();
    await client.open(uri, text);
    const titles = async () => {
      const d = (await client.waitForDiagnostics(uri, (x) => x.some((y) => y.code === 'unstructured-log-message'))).find((y) => y.code === 'unstructured-log-message')!;
      return (await client.codeActions(uri, d.range, undefined, [d])).map((a) => a.title);
    };
    assert.ok((await titles()).some((t) => t.includes('prints only the message')), 'the format is known: the fix says the fields would go unwritten');
    fs.rmSync(ws.path('src/lineFormat.ts'));
    await client.watchedFilesChanged([{ uri: ws.uri('src/lineFormat.ts'), type: FileChangeType.Deleted }]);
    // The open document is analysed again when the model's facts change; its code actions follow.
    let last: string[] = [];
    for (const end = Date.now() + 10_000; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
      last = await titles();
      if (!last.some((t) => t.includes('prints only the message'))) break;
    }
    assert.ok(last.some((t) => t.startsWith('Log a constant message')) && !last.some((t) => t.includes('prints only the message')), `the fix without the note: ${JSON.stringify(last)}`);
  });

  it('publishes nothing for a file that never had findings, and an empty list once its findings go', async () => {
    ws.write('src/clean.ts', `export const x = 1;\n`);
    client = await LspTestClient.start({ folders: [ws.root] });
    await client.waitForDiagnostics(ws.uri('src/a.ts'), hasConsole);
    await idle();
    const uri = ws.uri('src/clean.ts');
    // Nothing shown, nothing to clear: one notification fewer per clean file of a first scan.
    assert.equal(client.diagnostics.has(uri), false, 'a clean file is not published');
    ws.write('src/clean.ts', WITH_CONSOLE);
    await client.watchedFilesChanged([{ uri, type: FileChangeType.Changed }]);
    await client.waitForDiagnostics(uri, hasConsole);
    ws.write('src/clean.ts', `export const x = 2;\n`);
    await client.watchedFilesChanged([{ uri, type: FileChangeType.Changed }]);
    await client.waitForDiagnostics(uri, (d) => d.length === 0);
  });

  it("clears an open document's findings when it closes, whatever the editor's spelling of its URI", async () => {
    ws.write('pkgs/@acme/src/a.ts', `export const x = 1;\n`);
    client = await LspTestClient.start({ folders: [ws.root] });
    await idle();
    const ours = ws.uri('pkgs/@acme/src/a.ts');
    // VS Code escapes '@' in the URIs it sends; the server's own spelling keeps it.
    const editors = ours.replace('/@acme/', '/%40acme/');
    assert.notEqual(editors, ours);
    await client.open(editors, WITH_CONSOLE);
    await client.waitForDiagnostics(editors, hasConsole);
    await client.close(editors);
    // The disk text is clean: its (empty) diagnostics go out, so the finding typed in the editor goes.
    await client.waitForDiagnostics(ours, (d) => d.length === 0);
  });

  it('re-scans when .gitignore changes', async () => {
    client = await LspTestClient.start({ folders: [ws.root] });
    await client.waitForDiagnostics(ws.uri('src/deep/nested/b.js'), hasConsole);
    await idle();
    ws.write('.gitignore', 'generated/\nsrc/deep/\n');
    await client.watchedFilesChanged([{ uri: ws.uri('.gitignore'), type: FileChangeType.Changed }]);
    await client.waitForDiagnostics(ws.uri('src/deep/nested/b.js'), (d) => d.length === 0);
    assert.ok(hasConsole(client.diagnostics.get(ws.uri('src/a.ts'))!.diagnostics));
  });

  it('an open document wins over its disk text, and closing falls back to the disk text', async () => {
    client = await LspTestClient.start({ folders: [ws.root] });
    const uri = ws.uri('src/a.ts');
    await client.waitForDiagnostics(uri, hasConsole);
    await idle();
    await client.open(uri, `export const clean = 1;\n`);
    await client.waitForCurrent(uri, (d) => d.length === 0);
    // A rescan (configuration change) must not publish the disk text's findings for the open document.
    const from = client.statuses.length;
    await client.setSettings(() => ({}));
    await scanAfter(from);
    assert.deepEqual(client.diagnostics.get(uri)?.diagnostics, []);
    await client.close(uri);
    await client.waitForDiagnostics(uri, hasConsole);
  });
});
