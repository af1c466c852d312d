// Type-checks files a test wrote from fixes against the real types of the libraries the repository
// installs (prom-client, express, pino, @opentelemetry/api...): one compiler program over every file,
// the files sitting in a temporary folder and resolving packages from this repository's node_modules.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

const REPO = path.resolve(__dirname, '..', '..');

export interface FixedFile {
  file: string;
  /** How a problem names the file's origin in the assertion message (the case, the fix's title). */
  from: string;
}

/**
 * Every syntax and type problem of `files`, as `from: line N: message`; [] when all type-check.
 * `aliases`: modules whose imports resolve to another package of node_modules, for a library whose
 * types are installed without it (`{ redis: '@types/redis' }`: node-redis 3's types, the package
 * itself not installed; `{ undici: 'undici-types' }`: undici's own published types; `{ got: 'got/dist/source' }`:
 * the folder of a package's types that only its `exports` name, which this resolution does not read).
 */
export function typeProblems(files: readonly FixedFile[], dir: string, options: ts.CompilerOptions = {}, aliases: Readonly<Record<string, string>> = {}): string[] {
  const aliased: Record<string, string[]> = {};
  for (const [module, target] of Object.entries(aliases)) {
    const folder = path.join(REPO, 'node_modules', target);
    const found = fs.existsSync(path.join(folder, 'package.json')) || fs.existsSync(path.join(folder, 'index.d.ts'));
    if (!found) throw new Error(`${target} (for ${module}) is not installed in ${REPO}/node_modules`);
    aliased[module] = [folder];
  }
  const program = ts.createProgram(
    files.map((f) => f.file),
    {
      strict: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.CommonJS,
      moduleResolution: ts.ModuleResolutionKind.Node10,
      esModuleInterop: true,
      skipLibCheck: true,
      noEmit: true,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
      types: ['node'],
      typeRoots: [path.join(REPO, 'node_modules', '@types')],
      baseUrl: dir,
      paths: { ...aliased, '*': [path.join(REPO, 'node_modules', '*'), path.join(REPO, 'node_modules', '@types', '*')] },
      ignoreDeprecations: '6.0',
      ...options,
    },
  );
  const problems: string[] = [];
  for (const f of files) {
    const sf = program.getSourceFile(f.file);
    if (!sf) {
      problems.push(`${f.from}: ${f.file} is not in the program`);
      continue;
    }
    for (const d of [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)]) {
      const line = d.start !== undefined ? sf.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
      problems.push(`${f.from}: line ${line}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    }
  }
  return problems;
}
