// Bundles the extension client, the language server, the CLI and the webview script into dist/.
// One esbuild call per entry keeps `external` per target (only the client may import `vscode`).
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

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
  // jsonc-parser's main build is UMD, whose require() of its own modules esbuild cannot follow; its ESM build bundles.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
};

// The JSON schema of obs-lens.config.json, from shared/src/configSchema.ts, serves the editor as a
// file (package.json jsonValidation; written here, and a unit test fails when the checked-in copy is
// stale) and the CLI and server compiled ahead of time: ajv's standalone code for the schema takes
// the place of configValidator.ts (which compiles it at run time, ~60 ms, for tests on the sources).
async function configSchemaModules() {
  const entry = [
    "export { CONFIG_SCHEMA, CONFIG_SCHEMA_PATH, configSchemaText } from './shared/src/configSchema';",
    "export { newConfigAjv } from './server/src/analysis/workspace/configAjv';",
    "export { default as standaloneCode } from 'ajv/dist/standalone';",
  ].join('\n');
  const bundled = await esbuild.build({ ...common, sourcemap: false, minify: false, write: false, stdin: { contents: entry, resolveDir: '.', loader: 'ts' } });
  const mod = { exports: {} };
  new Function('module', 'exports', 'require', bundled.outputFiles[0].text)(mod, mod.exports, createRequire(import.meta.url));
  return mod.exports;
}
const schema = await configSchemaModules();
fs.mkdirSync(path.dirname(schema.CONFIG_SCHEMA_PATH), { recursive: true });
fs.writeFileSync(schema.CONFIG_SCHEMA_PATH, schema.configSchemaText());
const ajv = schema.newConfigAjv({ source: true });
const validatorCode = schema.standaloneCode(ajv, ajv.compile(schema.CONFIG_SCHEMA));
const precompiledConfigValidator = {
  name: 'precompiled-config-validator',
  setup(build) {
    build.onLoad({ filter: /[\\/]server[\\/]src[\\/]analysis[\\/]workspace[\\/]configValidator\.ts$/ }, (args) => ({
      contents: `${validatorCode}\nconst validate = module.exports;\nmodule.exports = { configValidator: () => validate };\n`,
      loader: 'js',
      resolveDir: path.dirname(args.path),
    }));
  },
};

// The CLI loads the analysis engine (and TypeScript, nine tenths of its code) from dist/engine.js only
// when a file needs analysing (server/src/analysis/workspace/engine.ts): a cached check starts fast.
// The server keeps one bundle: it lives long, and one copy of the engine's module state.
const separateEngine = (yes) => ({ define: { OBS_LENS_SEPARATE_ENGINE: yes ? 'true' : 'false' } });

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { ...common, ...separateEngine(false), entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js' },
  { ...common, ...separateEngine(true), entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, external: ['./engine.js'] },
  { ...common, entryPoints: ['server/src/analysis/index.ts'], outfile: 'dist/engine.js' },
  // The webview runs in a browser sandbox: no Node, no vscode module.
  { ...common, platform: 'browser', target: 'es2022', format: 'iife', entryPoints: ['client/src/webview/main.ts'], outfile: 'dist/webview.js' },
];

const present = [];
for (const b of builds) {
  if (fs.existsSync(b.entryPoints[0])) present.push({ ...b, plugins: [precompiledConfigValidator] });
}
if (watch) {
  for (const b of present) (await esbuild.context(b)).watch();
} else {
  await Promise.all(present.map((b) => esbuild.build(b)));
  for (const b of present) escapeNonAscii(b.outfile);
}

/**
 * esbuild escapes non-ASCII characters in strings, but not in regular expression literals nor in
 * the comments it keeps. One such character makes Node read a whole bundle as two-byte text: the
 * server's 11 MB decoded in ~200 ms instead of ~10, and compiled slower, at every start of the
 * server, of the CLI's engine and of each analysis worker. Each is written as its `\uXXXX` escape,
 * which means the same character in a regular expression, a string or an identifier (a comment
 * just reads differently). Source maps keep their columns but for the few lines this touches.
 */
function escapeNonAscii(file) {
  const text = fs.readFileSync(file, 'utf8');
  if (!/[^\x00-\x7f]/.test(text)) return;
  fs.writeFileSync(file, text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}
