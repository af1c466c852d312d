// Text from a workspace (package names, paths, settings) printed on a terminal: control characters
// are shown as escapes, so no name can move the cursor, recolour the screen or retitle the window.

/** `text` with C0/C1 control characters (and DEL) written as `\u001b`-style escapes. */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
