// Texts a project's tests expect log calls to be made with. A test that spies on a logger and
// asserts its message (`expect(logger.debug).toHaveBeenCalledWith(`Generated new MFA secret for user
// ${userUuid}`)`: Standard Notes; `expect(mockLoggerError).toHaveBeenCalledWith('[Lifecycle]: ... -
// FAILED')`: Supabase Storage) fails when a fix rewrites that message or moves the call to another
// logger, so such a fix is not applied by fix-all (analyze.ts asks `assertedByTests`).
//
// Files that assert how a spy was called are read: `toHaveBeenCalledWith`,
// `toBeCalledWith`, sinon's `calledWith`, `calledOnceWith`, or a recorded call's arguments compared
// (`mockLogWarn.mock.calls[0].arguments[0]`: Fastify's demo; jest's `.mock.calls[0][0]`, sinon's
// `getCall(0)`, `firstCall`); their string literals and template literals (each
// substitution as one NUL character) are kept, trimmed, when at least MIN_TEXT characters long. Every pattern's
// repetitions are bounded: a file of any size is read in one linear pass. Only test files count
// (ProjectModel.assertedTextIndex asks each file's role): a service file whose comment names
// `toHaveBeenCalledWith` asserts nothing.
const ASSERTS_SPY_CALL = /alledWith|alledOnceWith|\.calls\[|\.getCall\(|\.(?:first|last)Call\b/;
const LITERAL = /'((?:[^'\\\r\n]|\\.){1,400})'|"((?:[^"\\\r\n]|\\.){1,400})"|`((?:[^`\\]|\\.){1,2000})`/g;
/** A template literal's substitution, which splits its text runs (one level of braces inside). */
const SUBSTITUTION = /\$\{(?:[^{}]|\{[^{}]{0,200}\}){0,400}\}/g;
/** Shorter texts (`'error'`, `'failed'`) say too little to tie a test to one message. */
export const MIN_TEXT = 8;

/** The texts of the literals of a test file that asserts spy calls; none for any other file. */
export function assertedTexts(text: string): string[] {
  if (!ASSERTS_SPY_CALL.test(text)) return [];
  const out = new Set<string>();
  for (const m of text.matchAll(LITERAL)) {
    const t = (m[3] !== undefined ? m[3].replace(SUBSTITUTION, '\0') : (m[1] ?? m[2])).trim();
    if (t.replace(/\0/g, '').length >= MIN_TEXT) out.add(t);
  }
  return [...out];
}

/** The asserted texts of a project, looked up by their words: which contain a given run of a message. */
export class AssertedTextIndex {
  private readonly byWord = new Map<string, string[]>();
  private readonly all: readonly string[];

  constructor(texts: readonly string[]) {
    const sorted = [...texts].sort();
    this.all = sorted;
    for (const t of sorted) {
      for (const word of new Set(wordsOf(t))) {
        let list = this.byWord.get(word);
        if (!list) this.byWord.set(word, (list = []));
        list.push(t);
      }
    }
  }

  get size(): number {
    return this.all.length;
  }

  /**
   * Whether one asserted text holds every run, in order (the constant runs of a message, trimmed):
   * `[Lifecycle]: ${event} ${path} - FAILED` is asserted by '[Lifecycle]: ObjectCreated:Post
   * tenant-a/file.png - FAILED', not by another message that shares its `[Lifecycle]:` prefix.
   */
  containsInOrder(runs: readonly string[]): boolean {
    // The runs' longest whole word narrows the texts to look in to those that hold it. A run's first
    // and last words may be parts of words a value completes (`${kind}Service started`: the test's
    // text says `userService`), so only the words inside a run count; without one, every text is looked in.
    const words = runs.flatMap((r) => wordsOf(r).slice(1, -1));
    const key = words.length > 0 ? words.reduce((a, b) => (b.length > a.length ? b : a)) : null;
    return (key === null ? this.all : (this.byWord.get(key) ?? [])).some((t) => {
      let at = 0;
      for (const run of runs) {
        const found = t.indexOf(run, at);
        if (found < 0) return false;
        at = found + run.length;
      }
      return true;
    });
  }
}

/** Lower-cased words of four letters or more. */
function wordsOf(text: string): string[] {
  return (text.toLowerCase().match(/[a-z]{4,}/g) ?? []) as string[];
}
