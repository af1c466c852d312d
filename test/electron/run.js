// Runs the extension tests inside a real VS Code (downloaded by @vscode/test-electron, so this
// needs internet): `npm run test:electron`. The workspace is a fresh pino service in os.tmpdir().
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { runTests } = require('@vscode/test-electron');

function makeWorkspace() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-lens-electron-'));
  const write = (rel, text) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  };
  write('package.json', JSON.stringify({ name: 'svc', version: '1.0.0', dependencies: { pino: '^9.0.0' } }, null, 2));
  write('src/logger.ts', `import pino from 'pino';\n\nexport const logger = pino();\n`);
  write('src/app.ts', `import { logger } from './logger';\n\nexport function handle(): void {\n  console.log('handling request');\n  logger.info('done');\n}\n`);
  return root;
}

async function main() {
  const repo = path.resolve(__dirname, '..', '..');
  const workspace = makeWorkspace();
  try {
    await runTests({
      extensionDevelopmentPath: repo,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--skip-welcome', '--skip-release-notes'],
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

// A machine that cannot download VS Code (no internet: ENOTFOUND / ECONNREFUSED / EAI_AGAIN on the
// update host) did not run the suite: say so and exit 1, so that nothing counts it as passed. The
// workbench suite (npm run test:workbench: code-server in Chromium) is what runs on such machines.
const OFFLINE = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|getaddrinfo/;

main().catch((err) => {
  const message = err instanceof Error ? err.message : String(err);
  if (OFFLINE.test(message)) {
    console.error(`test:electron: NOT RUN: VS Code could not be downloaded here (${message.split('\n')[0]}).`);
    console.error('On a machine without internet, run `npm run test:workbench` (the extension in code-server) instead.');
  } else {
    console.error(message);
  }
  process.exit(1);
});
