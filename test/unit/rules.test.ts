// Runs every fixture case of every rule (server/src/analysis/rules/cases/<rule-id>/), like ESLint's
// RuleTester: exact findings (rule, message, position), the fix-all output, and that every single
// fix (safe or not, suppressions included) leaves code that parses.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { isRuleId, RULE_IDS } from '../../shared/src/rules';
import { analyzeFile, applyEdits, applySafeFixes, createProjectModel, noteFile, RULES, suppressionFixesOf } from '../../server/src/analysis';
import { parseErrorCount, parseSource } from '../../server/src/analysis/parse';
import type { RuleSeverities } from '../../server/src/analysis/types';
import { type ExpectedFinding, loadCases, writeCaseProject } from '../support/fixtures';

function describeFinding(f: ExpectedFinding): string {
  return `${f.line + 1}:${f.column}-${f.endColumn} [${f.rule}] ${f.message}`;
}

describe('rule fixtures', () => {
  const cases = loadCases();
  const registered = new Set(RULES.map((r) => r.meta.id));

  it('every rule id has a registered rule with documentation and cases', function () {
    const missing = RULE_IDS.filter((id) => !registered.has(id));
    if (missing.length) assert.fail(`rules not registered: ${missing.join(', ')}`);
    for (const id of RULE_IDS) {
      assert.ok(fs.existsSync(`server/src/analysis/rules/${id}.md`), `${id}.md documents the rule`);
      assert.ok(cases.some((c) => c.folder === id), `${id} has fixture cases`);
    }
  });

  for (const c of cases) {
    const ruleIds = c.directives.rules ?? [c.folder];
    it(c.name, () => {
      for (const id of ruleIds) assert.ok(isRuleId(id), `${id} is a rule id`);
      const project = writeCaseProject(c);
      try {
        const model = createProjectModel(project.root, { loggerModule: null });
        for (const f of project.files) noteFile(model, f.path, f.text);
        const severities: RuleSeverities = {};
        for (const id of ruleIds) if (isRuleId(id)) severities[id] = 'warning';
        const options = { severities };
        const result = analyzeFile(project.casePath, c.text, model, options);
        assert.equal(result.skipped, undefined, `not skipped: ${result.skipped}`);

        const lines = c.text.split(/\r?\n/);
        const actual: ExpectedFinding[] = result.findings.map((f) => ({
          rule: f.rule,
          message: f.message,
          line: f.line,
          column: f.column,
          endColumn: f.endLine === f.line ? f.endColumn : lines[f.line].length,
        }));
        assert.deepEqual(actual.map(describeFinding), c.expected.map(describeFinding), 'findings (line:start-end [rule] message)');

        // Every fix on its own must leave code that parses as well as the case did.
        const baseErrors = parseErrorCount(parseSource(project.casePath, c.text));
        const suppressionFixes = suppressionFixesOf(project.casePath, c.text);
        for (const finding of result.findings) {
          for (const fix of [...finding.fixes, ...suppressionFixes(finding)]) {
            const fixed = applyEdits(c.text, fix.edits);
            assert.ok(
              parseErrorCount(parseSource(project.casePath, fixed)) <= baseErrors,
              `fix "${fix.title}" for ${describeFinding(actual[result.findings.indexOf(finding)])} leaves code that does not parse:\n${fixed}`,
            );
          }
        }

        const { text: fixedText } = applySafeFixes(project.casePath, c.text, model, options);
        if (c.fixedFile) assert.equal(fixedText, fs.readFileSync(c.fixedFile, 'utf8'), `fix-all output equals ${c.fixedFile}`);
        else assert.equal(fixedText, c.text, 'no safe fix changes this case (add a .fixed file if one should)');
      } finally {
        fs.rmSync(project.root, { recursive: true, force: true });
      }
    });
  }
});
