// What the benchmarks time is the engine as it ships: one esbuild bundle (as dist/cli.js and
// dist/server.js are), not one module per source file as the tests load them, where every call
// between modules goes through an export getter.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

export const BENCH_WORK = path.resolve(__dirname, '.work');

/** Bundles `entry` (a bench's list of what it times) into bench/.work/`name`.js and loads it. */
export function loadBundled<T>(entry: string, name: string, external: string[] = []): T {
  const outfile = path.join(BENCH_WORK, `${name}.js`);
  fs.mkdirSync(BENCH_WORK, { recursive: true });
  esbuild.buildSync({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external,
    define: { OBS_LENS_SEPARATE_ENGINE: 'false' },
    // As scripts/build.mjs: jsonc-parser's main build is UMD, which esbuild cannot follow; its ESM build bundles.
    alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
    logLevel: 'warning',
  });
  return require(outfile) as T;
}
