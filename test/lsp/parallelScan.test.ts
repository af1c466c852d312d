// The language server's workspace scan with analysis worker threads (dist/server.js is its own
// workers' script): the Problems view gets the same diagnostics, service findings included, as
// from a scan on one thread, and the server's log says how many files the workers analysed.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspTestClient } from '../support/lspClient';
import { makeGeneratedService } from '../support/generatedService';

const FINISHED = /workspace scan finished (\{.*\})/;

/** Every published diagnostic of a scan, by file, and how many files the workers analysed. */
async function scan(root: string, concurrency: string): Promise<{ diagnostics: string; byWorkers: number }> {
  const client = await LspTestClient.start({ folders: [root], env: { OBS_LENS_CONCURRENCY: concurrency } });
  try {
    await client.waitFor('the scan to finish', () => client.logs.some((l) => FINISHED.test(l)), 120_000);
    const fields = JSON.parse(FINISHED.exec(client.logs.find((l) => FINISHED.test(l))!)![1]) as { analysedByWorkers: number };
    const diagnostics = [...client.diagnostics.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([uri, d]) => `${uri} ${JSON.stringify(d.diagnostics)}`)
      .join('\n');
    return { diagnostics, byWorkers: fields.analysedByWorkers };
  } finally {
    await client.stop();
  }
}

describe('workspace scan with analysis workers', function () {
  this.timeout(180_000);
  let root: string;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-lens-lsp-parallel-'));
    makeGeneratedService(root, 400);
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('publishes the same diagnostics as a scan on one thread, with files analysed by workers', async () => {
    const alone = await scan(root, 'off');
    const together = await scan(root, '2');
    assert.equal(alone.byWorkers, 0);
    assert.ok(together.byWorkers > 0, 'no file was analysed by a worker thread');
    assert.ok(alone.diagnostics.includes('handler-missing-metrics'), 'the scan published no service findings to compare');
    assert.equal(together.diagnostics, alone.diagnostics);
  });
});
