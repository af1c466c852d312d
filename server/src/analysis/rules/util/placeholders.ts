// printf placeholders in a message: pino, bunyan and console fill them from the arguments after the
// message (`%%` is a literal percent and consumes nothing).
const PLACEHOLDER = /%[sdifjoOc]/g;

export function placeholderCount(message: string): number {
  return placeholderLetters(message).length;
}

/** The letter of each placeholder of a message, in order (`%j` → 'j'); `%%` is none. */
export function placeholderLetters(message: string): string[] {
  return (message.replace(/%%/g, '').match(PLACEHOLDER) ?? []).map((p) => p[1]);
}

/** The text before and after the only placeholder of a message, or null when it has not exactly one. */
export function aroundOnlyPlaceholder(message: string): { before: string; after: string } | null {
  if (message.includes('%%') || placeholderCount(message) !== 1) return null;
  const at = message.search(/%[sdifjoOc]/);
  return { before: message.slice(0, at), after: message.slice(at + 2) };
}
