// What a user installs and waits for: the .vsix size (`npm run package`, as shipped) and the time
// from the extension starting its language server to the server's first answers (initialize, then
// the first diagnostics of an opened file), using the server bundle exactly as the .vsix carries it.
// Baseline, side by side: a bare Node process start and exit (the floor any server start pays).
// Then the same .vsix installed in a real workbench (code-server + Chromium): the time from the
// extension's activation to the server's answer to `initialize`, against the bare server start to
// that answer measured above (what the editor adds around it).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { median, type BenchResult } from '../types';
import { workbenchActivationMs } from './workbenchActivation';

const REPO = path.resolve(__dirname, '..', '..');
const ROUNDS = 5;
/** Each round starts code-server and Chromium afresh (~10 s). */
const WORKBENCH_ROUNDS = 3;
const MAX_VSIX_BYTES = 5 * 1024 * 1024;

function nodeStartMs(): number {
  const t0 = process.hrtime.bigint();
  spawnSync(process.execPath, ['-e', '0']);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

export async function runShipBench(): Promise<BenchResult[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-lens-ship-bench-'));
  try {
    const vsix = path.join(dir, 'observability-lens.vsix');
    const pack = spawnSync(process.execPath, ['scripts/package.mjs', '--out', vsix], { cwd: REPO, encoding: 'utf8' });
    if (pack.status !== 0) throw new Error(`npm run package failed:\n${pack.stdout}\n${pack.stderr}`);
    const size = fs.statSync(vsix).size;
    // The production bundle the .vsix carries (package.mjs built it into dist/ just now).
    const server = path.join(dir, 'server.js');
    fs.copyFileSync(path.join(REPO, 'dist', 'server.js'), server);
    // Back to the development build for whatever runs next.
    spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO });

    process.env.OBS_LENS_SERVER = server;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { LspTestClient, fileUri } = require('../../test/support/lspClient') as typeof import('../../test/support/lspClient');
    const folder = path.join(dir, 'service');
    fs.mkdirSync(path.join(folder, 'src'), { recursive: true });
    fs.writeFileSync(path.join(folder, 'package.json'), JSON.stringify({ name: 'svc', dependencies: { pino: '^9.0.0' } }));
    fs.writeFileSync(path.join(folder, 'src', 'logger.ts'), "import pino from 'pino';\nexport const logger = pino();\n");
    const appText = "import { logger } from './logger';\nexport function run(id: string): void {\n  console.log('working', id);\n  logger.info(`user ${id}`);\n}\n";
    fs.writeFileSync(path.join(folder, 'src', 'app.ts'), appText);

    const init: number[] = [];
    const firstDiagnostics: number[] = [];
    const baseline: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      baseline.push(nodeStartMs());
      const t0 = process.hrtime.bigint();
      const client = await LspTestClient.start({ folders: [folder] });
      init.push(Number(process.hrtime.bigint() - t0) / 1e6);
      const uri = fileUri(path.join(folder, 'src', 'app.ts'));
      await client.open(uri, appText);
      await client.waitForDiagnostics(uri, (d) => d.length > 0);
      firstDiagnostics.push(Number(process.hrtime.bigint() - t0) / 1e6);
      await client.stop();
    }
    const base = { name: 'node -e 0', value: median(baseline) };
    const activation = await workbenchActivationMs(vsix, folder, WORKBENCH_ROUNDS);
    const bareServer = { name: 'server start to initialize, no editor', value: median(init) };
    const activationRow: BenchResult = typeof activation === 'string'
      ? { name: `workbench: activation to server's first answer (not measured: ${activation})`, value: NaN, unit: 'ms', target: 'reported', pass: false }
      : { name: `workbench (code-server + Chromium): extension activation to server's first answer (median of ${activation.length})`, value: median(activation), unit: 'ms', baseline: bareServer, ratio: median(activation) / bareServer.value, target: 'reported', pass: true };
    return [
      { name: '.vsix size (npm run package)', value: size / 1024, unit: 'KB', target: `< ${MAX_VSIX_BYTES / 1024 / 1024} MB`, pass: size < MAX_VSIX_BYTES },
      // Ratios to a bare Node start, measured in the same rounds, so a busy machine slows both sides.
      { name: 'server start to initialize answered (median)', value: median(init), unit: 'ms', baseline: base, ratio: median(init) / base.value, target: 'ratio <= 8', pass: median(init) / base.value <= 8 },
      { name: 'server start to first diagnostics of an opened file (median)', value: median(firstDiagnostics), unit: 'ms', baseline: base, ratio: median(firstDiagnostics) / base.value, target: 'ratio <= 10', pass: median(firstDiagnostics) / base.value <= 10 },
      activationRow,
    ];
  } finally {
    delete process.env.OBS_LENS_SERVER;
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
