// Which rules with a checkCall may apply to a file, decided by the words its text holds. Each rule
// names its words (rule.ts `mayApply`); the text is scanned once for all of them together, where
// asking each rule in turn scanned it once per word (33 words: a fifth of a parse per file).
import type { Rule, RuleWords } from './rule';
import { RULES } from './rules';
import type { RuleSeverities } from './types';

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

/** Whether a rule's words, as found in a text, say it may apply. */
export function wordsApply(words: RuleWords, found: ReadonlySet<string>): boolean {
  return words.test ? words.test((w) => found.has(w)) : words.words.some((w) => found.has(w));
}

let scanner: WordScanner | null = null;

/** The enabled rules with a checkCall whose words the text holds (a rule without words always applies). */
export function callRulesFor(severities: RuleSeverities, text: string): Set<Rule> {
  const out = new Set<Rule>();
  const wanted = RULES.filter((r) => r.checkCall && severities[r.meta.id]);
  if (wanted.length === 0) return out;
  // Every rule's words in one pattern, built once: which rules are enabled varies by file, the words do not.
  scanner ??= new WordScanner(RULES.flatMap((r) => r.mayApply?.words ?? []));
  const found = scanner.wordsIn(text);
  for (const r of wanted) if (!r.mayApply || wordsApply(r.mayApply, found)) out.add(r);
  return out;
}
