// Bundles the extension client, the language server, the CLI and the webview script into dist/.
// One esbuild call per entry keeps `external` per target (only the client may import `vscode`).
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
// `--production` (npm run package): minified, no source maps, as the .vsix ships.
const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

// The CLI loads the analysis engine (and TypeScript, nine tenths of its code) from dist/engine.js only
// when a file needs analysing (server/src/analysis/workspace/engine.ts): a cached check starts fast.
// The server keeps one bundle: it lives long, and one copy of the engine's module state.
const separateEngine = (yes) => ({ define: { OBS_LENS_SEPARATE_ENGINE: yes ? 'true' : 'false' } });

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { ...common, ...separateEngine(false), entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { ...common, ...separateEngine(true), entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, external: ['./engine.js'] },
  { ...common, entryPoints: ['server/src/analysis/index.ts'], outfile: 'dist/engine.js' },
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
