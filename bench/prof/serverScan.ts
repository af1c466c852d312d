// A CPU profile of the language server's first workspace scan (start to idle) on the benchmark
// workspace, written by the server process itself (`--cpu-prof`) into DIR, with the scan's time;
// then `node bench/prof/inclusive.mjs DIR/<file>.cpuprofile server.js` shows where it went.
//
//   node -r ./test/support/register.js bench/prof/serverScan.ts      (DIR=/tmp/scan-prof PROFILE=0 to time only)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspTestClient } from '../../test/support/lspClient';
import { generateWorkspace } from '../analysis/generate';

(async () => {
  const root = process.env.WS ?? path.join(os.tmpdir(), 'obs-lens-bench-analysis', 'workspace');
  if (!fs.existsSync(root)) generateWorkspace(root, Number(process.env.FILES ?? 2000));
  const dir = process.env.DIR ?? '/tmp/scan-prof';
  fs.rmSync(dir, { recursive: true, force: true });
  const profile = process.env.PROFILE !== '0';
  const start = performance.now();
  const client = await LspTestClient.start({ folders: [root], execArgv: profile ? ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=500'] : [] });
  await client.waitFor('the first scan', () => client.statuses.some((s) => s.state === 'idle' && s.filesTotal > 0 && s.filesAnalysed === s.filesTotal), 600_000);
  console.log(`scan to idle: ${(performance.now() - start).toFixed(0)} ms`);
  await client.stop();
})();
