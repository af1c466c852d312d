// The words of a name, as people write them in code (`xApiKey`, `set-cookie`, `LOGError`): what
// the rules and the logger model read a name's meaning from.

/** The lower-case words of a name: `xApiKey` → x, api, key; `set-cookie` → set, cookie. */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}
