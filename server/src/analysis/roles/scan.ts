// What the role computation learns from one file's text, without parsing it: the modules it
// imports (ES imports and re-exports, dynamic import(), CommonJS require), its shebang, a leading
// 'use client' / 'use server' directive, and whether it is or registers a service worker. Each
// test is one linear pass of a regular expression with no nested or overlapping repetition.

export interface ScannedFile {
  /** Specifiers of the modules it loads (type-only imports left out), in order, without repeats. */
  readonly specifiers: readonly string[];
  readonly shebang: boolean;
  readonly directive: 'use client' | 'use server' | null;
  /** Listens for service-worker events (`self.addEventListener('fetch', ...)`): it runs as a service worker. */
  readonly serviceWorker: boolean;
  /** Calls `navigator.serviceWorker.register(...)`: only a browser has a navigator. */
  readonly registersServiceWorker: boolean;
  /** Folders of CLI commands it loads with yargs' `.commandDir('./commands')`, as written. */
  readonly commandDirs: readonly string[];
}

/**
 * `from 'x'`, `import 'x'`, `import('x')`, `require('x')`, not preceded by `.` (`Array.from('ab')`).
 * A specifier inside a comment or a string is taken too: one more edge only makes the role
 * computation more careful (see graph.ts), and it costs nothing to skip a specifier naming no file.
 */
const SPECIFIER = /(?<![.$\w])(?:from|import|require)\s*(?:\(\s*)?(['"])([^'"\n\\]{1,300})\1/g;
/** `import type { A } from 'x'`, `export type * from 'x'`: no module is loaded at run time. (Bounded braces keep it linear.) */
const TYPE_ONLY = /(?<![.$\w])(?:import|export)\s+type\s+(?:\{[^}]{0,2000}\}|\*(?:\s+as\s+[\w$]+)?|[\w$]+)\s*from\s*(['"])([^'"\n\\]{1,300})\1/g;
const SERVICE_WORKER_EVENT = /\bself\.addEventListener\(\s*['"](?:install|activate|fetch|push|sync|notificationclick|message)['"]/;
const REGISTERS_WORKER = /\bnavigator\.serviceWorker\.register\s*\(/;
/** The first string in the call: `.commandDir('cmds')`, `.commandDir(path.resolve(dir, './commands'))`. */
const COMMAND_DIR = /\.commandDir\([^'"\n]{0,200}(['"])([^'"\n\\]{1,200})\1/g;

export function scanFile(text: string): ScannedFile {
  // Each specifier with how many times it is loaded: type-only imports take theirs back.
  const specifiers = new Map<string, number>();
  if (text.includes('from') || text.includes('import') || text.includes('require')) {
    for (const m of text.matchAll(SPECIFIER)) specifiers.set(m[2], (specifiers.get(m[2]) ?? 0) + 1);
    if (text.includes('type')) for (const m of text.matchAll(TYPE_ONLY)) specifiers.set(m[2], (specifiers.get(m[2]) ?? 1) - 1);
  }
  return {
    specifiers: [...specifiers].flatMap(([spec, loads]) => (loads > 0 ? [spec] : [])),
    shebang: /^\uFEFF?#!/.test(text),
    directive: leadingDirective(text),
    serviceWorker: text.includes('addEventListener') && SERVICE_WORKER_EVENT.test(text),
    registersServiceWorker: text.includes('serviceWorker') && REGISTERS_WORKER.test(text),
    commandDirs: text.includes('commandDir') ? [...text.matchAll(COMMAND_DIR)].map((m) => m[2]) : [],
  };
}

/** The file's leading 'use client' / 'use server' directive, after comments and blank lines. */
export function leadingDirective(text: string): 'use client' | 'use server' | null {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = Math.min(text.length, 4096); // a directive comes first: a long licence header is the most before it
  while (i < n) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') i++;
    else if (text.startsWith('//', i)) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? n : end + 1;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
    } else break;
  }
  for (const d of ['use client', 'use server'] as const) {
    if (text.startsWith(`'${d}'`, i) || text.startsWith(`"${d}"`, i)) return d;
  }
  return null;
}
