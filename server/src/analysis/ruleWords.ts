// Which rules with a checkCall may apply to a file, decided by the words its text holds. Each rule
// names its words (rule.ts `mayApply`); the text is scanned once for all of them together, where
// asking each rule in turn scanned it once per word (33 words: a fifth of a parse per file).
import type { Rule, RuleWords } from './rule';
import { RULES } from './rules';
import { WordScanner } from './wordScanner';
import type { RuleSeverities } from './types';

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
