// Modules a server's entry imports only to run them as a command instead of the server: each used
// only inside a branch that tests the command line for a word and exits, or whose `else` is the
// server's start (Umbrel's cli.ts, the daemon's start: `if (process.argv.includes('client')) { await
// cliClient(...); process.exit(0) }`).
// Read from the text, as the rest of the roles scan is; every pass over it is linear.

/** `if (process.argv.includes('client')) {`, `if (process.argv[2] === 'client') {`: the branch's condition, up to its opening brace. */
const ARGV_BRANCH = /\bif\s*\(\s*process\.argv(?:\.includes\(\s*(['"])[\w:-]{1,60}\1\s*\)|\[\s*[2-9]\s*\]\s*===?\s*(['"])[\w:-]{1,60}\2)\s*\)\s*\{/g;

/** A block whose last statement is `process.exit(...)` (no call nested around it: `.catch(() => process.exit(1))` is not one). */
const ENDS_BY_EXITING = /(?:^|[;{}\n])\s*process\.exit\s*\([^()]{0,40}\)\s*;?\s*$/;

/** A static import's bindings and module: `import x from 'm'`, `import { a, b as c } from 'm'`, `import * as ns from 'm'`. */
const STATIC_IMPORT = /^[ \t]*import\s+(?!type\b)([^'";]{1,500}?)\s+from\s+(['"])([^'"\n\\]{1,300})\2/gm;
const BINDING = /(?:^|[\s,{])(?:[\w$]+\s+as\s+)?([\w$]+)\s*(?=$|[,}])/g;

/** The modules the file's text imports only for command branches that exit (see the file's comment). */
export function argvCommandImports(text: string): string[] {
  if (!text.includes('process.argv')) return [];
  const branches: Array<[number, number]> = [];
  for (const m of text.matchAll(ARGV_BRANCH)) {
    // A mode that runs the service's other long-lived process (`node index.js worker`) is the service too.
    if (SERVICE_MODE.test(m[0])) continue;
    const open = m.index! + m[0].length - 1;
    const close = closingBrace(text, open);
    // The branch ends by exiting (its last statement): not an exit in a callback or a signal handler inside it.
    // Or the server starts only in its `else` (your_spotify's `if (process.argv[2] === '--migrate') {
    // runMigrations(); } else { startServer(); }`): the command runs instead of the server.
    if (close > 0 && (ENDS_BY_EXITING.test(text.slice(open + 1, close)) || elseStartsServer(text, close))) branches.push([open, close]);
  }
  if (branches.length === 0) return [];
  const out = new Set<string>();
  for (const m of text.matchAll(STATIC_IMPORT)) {
    const afterImport = m.index! + m[0].length;
    const names = [...bindingsOf(m[1])];
    if (names.length > 0 && names.every((name) => usedOnlyWithin(text, name, afterImport, branches))) out.add(m[3]);
  }
  return [...out];
}

/** The word of a branch that starts a long-lived process of the service instead of the HTTP server. */
const SERVICE_MODE = /['"][\w:-]{0,20}(?:worker|queue|jobs?|consumer|scheduler|cron|daemon)[\w:-]{0,20}['"]/i;

/** A server start in a block's text: `app.listen(`, `createServer(`, or a call named for it (`startServer()`, `runApp()`). */
const STARTS_SERVER_TEXT = /\.listen\s*\(|\bcreateServer\s*\(|\b(?:start|run|launch|boot)[\w$]{0,40}(?:Server|App)\s*\(/;

/** Whether an `else { ... }` right after the brace at `close` starts the server (then the branch before it is the command). */
function elseStartsServer(text: string, close: number): boolean {
  const m = /^\s*else\s*\{/.exec(text.slice(close + 1, close + 64));
  if (!m) return false;
  const open = close + m[0].length;
  const end = closingBrace(text, open);
  return end > 0 && STARTS_SERVER_TEXT.test(text.slice(open + 1, end));
}

function* bindingsOf(clause: string): Generator<string> {
  const ns = /^\*\s*as\s+([\w$]+)$/.exec(clause.trim());
  if (ns) return yield ns[1];
  for (const m of clause.replace(/\btype\s+[\w$]+(\s+as\s+[\w$]+)?\s*,?/g, '').matchAll(BINDING)) yield m[1];
}

/** Whether every use of `name` after its import lies inside one of the branches (and there is one). */
function usedOnlyWithin(text: string, name: string, from: number, branches: ReadonlyArray<[number, number]>): boolean {
  let used = false;
  for (let at = text.indexOf(name, from); at >= 0; at = text.indexOf(name, at + name.length)) {
    if (isIdentifierChar(text.charCodeAt(at - 1)) || isIdentifierChar(text.charCodeAt(at + name.length)) || text[at - 1] === '.') continue;
    if (!branches.some(([open, close]) => at > open && at < close)) return false;
    used = true;
  }
  return used;
}

function isIdentifierChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 36 || c === 95;
}

/** The offset of the brace that closes the one at `open`, skipping strings, template literals and comments; -1 when none. */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
    else if (c === "'" || c === '"' || c === '`') i = skipQuoted(text, i, c);
    else if (c === '/' && text[i + 1] === '/') i = lineEnd(text, i);
    else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? -1 : end + 1;
    }
    if (i < 0) return -1;
  }
  return -1;
}

function skipQuoted(text: string, start: number, quote: string): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === quote) return i;
    else if (text[i] === '\n' && quote !== '`') return i;
  }
  return -1;
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end;
}
