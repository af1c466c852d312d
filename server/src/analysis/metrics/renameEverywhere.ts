// Where a service names each prom-client metric: the name literal of every definition and every
// registry lookup (`register.getSingleMetric('name')`) in the service's files that hold metrics, as
// the metrics model recognises them. metric-naming's service phase renames a metric at all of
// them at once when they span files (the file phase can only rename within one file).
import ts from '../typescriptModule';
import type { ParsedServiceFile, ServiceView } from '../rule';
import type { TextEdit } from '../types';
import { mayHoldMetrics } from './index';
import { fileMetricsIn } from './metricsModule';
import type { MetricDefinition } from './model';

/** A string literal naming a metric, in a file of the service. */
export interface NamePlace {
  readonly file: string;
  readonly sourceFile: ts.SourceFile;
  readonly literal: ts.StringLiteralLike;
}

export interface ServiceMetricNames {
  /** Every prom-client definition of the service, with its file. */
  readonly definitions: ReadonlyArray<{ readonly parsed: ParsedServiceFile; readonly def: MetricDefinition }>;
  /** Metric name → the literals that name it (definitions and registry lookups), in file order. */
  readonly places: ReadonlyMap<string, readonly NamePlace[]>;
}

export function serviceMetricNames(service: ServiceView): ServiceMetricNames {
  return service.memo('metrics.names', () => {
    const definitions: Array<{ parsed: ParsedServiceFile; def: MetricDefinition }> = [];
    const places = new Map<string, NamePlace[]>();
    const add = (name: string, place: NamePlace) => {
      const list = places.get(name);
      if (list) list.push(place);
      else places.set(name, [place]);
    };
    for (const file of service.files) {
      const text = service.project.readFile(file);
      if (!text || !mayHoldMetrics(text)) continue;
      const parsed = service.parsed(file);
      if (!parsed) continue;
      const metrics = fileMetricsIn(service, parsed);
      const sourceFile = parsed.sourceFile;
      for (const def of metrics.definitions) {
        if (def.library !== 'prom-client') continue;
        definitions.push({ parsed, def });
        const literal = nameLiteral(def);
        if (literal) add(literal.text, { file, sourceFile, literal });
      }
      for (const lookup of metrics.lookups) add(lookup.nameArg.text, { file, sourceFile, literal: lookup.nameArg });
    }
    return { definitions, places };
  });
}

/** The definition's name when written as a string literal at the definition. */
export function nameLiteral(def: MetricDefinition): ts.StringLiteralLike | null {
  if (def.name.state !== 'known') return null;
  let e: ts.Expression = def.name.expr;
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e)) e = e.expression;
  return ts.isStringLiteralLike(e) ? e : null;
}

/** The literal rewritten with the same quotes (a lint-clean name holds only letters, digits and `_`), in its file. */
export function renameEdit(place: NamePlace, value: string): TextEdit {
  const start = place.literal.getStart(place.sourceFile);
  const quote = place.sourceFile.text[start];
  return { start, end: place.literal.end, newText: `${quote}${value}${quote}`, file: place.file };
}
