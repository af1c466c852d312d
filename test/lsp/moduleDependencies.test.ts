// A file's cached result depends on the modules it imports: editing the logger module (in the
// editor or on disk) re-checks the files that import it, even through a barrel, without touching them.
import { strict as assert } from 'node:assert';
import { FileChangeType, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { LspTestClient } from '../support/lspClient';
import { makeWorkspace, PINO_LOGGER, WINSTON_LOGGER, type Workspace } from './fixtures';

// Right for pino (fields first); winston takes the message first.
const IMPORTER = `import { logger } from './log';\n\nexport function save(id: string): void {\n  logger.info({ id }, 'saved');\n}\n`;
const BOTH_LIBRARIES = JSON.stringify({ name: 'svc', version: '1.0.0', dependencies: { pino: '^9.0.0', winston: '^3.0.0' } });
const hasOrder = (d: Diagnostic[]) => d.some((x) => x.code === 'log-argument-order');
const none = (d: Diagnostic[]) => d.length === 0;

describe('LSP: results follow the modules a file imports', function () {
  let ws: Workspace;
  let client: LspTestClient | undefined;
  beforeEach(() => {
    ws = makeWorkspace({ 'package.json': BOTH_LIBRARIES, 'src/log/index.ts': `export * from '../logger';\n`, 'src/app.ts': IMPORTER });
  });
  afterEach(async () => {
    await client?.stop();
    client = undefined;
    ws.remove();
  });

  it('re-checks an open importer when the logger module changes from pino to winston in the editor, and when its export goes', async () => {
    client = await LspTestClient.start({ folders: [ws.root] });
    const app = ws.uri('src/app.ts');
    const logger = ws.uri('src/logger.ts');
    await client.open(app, IMPORTER);
    await client.waitForCurrent(app, none);
    await client.open(logger, PINO_LOGGER);
    await client.change(logger, WINSTON_LOGGER);
    await client.waitForCurrent(app, hasOrder);
    // Without the export, `logger` in app.ts is no logger at all: nothing to report.
    await client.change(logger, WINSTON_LOGGER.replace('export const logger', 'const logger'));
    await client.waitForCurrent(app, none);
  });

  it('re-checks an open importer when the logger module changes on disk', async () => {
    client = await LspTestClient.start({ folders: [ws.root] });
    const app = ws.uri('src/app.ts');
    await client.open(app, IMPORTER);
    await client.waitForCurrent(app, none);
    ws.write('src/logger.ts', WINSTON_LOGGER);
    await client.watchedFilesChanged([{ uri: ws.uri('src/logger.ts'), type: FileChangeType.Changed }]);
    await client.waitForCurrent(app, hasOrder);
    assert.equal(client.text(app), IMPORTER, 'the importer itself was not edited');
  });
});
