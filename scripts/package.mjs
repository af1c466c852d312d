// `npm run package [-- --out PATH]`: builds the bundles minified without source maps, then packs the
// extension with @vscode/vsce into a .vsix (what .vscodeignore lets in: the three bundles the editor
// runs, media, the grammar and the docs; no node_modules). Prints the .vsix path and its size.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const { values } = parseArgs({ options: { out: { type: 'string' } } });
const out = path.resolve(values.out ?? path.join(ROOT, `${pkg.name}-${pkg.version}.vsix`));

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) {
    process.stderr.write(`package: ${path.basename(args[0] ?? cmd)} failed (exit ${r.status ?? r.signal})\n`);
    process.exit(1);
  }
}

run(process.execPath, ['scripts/build.mjs', '--production']);
fs.mkdirSync(path.dirname(out), { recursive: true });
const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
// --no-dependencies: everything is bundled; --allow-missing-repository and --no-rewrite-relative-links:
// the project has no public repository URL yet, and README's links are relative to the repository.
run(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out]);
process.stdout.write(`${out} (${fs.statSync(out).size} bytes)\n`);
