// The words of the checkCall rules are looked for in one scan of a file's text (ruleWords.ts): it
// must find exactly what asking `text.includes(word)` for each word finds, or a rule would skip a
// file it applies to (or parse one it does not).
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { callRulesFor, WordScanner } from '../../../server/src/analysis/ruleWords';
import { resolveSeverities, RULES } from '../../../server/src/analysis';

describe('rule words', () => {
  it('finds exactly the words text.includes finds: overlapping words, words inside others, prefixes of others', () => {
    const words = ['fetch(', 'prefetch(', 'http', "http'", "https'", 'uuid', 'cls-rtracer', 'rtracer', 'next(', 'ext('];
    const scanner = new WordScanner(words);
    const check = (text: string) => assert.deepEqual([...scanner.wordsIn(text)].sort(), words.filter((w) => text.includes(w)).sort(), text);
    check("import rTracer from 'cls-rtracer'; await prefetch(url); require('https'); next();");
    check('');
    check('httphttp');
    fc.assert(fc.property(fc.array(fc.constantFrom(...words, 'x', "'", '(', 'ht', 'tp'), { maxLength: 30 }), (parts) => check(parts.join(''))));
  });

  it('hands a checkCall rule the files that hold its words, and keeps its own condition (all of one group and one of another)', () => {
    const severities = resolveSeverities({});
    const names = (text: string) => [...callRulesFor(severities, text)].map((r) => r.meta.id).sort();
    assert.deepEqual(names('const x = 1;'), []);
    assert.deepEqual(names("import axios from 'axios';"), ['outgoing-call-without-context']);
    // incoming-request-id-ignored: a library, or an id generator in a middleware (both words needed).
    assert.deepEqual(names("import { randomUUID } from 'crypto';"), []);
    assert.deepEqual(names("import { randomUUID } from 'crypto'; app.use((req, res, next) => { req.id = randomUUID(); next(); });"), ['incoming-request-id-ignored']);
    assert.deepEqual(names("const store = als.getStore();"), ['async-context-lost']);
    const off = resolveSeverities({ 'outgoing-call-without-context': 'off' });
    assert.deepEqual([...callRulesFor(off, "import axios from 'axios';")], []);
    assert.ok(RULES.filter((r) => r.checkCall).every((r) => r.mayApply), 'every checkCall rule names its words');
  });
});
