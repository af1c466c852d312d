// Bundles the extension client, the language server, the CLI and the webview script into dist/.
// One esbuild call per entry keeps `external` per target (only the client may import `vscode`).
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The webview runs in a browser sandbox: no Node, no vscode module.
  { ...common, platform: 'browser', target: 'es2022', format: 'iife', entryPoints: ['client/src/webview/main.ts'], outfile: 'dist/webview.js' },
];

const present = [];
for (const b of builds) {
  const fs = await import('node:fs');
  if (fs.existsSync(b.entryPoints[0])) present.push(b);
}
if (watch) {
  for (const b of present) (await esbuild.context(b)).watch();
} else {
  await Promise.all(present.map((b) => esbuild.build(b)));
}
