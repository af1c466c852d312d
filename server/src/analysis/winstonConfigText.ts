import ts from './typescriptModule';
import { unwrap } from './scopes';
import { parseConfig } from './roles/configText';

// What a project's own winston format does, read from its text (as pinoConfigText.ts reads pino's):
// the meta keys it serialises errors under, and whether it writes the meta at all.

/** Keys a winston format may serialise errors under; only those the file names in quotes count. */
const ERROR_KEYS = ['err', 'error', 'cause', 'exception'];
/** A format rewriting a record's field through a function: `info[key] = errorToObject(info[key])`. */
const FIELD_REWRITE = /\binfo\[\s*([\w$]+|'[\w$]+'|"[\w$]+")\s*\]\s*=\s*[\w$.]+\(\s*info\[/;

/**
 * The meta keys a project's own winston format serialises errors under (Nango's: `for (const key of
 * ['err', 'error', 'cause']) info[key] = errorToObject(info[key])`): a format that rewrites a record's
 * field through a function, in a file that tests for errors, and the error keys it names in quotes.
 */
export function winstonErrorKeysIn(text: string): string[] {
  if (!text.includes('instanceof Error') || !FIELD_REWRITE.test(text)) return [];
  return ERROR_KEYS.filter((k) => text.includes(`'${k}'`) || text.includes(`"${k}"`));
}

/** `format.splat()`, `winston.format.splat()`, `splat()` destructured from winston's format. */
const SPLAT_FORMAT = /\bsplat\(\s*\)/;
/** The arguments after a record's message, as winston keeps them: `info[Symbol.for('splat')]`. */
const SPLAT_SYMBOL = /Symbol\s*\.\s*for\(\s*['"]splat['"]\s*\)/;
/**
 * util.format of the record's message and the spread arguments: `utilFormat(info.message, ...splat)`,
 * `util.format(...)`, `format(...)` (sprintf-js's `sprintf` appends nothing: not this).
 */
const FORMATS_MESSAGE_WITH_ARGUMENTS = /(?:\butil\s*\.\s*format|\b[\w$]{0,40}[fF]ormat)\s*\(\s*[\w$]{1,40}\.message\s*,\s*\.\.\./;
/** node's util module imported or required: `from "node:util"`, `require('util')`. */
const UTIL_MODULE = /['"](?:node:)?util['"]/;

/**
 * Whether a file's winston formats fill a message's printf placeholders from the further arguments:
 * `format.splat()`, or a format of its own doing it with util.format (Homepage's `combineMessageAndSplat`:
 * `info.message = utilFormat(info.message, ...(info[Symbol.for("splat")] || []))`).
 */
export function winstonFillsPlaceholdersIn(text: string): boolean {
  return (text.includes('splat(') && SPLAT_FORMAT.test(text)) || winstonAppendsArgumentsIn(text);
}

/**
 * Whether a file's winston format runs util.format over the message and every further argument
 * (see winstonFillsPlaceholdersIn): unlike `format.splat()`, which keeps the objects no placeholder
 * takes as meta and drops the rest, util.format appends them all to the message's text.
 */
export function winstonAppendsArgumentsIn(text: string): boolean {
  if (!text.includes('splat') || !SPLAT_SYMBOL.test(text) || !UTIL_MODULE.test(text)) return false;
  // Code only: a comment recalling the format a file used to have is no format.
  const code = codeLines(text);
  return SPLAT_SYMBOL.test(code) && FORMATS_MESSAGE_WITH_ARGUMENTS.test(code) && UTIL_MODULE.test(code);
}

/** The text without its comment lines (`//`, `/*`, ` * `) and without comments ending a line: a cheap cut, read only where a format is likely. */
function codeLines(text: string): string {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const t = line.trimStart();
    if (t.startsWith('//') || t.startsWith('/*') || t.startsWith('*')) continue;
    const comment = line.indexOf(' // ');
    out.push(comment >= 0 ? line.slice(0, comment) : line);
  }
  return out.join('\n');
}

/** In a printf callback, what prints more than named keys: the record or its rest as a whole. */
const PRINTS_REST = /JSON\.stringify|Object\s*\.\s*(?:keys|entries|values|assign)|inspect\s*\(|util\s*\.\s*format|metadata|SPLAT|Symbol\s*\.\s*for\s*\(/;
/** `({ level, message, ...rest })`: the rest, printed only where its name is used again. */
const REST_PARAMETER = /\.\.\.\s*([A-Za-z_$][\w$]*)/g;
const PRINTF = /\bprintf\s*\(/g;
/** Text of a printf callback looked at (a longer one is taken to drop the fields: see fieldDroppingPrintfs). */
const MAX_PRINTF = 4000;

/**
 * Whether a file's winston formats include a printf that names a record's keys one by one
 * (`${info.timestamp} ${info.level}: ${info.message}`: Karakeep's, codimd's, maxun's, Wiki.js's
 * default): an output written with it drops every field of the meta object. A JSON format elsewhere
 * (another transport, another setting) does not bring them back to that output.
 */
export function winstonDropsFieldsIn(text: string): { fields: boolean; stacks: boolean } {
  const printfs = fieldDroppingPrintfs(text);
  // Whether such a printf also leaves out the stack (`info.stack`): an error logged through it shows its message only (maxun's, Karakeep's).
  return { fields: printfs.length > 0, stacks: printfs.some((callback) => !/\bstack\b/.test(callback)) };
}

/**
 * Whether a file's winston printf writes an error's stack in place of the message when the record has
 * one (Homepage's `if (logInfo.stack) return \`... ${logInfo.stack}\`; return \`... ${logInfo.message}\``,
 * `info.stack ? ... : ...`, `info.stack || info.message`): an error moved out of the message text into
 * the record then leaves the message unwritten. Read from the file's tree (files naming winston, printf
 * and a stack only); a printf given a name is read as every function the file declares under it.
 */
export function winstonStackReplacesMessageIn(text: string): boolean {
  if (!text.includes('winston') || !text.includes('printf') || !text.includes('stack')) return false;
  const printfs = printfsIn(text);
  if (!printfs) return false;
  const { printfArguments, functions } = printfs;
  return printfArguments.some((arg) => {
    const u = unwrap(arg);
    const callbacks = ts.isIdentifier(u) ? (functions.get(u.text) ?? []) : [u];
    return callbacks.some(printsStackInPlaceOfMessage);
  });
}

interface Printfs {
  readonly sf: ts.SourceFile;
  readonly printfArguments: ts.Expression[];
  readonly functions: Map<string, ts.Node[]>;
}

/**
 * A format file's tree and its printf calls, parsed once for both questions noteFile asks of the same
 * text (the fields a printf drops, whether it prints the stack for the message): the last file's kept.
 * Null when it does not parse.
 */
let lastPrintfs: { text: string; printfs: Printfs | null } | null = null;
function printfsIn(text: string): Printfs | null {
  if (lastPrintfs?.text !== text) {
    const sf = parseConfig('format.ts', text);
    lastPrintfs = { text, printfs: sf ? printfsOf(sf) : null };
  }
  return lastPrintfs.printfs;
}

/** Every printf call's first argument in a file, and the functions it declares by name (a name declared twice: both). */
function printfsOf(sf: ts.SourceFile): Printfs {
  const printfArguments: ts.Expression[] = [];
  const functions = new Map<string, ts.Node[]>();
  const declare = (name: string, fn: ts.Node) => functions.set(name, [...(functions.get(name) ?? []), fn]);
  const stack: ts.Node[] = [sf];
  while (stack.length) {
    const n = stack.pop()!;
    if (ts.isCallExpression(n) && n.arguments[0]) {
      const c = n.expression;
      const name = ts.isIdentifier(c) ? c.text : ts.isPropertyAccessExpression(c) ? c.name.text : '';
      if (name === 'printf') printfArguments.push(n.arguments[0]);
    }
    if (ts.isFunctionDeclaration(n) && n.name) declare(n.name.text, n);
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer) {
      const init = unwrap(n.initializer);
      if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) declare(n.name.text, init);
    }
    ts.forEachChild(n, (c) => {
      stack.push(c);
    });
  }
  return { sf, printfArguments, functions };
}

/** Whether a printf callback prints the stack where it would print the message: a branch on the stack that prints it and not the message. */
function printsStackInPlaceOfMessage(fn: ts.Node): boolean {
  const stack: ts.Node[] = [fn];
  while (stack.length) {
    const n = stack.pop()!;
    // `if (info.stack) return \`${info.stack}\`;` (a return only: `if (stack) line += stack` adds it after the message).
    if (ts.isIfStatement(n) && namesStack(n.expression) && returnsStackAlone(n.thenStatement)) return true;
    // `info.stack ? \`${info.stack}\` : \`${info.message}\``.
    if (ts.isConditionalExpression(n) && namesStack(n.condition) && mentions(n.whenTrue, 'stack') && !mentions(n.whenTrue, 'message') && mentions(n.whenFalse, 'message')) return true;
    // `info.stack || info.message`.
    if (ts.isBinaryExpression(n) && (n.operatorToken.kind === ts.SyntaxKind.BarBarToken || n.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken) && namesStack(n.left) && mentions(n.right, 'message')) return true;
    ts.forEachChild(n, (c) => {
      stack.push(c);
    });
  }
  return false;
}

/** `info.stack`, `stack`: the condition is the stack itself (not `!info.stack`). */
function namesStack(e: ts.Expression): boolean {
  const u = unwrap(e);
  return (ts.isIdentifier(u) && u.text === 'stack') || (ts.isPropertyAccessExpression(u) && u.name.text === 'stack');
}

/** A branch returning text with the stack and without the message. */
function returnsStackAlone(branch: ts.Statement): boolean {
  const returns: ts.ReturnStatement[] = [];
  const stack: ts.Node[] = [branch];
  while (stack.length) {
    const n = stack.pop()!;
    if (ts.isReturnStatement(n)) returns.push(n);
    else if (!ts.isFunctionLike(n)) ts.forEachChild(n, (c) => {
      stack.push(c);
    });
  }
  return returns.length > 0 && returns.every((r) => !!r.expression && mentions(r.expression, 'stack') && !mentions(r.expression, 'message'));
}

/** Whether a name (an identifier or a member's name) appears in a subtree. */
function mentions(node: ts.Node, name: string): boolean {
  const stack: ts.Node[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (ts.isIdentifier(n) && n.text === name) return true;
    ts.forEachChild(n, (c) => {
      stack.push(c);
    });
  }
  return false;
}

/** The printf callbacks of a winston format file that name keys one by one (see winstonDropsFieldsIn). */
function fieldDroppingPrintfs(text: string): string[] {
  if (!text.includes('winston') || !text.includes('printf')) return [];
  return printfCallbacks(text).filter((callback) => !PRINTS_REST.test(callback) && !printsRest(callback));
}

/**
 * The text of each printf callback of a file: the argument written there, or, when it is a name
 * (Homepage's `printf(messageFormatter)`), the functions the file declares under it (read from its tree,
 * parsed once, only then). A callback too long to read is '' (taken to drop the fields: what decides a
 * safe fix must not guess the other way).
 */
function printfCallbacks(text: string): string[] {
  const out: string[] = [];
  let printfs: Printfs | null | undefined;
  const texts = new Map<ts.Node, string>();
  let after = 0;
  for (const m of text.matchAll(PRINTF)) {
    // Each scan starts past the callback before it: text of many `printf(` is read once.
    if (m.index < after) continue;
    const start = m.index + m[0].length;
    const read = argumentText(text, start);
    after = start + (read === null ? MAX_PRINTF : read.length);
    const name = read !== null ? /^\s*([A-Za-z_$][\w$]*)\s*$/.exec(read)?.[1] : undefined;
    if (name) {
      if (printfs === undefined) printfs = printfsIn(text);
      const declared = printfs?.functions.get(name);
      if (printfs && declared) {
        for (const fn of declared) {
          // Each function's text once, however many printf calls name it.
          let known = texts.get(fn);
          if (known === undefined) texts.set(fn, (known = fn.getText(printfs.sf).slice(0, MAX_PRINTF)));
          out.push(known);
        }
        continue;
      }
    }
    out.push(read ?? '');
  }
  return out;
}

/** Whether a rest parameter or spread of the record (`...rest`, `...info`) is used beyond being made. */
function printsRest(callback: string): boolean {
  for (const m of callback.matchAll(REST_PARAMETER)) {
    const uses = callback.match(new RegExp(`(?<![\\w$])${m[1].replace(/\$/g, '\\$')}(?![\\w$])`, 'g'));
    if ((uses?.length ?? 0) > 1) return true;
  }
  return false;
}

/** The text from `start` up to the parenthesis closing the one before it; null past MAX_PRINTF. */
function argumentText(text: string, start: number): string | null {
  let depth = 1;
  const end = Math.min(text.length, start + MAX_PRINTF);
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 40 /* ( */) depth++;
    else if (c === 41 /* ) */ && --depth === 0) return text.slice(start, i);
  }
  return null;
}
