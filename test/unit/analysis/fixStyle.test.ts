// How fixes write code: the project's formatting options read from real configuration files (never
// run), the file's own quotes/semicolons/indentation, string literals escaped for the quote they
// use, and a configured logger module written into an import as a string, never as code.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { applyEdits } from '../../../server/src/analysis';
import { codeStyleOf } from '../../../server/src/analysis/codeStyle';
import { formatConfigFor } from '../../../server/src/analysis/formatConfig';
import { stringLiteral } from '../../../server/src/analysis/rules/util/literals';
import { tempProject } from './helpers';

const PINO_PKG = JSON.stringify({ dependencies: { pino: '^9' } });
const LOGGER = `import pino from 'pino';\nexport const logger = pino();\n`;

function configOf(files: Record<string, string>, rel = 'src/a.ts') {
  const p = tempProject({ 'package.json': PINO_PKG, ...files });
  try {
    return formatConfigFor(p.model, path.join(p.root, rel));
  } finally {
    p.cleanup();
  }
}

function styleOf(text: string, files: Record<string, string> = {}) {
  const p = tempProject({ 'package.json': PINO_PKG, ...files });
  try {
    const sf = ts.createSourceFile('a.ts', text, ts.ScriptTarget.Latest, true);
    return codeStyleOf(formatConfigFor(p.model, path.join(p.root, 'src/a.ts')), sf);
  } finally {
    p.cleanup();
  }
}

/** The value a printed string literal stands for, read back by the TypeScript parser. */
function literalValue(code: string): string {
  const sf = ts.createSourceFile('x.ts', `const x = ${code};`, ts.ScriptTarget.Latest, true);
  const decl = (sf.statements[0] as ts.VariableStatement).declarationList.declarations[0];
  assert.ok(decl.initializer && ts.isStringLiteral(decl.initializer), `${code} is one string literal`);
  assert.equal(sf.statements.length, 1);
  return decl.initializer.text;
}

describe('formatting options for fixes', () => {
  it('reads .prettierrc as JSON and as YAML, and .prettierrc.json', () => {
    assert.deepEqual(configOf({ '.prettierrc': '{ "printWidth": 100, "singleQuote": false, "trailingComma": "none" }' }), { printWidth: 100, singleQuote: false, trailingComma: 'none' });
    assert.deepEqual(configOf({ '.prettierrc': 'printWidth: 60\ntabWidth: 4\nsemi: false\n' }), { printWidth: 60, tabWidth: 4, semi: false });
    assert.deepEqual(configOf({ '.prettierrc.json': '{ "printWidth": 90, "useTabs": true }' }), { printWidth: 90, useTabs: true });
  });

  it("reads package.json's prettier key and the prettier dependency's major version", () => {
    const pkg = JSON.stringify({ dependencies: { pino: '^9' }, devDependencies: { prettier: '^2.8.8' }, prettier: { printWidth: 140, semi: false } });
    assert.deepEqual(configOf({ 'package.json': pkg }), { printWidth: 140, semi: false, prettierMajor: 2 });
  });

  it('reads prettier.config.js as text and never runs it', () => {
    const p = tempProject({ 'package.json': PINO_PKG, 'prettier.config.js': '' });
    try {
      const marker = path.join(p.root, 'ran');
      fs.writeFileSync(path.join(p.root, 'prettier.config.js'), `require('fs').writeFileSync(${JSON.stringify(marker)}, 'x');\nmodule.exports = { printWidth: 120, trailingComma: 'es5' };\n`);
      assert.deepEqual(formatConfigFor(p.model, path.join(p.root, 'src/a.ts')), { printWidth: 120, trailingComma: 'es5' });
      assert.equal(fs.existsSync(marker), false, 'the configuration was not executed');
    } finally {
      p.cleanup();
    }
  });

  it('takes the nearest configuration, as Prettier does, and the root one elsewhere', () => {
    const files = { '.prettierrc': '{ "printWidth": 100 }', 'packages/api/.prettierrc': '{ "printWidth": 120 }' };
    assert.deepEqual(configOf(files, 'packages/api/src/a.ts'), { printWidth: 120 });
    assert.deepEqual(configOf(files, 'packages/web/src/a.ts'), { printWidth: 100 });
  });

  it('reads .editorconfig sections that match the file, nearer files first, stopping at root = true; Prettier options win', () => {
    const editorconfig = 'root = true\n[*]\nindent_style = space\nindent_size = 4\n[*.md]\nmax_line_length = off\n[*.{js,ts}]\nmax_line_length = 110\n';
    assert.deepEqual(configOf({ '.editorconfig': editorconfig }), { printWidth: 110, useTabs: false, tabWidth: 4 });
    assert.deepEqual(configOf({ '.editorconfig': editorconfig }, 'src/a.md'), { useTabs: false, tabWidth: 4 });
    assert.deepEqual(configOf({ '.editorconfig': editorconfig, '.prettierrc': '{ "printWidth": 80 }' }), { printWidth: 80, useTabs: false, tabWidth: 4 });
    // A nested root = true hides the outer file.
    assert.deepEqual(configOf({ '.editorconfig': editorconfig, 'src/.editorconfig': 'root = true\n[*]\nindent_style = tab\n' }), { useTabs: true });
  });

  it('reads the configuration again once the project model learns a file changed', () => {
    const p = tempProject({ 'package.json': PINO_PKG, '.prettierrc': '{ "printWidth": 100 }' });
    try {
      const file = path.join(p.root, 'src/a.ts');
      assert.equal(formatConfigFor(p.model, file).printWidth, 100);
      fs.writeFileSync(path.join(p.root, '.prettierrc'), '{ "printWidth": 70 }');
      p.model.fileCreatedOrDeleted(path.join(p.root, '.prettierrc'));
      assert.equal(formatConfigFor(p.model, file).printWidth, 70);
    } finally {
      p.cleanup();
    }
  });
});

describe('code style of a file', () => {
  it('follows the file when the project says nothing: double quotes, no semicolons, four spaces', () => {
    const style = styleOf('import x from "x"\nconst a = "b"\nfunction f() {\n    return a\n}\n');
    assert.equal(style.quote, '"');
    assert.equal(style.semicolons, false);
    assert.equal(style.indent, '    ');
    assert.equal(style.printWidth, 80);
  });

  it('counts tabs, and lets the configuration override the file', () => {
    assert.equal(styleOf('function f() {\n\treturn 1;\n}\n').indent, '\t');
    const style = styleOf('const a = "b";\n', { '.prettierrc': '{ "singleQuote": true, "semi": false, "tabWidth": 3 }' });
    assert.deepEqual([style.quote, style.semicolons, style.indent], ["'", false, '   ']);
  });

  it('defaults trailingComma by the Prettier version: all for 3, es5 for 2', () => {
    const pkg = (v: string) => JSON.stringify({ dependencies: { pino: '^9' }, devDependencies: { prettier: v } });
    assert.equal(styleOf('const a = 1;\n', { 'package.json': pkg('^3.3.0') }).trailingComma, 'all');
    assert.equal(styleOf('const a = 1;\n', { 'package.json': pkg('2.8.8') }).trailingComma, 'es5');
  });
});

describe('string literals written by fixes', () => {
  const single = { quote: "'" as const };
  const double = { quote: '"' as const };

  it('round-trips any text through the parser, escaping what is invisible or reorders code', () => {
    const texts = ["it's", 'say "hi"', 'a\\b', 'line\nnext\r\n', '\x1b[92mgreen\x1b[0m', 'tab\there', 'nul\0', '\u2028\u2029', 'rtl \u202e evil \u2066', 'emoji 📝', "both ' and \""];
    for (const t of texts) {
      for (const style of [single, double]) {
        const code = stringLiteral(t, style);
        assert.equal(literalValue(code), t, `${JSON.stringify(t)} printed as ${code}`);
        assert.ok(!/[\x00-\x1f\u2028\u2029\u202a-\u202e\u2066-\u2069]/.test(code), `${code} holds no raw control character`);
      }
    }
  });

  it("uses the file's quote, or the other one when that needs fewer escapes", () => {
    assert.equal(stringLiteral('order placed', single), "'order placed'");
    assert.equal(stringLiteral('order placed', double), '"order placed"');
    assert.equal(stringLiteral("The 'baseURL' parameter", single), `"The 'baseURL' parameter"`);
    assert.equal(stringLiteral('say "hi"', double), `'say "hi"'`);
  });
});

describe('an import a fix adds', () => {
  it('never writes a logger module setting that is not a module specifier; the import follows the file style', () => {
    const setting = "@acme/log'); process.exit(1); ('";
    const p = tempProject({ 'package.json': PINO_PKG, 'src/lib/logger.ts': LOGGER }, { loggerModule: setting });
    try {
      const text = 'const a = "x"\n\nexport function f() {\n  console.log("started")\n}\n';
      fs.writeFileSync(path.join(p.root, 'src/a.ts'), text);
      const finding = p.analyze('src/a.ts', text).findings.find((f) => f.rule === 'console-logging');
      assert.ok(finding && finding.fixes[0], 'console-logging offers its fix');
      const fixed = applyEdits(text, finding.fixes[0].edits);
      const sf = ts.createSourceFile('a.ts', fixed, ts.ScriptTarget.Latest, true);
      const imports = sf.statements.filter(ts.isImportDeclaration);
      assert.equal(imports.length, 1);
      // The setting is refused (moduleSpecifier.ts): the project's own logger module is imported instead.
      assert.equal((imports[0].moduleSpecifier as ts.StringLiteral).text, './lib/logger');
      assert.ok(!fixed.includes('process.exit'), fixed);
      assert.equal(sf.statements.length, 3, 'no statement came out of the setting');
      assert.match(fixed, /^import \{ logger \} from "\.\/lib\/logger"$/m, 'double quotes and no semicolon, as the file writes');
    } finally {
      p.cleanup();
    }
  });
});
