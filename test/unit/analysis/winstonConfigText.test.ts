// What a project's own winston format does with a message's further arguments, read from the
// configuring file's text: format.splat() fills placeholders; a util.format of the project's own over
// the splat fills them and appends the rest; a comment recalling such a format, or sprintf, does neither.
import * as assert from 'node:assert/strict';
import { winstonAppendsArgumentsIn, winstonDropsFieldsIn, winstonFillsPlaceholdersIn, winstonStackReplacesMessageIn } from '../../../server/src/analysis/winstonConfigText';
import { createProjectModel, noteFile } from '../../../server/src/analysis';

const HOMEPAGE_FORMAT = `import { format as utilFormat } from "node:util";
import winston from "winston";
function combineMessageAndSplat() {
  return { transform: (info) => { info.message = utilFormat(info.message, ...(info[Symbol.for("splat")] || [])); return info; } };
}
`;

describe('winston format text', () => {
  it("format.splat() fills placeholders; Homepage's util.format over Symbol.for('splat') fills them and appends the rest", () => {
    assert.equal(winstonFillsPlaceholdersIn('winston.format.combine(winston.format.splat(), winston.format.json())'), true);
    assert.equal(winstonAppendsArgumentsIn('winston.format.combine(winston.format.splat(), winston.format.json())'), false);
    assert.equal(winstonFillsPlaceholdersIn(HOMEPAGE_FORMAT), true);
    assert.equal(winstonAppendsArgumentsIn(HOMEPAGE_FORMAT), true);
    const util = "const util = require('util');\nconst f = (info) => { info.message = util.format(info.message, ...info[Symbol.for('splat')]); return info; };\n";
    assert.equal(winstonAppendsArgumentsIn(util), true);
  });

  it('a comment recalling such a format, sprintf (which appends nothing), or util without the splat is no such format', () => {
    const comment = "import winston from 'winston';\nimport util from 'node:util';\n// winston keeps them in info[Symbol.for('splat')]; we used to run\n// utilFormat(info.message, ...splat) here\nexport const logger = winston.createLogger({ format: winston.format.json() });\n";
    assert.equal(winstonAppendsArgumentsIn(comment), false);
    assert.equal(winstonFillsPlaceholdersIn(comment), false);
    const sprintf = "const { sprintf } = require('sprintf-js');\nrequire('util');\nconst f = (info) => { info.message = sprintf(info.message, ...info[Symbol.for('splat')]); return info; };\n";
    assert.equal(winstonAppendsArgumentsIn(sprintf), false);
    assert.equal(winstonAppendsArgumentsIn("import { format } from 'node:util';\nconst f = (info) => format(info.message, ...rest);\n"), false);
  });

  it("the project's facts follow the format file as it is edited (the model's generation moves)", () => {
    const root = '/tmp/obs-lens-winston-format';
    const project = createProjectModel(root, { loggerModule: null, readFile: (f) => (f === `${root}/package.json` ? JSON.stringify({ name: 'x', dependencies: { winston: '^3' } }) : undefined) });
    const file = `${root}/src/logger.js`;
    noteFile(project, file, "import winston from 'winston';\nexport const logger = winston.createLogger({});\n");
    assert.equal(project.factsFor(file, null).winstonAppendsArguments, false);
    const before = project.generation;
    noteFile(project, file, HOMEPAGE_FORMAT);
    assert.notEqual(project.generation, before);
    assert.equal(project.factsFor(file, null).winstonAppendsArguments, true);
    assert.equal(project.factsFor(file, null).winstonFillsPlaceholders, true);
  });
});

describe('winston printf callbacks', () => {
  const homepage = `const winston = require('winston');
function messageFormatter(logInfo) {
  if (logInfo.stack) {
    return \`[\${logInfo.timestamp}] \${logInfo.level}: \${logInfo.stack}\`;
  }
  return \`[\${logInfo.timestamp}] \${logInfo.level}: \${logInfo.message}\`;
}
const format = winston.format.printf(messageFormatter);
`;

  it("a printf given a function's name is read as that function (Homepage's messageFormatter): it writes stacks, in place of the message, and names its keys", () => {
    assert.equal(winstonStackReplacesMessageIn(homepage), true);
    assert.deepEqual(winstonDropsFieldsIn(homepage), { fields: true, stacks: false });
  });

  it('a printf writing the stack after the message, or a name declared nowhere in the file, replaces no message', () => {
    assert.equal(winstonStackReplacesMessageIn("const winston = require('winston');\nwinston.format.printf((i) => `${i.level}: ${i.message} ${i.stack ?? ''}`);\n"), false);
    assert.equal(winstonStackReplacesMessageIn("const winston = require('winston');\nconst { fmt } = require('./fmt');\nwinston.format.printf(fmt); // stack\n"), false);
  });
});

describe('winston printf callbacks read from the tree', () => {
  const withFormat = (callback: string) => `const winston = require('winston');\n${callback}\nwinston.format.combine(winston.format.errors({ stack: true }), winston.format.printf(fmt));\n`;

  it('a named arrow or function whose branch on the stack prints it without the message, whatever its template or parameters hold', () => {
    assert.equal(winstonStackReplacesMessageIn(withFormat('const fmt = (info) => (info.stack ? `${info.level}: ${info.stack}` : `${info.level}: ${info.message}`);')), true);
    assert.equal(winstonStackReplacesMessageIn(withFormat('const fmt = ({ level, message, stack, timestamp }) => stack ? `${timestamp} ${level}: ${stack}` : `${timestamp} ${level}: ${message}`;')), true);
    assert.equal(winstonStackReplacesMessageIn(withFormat('function fmt({ level, message, stack }) {\n  if (stack) return `${level}: ${stack}`;\n  return `${level}: ${message}`;\n}')), true);
    assert.equal(winstonStackReplacesMessageIn(withFormat('const fmt = (info) => `${info.level}: ${info.stack || info.message}`;')), true);
  });

  it('a stack added after the message, or a function only a comment names, replaces nothing', () => {
    assert.equal(winstonStackReplacesMessageIn(withFormat('const fmt = ({ level, message, stack, ...meta }) => {\n  let line = `${level}: ${message} ${JSON.stringify(meta)}`;\n  if (stack) line += `\\n${stack}`;\n  return line;\n};')), false);
    assert.equal(winstonStackReplacesMessageIn(withFormat('// Old: function fmt(info) { if (info.stack) return info.stack; return info.message; }\nconst fmt = (info) => `${info.level}: ${info.message}`;')), false);
    // A function of another name that would replace the message is not the one printf is given.
    assert.equal(winstonStackReplacesMessageIn(withFormat('const errLine = (info) => info.stack || info.message;\nconst fmt = (info) => `${info.level}: ${info.message} ${info.stack ?? ""}`;')), false);
  });
});
