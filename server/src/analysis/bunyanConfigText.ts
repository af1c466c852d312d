// Which keys of a bunyan record's fields object a project's serializers cover, read from the text of a
// file that configures them (noteFile keeps them per file: ProjectModel.bunyanSerializerKeys). bunyan serialises a field only under a
// key it has a serializer for: an error elsewhere in the fields object is written as `{}` (Triton
// CloudAPI's `{ error: e }` beside restify's serializers, which cover `err`, `req`, `res`...).

/** A file's key list holding this: some of its serializers cannot be read (taken to cover any key). */
export const UNKNOWN_KEYS = '*';

/** bunyan's own standard serializers, and restify's (bunyan's plus its client request and response). */
const STANDARD_KEYS = ['err', 'req', 'res'];
const RESTIFY_KEYS = [...STANDARD_KEYS, 'client_req', 'client_res'];
/** The whole standard set given (`serializers: bunyan.stdSerializers`, `...bunyan.stdSerializers`): not one of its members (`stdSerializers.err`). */
const USES_STANDARD = /\bstdSerializers\b(?!\s*\.)/;
const USES_RESTIFY = /\brestify\s*\.\s*bunyan\s*\.\s*serializers\b(?!\s*\.)/;
/** `serializers: {`, `addSerializers({`: an object literal of serializers follows. */
const SERIALIZER_OBJECT = /\b(?:serializers\s*:|addSerializers\s*\()\s*\{/g;
/** `serializers: someValue` that is neither an object literal nor a library's set: its keys are not known. */
const SERIALIZER_VALUE = /\bserializers\s*:\s*(?!\{)([A-Za-z_$][\w$.]*)/g;
/** How much of a serializers object is read (a longer one is taken to cover any key). */
const MAX_OBJECT = 4000;
/** A key at the start of a property: `err:`, `'error':`, `err(`, or a shorthand `err,` (bounded, linear). */
const KEY = /(?:^|[{,])\s*(?:([A-Za-z_$][\w$]{0,100})|'([^'\n]{1,100})'|"([^"\n]{1,100})")\s*(?=[:(,}]|$)/g;

/** The keys the file's bunyan serializers cover; null when some of them cannot be read (taken to cover any key). */
export function bunyanSerializerKeysIn(text: string): string[] | null {
  const keys = new Set<string>();
  if (USES_STANDARD.test(text)) for (const k of STANDARD_KEYS) keys.add(k);
  if (USES_RESTIFY.test(text)) for (const k of RESTIFY_KEYS) keys.add(k);
  for (const m of text.matchAll(SERIALIZER_VALUE)) {
    if (!/stdSerializers$|bunyan\.serializers$/.test(m[1])) return null;
  }
  for (const m of text.matchAll(SERIALIZER_OBJECT)) {
    const body = objectBody(text, m.index + m[0].length);
    if (body === null) return null;
    // A spread (`...bunyan.stdSerializers`, `...other`) of something not read here covers what it covers.
    for (const spread of body.matchAll(/\.\.\.\s*([A-Za-z_$][\w$.]*)/g)) if (!/stdSerializers$|bunyan\.serializers$/.test(spread[1])) return null;
    for (const k of body.matchAll(KEY)) keys.add(k[1] ?? k[2] ?? k[3]);
  }
  return [...keys].sort();
}

/**
 * The text of an object literal's top level from just after its `{`, what nests in it blanked (braces,
 * and a call's or array's arguments: `fn(a, b)` names no key `b`), or null when it does not close soon.
 */
function objectBody(text: string, start: number): string | null {
  let braces = 1;
  let other = 0;
  let out = '';
  const end = Math.min(text.length, start + MAX_OBJECT);
  for (let i = start; i < end; i++) {
    const c = text[i];
    const topLevel = braces === 1 && other === 0;
    if (c === '{') braces++;
    else if (c === '}') {
      braces--;
      if (braces === 0) return out;
    } else if (c === '(' || c === '[') other++;
    else if ((c === ')' || c === ']') && other > 0) other--;
    // A bracket opening or closing a nested part is blanked with it.
    out += topLevel && braces === 1 && other === 0 ? c : ' ';
  }
  return null;
}
