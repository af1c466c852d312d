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

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
