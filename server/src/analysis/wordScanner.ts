// A scan of a text for a fixed set of words at once (the rules' text filters: ruleWords.ts). On
// its own, without the rules, so that a rule can use it too.
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * One scanner over a fixed set of words (the rules' own constants, never workspace text). It finds
 * exactly the words `text.includes` would: a match is searched again from the next character (a
 * word may start inside another's match), and a word found also finds the words it starts with.
 */
export class WordScanner {
  private readonly pattern: RegExp | null;
  private readonly prefixes = new Map<string, string[]>();

  constructor(words: Iterable<string>) {
    // Longest first: at one place the alternation reports the longest word, whose prefixes are added.
    const list = [...new Set(words)].filter((w) => w.length > 0).sort((a, b) => b.length - a.length);
    for (const w of list) this.prefixes.set(w, list.filter((o) => o !== w && w.startsWith(o)));
    this.pattern = list.length ? new RegExp(list.map(escape).join('|'), 'g') : null;
  }

  /** The scanner's words that occur in `text`. */
  wordsIn(text: string): Set<string> {
    const found = new Set<string>();
    const pattern = this.pattern;
    if (!pattern) return found;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      found.add(m[0]);
      for (const p of this.prefixes.get(m[0])!) found.add(p);
      pattern.lastIndex = m.index + 1;
    }
    return found;
  }
}
