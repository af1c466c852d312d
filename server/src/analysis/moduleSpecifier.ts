// The `loggerModule` setting names a module that fixes import. It comes from the workspace (a config
// file, editor settings), so it is checked to be a module specifier and nothing else before any fix
// writes it: a relative path (`./src/logger`, `../lib/log`) or a package name with an optional
// subpath (`@acme/logger`, `@acme/logger/child`). Fixes still print it as a string literal.

/** Longer specifiers are not module names; a bound keeps messages and cache keys small. */
const MAX_LENGTH = 1024;

/** Characters no module specifier a fix writes may hold: quotes, backslashes, whitespace, control characters. */
const FORBIDDEN = /['"`\\\s\p{Cc}\p{Cf}]/u;

/** A package name, scoped or not (npm's rules, upper case tolerated for old packages), then `/subpath` segments. */
const PACKAGE = /^(?:@[a-z0-9~-][a-z0-9._~-]*\/)?[a-z0-9~-][a-z0-9._~-]*(?:\/[^/]+)*$/i;

/** Why `value` is not a module specifier a fix may import, or null when it is one. */
export function moduleSpecifierProblem(value: string): string | null {
  if (value === '') return 'it is empty';
  if (value.length > MAX_LENGTH) return `it is longer than ${MAX_LENGTH} characters`;
  const bad = FORBIDDEN.exec(value);
  if (bad) return `it holds ${describeCharacter(bad[0])}`;
  if (value.startsWith('./') || value.startsWith('../')) return null;
  if (value.startsWith('/') || /^[a-z]:/i.test(value)) return 'an absolute path is not a module specifier; write it relative to the workspace folder, starting with ./';
  if (value.startsWith('.')) return 'a relative path starts with ./ or ../';
  return PACKAGE.test(value) ? null : 'it is neither a relative path (./…) nor a package name';
}

export function isModuleSpecifier(value: string): boolean {
  return moduleSpecifierProblem(value) === null;
}

function describeCharacter(c: string): string {
  if (c === "'" || c === '"' || c === '`') return `a quote (${c})`;
  if (c === '\\') return 'a backslash';
  const code = `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  if (c === '\n' || c === '\r') return `a line break (${code})`;
  return /\s/.test(c) ? `whitespace (${code})` : `a control character (${code})`;
}
