// Every quick-fix the metric rules offer on their fixtures, applied on its own, leaves a file that
// parses and type-checks against the real types of prom-client, express and @opentelemetry/api
// (the TypeScript compiler, one program over every fixed file written under the temp directory).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ts from 'typescript';
import { applyEdits } from '../../../server/src/analysis';
import { analyseCase, metricCases } from './helpers';

const REPO = path.resolve(__dirname, '..', '..', '..');

describe('metric rules: quick-fixes type-check', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-lens-metric-fixes-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('each fix applied alone leaves code the compiler accepts', () => {
    const fixed: Array<{ file: string; title: string; from: string }> = [];
    const byRule = new Map<string, number>();
    for (const c of metricCases()) {
      const a = analyseCase(c, ['metric-naming', 'invalid-metric-definition', 'high-cardinality-label']);
      for (const finding of a.findings) {
        for (const fix of finding.fixes) {
          const n = fixed.length;
          // One folder per file: each is its own module, whatever its syntax.
          const file = path.join(dir, String(n), path.basename(c.file));
          fs.mkdirSync(path.dirname(file));
          fs.writeFileSync(file, applyEdits(c.text, fix.edits));
          fixed.push({ file, title: fix.title, from: `${c.name}:${finding.line + 1} [${finding.rule}]` });
          byRule.set(finding.rule, (byRule.get(finding.rule) ?? 0) + 1);
        }
      }
    }
    for (const rule of ['metric-naming', 'invalid-metric-definition', 'high-cardinality-label']) assert.ok((byRule.get(rule) ?? 0) >= 3, `${rule} offers fixes on its fixtures`);

    const program = ts.createProgram(
      fixed.map((f) => f.file),
      {
        strict: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.CommonJS,
        moduleResolution: ts.ModuleResolutionKind.Node10,
        esModuleInterop: true,
        skipLibCheck: true,
        noEmit: true,
        allowJs: true,
        checkJs: true,
        lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
        types: ['node'],
        typeRoots: [path.join(REPO, 'node_modules', '@types')],
        // The fixed files sit in the temp directory: packages resolve from the repository's node_modules.
        baseUrl: dir,
        paths: { '*': [path.join(REPO, 'node_modules', '*'), path.join(REPO, 'node_modules', '@types', '*')] },
        ignoreDeprecations: '6.0',
      },
    );
    const problems: string[] = [];
    for (const f of fixed) {
      const sf = program.getSourceFile(f.file);
      assert.ok(sf, `${f.file} is in the program`);
      const diagnostics = [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)];
      for (const d of diagnostics) {
        const line = d.start !== undefined ? sf.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
        problems.push(`${f.from} "${f.title}": line ${line}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
      }
    }
    assert.deepEqual(problems, [], 'fixed files type-check');
  });
});
