// Where a package's files import their logger from, read from their text: the specifiers of
// imports that bind `logger` or `log` (`import logger from '../logger'`, `import { logger } from
// './logger'`, `const { log } = require('./log')`). A package whose files mostly import their logger
// from a module the model does not see as one (Parse Server's `src/logger.js`, a facade over a
// LoggerController whose adapter is configured at run time) must not get fixes that import another
// module's logger around it (Parse Server's raw winston instance in Adapters/Logger): facts.ts asks.
//
// Each pattern's repetitions are bounded, so a file of any size is read in one linear pass.
const ESM_IMPORT = /\bimport\s+([\w$\s,{}*]{1,300}?)\s*from\s*(['"])([^'"\r\n]{1,300})\2/g;
const CJS_REQUIRE = /\b(?:const|let|var)\s+(\{[^}=;]{1,300}\}|[\w$]+)\s*=\s*require\(\s*(['"])([^'"\r\n]{1,300})\2\s*\)/g;
const LOGGER_NAMES: ReadonlySet<string> = new Set(['logger', 'log']);

/** The specifiers the text imports a binding named `logger` or `log` from, in order, each once. */
export function loggerImportSpecifiers(text: string): string[] {
  if (!text.includes('log')) return [];
  const out = new Set<string>();
  for (const pattern of [ESM_IMPORT, CJS_REQUIRE]) {
    for (const m of text.matchAll(pattern)) {
      if (m[1].split(/[^\w$]+/).some((name) => LOGGER_NAMES.has(name))) out.add(m[3]);
    }
  }
  return [...out];
}
