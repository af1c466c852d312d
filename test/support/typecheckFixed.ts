// Type-checks files a test wrote from fixes against the real types of the libraries the repository
// installs (prom-client, express, pino, @opentelemetry/api...): one compiler program over every file,
// the files sitting in a temporary folder and resolving packages from this repository's node_modules.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { createProjectModel, noteFile, type ProjectModel } from '../../server/src/analysis';

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

/**
 * Writes `source` with each finding's one fix applied alone, then with every fix applied together,
 * each as `<dir>/<n>/<fileName>`, for typeProblems. Returns the files and the text with every fix.
 */
export function writeEachFixAndAll(
  source: string,
  findings: ReadonlyArray<{ line: number; fixes: ReadonlyArray<{ title: string; edits: ReadonlyArray<{ start: number; end: number; newText: string }> }> }>,
  dir: string,
  fileName: string,
  applyEdits: (text: string, edits: Array<{ start: number; end: number; newText: string }>) => string,
): { fixed: FixedFile[]; every: string } {
  const fixed: FixedFile[] = [];
  const write = (text: string, from: string) => {
    const out = path.join(dir, String(fixed.length), fileName);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, text);
    fixed.push({ file: out, from });
  };
  const all: Array<{ start: number; end: number; newText: string }> = [];
  for (const finding of findings) {
    const fix = finding.fixes[0];
    write(applyEdits(source, [...fix.edits]), `line ${finding.line + 1}: ${fix.title}`);
    all.push(...fix.edits);
  }
  const every = applyEdits(source, all);
  write(every, 'every fix');
  return { fixed, every };
}

/**
 * A one-file ES-module service for a fix test: `dir/name` with a package.json depending on `deps`
 * and `source` as src/app.ts, written to disk and noted in a fresh project model.
 */
export function oneFileService(dir: string, name: string, deps: Record<string, string>, source: string): { root: string; file: string; model: ProjectModel } {
  const root = path.join(dir, name);
  fs.mkdirSync(path.join(root, 'src'), { recursive: true });
  fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name, type: 'module', dependencies: deps }));
  const file = path.join(root, 'src', 'app.ts');
  fs.writeFileSync(file, source);
  const model = createProjectModel(root, { loggerModule: null });
  noteFile(model, file, source);
  return { root, file, model };
}
