// Every quick-fix the metric rules offer on their fixtures, applied on its own, leaves a file that
// parses and type-checks against the real types of prom-client, express and @opentelemetry/api
// (the TypeScript compiler, one program over every fixed file written under the temp directory).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { typeProblems } from '../../support/typecheckFixed';
import { applyEdits } from '../../../server/src/analysis';
import { analyseCase, metricCases } from './helpers';


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

    const problems = typeProblems(fixed.map((f) => ({ file: f.file, from: `${f.from} "${f.title}"` })), dir, { allowJs: true, checkJs: true });
    assert.deepEqual(problems, [], 'fixed files type-check');
  });
});
