// Lets mocha load the TypeScript tests directly: each .ts file is transpiled by esbuild on require.
// Type errors are caught separately by `npm run typecheck`.
const fs = require('node:fs');
const esbuild = require('esbuild');

require.extensions['.ts'] = function compileTs(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = esbuild.transformSync(source, {
    loader: 'ts',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    sourcefile: filename,
  });
  module._compile(code, filename);
};
