// Tokenises log lines with the same TextMate engine VS Code uses (vscode-textmate + oniguruma) and
// checks the scopes a theme colours: level by value, time, message and request ID.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const ROOT = path.resolve(__dirname, '../../..');
const GRAMMAR = path.join(ROOT, 'syntaxes/ndjson-log.tmLanguage.json');

let grammar: textmate.IGrammar;

/** Scopes of the token covering the first occurrence of `text` in `line`. */
function scopesAt(line: string, text: string): string[] {
  const at = line.indexOf(text);
  assert.ok(at >= 0, `${text} not in ${line}`);
  const { tokens } = grammar.tokenizeLine(line, textmate.INITIAL);
  const tok = tokens.find((t) => t.startIndex <= at && at < t.endIndex);
  assert.ok(tok);
  return tok.scopes;
}

function hasScope(scopes: string[], prefix: string): boolean {
  return scopes.some((s) => s.split(' ').some((part) => part.startsWith(prefix)));
}

describe('NDJSON log grammar (vscode-textmate)', () => {
  before(async () => {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new textmate.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scopeName: string) =>
        scopeName === 'source.ndjson-log' ? textmate.parseRawGrammar(fs.readFileSync(GRAMMAR, 'utf8'), GRAMMAR) : null,
    });
    const g = await registry.loadGrammar('source.ndjson-log');
    assert.ok(g, 'grammar loads');
    grammar = g;
  });

  it('scopes levels by value: error, warn, info, debug (names and pino numbers)', () => {
    assert.ok(hasScope(scopesAt('{"level":"error","msg":"x"}', '"error"'), 'markup.deleted.level.error'));
    assert.ok(hasScope(scopesAt('{"level":"FATAL","msg":"x"}', '"FATAL"'), 'markup.deleted.level.error'));
    assert.ok(hasScope(scopesAt('{"level":50,"msg":"x"}', '50'), 'markup.deleted.level.error'));
    assert.ok(hasScope(scopesAt('{"severity":"WARNING"}', '"WARNING"'), 'markup.changed.level.warn'));
    assert.ok(hasScope(scopesAt('{"level":40}', '40'), 'markup.changed.level.warn'));
    assert.ok(hasScope(scopesAt('{"level":"info"}', '"info"'), 'markup.inserted.level.info'));
    assert.ok(hasScope(scopesAt('{"level":30}', '30'), 'markup.inserted.level.info'));
    assert.ok(hasScope(scopesAt('{"level":"debug"}', '"debug"'), 'comment.level.debug'));
    // ECS nests the level: {"log":{"level":"warn"}}
    assert.ok(hasScope(scopesAt('{"log":{"level":"warn"},"message":"m"}', '"warn"'), 'markup.changed.level.warn'));
  });

  it('does not treat other keys with level-like values as levels', () => {
    const s = scopesAt('{"level":30,"status":"error","code":50}', '"error"');
    assert.ok(!hasScope(s, 'markup.deleted'));
    assert.ok(hasScope(s, 'string.quoted.double.json'));
    assert.ok(!hasScope(scopesAt('{"level":30,"code":500}', '500'), 'markup.deleted'));
  });

  it('scopes times, messages and request IDs', () => {
    const line = '{"level":30,"time":1704110400000,"reqId":"req-42","msg":"request completed","res":{"statusCode":200}}';
    assert.ok(hasScope(scopesAt(line, '1704110400000'), 'constant.other.timestamp'));
    assert.ok(hasScope(scopesAt(line, '"req-42"'), 'variable.other.constant.request-id'));
    assert.ok(hasScope(scopesAt(line, '"request completed"'), 'string.quoted.double.message'));
    assert.ok(hasScope(scopesAt(line, '200'), 'constant.numeric.json'));
    const winston = '{"@timestamp":"2024-01-01T12:00:00.000Z","message":"hi","trace_id":"4bf92f35"}';
    assert.ok(hasScope(scopesAt(winston, '"2024-01-01T12:00:00.000Z"'), 'constant.other.timestamp'));
    assert.ok(hasScope(scopesAt(winston, '"hi"'), 'string.quoted.double.message'));
    assert.ok(hasScope(scopesAt(winston, '"4bf92f35"'), 'variable.other.constant.request-id'));
  });

  it('finds the pino-http request ID at req.id but not other nested ids', () => {
    const line = '{"req":{"id":"abc-1","method":"GET","headers":{"id":"not-it"}},"user":{"id":"u1"},"msg":"m"}';
    assert.ok(hasScope(scopesAt(line, '"abc-1"'), 'variable.other.constant.request-id'));
    assert.ok(!hasScope(scopesAt(line, '"not-it"'), 'variable.other.constant.request-id'));
    assert.ok(!hasScope(scopesAt(line, '"u1"'), 'variable.other.constant.request-id'));
    assert.ok(hasScope(scopesAt(line, '"GET"'), 'string.quoted.double.json'));
  });

  it('keeps escaped quotes inside a message in one string token', () => {
    const line = '{"msg":"say \\"error\\" twice","level":"info"}';
    assert.ok(hasScope(scopesAt(line, 'twice'), 'string.quoted.double.message'));
    assert.ok(hasScope(scopesAt(line, '"info"'), 'markup.inserted.level.info'));
  });
});
