// The RuleTester-style fixture format. A case is a source file under
// server/src/analysis/rules/cases/<rule-id>/; its expected findings are marked on comment lines
// under the code line:
//     logger.info(`user ${id}`);
//     //          ~~~~~~~~~~~~ [unstructured-log-message] exact message
// An optional first line `// @case library=pino path=src/x.ts loggerModule=src/logger.ts type=module rules=a,b`
// describes the project the runner builds around it (plus the files under `_project/` and
// `<name>.project/`, e.g. a .prettierrc). The code analysed is the file without its marker lines;
// `<name>.fixed.<ext>` is the expected text after fix-all,
// `<name>.fixes.md` every fix of every finding with the lines it leaves (fixExpectations.ts).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const CASES_DIR = path.resolve(__dirname, '..', '..', 'server', 'src', 'analysis', 'rules', 'cases');
const CASE_EXTENSIONS = /\.(ts|tsx|js|jsx|mjs|cjs|mts|cts)$/;

export interface ExpectedFinding {
  rule: string;
  message: string;
  /** 0-based. */
  line: number;
  column: number;
  /** End column on the start line; for multi-line findings, the end of that line. */
  endColumn: number;
}

export interface CaseDirectives {
  library: string;
  path?: string;
  loggerModule?: string;
  type?: string;
  rules?: string[];
}

export interface FixtureCase {
  name: string;
  folder: string;
  file: string;
  /** The case's code: the file without its marker lines. */
  text: string;
  directives: CaseDirectives;
  expected: ExpectedFinding[];
  fixedFile: string | null;
  /** `<name>.fixes.md`: every fix of every finding with its output (see fixExpectations.ts); may not exist yet. */
  fixesFile: string;
}

const MARKER = /^(\s*)\/\/(\s*)(~+)\s+\[([\w-]+)\]\s+(.*?)\s*$/;

export function parseDirectives(text: string): CaseDirectives {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0];
  const out: CaseDirectives = { library: 'pino' };
  const m = /^\s*\/\/\s*@case\b(.*)$/.exec(first);
  if (!m) return out;
  for (const pair of m[1].trim().split(/\s+/)) {
    const [k, v] = pair.split('=');
    if (!k || v === undefined) continue;
    if (k === 'rules') out.rules = v.split(',');
    else (out as unknown as Record<string, string>)[k] = v;
  }
  return out;
}

/**
 * Reads the markers: each marks the nearest preceding line that is not a marker. Marker lines are
 * annotations, not code: the case is analysed without them (`code`), so `line` counts code lines
 * only, and a marker under the first line of a multi-line call is not a comment inside the call.
 */
export function parseMarkers(text: string): { code: string; expected: ExpectedFinding[] } {
  const lines = text.split('\n');
  const expected: ExpectedFinding[] = [];
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = MARKER.exec(lines[i].replace(/\r$/, ''));
    if (!m) {
      kept.push(lines[i]);
      continue;
    }
    if (kept.length === 0) throw new Error(`marker on line ${i + 1} has no code line above it`);
    const column = lines[i].indexOf('~');
    const width = m[3].length;
    expected.push({ rule: m[4], message: m[5], line: kept.length - 1, column, endColumn: column + width });
  }
  return { code: kept.join('\n'), expected };
}

export function loadCases(): FixtureCase[] {
  if (!fs.existsSync(CASES_DIR)) return [];
  const cases: FixtureCase[] = [];
  for (const folder of fs.readdirSync(CASES_DIR).sort()) {
    const dir = path.join(CASES_DIR, folder);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const name of fs.readdirSync(dir).sort()) {
      if (!CASE_EXTENSIONS.test(name) || /\.fixed\.[^.]+$/.test(name)) continue;
      const file = path.join(dir, name);
      const source = fs.readFileSync(file, 'utf8');
      const { code: text, expected } = parseMarkers(source);
      const fixed = file.replace(CASE_EXTENSIONS, '.fixed.$1');
      cases.push({
        name: `${folder}/${name}`,
        folder,
        file,
        text,
        directives: parseDirectives(text),
        expected,
        fixedFile: fs.existsSync(fixed) ? fixed : null,
        fixesFile: file.replace(CASE_EXTENSIONS, '.fixes.md'),
      });
    }
  }
  return cases;
}

const LOGGER_SOURCES: Record<string, { esm: string; cjs: string }> = {
  pino: { esm: `import pino from 'pino';\nexport const logger = pino();\n`, cjs: `const pino = require('pino');\nconst logger = pino();\nmodule.exports = { logger };\n` },
  winston: {
    esm: `import winston from 'winston';\nexport const logger = winston.createLogger({ transports: [new winston.transports.Console()] });\n`,
    cjs: `const winston = require('winston');\nconst logger = winston.createLogger({ transports: [new winston.transports.Console()] });\nmodule.exports = { logger };\n`,
  },
  bunyan: { esm: `import bunyan from 'bunyan';\nexport const logger = bunyan.createLogger({ name: 'app' });\n`, cjs: `const bunyan = require('bunyan');\nconst logger = bunyan.createLogger({ name: 'app' });\nmodule.exports = { logger };\n` },
  log4js: { esm: `import log4js from 'log4js';\nexport const logger = log4js.getLogger();\n`, cjs: `const log4js = require('log4js');\nconst logger = log4js.getLogger();\nmodule.exports = { logger };\n` },
};

export interface CaseProject {
  root: string;
  /** Absolute path of the case file inside the project. */
  casePath: string;
  /** Every file written, with its text, for noteFile. */
  files: Array<{ path: string; text: string }>;
}

/** Writes a real temporary project around the case: package.json, the logger module, the case file. */
export function writeCaseProject(c: FixtureCase): CaseProject {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-lens-case-'));
  const d = c.directives;
  const deps: Record<string, string> = { [d.library === 'nestjs' ? '@nestjs/common' : d.library]: '*', express: '*' };
  const pkg: Record<string, unknown> = { name: 'case', version: '1.0.0', dependencies: deps };
  if (d.type === 'module') pkg.type = 'module';
  const files: Array<{ path: string; text: string }> = [];
  const write = (rel: string, text: string) => {
    const abs = path.join(root, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, text);
    files.push({ path: abs, text });
  };
  write('package.json', JSON.stringify(pkg, null, 2));
  // Files every case of the folder shares (`_project/`), then the case's own (`<name>.project/`).
  for (const projectDir of [path.join(path.dirname(c.file), '_project'), c.file.replace(CASE_EXTENSIONS, '.project')]) {
    if (!fs.existsSync(projectDir)) continue;
    for (const rel of listFiles(projectDir)) write(rel, fs.readFileSync(path.join(projectDir, rel), 'utf8'));
  }
  if (d.loggerModule && !files.some((f) => f.path === path.join(root, d.loggerModule!))) {
    const cjs = /\.cjs$/.test(d.loggerModule) || (/\.js$/.test(d.loggerModule) && d.type !== 'module');
    const source = LOGGER_SOURCES[d.library] ?? LOGGER_SOURCES.pino;
    write(d.loggerModule, cjs ? source.cjs : source.esm);
  }
  const rel = d.path ?? path.join('src', 'service', path.basename(c.file));
  write(rel, c.text);
  return { root, casePath: path.join(root, rel), files: files.filter((f) => !f.path.endsWith('package.json')) };
}

function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const rel = path.join(prefix, e.name);
    if (e.isDirectory()) out.push(...listFiles(path.join(dir, e.name), rel));
    else out.push(rel);
  }
  return out;
}
