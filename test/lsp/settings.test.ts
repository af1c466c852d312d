// Settings pulled per resource with workspace/configuration, merged over obs-lens.config.json,
// re-read on didChangeConfiguration; invalid configuration is reported and does not stop analysis.
import { strict as assert } from 'node:assert';
import { MessageType, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { CONFIG_FILE_NAME, SETTINGS_SECTION } from '../../shared/src/settings';
import { fileUri, LspTestClient } from '../support/lspClient';
import { makeWorkspace, type Workspace } from './fixtures';

const APP = `import { logger } from './logger';\n\nexport function handle(): void {\n  console.log('handling request');\n  logger.info('done');\n}\n`;
const hasConsole = (d: Diagnostic[]) => d.some((x) => x.code === 'console-logging');
const noConsole = (d: Diagnostic[]) => !hasConsole(d);

describe('LSP: settings', function () {
  const workspaces: Workspace[] = [];
  let client: LspTestClient | undefined;
  const workspace = (files: Record<string, string>) => {
    const ws = makeWorkspace(files);
    workspaces.push(ws);
    return ws;
  };

  afterEach(async () => {
    await client?.stop();
    client = undefined;
    for (const ws of workspaces.splice(0)) ws.remove();
  });

  it('asks for settings per resource, in the observabilityLens section', async () => {
    const ws = workspace({ 'src/app.ts': APP });
    const asked: Array<string | undefined> = [];
    client = await LspTestClient.start({
      folders: [ws.root],
      settings: (scopeUri, section) => {
        assert.equal(section, SETTINGS_SECTION);
        asked.push(scopeUri);
        return {};
      },
    });
    const uri = ws.uri('src/app.ts');
    await client.open(uri, APP);
    await client.waitForCurrent(uri, hasConsole);
    assert.ok(asked.includes(uri), `settings requested for the document itself: ${asked.join(', ')}`);
  });

  it('turning a rule off removes its diagnostics after didChangeConfiguration, and back on restores them', async () => {
    const ws = workspace({ 'src/app.ts': APP });
    client = await LspTestClient.start({ folders: [ws.root] });
    const uri = ws.uri('src/app.ts');
    await client.open(uri, APP);
    await client.waitForCurrent(uri, hasConsole);
    await client.setSettings(() => ({ rules: { 'console-logging': 'off' } }));
    await client.waitForCurrent(uri, noConsole);
    await client.setSettings(() => ({ rules: { 'console-logging': 'error' } }));
    const back = await client.waitForCurrent(uri, hasConsole);
    assert.equal(back.find((d) => d.code === 'console-logging')!.severity, 1, 'error severity applied');
  });

  it('applies different settings to two workspace folders', async () => {
    const a = workspace({ 'src/app.ts': APP });
    const b = workspace({ 'src/app.ts': APP });
    client = await LspTestClient.start({
      folders: [a.root, b.root],
      settings: (scopeUri) => (scopeUri?.startsWith(fileUri(b.root) + '/') || scopeUri === fileUri(b.root) ? { rules: { 'console-logging': 'off' } } : {}),
    });
    await client.open(a.uri('src/app.ts'), APP);
    await client.open(b.uri('src/app.ts'), APP);
    await client.waitForCurrent(a.uri('src/app.ts'), hasConsole);
    await client.waitForCurrent(b.uri('src/app.ts'), noConsole);
  });

  it(`respects ${CONFIG_FILE_NAME}, with editor settings winning over it`, async () => {
    const ws = workspace({ 'src/app.ts': APP, [CONFIG_FILE_NAME]: JSON.stringify({ rules: { 'console-logging': 'off' } }) });
    client = await LspTestClient.start({ folders: [ws.root] });
    const uri = ws.uri('src/app.ts');
    await client.open(uri, APP);
    await client.waitForCurrent(uri, noConsole);
    await client.setSettings(() => ({ rules: { 'console-logging': 'warning' } }));
    await client.waitForCurrent(uri, hasConsole);
  });

  it(`re-validates when ${CONFIG_FILE_NAME} changes on disk`, async () => {
    const ws = workspace({ 'src/app.ts': APP });
    client = await LspTestClient.start({ folders: [ws.root] });
    const uri = ws.uri('src/app.ts');
    await client.open(uri, APP);
    await client.waitForCurrent(uri, hasConsole);
    ws.write(CONFIG_FILE_NAME, JSON.stringify({ rules: { 'console-logging': 'off' } }));
    await client.watchedFilesChanged([{ uri: ws.uri(CONFIG_FILE_NAME), type: 1 }]);
    await client.waitForCurrent(uri, noConsole);
  });

  it('reports invalid configuration once, keeps the valid part and keeps analysing', async () => {
    const ws = workspace({
      'src/app.ts': APP,
      [CONFIG_FILE_NAME]: JSON.stringify({ rules: { 'console-loging': 'off', 'unstructured-log-message': 'loud' } }),
    });
    client = await LspTestClient.start({ folders: [ws.root], settings: () => ({ rules: 'all' }) });
    const uri = ws.uri('src/app.ts');
    await client.open(uri, APP);
    await client.waitForCurrent(uri, hasConsole);
    await client.waitFor('configuration error messages', () => client!.messages.length >= 3);
    const texts = client.messages.map((m) => m.message);
    assert.ok(texts.some((t) => t.includes('console-loging') && t.includes('did you mean console-logging')), texts.join('\n'));
    assert.ok(texts.some((t) => t.includes('loud')), texts.join('\n'));
    assert.ok(texts.some((t) => t.includes(SETTINGS_SECTION) && t.includes('rules')), 'editor settings errors are reported too');
    for (const m of client.messages) assert.equal(m.type, MessageType.Warning);
    await client.waitFor('a status with configError', () => client!.statuses.some((s) => (s.configError ?? '').includes('console-loging')));
    // The same errors again (another document, a configuration change) are not shown twice.
    const shown = client.messages.length;
    await client.open(ws.uri('src/other.ts'), APP);
    await client.waitForCurrent(ws.uri('src/other.ts'), hasConsole);
    await client.setSettings(() => ({ rules: 'all' }));
    await client.waitForCurrent(uri, hasConsole);
    assert.equal(client.messages.length, shown);
    assert.ok(client.isRunning);
  });

  it('reports a config file that is not JSON with its location', async () => {
    const ws = workspace({ 'src/app.ts': APP, [CONFIG_FILE_NAME]: '{ "rules": { "console-logging": "off", } ' });
    client = await LspTestClient.start({ folders: [ws.root] });
    const uri = ws.uri('src/app.ts');
    await client.open(uri, APP);
    await client.waitForCurrent(uri, hasConsole);
    await client.waitFor('a JSON error message', () => client!.messages.some((m) => m.message.includes(CONFIG_FILE_NAME) && /JSON/.test(m.message)));
  });

  it('publishes nothing for ignored files and for a disabled folder', async () => {
    const ws = workspace({ 'src/app.ts': APP, 'src/generated/api.ts': APP });
    client = await LspTestClient.start({ folders: [ws.root], settings: () => ({ ignore: ['src/generated/**'] }) });
    const ignored = ws.uri('src/generated/api.ts');
    const app = ws.uri('src/app.ts');
    await client.open(ignored, APP);
    await client.open(app, APP);
    await client.waitForCurrent(app, hasConsole);
    await client.waitForCurrent(ignored, (d) => d.length === 0);
    await client.setSettings(() => ({ enable: false }));
    await client.waitForCurrent(app, (d) => d.length === 0);
  });
});
