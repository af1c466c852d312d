// What the CLI writes to a terminal. Text from a log or a workspace (messages, field names and
// values, request IDs, file names) is data: a control character in it must never reach the terminal
// as one, or a log line could clear the screen, set the window title, plant an OSC 8 link or write
// the clipboard (OSC 52). Every such text goes through terminalSafe; the only escape sequences the
// CLI writes are its own colours, and those only when colour is wanted (colorWanted).

/**
 * C0 controls except TAB (U+0000-0008, 000A-001F), DEL (007F), C1 controls (0080-009F, which some
 * terminals take as ESC-sequences: U+009B is CSI) and the bidirectional embeddings, overrides and
 * isolates (U+202A-202E, U+2066-2069), which reorder what the reader sees ("Trojan Source").
 * TAB stays: it moves the cursor to the next tab stop and nothing else, and stack traces indent with it.
 */
const UNSAFE = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The text with every unsafe character (see UNSAFE) written as an escape a reader can see and
 * search for: `\xNN` below U+0100 (ESC is `\x1b`, a newline `\x0a`), `\uNNNN` for the bidi controls.
 * One notation everywhere, the one JavaScript and `printf` read back. A backslash already in the text
 * is left as it is: the point is that nothing reaches the terminal as a control, not a reversible encoding.
 * Callers that show a newline some other way (a line break, ' ⏎ ') replace it first.
 */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, escapeOne);
}

function escapeOne(c: string): string {
  const code = c.charCodeAt(0);
  return code < 0x100 ? '\\x' + code.toString(16).padStart(2, '0') : '\\u' + code.toString(16).padStart(4, '0');
}

/**
 * Whether to colour: never when NO_COLOR is set to anything (https://no-color.org); FORCE_COLOR
 * forces it (any value but `0` or `false`, as Node and chalk read it; those two turn it off);
 * otherwise only on a terminal that is not TERM=dumb. Output piped to a file or another program
 * gets no escape codes.
 */
export function colorWanted(stdout: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return stdout.isTTY === true && env.TERM !== 'dumb';
}
