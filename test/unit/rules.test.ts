// Runs every fixture case of every rule (server/src/analysis/rules/cases/<rule-id>/), like ESLint's
// RuleTester: exact findings (rule, message, position), the fix-all output, the exact output of
// every single fix (`<name>.fixes.md`; suppression fixes too in the suppressions/ cases), and that
// every fix, suppressions included, leaves code that parses.
// OBS_LENS_UPDATE_CASES=1 rewrites the .fixes.md and .fixed files from the engine instead of
// comparing: read every one it changes as a reviewer would before committing it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { isRuleId, RULE_IDS } from '../../shared/src/rules';
import * as path from 'node:path';
import { analyzeFile, applyEdits, applySafeFixes, createProjectModel, fixedFilesChecked, noteFile, RULES, runServicePhase, suppressionFixesOf } from '../../server/src/analysis';
import { parseErrorCount, parseSource } from '../../server/src/analysis/parse';
import { mergeFindings } from '../../server/src/analysis/services/mergeFindings';
import type { RuleSeverities } from '../../server/src/analysis/types';
import { renderFixes } from '../support/fixExpectations';
import { type ExpectedFinding, loadCases, writeCaseProject } from '../support/fixtures';

const UPDATE = process.env.OBS_LENS_UPDATE_CASES === '1';

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
        const fileResult = analyzeFile(project.casePath, c.text, model, options);
        assert.equal(fileResult.skipped, undefined, `not skipped: ${fileResult.skipped}`);
        assert.deepEqual(fileResult.ruleErrors ?? [], [], 'no rule threw');
        // Rules with a service phase also run on the case's project (its files, its package.json).
        const phase = RULES.some((r) => r.checkService && severities[r.meta.id]) ? runServicePhase(model, project.files.map((f) => f.path), { severitiesFor: () => severities }) : null;
        assert.deepEqual(phase?.ruleErrors ?? [], [], 'no service rule threw');
        const serviceFindings = phase?.findings.get(project.casePath) ?? [];
        const result = { ...fileResult, findings: mergeFindings(fileResult.findings, serviceFindings) };

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
        const readProjectFile = (file: string) => project.files.find((f) => f.path === file)?.text;
        const suppressionFixes = suppressionFixesOf(project.casePath, c.text);
        for (const finding of result.findings) {
          for (const fix of [...finding.fixes, ...suppressionFixes(finding)]) {
            // A fix may edit other files of the project (or create one): each must parse after it too.
            assert.ok(fixedFilesChecked(project.casePath, c.text, fix, readProjectFile, baseErrors), `fix "${fix.title}" for ${describeFinding(actual[result.findings.indexOf(finding)])} applies and leaves code that parses`);
            const fixed = applyEdits(c.text, fix.edits.filter((e) => !e.file));
            assert.ok(
              parseErrorCount(parseSource(project.casePath, fixed)) <= baseErrors,
              `fix "${fix.title}" for ${describeFinding(actual[result.findings.indexOf(finding)])} leaves code that does not parse:\n${fixed}`,
            );
          }
        }

        // The exact output of every fix, as a reviewer would read it.
        const listed = result.findings.map((f) => ({
          line: f.line,
          column: f.column,
          rule: f.rule,
          fixes: c.folder === 'suppressions' ? [...f.fixes, ...suppressionFixes(f)] : f.fixes,
        }));
        const rendered = renderFixes(c.name, c.text, listed, fenceFor(c.file), { own: project.casePath, read: readProjectFile, name: (file) => path.relative(project.root, file).split(path.sep).join('/') });
        const existing = fs.existsSync(c.fixesFile) ? fs.readFileSync(c.fixesFile, 'utf8') : null;
        if (UPDATE) {
          if (rendered) fs.writeFileSync(c.fixesFile, rendered);
          else if (existing !== null) fs.rmSync(c.fixesFile);
        } else if (rendered) {
          assert.ok(existing !== null, `${c.fixesFile} lists every fix of this case (OBS_LENS_UPDATE_CASES=1 writes it; then read it)`);
          assert.equal(rendered, existing, `the fixes equal ${c.fixesFile}`);
        } else assert.equal(existing, null, `no finding has a fix: ${c.fixesFile} should not exist`);

        const { text: fixedText } = applySafeFixes(project.casePath, c.text, model, options);
        const fixedFile = c.fixedFile ?? c.file.replace(/(\.[^.]+)$/, '.fixed$1');
        if (UPDATE) {
          if (fixedText !== c.text) fs.writeFileSync(fixedFile, fixedText);
          else if (c.fixedFile) fs.rmSync(c.fixedFile);
        } else if (c.fixedFile) assert.equal(fixedText, fs.readFileSync(c.fixedFile, 'utf8'), `fix-all output equals ${c.fixedFile}`);
        else assert.equal(fixedText, c.text, 'no safe fix changes this case (add a .fixed file if one should)');
      } finally {
        fs.rmSync(project.root, { recursive: true, force: true });
      }
    });
  }
});

/** The code fence language of a case file. */
function fenceFor(file: string): string {
  return /\.[cm]?tsx?$/.test(file) ? 'ts' : 'js';
}
