// Where a package's files import their logger from, read from their text: the specifiers of
// imports that bind `logger` or `log` (`import logger from '../logger'`, `import { logger } from
// './logger'`, `const { log } = require('./log')`). A package whose files mostly import their logger
// from a module the model does not see as one (Parse Server's `src/logger.js`, a facade over a
// LoggerController whose adapter is configured at run time) must not get fixes that import another
// module's logger around it (Parse Server's raw winston instance in Adapters/Logger): facts.ts asks.
//
// Each pattern's repetitions are bounded, so a file of any size is read in one linear pass.
/** Where an import or a `require(` starts: the text is scanned once, for both. */
const IMPORT_OR_REQUIRE = /\bimport\s|\brequire\(/g;
/**
 * An import statement from its start: its bindings, and its specifier. Nothing beside the bindings'
 * class can match the same characters (`\s+` before it would: a run of spaces after `import` then
 * cost cubic time), so a failed match costs at most the class's 300 steps.
 */
const ESM_IMPORT = /^import(?=\s)([\w$\s,{}*]{1,300}?)\bfrom\s*(['"])([^'"\r\n]{1,300})\2/;
/** What stands before a `require(` that binds its result: `const { logger } = `, `let log = `. */
const BINDS_REQUIRE = /\b(?:const|let|var)\s+(\{[^}=;]{1,300}\}|[\w$]+)\s*=\s*$/;
/** The specifier right after `require`. */
const REQUIRED = /^\(\s*(['"])([^'"\r\n]{1,300})\1\s*\)/;
const LOGGER_NAMES: ReadonlySet<string> = new Set(['logger', 'log']);
/** The bindings of `import type ... from`. */
const TYPE_ONLY = /^\s+type\s/;

/** Whether the bindings name `logger` or `log`, not as a type (`{ type logger }` is erased too). */
const bindsALogger = (bindings: string) => bindings.replace(/\btype\s+[\w$]+/g, '').split(/[^\w$]+/).some((name) => LOGGER_NAMES.has(name));

/** The specifiers the text imports a binding named `logger` or `log` from, in order, each once. */
export function loggerImportSpecifiers(text: string): string[] {
  if (!text.includes('log')) return [];
  const out = new Set<string>();
  for (const m of text.matchAll(IMPORT_OR_REQUIRE)) {
    const at = m.index!;
    if (m[0] === 'require(') {
      const binding = BINDS_REQUIRE.exec(text.slice(Math.max(0, at - 320), at));
      const spec = binding && bindsALogger(binding[1]) ? REQUIRED.exec(text.slice(at + 7, at + 7 + 320)) : null;
      if (spec) out.add(spec[2]);
    } else {
      const esm = ESM_IMPORT.exec(text.slice(at, at + 640));
      // `import type { logger }` is erased: the file gets no logger from there.
      if (esm && !TYPE_ONLY.test(esm[1]) && bindsALogger(esm[1])) out.add(esm[3]);
    }
  }
  return [...out];
}
