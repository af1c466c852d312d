// Every quick-fix the metric rules offer on their fixtures (the file phase's and the service
// phase's, such as a rename in every file that names the metric), applied on its own to a copy of
// the case's project, leaves files that parse and type-check against the real types of prom-client,
// express and @opentelemetry/api (the TypeScript compiler, one program over every fixed file
// written under the temp directory).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { typeProblems } from '../../support/typecheckFixed';
import { editsOtherFiles, fixedFilesChecked } from '../../../server/src/analysis';
import { analyseCase, metricCases } from './helpers';

const RULES = ['metric-naming', 'invalid-metric-definition', 'high-cardinality-label'] as const;

describe('metric rules: quick-fixes type-check', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-lens-metric-fixes-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('each fix applied alone leaves code the compiler accepts', () => {
    const fixed: Array<{ file: string; from: string }> = [];
    const byRule = new Map<string, number>();
    const titles = new Set<string>();
    let n = 0;
    let multiFile = 0;
    for (const c of metricCases()) {
      const a = analyseCase(c, [...RULES], true);
      const read = (p: string) => a.files.find((f) => f.path === p)?.text;
      for (const finding of a.findings) {
        for (const fix of finding.fixes) {
          const from = `${c.name}:${finding.line + 1} [${finding.rule}] "${fix.title}"`;
          const files = fixedFilesChecked(a.path, c.text, fix, read);
          assert.ok(files, `${from} applies and parses`);
          if (editsOtherFiles(fix.edits)) multiFile++;
          // One copy of the case's project per fix: each file its own module, the fixed ones rewritten.
          const copy = path.join(dir, String(n++));
          const inCopy = (p: string) => path.join(copy, path.relative(a.root, p));
          for (const f of a.files) {
            fs.mkdirSync(path.dirname(inCopy(f.path)), { recursive: true });
            fs.writeFileSync(inCopy(f.path), f.text);
          }
          for (const f of files) fs.writeFileSync(inCopy(f.file), f.after);
          fixed.push(...files.map((f) => ({ file: inCopy(f.file), from })));
          byRule.set(finding.rule, (byRule.get(finding.rule) ?? 0) + 1);
          titles.add(`${finding.rule}: ${fix.title.replace(/`[^`]*`/g, '`x`').replace(/\d+ files/, 'N files')}`);
        }
      }
    }
    for (const rule of RULES) assert.ok((byRule.get(rule) ?? 0) >= 3, `${rule} offers fixes on its fixtures`);
    // Every kind of fix the three rules write is among them.
    assert.deepEqual([...titles].sort(), [
      'high-cardinality-label: Label by the route template (req.baseUrl + req.route.path)',
      'invalid-metric-definition: Name the label `x`',
      'invalid-metric-definition: Name the metric `x`',
      'metric-naming: Rename the metric to `x` (changes the exported series)',
      'metric-naming: Rename the metric to `x` in the N files that name it (changes the exported series)',
    ]);
    assert.ok(multiFile >= 1, `fixes that edit another file of the project (${multiFile})`);

    const problems = typeProblems(fixed, dir, { allowJs: true, checkJs: true });
    assert.deepEqual(problems, [], 'fixed files type-check');
  });
});
