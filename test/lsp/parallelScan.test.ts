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

  it('a scan replaced while its workers run (the settings changed) stops, and the newer settings win in every file, whatever order results come in', async () => {
    const client = await LspTestClient.start({ folders: [root], env: { OBS_LENS_CONCURRENCY: '2' } });
    try {
      await client.waitFor('the first scan to be under way', () => client.statuses.some((s) => s.state === 'analysing' && s.filesAnalysed >= 20), 120_000);
      await client.setSettings(() => ({ rules: { 'console-logging': 'off' } }));
      const changedAt = client.diagnosticsLog.length;
      await client.waitFor('the second scan to finish', () => client.logs.some((l) => FINISHED.test(l)), 120_000);
      const published = [...client.diagnostics.values()].flatMap((d) => d.diagnostics);
      assert.ok(published.length > 1000, 'the scan published the other rules');
      assert.deepEqual(published.filter((d) => d.code === 'console-logging'), [], 'a file shows a result of the replaced scan');
      // A file published under the new settings never gets an older result after it.
      const current = new Set<string>();
      for (const p of client.diagnosticsLog.slice(changedAt)) {
        const stale = p.diagnostics.some((d) => d.code === 'console-logging');
        assert.ok(!(stale && current.has(p.uri)), `${p.uri}: a result of the replaced scan was published after the newer one`);
        if (!stale && p.diagnostics.length > 0) current.add(p.uri);
      }
      const finished = client.logs.filter((l) => FINISHED.test(l)).map((l) => JSON.parse(FINISHED.exec(l)![1]) as { analysedByWorkers: number });
      assert.equal(finished.length, 1, 'the replaced scan does not finish');
      assert.ok(finished[0].analysedByWorkers > 0);
    } finally {
      await client.stop();
    }
  });
});
