// Text from the workspace that a fix writes (a module path, an export name, a log message, a field
// name) stays data: it lands inside a string literal or is refused, and never becomes code of its own.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import ts from 'typescript';
import { applyEdits } from '../../../server/src/analysis';
import { isModuleSpecifier, moduleSpecifierProblem } from '../../../server/src/analysis/moduleSpecifier';
import { printPropertyKey } from '../../../server/src/analysis/printCode';
import { stringLiteral } from '../../../server/src/analysis/rules/util/literals';
import type { FileAnalysis } from '../../../server/src/analysis/types';
import { tempProject, type TempProject } from './helpers';

const PKG = JSON.stringify({ dependencies: { pino: '^9' } });
const APP_CJS = `function handle(id) {\n  console.log('handled', id);\n}\nmodule.exports = { handle };\n`;
const APP_ESM = `export function handle(id: string) {\n  console.log('handled', id);\n}\n`;

function parse(text: string, file = 'out.ts'): ts.SourceFile {
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
}

/** Every call in the file, by callee text: a payload that became code shows up as its own call. */
function calls(sf: ts.SourceFile): string[] {
  const out: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n)) out.push(n.expression.getText(sf));
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

/** The text after the console-logging fix of the file's first finding. */
function fixed(a: FileAnalysis, text: string): string {
  const fix = a.findings.find((f) => f.rule === 'console-logging')?.fixes.find((f) => f.kind === 'fix');
  assert.ok(fix, `a fix is offered: ${JSON.stringify(a.findings.map((f) => f.rule))}`);
  return applyEdits(text, fix.edits);
}

/** The module specifier and imported name of the statement the fix added on top. */
function addedImport(sf: ts.SourceFile): { specifier: string; imported: string; local: string } {
  const st = sf.statements[0];
  if (ts.isImportDeclaration(st)) {
    const el = (st.importClause!.namedBindings as ts.NamedImports).elements[0];
    return { specifier: (st.moduleSpecifier as ts.StringLiteral).text, imported: (el.propertyName ?? el.name).text, local: el.name.text };
  }
  assert.ok(ts.isVariableStatement(st), `an import or require on top, not: ${st.getText(sf)}`);
  const decl = st.declarationList.declarations[0];
  const el = (decl.name as ts.ObjectBindingPattern).elements[0];
  const call = decl.initializer as ts.CallExpression;
  const key = el.propertyName ?? el.name;
  return { specifier: (call.arguments[0] as ts.StringLiteral).text, imported: (key as ts.Identifier | ts.StringLiteral).text, local: (el.name as ts.Identifier).text };
}

describe('workspace text in fixes stays data', () => {
  let p: TempProject | undefined;
  afterEach(() => p?.cleanup());

  it('a logger module in a folder whose name holds quotes and code is imported by a string literal', () => {
    const folder = "a'); evil(); ('";
    p = tempProject({ 'package.json': PKG, [`src/${folder}/logger.js`]: `const pino = require('pino');\nconst log = pino();\nmodule.exports = { logger: log };\n`, 'src/app.js': APP_CJS });
    const out = parse(fixed(p.analyze('src/app.js'), APP_CJS), 'app.js');
    assert.equal((out as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics.length, 0, out.text);
    assert.deepEqual(addedImport(out), { specifier: `./${folder}/logger`, imported: 'logger', local: 'logger' });
    assert.ok(!calls(out).includes('evil'), out.text);
  });

  it('an export named by a string with quotes and code is imported under that name, bound as `logger`', () => {
    // Pasted into `const { NAME } = require(...)` this was a default value that runs: `{ a = evil() }`.
    const name = 'a = evil()';
    const logger = `const pino = require('pino');\nconst log = pino();\nmodule.exports = { ${JSON.stringify(name)}: log };\n`;
    p = tempProject({ 'package.json': PKG, 'src/logger.js': logger, 'src/app.js': APP_CJS });
    const out = parse(fixed(p.analyze('src/app.js'), APP_CJS), 'app.js');
    assert.deepEqual(addedImport(out), { specifier: './logger', imported: name, local: 'logger' });
    assert.deepEqual(calls(out).sort(), ['logger.info', 'require']);
  });

  it('an ES module export named by a string is imported with `as`', () => {
    const name = `a } from 'x'; evil(); import { b`;
    const logger = `import pino from 'pino';\nconst log = pino();\nexport { log as ${JSON.stringify(name)} };\n`;
    p = tempProject({ 'package.json': PKG, 'src/logger.ts': logger, 'src/app.ts': APP_ESM });
    const out = parse(fixed(p.analyze('src/app.ts'), APP_ESM));
    assert.deepEqual(addedImport(out), { specifier: './logger', imported: name, local: 'logger' });
    assert.deepEqual(calls(out), ['logger.info']);
  });

  it('a loggerModule that is not a module specifier is never imported, whoever hands it to the model', () => {
    const payload = "./logger'); require('child_process').exec('x'); ('";
    p = tempProject({ 'package.json': PKG, 'src/app.js': APP_CJS }, { loggerModule: payload });
    assert.equal(p.model.defaultLoggerModule, null);
    const text = JSON.stringify(p.analyze('src/app.js'));
    assert.ok(!text.includes('child_process'), text);
  });

  it('module specifiers: relative paths and package names pass; quotes, backslashes, whitespace and control characters do not', () => {
    for (const ok of ['./src/logger', '../lib/log.js', 'pino', '@acme/logger', '@acme/logger/sub', 'my.logger', 'JSONStream']) {
      assert.equal(moduleSpecifierProblem(ok), null, ok);
    }
    const bad: Array<[string, RegExp]> = [
      ["./logger'); require('child_process').exec('x'); ('", /quote/],
      ['./log"ger', /quote/],
      ['./log`ger', /quote/],
      ['.\\logger', /backslash/],
      ['./my logger', /whitespace/],
      ['./logger\n', /line break/],
      ['./log\u0000ger', /control character/],
      ['./log\u202eger', /control character/],
      ['/abs/logger', /absolute/],
      ['C:/logger', /absolute/],
      ['.logger', /starts with \.\/ or \.\.\//],
      ['@acme', /neither/],
      ['', /empty/],
      ['./' + 'a'.repeat(2000), /longer/],
    ];
    for (const [value, reason] of bad) assert.match(moduleSpecifierProblem(value) ?? 'accepted', reason, JSON.stringify(value));
  });

  it('any log message a fix writes parses back to exactly that message, in the file\'s quotes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom(`'`, `"`), (text, fileQuotes) => {
        const sf = parse(`x(${stringLiteral(text, { quote: fileQuotes })});`);
        const call = (sf.statements[0] as ts.ExpressionStatement).expression as ts.CallExpression;
        return sf.statements.length === 1 && call.arguments.length === 1 && ts.isStringLiteral(call.arguments[0]) && call.arguments[0].text === text;
      }),
      { numRuns: 2000 },
    );
  });

  it('any string used as a field name is one property key with that name', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }), (key) => {
        const sf = parse(`x({ ${printPropertyKey(key, 'single')}: 1 });`);
        const arg = ((sf.statements[0] as ts.ExpressionStatement).expression as ts.CallExpression).arguments[0] as ts.ObjectLiteralExpression;
        const name = arg.properties[0]?.name;
        return sf.statements.length === 1 && arg.properties.length === 1 && !!name && (ts.isIdentifier(name) || ts.isStringLiteral(name)) && name.text === key;
      }),
      { numRuns: 2000 },
    );
  });

  it('isModuleSpecifier refuses every string holding a quote', () => {
    fc.assert(fc.property(fc.string(), fc.constantFrom("'", '"', '`', '\\'), fc.string(), (a, q, b) => !isModuleSpecifier(`./${a}${q}${b}`)));
  });
});

