// Edits and suppressions: applyEdits, the two suppression fixes every finding carries (and that
// applying them really silences the finding), obs-lens-disable comments, severities from settings.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { analyzeFile, applyEdits, applyFixChecked, editsOtherFiles, FixChecker, fixedFilesChecked, resolveSeverities, RULES, suppressionFixesOf } from '../../../server/src/analysis';
import type { FileAnalysis, Fix } from '../../../server/src/analysis/types';
import { tempProject, type TempProject } from './helpers';

const PKG = JSON.stringify({ dependencies: { pino: '^9' } });
const LOGGER = `import pino from 'pino';\nexport const logger = pino();\n`;
const ONLY_CONSOLE = { severities: { 'console-logging': 'warning' as const } };

function analyzeConsole(p: TempProject, rel: string, text: string): FileAnalysis {
  return analyzeFile(path.join(p.root, rel), text, p.model, ONLY_CONSOLE);
}

/** The suppression fix for the first finding, as the quick-fix menu gets it. */
function suppressFix(a: FileAnalysis, text: string, which: 'line' | 'file'): Fix | undefined {
  const finding = a.findings[0];
  if (!finding) return undefined;
  return suppressionFixesOf(a.path, text)(finding).find((f) => f.kind === 'suppress' && f.title.endsWith(which === 'line' ? 'for this line' : 'for the entire file'));
}

describe('applyEdits', () => {
  it('applies non-overlapping edits given in any order', () => {
    const text = 'const a = 1;\nconst b = 2;\n';
    const out = applyEdits(text, [
      { start: 23, end: 24, newText: 'two' },
      { start: 0, end: 0, newText: '// head\n' },
      { start: 10, end: 11, newText: 'one' },
    ]);
    assert.equal(out, '// head\nconst a = one;\nconst b = two;\n');
  });

  it('refuses overlapping edits instead of garbling the text', () => {
    assert.throws(() => applyEdits('abcdef', [{ start: 1, end: 4, newText: 'x' }, { start: 3, end: 5, newText: 'y' }]));
  });
});

describe('suppressions', () => {
  let p: TempProject;
  beforeEach(() => {
    p = tempProject({ 'package.json': PKG, 'src/logger.ts': LOGGER });
  });
  afterEach(() => p.cleanup());

  it('"disable for this line" keeps the indentation and CRLF line endings, and silences the finding', () => {
    const text = `export function run() {\r\n    console.log('started');\r\n}\r\n`;
    const before = analyzeConsole(p, 'src/run.ts', text);
    assert.equal(before.findings.length, 1);
    const fix = suppressFix(before, text, 'line');
    assert.ok(fix, 'a line suppression fix is offered');
    const after = applyEdits(text, fix.edits);
    assert.equal(after, `export function run() {\r\n    // obs-lens-disable-next-line console-logging\r\n    console.log('started');\r\n}\r\n`);
    assert.deepEqual(analyzeConsole(p, 'src/run.ts', after).findings, []);
  });

  it('"disable for the entire file" goes on top, after a shebang line, and silences the file', () => {
    const text = `// service entry\nconsole.warn('a');\nconsole.error('b');\n`;
    const before = analyzeConsole(p, 'src/entry.ts', text);
    assert.equal(before.findings.length, 2);
    const after = applyEdits(text, suppressFix(before, text, 'file')!.edits);
    assert.ok(after.startsWith('/* obs-lens-disable console-logging */\n// service entry\n'));
    assert.deepEqual(analyzeConsole(p, 'src/entry.ts', after).findings, []);

    // error-not-serialized applies to a logger in CLI files too; its file fix must keep the shebang first.
    const cli = `#!/usr/bin/env node\nimport { logger } from './logger';\ntry { run(); } catch (err) {\n  logger.error(String(err));\n}\n`;
    const severities = { 'error-not-serialized': 'warning' as const };
    const found = analyzeFile(path.join(p.root, 'src/cli.ts'), cli, p.model, { severities });
    assert.equal(found.findings.length, 1);
    const fixed = applyEdits(cli, suppressFix(found, cli, 'file')!.edits);
    assert.ok(fixed.startsWith('#!/usr/bin/env node\n/* obs-lens-disable error-not-serialized */\n'));
    assert.deepEqual(analyzeFile(path.join(p.root, 'src/cli.ts'), fixed, p.model, { severities }).findings, []);
  });

  it('adds a rule to a disable-next-line comment right above instead of stacking a second one', () => {
    const text = `export function run(id: string) {\n  // obs-lens-disable-next-line unstructured-log-message\n  console.log(\`run \${id}\`);\n}\n`;
    const a = analyzeConsole(p, 'src/run.ts', text);
    assert.equal(a.findings.length, 1);
    const after = applyEdits(text, suppressFix(a, text, 'line')!.edits);
    assert.ok(after.includes('// obs-lens-disable-next-line unstructured-log-message, console-logging\n  console.log'));
    assert.deepEqual(analyzeConsole(p, 'src/run.ts', after).findings, []);
  });

  it('inside JSX children the line comment is written in braces, so it is not rendered as text', () => {
    const text = `export function View() {\n  return (\n    <div>\n      {console.log('render')}\n    </div>\n  );\n}\n`;
    const a = analyzeConsole(p, 'src/view.tsx', text);
    assert.equal(a.findings.length, 1);
    const after = applyEdits(text, suppressFix(a, text, 'line')!.edits);
    assert.ok(after.includes(`      {/* obs-lens-disable-next-line console-logging */}\n      {console.log('render')}`), after);
    assert.deepEqual(analyzeConsole(p, 'src/view.tsx', after).findings, []);
  });

  it('offers no line comment where the line starts inside a multi-line template literal', () => {
    const text = 'export const page = `\n${console.log("inside")}\n`;\n';
    const a = analyzeConsole(p, 'src/page.ts', text);
    assert.equal(a.findings.length, 1);
    assert.equal(suppressFix(a, text, 'line'), undefined);
    assert.ok(suppressFix(a, text, 'file'));
  });

  it('honours rule lists, "all rules" and reasons, and a block next-line comment is not a file-wide disable', () => {
    const text = [
      `export function run() {`,
      `  // obs-lens-disable-next-line sensitive-log-data, console-logging -- startup banner`,
      `  console.log('one');`,
      `  // obs-lens-disable-next-line`,
      `  console.log('two');`,
      `  // obs-lens-disable-next-line sensitive-log-data`,
      `  console.log('three');`,
      `  /* obs-lens-disable-next-line console-logging */`,
      `  console.log('four');`,
      `  console.log('five');`,
      `}`,
    ].join('\n');
    const a = analyzeConsole(p, 'src/run.ts', text);
    assert.deepEqual(a.findings.map((f) => f.line + 1), [7, 10]);
  });
});

describe('resolveSeverities', () => {
  it('starts from each rule default, applies settings, and drops rules turned off', () => {
    const defaults = resolveSeverities({});
    for (const rule of RULES) assert.equal(defaults[rule.meta.id], rule.meta.defaultSeverity);
    const s = resolveSeverities({ 'console-logging': 'error', 'sensitive-log-data': 'off' });
    assert.equal(s['console-logging'], 'error');
    assert.equal('sensitive-log-data' in s, false);
    assert.equal(s['error-not-serialized'], defaults['error-not-serialized']);
  });
});

describe('fixes over several files', () => {
  const own = '/p/src/app.ts';
  const other = '/p/src/metrics.ts';
  const texts: Record<string, string> = { [other]: "export const a = 1;\n" };
  const read = (file: string) => texts[file];
  const fix = (edits: Fix['edits']): Fix => ({ title: 't', edits, safe: false, kind: 'fix' });
  const text = 'const x = 1;\n';

  it('gives every touched file before and after, the analysed file first, and creates a file by an insertion at 0', () => {
    const files = fixedFilesChecked(own, text, fix([
      { start: 0, end: 0, newText: 'export const b = 2;\n', file: other },
      { start: 0, end: 0, newText: "import { a } from './metrics';\n" },
      { start: 0, end: 0, newText: 'export const c = 3;\n', file: '/p/src/new.ts' },
    ]), read);
    assert.deepEqual(files, [
      { file: own, before: text, after: "import { a } from './metrics';\nconst x = 1;\n" },
      { file: other, before: 'export const a = 1;\n', after: 'export const b = 2;\nexport const a = 1;\n' },
      { file: '/p/src/new.ts', before: null, after: 'export const c = 3;\n' },
    ]);
    assert.equal(applyFixChecked(own, text, fix([{ start: 0, end: 0, newText: 'x;\n', file: other }]), undefined, read), text, 'the analysed file unchanged');
  });

  it('refuses a fix that breaks another file, edits a missing file other than by creating it, or cannot read it', () => {
    assert.equal(fixedFilesChecked(own, text, fix([{ start: 0, end: 0, newText: 'export const = ;', file: other }]), read), null, 'the other file no longer parses');
    assert.equal(fixedFilesChecked(own, text, fix([{ start: 0, end: 3, newText: 'x', file: '/p/src/missing.ts' }]), read), null, 'not a creation');
    assert.equal(new FixChecker(own, text).isValid(fix([{ start: 0, end: 0, newText: 'x;', file: other }])), false, 'without a reader, another file cannot be checked');
    assert.equal(new FixChecker(own, text, read).isValid(fix([{ start: 0, end: 0, newText: 'x;\n', file: other }])), true);
  });

  it('never applies a fix with an edit elsewhere in fix-all, and the engine never marks one safe', () => {
    assert.equal(editsOtherFiles([{ start: 0, end: 0, newText: '' }]), false);
    assert.equal(editsOtherFiles([{ start: 0, end: 0, newText: '', file: other }]), true);
  });
});
