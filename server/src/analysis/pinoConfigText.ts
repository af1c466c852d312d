// How a module configures pino, read from its text (no parse): whether it makes a pino logger, and
// whether it makes pino keep errors under other keys than `err`. noteFile learns both of every
// workspace file; the project facts ask them of another package's logger module the check did not note.

const SERIALIZERS = /\bserializers\s*:\s*\{/g;
/** `pino(...)`, `pinoHttp(...)`, or nestjs-pino's `pinoHttp:` options: where a pino logger is made and configured. */
const CREATES_PINO = /\bpino(?:Http)?\s*\(|\bpinoHttp\s*:/;
/** pino's default export imported under another name (Formbricks's `import Pino, { type Logger } from "pino"`). */
const PINO_DEFAULT_IMPORT = /\bimport\s+([A-Za-z_$][\w$]*)\s*(?:,\s*\{[^}]{0,500}\})?\s*from\s*['"]pino['"]|\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*require\(\s*['"]pino['"]\s*\)/;

/** Whether the text makes a pino logger: CREATES_PINO, or a call of pino's default export by the name it is imported as. */
export function createsPino(text: string): boolean {
  if ((text.includes('pino(') || text.includes('pinoHttp')) && CREATES_PINO.test(text)) return true;
  const imported = text.includes('pino') ? PINO_DEFAULT_IMPORT.exec(text) : null;
  const name = imported && (imported[1] ?? imported[2]);
  return !!name && name !== 'pino' && new RegExp(String.raw`(?<![.\w$])${name.replace(/\$/g, '\\$')}\s*\(`).test(text);
}
const FORMATTERS = /\bformatters\s*:\s*\{/g;
/** A key at the start of an object member: `error:`, `'error':`, `error(` (a method), `error,` (shorthand), `[KEY]:` (computed). */
const MEMBER_KEY = /^\s*(?:\.\.\.)?(?:['"]?([A-Za-z_$][\w$]*)['"]?|(\[)[^\]\n]{0,200}\])\s*[:(,}]/;
/** Comments before a member: `// the error's own serializer` above `error: ...`. */
const LEADING_COMMENTS = /^(?:\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/))*/;
/** Keys pino's standard serializers cover: a serializer for these says nothing of other keys. */
const STANDARD_KEYS: ReadonlySet<string> = new Set(['err', 'req', 'res']);

/**
 * `errorKey: 'error'`, a serializer for a key besides err, req and res (`serializers: { error:
 * pino.stdSerializers.err }`), or a `formatters.log` that rewrites every record's object (OpenPanel's
 * redacting formatter turns nested errors into plain objects with their message and stack).
 */
export function configuresPinoErrorKeys(text: string): boolean {
  if (/\berrorKey\s*:/.test(text)) return true;
  // Each object is read once: an option inside one already read (or text repeating the name) is not read again.
  let readTo = 0;
  if (text.includes('formatters')) {
    for (const m of text.matchAll(FORMATTERS)) {
      if (m.index! < readTo) continue;
      const { keys, end } = topLevelKeys(text, m.index! + m[0].length);
      readTo = end;
      if (keys.includes('log')) return true;
    }
  }
  readTo = 0;
  for (const m of text.matchAll(SERIALIZERS)) {
    if (m.index! < readTo) continue;
    const { keys, end } = topLevelKeys(text, m.index! + m[0].length);
    readTo = end;
    if (keys.some((k) => !STANDARD_KEYS.has(k))) return true;
  }
  return false;
}

/** The member names of the object literal whose body starts at `from`, read to its end (or 2,000 characters), and where the reading stopped. */
function topLevelKeys(text: string, from: number): { keys: string[]; end: number } {
  const keys: string[] = [];
  const end = Math.min(text.length, from + 2000);
  let depth = 0;
  let memberStart = from;
  for (let i = from; i < end; i++) {
    const c = text[i];
    if (c === '{' || c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === '}') {
      if (depth === 0) {
        pushKey(text.slice(memberStart, i + 1), keys);
        return { keys, end: i + 1 };
      }
      depth--;
    } else if (c === ',' && depth === 0) {
      pushKey(text.slice(memberStart, i + 1), keys);
      memberStart = i + 1;
    }
  }
  return { keys, end };
}

function pushKey(member: string, keys: string[]): void {
  const code = member.replace(LEADING_COMMENTS, '');
  const m = MEMBER_KEY.exec(code);
  // `...pino.stdSerializers`: a spread names no key of its own; a computed key may name any.
  if (m && !code.trimStart().startsWith('...')) keys.push(m[2] ? '[computed]' : m[1]);
}
