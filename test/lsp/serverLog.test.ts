// The output channel is the server's own structured log: "Show Output" must show that the server
// started (version, folders), what each workspace scan did, and why a file was skipped.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LspTestClient, REPO_ROOT } from '../support/lspClient';
import { makeWorkspace, type Workspace } from './fixtures';

/** The JSON fields of the first log entry with this constant message. */
function entry(logs: readonly string[], message: string): Record<string, unknown> | undefined {
  const line = logs.find((l) => l.startsWith(`${message} {`));
  return line ? (JSON.parse(line.slice(message.length + 1)) as Record<string, unknown>) : undefined;
}

describe('LSP: the server log (output channel)', function () {
  let ws: Workspace;
  let client: LspTestClient;
  afterEach(async () => {
    await client?.stop();
    ws?.remove();
  });

  it('says it started, with its version and folders, and what the workspace scan did', async () => {
    ws = makeWorkspace({ 'src/a.ts': `export function run(): void {\n  console.log('working');\n}\n` });
    client = await LspTestClient.start({ folders: [ws.root] });
    await client.waitFor('the scan to be logged', () => entry(client.logs, 'workspace scan finished') !== undefined);
    const version = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    const started = entry(client.logs, 'server started');
    assert.ok(started, client.logs.join('\n'));
    assert.equal(started.version, version);
    assert.deepEqual(started.folders, [ws.root]);
    const scan = entry(client.logs, 'workspace scan finished')!;
    assert.equal(scan.files, 2); // src/a.ts and src/logger.ts
    assert.ok((scan.findings as number) >= 1);
    assert.equal(typeof scan.ms, 'number');
    assert.equal(scan.analysedByWorkers, 0, 'two files are not worth a worker thread');
  });

  it('says which file was skipped and why', async () => {
    ws = makeWorkspace({ 'src/big.ts': `export const x = 1;\n${'// padding\n'.repeat(300_000)}` });
    client = await LspTestClient.start({ folders: [ws.root] });
    await client.waitFor('the skip to be logged', () => entry(client.logs, 'file skipped') !== undefined);
    const skipped = entry(client.logs, 'file skipped')!;
    assert.match(String(skipped.uri), /big\.ts$/);
    assert.match(String(skipped.reason), /limit/);
  });
});
