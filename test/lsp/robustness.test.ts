// Bad input never takes the server down: unparsable code, huge files, absurd nesting, CRLF and a
// BOM. After each, the server must still answer (a later document still gets its diagnostics).
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { fileUri, LspTestClient } from '../support/lspClient';
import { makeWorkspace, positionOf, WHOLE_DOCUMENT, type Workspace } from './fixtures';

const WITH_CONSOLE = `export function run(): void {\n  console.log('working');\n}\n`;
const hasConsole = (d: Diagnostic[]) => d.some((x) => x.code === 'console-logging');

describe('LSP: robustness', function () {
  this.timeout(60_000);
  let ws: Workspace;
  let client: LspTestClient;

  afterEach(async () => {
    await client?.stop();
    ws?.remove();
  });

  /** The server still works: a fresh document gets its diagnostics and code actions answer. */
  async function stillServing(): Promise<void> {
    const uri = ws.uri(`src/probe-${Date.now()}.ts`);
    await client.open(uri, WITH_CONSOLE);
    const [d] = await client.waitForCurrent(uri, hasConsole);
    const actions = await client.codeActions(uri, d.range, undefined, [d]);
    assert.ok(actions.length > 0);
    assert.ok(client.isRunning);
  }

  it('survives a file that does not parse', async () => {
    ws = makeWorkspace({});
    client = await LspTestClient.start({ folders: [ws.root] });
    const uri = ws.uri('src/broken.ts');
    const broken = `export function (((( {\n  console.log('x' +;\n  }}}} class = \`unterminated ${'${'}\n`;
    await client.open(uri, broken);
    await client.waitForCurrent(uri);
    await client.codeActions(uri, WHOLE_DOCUMENT, undefined);
    await stillServing();
  });

  it('skips a 10 MB generated file with a notification and no diagnostics', async () => {
    const line = `console.log('generated line with some padding to make it longer');\n`;
    ws = makeWorkspace({ 'src/bundle.generated.js': line.repeat(Math.ceil((10 * 1024 * 1024) / line.length)) });
    client = await LspTestClient.start({ folders: [ws.root] });
    const uri = ws.uri('src/bundle.generated.js');
    await client.waitFor('a file-skipped notification', () => client.skipped.some((s) => s.uri === uri));
    const skip = client.skipped.find((s) => s.uri === uri)!;
    const size = fs.statSync(ws.path('src/bundle.generated.js')).size.toLocaleString('en-US');
    assert.equal(skip.reason, `file is ${size} bytes, over the 2,097,152-byte limit (generated or bundled code is not analysed)`);
    // Skipped on the first scan, it has nothing shown and so nothing published.
    await client.waitFor('the scan to finish', () => client.statuses.some((s) => s.state === 'idle' && s.filesTotal > 0));
    assert.equal(client.diagnostics.get(uri)?.diagnostics.length ?? 0, 0);
    await stillServing();
  });

  it('named pipes reported as changed source files are not read: files changed after them still get diagnostics', async function () {
    if (process.platform === 'win32') this.skip();
    ws = makeWorkspace({});
    client = await LspTestClient.start({ folders: [ws.root] });
    // More pipes than Node has threads for file reads (4): each blocked read would hold one for good.
    const pipes = Array.from({ length: 6 }, (_, i) => ws.path(`src/pipe${i}.ts`));
    fs.mkdirSync(ws.path('src'), { recursive: true });
    for (const p of pipes) execFileSync('mkfifo', [p]);
    for (const p of pipes) await client.watchedFilesChanged([{ uri: fileUri(p), type: 2 }]);
    ws.write('src/later.ts', WITH_CONSOLE);
    await client.watchedFilesChanged([{ uri: ws.uri('src/later.ts'), type: 2 }]);
    await client.waitForDiagnostics(ws.uri('src/later.ts'), hasConsole);
    await stillServing();
  });

  it('survives 50,000 nested parentheses', async () => {
    ws = makeWorkspace({});
    client = await LspTestClient.start({ folders: [ws.root] });
    const uri = ws.uri('src/nested.ts');
    const depth = 50_000;
    await client.open(uri, `export const x = ${'('.repeat(depth)}1${')'.repeat(depth)};\nconsole.log('after');\n`);
    await client.waitForCurrent(uri);
    await stillServing();
  });

  it('stops analysing a file past its time budget and says why in the Problems view', async () => {
    ws = makeWorkspace({});
    client = await LspTestClient.start({ folders: [ws.root], env: { OBS_LENS_TIME_BUDGET_MS: '0' } });
    const uri = ws.uri('src/generated.ts');
    const calls = Array.from({ length: 2_000 }, (_, i) => `  console.log('step ${i} of ' + id);`).join('\n');
    await client.open(uri, `export function trace(id: string): void {\n${calls}\n}\n`);
    const [stopped] = await client.waitForCurrent(uri, (d) => d.length === 1);
    assert.equal(stopped.severity, DiagnosticSeverity.Information);
    assert.match(stopped.message, /did not finish analysing this file: analysis stopped after \d+ ms \(budget 0 ms\): the file is too complex/);
    assert.deepEqual(stopped.range.start, { line: 0, character: 0 });
    await client.waitFor('a file-skipped notification', () => client.skipped.some((s) => s.uri === uri && /budget 0 ms/.test(s.reason)));
    // Still answering: no code actions for a file it did not finish.
    assert.deepEqual(await client.codeActions(uri, WHOLE_DOCUMENT, undefined), []);
    assert.ok(client.isRunning);
  });

  it('analyses a 40,000-term concatenation on every edit and keeps serving', async () => {
    ws = makeWorkspace({ 'package.json': JSON.stringify({ dependencies: { pino: '^9' } }), 'src/logger.ts': `import pino from 'pino';\nexport const logger = pino();\n` });
    // A generous budget: this is about the walks being linear (a walk per term over the chain above
    // it took minutes here), not about a busy machine stopping the file.
    client = await LspTestClient.start({ folders: [ws.root], env: { OBS_LENS_TIME_BUDGET_MS: '60000' } });
    const uri = ws.uri('src/report.ts');
    const terms = Array.from({ length: 40_000 }, (_, i) => (i % 2 === 0 ? `'a'` : `x${i}`)).join(' + ');
    const text = `import { logger } from './logger';\nexport function report(): void {\n  logger.info(${terms});\n}\n`;
    const unstructured = (d: Diagnostic[]) => d.some((x) => x.code === 'unstructured-log-message');
    await client.open(uri, text);
    await client.waitForCurrent(uri, unstructured);
    await client.change(uri, text.replace('report()', 'reportAgain()'));
    await client.waitForCurrent(uri, unstructured);
    await stillServing();
  });

  it('reports positions as the editor counts them in CRLF files with a BOM', async () => {
    const crlf = `import { logger } from './logger';\r\n\r\nexport function run(): void {\r\n  logger.info('ok');\r\n  console.log('working');\r\n}\r\n`;
    ws = makeWorkspace({ 'src/crlf.ts': '\uFEFF' + crlf, 'src/first.ts': '\uFEFFconsole.log("first line");\r\n' });
    client = await LspTestClient.start({ folders: [ws.root] });
    // From disk (workspace scan): VS Code shows the file without its BOM, so columns must not count it.
    const [onDisk] = (await client.waitForDiagnostics(ws.uri('src/crlf.ts'), hasConsole)).filter((d) => d.code === 'console-logging');
    assert.deepEqual(onDisk.range.start, positionOf(crlf, 'console.log'));
    const [first] = (await client.waitForDiagnostics(ws.uri('src/first.ts'), hasConsole)).filter((d) => d.code === 'console-logging');
    assert.deepEqual(first.range.start, { line: 0, character: 0 });

    // Open in the editor (which sends the text without the BOM), then fixed with CRLF kept intact.
    const uri = ws.uri('src/crlf.ts');
    await client.open(uri, crlf);
    const [open] = (await client.waitForCurrent(uri, hasConsole)).filter((d) => d.code === 'console-logging');
    assert.deepEqual(open.range.start, positionOf(crlf, 'console.log'));
    const actions = await client.codeActions(uri, open.range, undefined, [open]);
    const suppress = actions.find((a) => a.title.startsWith('Disable console-logging for this line'));
    assert.ok(suppress, actions.map((a) => a.title).join(', '));
    const after = await client.applyWorkspaceEdit(suppress.edit, uri);
    assert.doesNotMatch(after.replace(/\r\n/g, ''), /\n|\r/, 'no bare line breaks introduced into a CRLF file');
    await client.waitForCurrent(uri, (d) => !hasConsole(d));
  });
});
