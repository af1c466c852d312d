// Modules that put values on the global object (`global.WIKI = WIKI`, `globalThis.log = pino()`),
// as old CommonJS servers share their logger: the one text test the module noter, the summary and
// the value resolver agree on, before any tree is read.

/** A statement that may put something on the global object. */
export const ASSIGNS_GLOBAL = /\b(?:global|globalThis)\.[A-Za-z_$][\w$]*\s*=[^=]/;
