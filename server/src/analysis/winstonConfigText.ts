// What a project's own winston format does, read from its text (as pinoConfigText.ts reads pino's):
// the meta keys it serialises errors under.

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
