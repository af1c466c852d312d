// invalid-metric-definition agrees with prom-client: every prom-client definition of the metric
// rules' fixtures is constructed with the real library, in source order. Definitions that run
// together (the statements of the module, or of one function body, outside branches and loops)
// share fresh registries that stand for the file's (the default one, each `new Registry()`), so
// that duplicate names meet in the same registry as they do when that code runs; any other runs
// in registries of its own. Every definition that throws is flagged, with prom-client's error in
// the message, and no other is.
import * as assert from 'node:assert/strict';
import * as client from 'prom-client';
import ts from 'typescript';
import type { Field, MetricDefinition } from '../../../server/src/analysis/metrics';
import { analyseCase, findingsOf, metricCases, where } from './helpers';

const CLASSES = { counter: client.Counter, gauge: client.Gauge, histogram: client.Histogram, summary: client.Summary } as const;
/** prom-client's Registry takes its content type as an argument (its type declarations leave it out). */
const Registry = client.Registry as unknown as new (contentType?: string) => client.Registry;

/** Marks a definition whose configuration is not known while typing (not compared). */
const UNKNOWN = Symbol('unknown');

/** A field's value as the code gives it; a method or function written in place is a function. */
function valueOf(field: Field, key: string, def: MetricDefinition): unknown {
  if (field.state === 'absent') return undefined;
  if (field.state === 'known') return field.value;
  const written = def.config?.properties.find((p) => p.name && ts.isIdentifier(p.name) && p.name.text === key);
  if (written && (ts.isMethodDeclaration(written) || (ts.isPropertyAssignment(written) && (ts.isArrowFunction(written.initializer) || ts.isFunctionExpression(written.initializer))))) {
    return () => undefined;
  }
  return UNKNOWN;
}

/**
 * The module or function whose every run constructs the definition once, in statement order: only
 * declarations, assignments, returns, blocks and object literals lie between them. Null otherwise
 * (a branch, a loop, the right of `??`: it may run never or many times).
 */
function runsWith(def: MetricDefinition): ts.Node | null {
  for (let n: ts.Node = def.node.parent; ; n = n.parent) {
    if (ts.isSourceFile(n) || ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n) || ts.isArrowFunction(n) || ts.isMethodDeclaration(n)) return n;
    const assignment = ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken;
    const wrapper = ts.isParenthesizedExpression(n) || ts.isAsExpression(n) || ts.isSatisfiesExpression(n) || ts.isNonNullExpression(n);
    const statement = ts.isVariableDeclaration(n) || ts.isVariableDeclarationList(n) || ts.isVariableStatement(n) || ts.isExpressionStatement(n) || ts.isReturnStatement(n) || ts.isBlock(n);
    const literal = ts.isObjectLiteralExpression(n) || ts.isPropertyAssignment(n);
    if (!(assignment || wrapper || statement || literal)) return null;
  }
}

/** The arguments the definition passes to the constructor, or UNKNOWN. */
function constructorArgs(def: MetricDefinition, registries: (key: string, openMetrics: boolean) => client.Registry): unknown[] | typeof UNKNOWN {
  if (def.configValue) {
    if (def.configValue.state === 'absent') return [];
    return def.configValue.state === 'known' ? [def.configValue.value] : UNKNOWN;
  }
  if (!def.registries) return UNKNOWN;
  const config: Record<string, unknown> = {
    registers: def.registries.map((r) => registries(r.key, r.contentType === 'openmetrics')),
  };
  for (const [key, field] of [['name', def.name], ['help', def.help], ['labelNames', def.labelNames], ['collect', def.collect], ['enableExemplars', def.enableExemplars]] as const) {
    const value = valueOf(field, key, def);
    if (value === UNKNOWN) return UNKNOWN;
    if (field.state !== 'absent') config[key] = value;
  }
  return [config];
}

describe('invalid-metric-definition agrees with prom-client', () => {
  it('flags exactly the fixture definitions that throw when constructed, with the error prom-client throws', () => {
    let compared = 0;
    let threw = 0;
    for (const c of metricCases()) {
      const a = analyseCase(c, ['invalid-metric-definition']);
      // Fresh registries per case and per code that runs together: `default` stands for prom-client's default registry.
      const registries = new Map<unknown, Map<string, client.Registry>>();
      for (const def of a.metrics.definitions) {
        if (def.library !== 'prom-client') continue;
        const together = runsWith(def) ?? def;
        if (!registries.has(together)) registries.set(together, new Map());
        const own = registries.get(together)!;
        const registryFor = (key: string, openMetrics: boolean) => {
          let r = own.get(key);
          if (!r) own.set(key, (r = new Registry(openMetrics ? client.Registry.OPENMETRICS_CONTENT_TYPE : undefined)));
          return r;
        };
        const args = constructorArgs(def, registryFor);
        if (args === UNKNOWN) continue;
        compared++;
        let error: Error | null = null;
        try {
          new (CLASSES[def.kind] as unknown as new (...args: unknown[]) => unknown)(...args);
        } catch (err) {
          error = err as Error;
          threw++;
        }
        const messages = findingsOf(def, a).map((f) => f.message);
        const context = `${where(def, a)}: prom-client ${error ? `throws "${error.message}"` : 'accepts it'}, invalid-metric-definition says ${JSON.stringify(messages)}`;
        assert.equal(messages.length > 0, error !== null, context);
        if (!error) continue;
        // prom-client's own errors are quoted; a TypeError JavaScript raises inside it is named as one.
        const internal = error instanceof TypeError && /is not a function|is not iterable|Cannot read properties/.test(error.message);
        const quoted = internal ? 'TypeError' : `"${error.message}"`;
        assert.ok(messages.some((m) => m.includes(quoted)), `${context}: the message says ${quoted}`);
      }
    }
    assert.ok(compared >= 60, `enough definitions constructed (${compared})`);
    assert.ok(threw >= 15, `enough of them rejected (${threw})`);
  });
});
