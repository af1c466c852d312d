// Follows values from a metrics library's import to what they are: the prom-client module, a
// metric class, a registry, OpenTelemetry's `metrics` API, a meter, a metric (from its creation,
// or from a type annotation when it is passed in), a `labels(...)` child, a timer's end function.
// Works on the file's scope model (scopes.ts), like the logger model, and never on names.
import ts from '../typescriptModule';
import { enclosingClass, memberSource } from '../classMembers';
import { type Declaration, hasModifier, requiredModule, resolveName, type ScopeMap, unwrap } from '../scopes';
import { evaluate, objectLiteralOf, propertyNameText, UNKNOWN } from './constants';
import { type LabelArgs, type MetricKind, type MetricsLibrary, OPENTELEMETRY, PROM_CLIENT } from './libraries';
import type { Field, LabelName, LabelValue, MetricDefinition, MetricRef, MetricUse, RegistryLookup, RegistryRef } from './model';
import type { ExportedMetrics, ImportLinks, MetricExport, MetricFactory } from '../model/types';

export type MetricValue =
  | { t: 'module'; library: MetricsLibrary | 'otel-sdk' }
  | { t: 'metricClass'; kind: MetricKind; name: string }
  | { t: 'registryClass' }
  | { t: 'registry'; ref: RegistryRef }
  | { t: 'metricsApi' }
  | { t: 'meterProviderClass' }
  | { t: 'meterProvider' }
  | { t: 'meter' }
  | { t: 'metric'; metric: MetricRef }
  /** `metric.labels(...)`: its methods take no label values. */
  | { t: 'child'; metric: MetricRef }
  /** What `startTimer()` returns: calling it ends the timing and takes label values. */
  | { t: 'timerEnd'; metric: MetricRef }
  /**
   * An object or class whose members (static fields) are metrics: `{ requests: new Counter(...) }`,
   * `class Metrics { static importsTotal = new Counter(...) }`, or such a thing imported from a project module.
   */
  | { t: 'holder'; members: ReadonlyMap<string, MetricRef> };

/** Its content type can be switched anywhere in the program (`register.setContentType`), so it is not known. */
const DEFAULT_REGISTRY: RegistryRef = { key: 'default', contentType: null };
const ABSENT: Field = { state: 'absent' };
const MAX_DEPTH = 24;

export class MetricResolver {
  private readonly memo = new Map<ts.Node, MetricValue | null>();
  private readonly declMemo = new Map<Declaration, MetricValue | null>();

  constructor(
    private readonly scopes: ScopeMap,
    /** The file's links to project modules, to follow a call of the project's own metric factory (factories.ts); none: not followed. */
    private readonly links?: ImportLinks,
  ) {}

  valueOf(expr: ts.Expression, depth = 0): MetricValue | null {
    if (depth > MAX_DEPTH) return null;
    const e = unwrap(expr);
    const cached = this.memo.get(e);
    if (cached !== undefined) return cached;
    this.memo.set(e, null); // cycles resolve to nothing
    const v = this.compute(e, depth + 1);
    this.memo.set(e, v);
    return v;
  }

  /** The definition created at `node` (`new Counter(...)`, `meter.createCounter(...)`), if it is one. */
  definitionAt(node: ts.NewExpression | ts.CallExpression): MetricDefinition | null {
    const v = this.valueOf(node);
    return v?.t === 'metric' && v.metric.def?.node === node ? v.metric.def : null;
  }

  /** A call that gives label values to a metric: `counter.inc({ route })`, `end({ code })`, `histogram.record(v, attrs)`. */
  useAt(call: ts.CallExpression): MetricUse | null {
    const callee = unwrap(call.expression);
    if (ts.isIdentifier(callee)) {
      const v = this.valueOf(callee);
      return v?.t === 'timerEnd' ? { node: call, metric: v.metric, method: 'end', labels: this.labelsOf(call, { object: 0 }, v.metric) } : null;
    }
    const access = accessOf(callee);
    if (!access) return null;
    const v = this.valueOf(access.object);
    if (v?.t !== 'metric') return null;
    const spec = (v.metric.library === 'prom-client' ? PROM_CLIENT.useMethods : OPENTELEMETRY.useMethods).get(access.name);
    return spec ? { node: call, metric: v.metric, method: access.name, labels: this.labelsOf(call, spec, v.metric) } : null;
  }

  /** `register.getSingleMetric('name')` on a prom-client registry. */
  lookupAt(call: ts.CallExpression): RegistryLookup | null {
    const access = accessOf(unwrap(call.expression));
    const arg = call.arguments[0] && unwrap(call.arguments[0]);
    if (!access || !PROM_CLIENT.lookupsByName.has(access.name) || !arg || !ts.isStringLiteralLike(arg)) return null;
    return this.valueOf(access.object)?.t === 'registry' ? { node: call, nameArg: arg } : null;
  }

  private compute(e: ts.Expression, depth: number): MetricValue | null {
    if (ts.isIdentifier(e)) {
      const d = resolveName(this.scopes, e, e.text);
      return d ? this.declarationValue(d, depth) : null;
    }
    if (ts.isNewExpression(e)) return this.newValue(e, depth);
    if (ts.isCallExpression(e)) return this.callValue(e, depth);
    if (ts.isObjectLiteralExpression(e)) return this.objectHolder(e, depth);
    const access = accessOf(e);
    if (!access) return null;
    if (access.object.kind === ts.SyntaxKind.ThisKeyword) return this.thisMember(access.object, access.name, depth);
    const target = this.valueOf(access.object, depth);
    if (target?.t === 'holder') {
      const metric = target.members.get(access.name);
      return metric ? { t: 'metric', metric } : null;
    }
    return target?.t === 'module' ? importValue(target.library, access.name) : null;
  }

  /** What a name declared at or above `from` holds (an export of the file read by its local name). */
  valueOfName(from: ts.Node, name: string): MetricValue | null {
    const d = resolveName(this.scopes, from, name);
    return d ? this.declarationValue(d, 0) : null;
  }

  /** An object literal some of whose properties are metrics: its metric members. */
  private objectHolder(obj: ts.ObjectLiteralExpression, depth: number): MetricValue | null {
    const members = new Map<string, MetricRef>();
    for (const p of obj.properties) {
      const key = p.name ? propertyNameText(p.name) : null;
      if (key === null) continue;
      const value = ts.isPropertyAssignment(p) ? p.initializer : ts.isShorthandPropertyAssignment(p) ? p.name : null;
      const v = value ? this.valueOf(value, depth) : null;
      if (v?.t === 'metric') members.set(key, v.metric);
    }
    return members.size > 0 ? { t: 'holder', members } : null;
  }

  /** A class's static fields holding metrics (`static importsTotal = new Counter(...)`). */
  private classHolder(klass: ts.ClassLikeDeclaration, depth: number): MetricValue | null {
    const members = new Map<string, MetricRef>();
    for (const m of klass.members) {
      if (!ts.isPropertyDeclaration(m) || !m.initializer || !hasModifier(m, ts.SyntaxKind.StaticKeyword)) continue;
      const key = propertyNameText(m.name);
      const v = key === null ? null : this.valueOf(m.initializer, depth);
      if (key !== null && v?.t === 'metric') members.set(key, v.metric);
    }
    return members.size > 0 ? { t: 'holder', members } : null;
  }

  /** What importing `name` from a project module gives (links.metricOf), as this file's values. */
  private projectExport(module: string, name: string): MetricValue | null {
    const exported = this.links?.metricOf?.(module, name);
    if (!exported) return null;
    if (exported.t === 'metric') return { t: 'metric', metric: importedRef(exported.metric) };
    return { t: 'holder', members: new Map([...exported.members].map(([k, m]) => [k, importedRef(m)])) };
  }

  private declarationValue(d: Declaration, depth: number): MetricValue | null {
    const cached = this.declMemo.get(d);
    if (cached !== undefined) return cached;
    this.declMemo.set(d, null);
    let v: MetricValue | null = null;
    switch (d.kind) {
      case 'import':
        v = importValue(libraryOfModule(d.module), d.name) ?? this.projectExport(d.module, d.name);
        break;
      case 'class':
        v = this.classHolder(d.node, depth);
        break;
      case 'value':
        // `let counter: Counter<string> | null = null`: the written type says what it will hold.
        v = this.valueOf(d.init, depth) ?? (ts.isVariableDeclaration(d.node) && d.node.type ? this.typeValue(d.node.type) : null);
        break;
      case 'destructure': {
        const from = this.valueOf(d.from, depth);
        if (from?.t === 'holder') {
          const metric = from.members.get(d.property);
          v = metric ? { t: 'metric', metric } : null;
        } else v = from?.t === 'module' ? importValue(from.library, d.property) : null;
        break;
      }
      case 'param':
        v = d.node.type ? this.typeValue(d.node.type) : null;
        break;
      case 'other':
        v = d.node?.type ? this.typeValue(d.node.type) : null;
        break;
    }
    this.declMemo.set(d, v);
    return v;
  }

  private newValue(e: ts.NewExpression, depth: number): MetricValue | null {
    const callee = this.valueOf(e.expression, depth);
    if (callee?.t === 'metricClass') return { t: 'metric', metric: { library: 'prom-client', kind: callee.kind, def: this.promDefinition(e, callee.kind, callee.name) } };
    if (callee?.t === 'registryClass') return { t: 'registry', ref: { key: `registry@${e.pos}`, contentType: this.contentTypeOf(e.arguments?.[0], depth) } };
    if (callee?.t === 'meterProviderClass') return { t: 'meterProvider' };
    return null;
  }

  private callValue(call: ts.CallExpression, depth: number): MetricValue | null {
    const module = requiredModule(call);
    if (module) return importValue(libraryOfModule(module), '*') ?? this.projectExport(module, '*');
    const factory = this.factoryCalled(call);
    if (factory) return { t: 'metric', metric: { library: 'prom-client', kind: factory.kind, def: this.promDefinition(call, factory.kind, factory.constructorName, factory.config) } };
    const access = accessOf(unwrap(call.expression));
    if (!access) return null;
    const target = this.valueOf(access.object, depth);
    if (!target) return null;
    const name = access.name;
    switch (target.t) {
      case 'metricsApi':
        return name === OPENTELEMETRY.getMeter ? { t: 'meter' } : name === OPENTELEMETRY.getMeterProvider ? { t: 'meterProvider' } : null;
      case 'meterProvider':
        return name === OPENTELEMETRY.getMeter ? { t: 'meter' } : null;
      case 'meter': {
        const kind = OPENTELEMETRY.instruments.get(name);
        return kind ? { t: 'metric', metric: { library: 'opentelemetry', kind, def: this.otelDefinition(call, kind, name) } } : null;
      }
      case 'metric':
        if (target.metric.library !== 'prom-client') return null;
        if (name === PROM_CLIENT.childMethod) return { t: 'child', metric: target.metric };
        return name === PROM_CLIENT.timerMethod ? { t: 'timerEnd', metric: target.metric } : null;
      case 'child':
        return name === PROM_CLIENT.timerMethod ? { t: 'timerEnd', metric: target.metric } : null;
      default:
        return null;
    }
  }

  /** The project's metric factory `call` calls (`createCounter({ name, help })` imported from a project module), if any. */
  private factoryCalled(call: ts.CallExpression): MetricFactory | null {
    const callee = unwrap(call.expression);
    if (!this.links) return null;
    if (ts.isIdentifier(callee)) {
      const v = this.importedExport(callee);
      return v?.t === 'function' && v.fn.makesMetric ? v.fn.makesMetric : null;
    }
    // `monitor.registerGauge({ name, help })` on `const monitor = new DbMetricsMonitor(config)`, the class imported.
    const access = accessOf(callee);
    const receiver = access && unwrap(access.object);
    if (!access || !receiver || !ts.isIdentifier(receiver)) return null;
    const d = resolveName(this.scopes, receiver, receiver.text);
    const made = d?.kind === 'value' ? unwrap(d.init) : null;
    const klass = made && ts.isNewExpression(made) ? unwrap(made.expression) : null;
    const v = klass && ts.isIdentifier(klass) ? this.importedExport(klass) : null;
    return (v?.t === 'class' && v.cls.methods?.get(access.name)?.makesMetric) || null;
  }

  /** What the project module an identifier is imported from exports under its name; null for anything else. */
  private importedExport(id: ts.Identifier): ReturnType<ImportLinks['exportOf']> {
    const d = resolveName(this.scopes, id, id.text);
    return d?.kind === 'import' && this.links ? this.links.exportOf(d.module, d.name) : null;
  }

  /** `this.name` in a class: a field initialised with a metric or typed as one, or assigned one in the constructor. */
  private thisMember(thisNode: ts.Node, name: string, depth: number): MetricValue | null {
    const klass = enclosingClass(thisNode);
    const source = klass && memberSource(klass, name);
    if (!source) return null;
    return 'init' in source ? this.valueOf(source.init, depth) : this.typeValue(source.type);
  }

  /** A type naming a metric or a meter of a library: `Counter<string>`, `client.Histogram`, `Meter`, `Counter | null`. */
  private typeValue(type: ts.TypeNode, anchor: ts.Node = type): MetricValue | null {
    if (ts.isUnionTypeNode(type)) {
      for (const t of type.types) {
        const v = this.typeValue(t, anchor);
        if (v) return v;
      }
      return null;
    }
    if (!ts.isTypeReferenceNode(type)) return null;
    const tn = type.typeName;
    // Resolved from the outermost type node: the walk does not descend into types, so only it has a parent.
    if (ts.isIdentifier(tn)) {
      const d = resolveName(this.scopes, anchor, tn.text);
      return d?.kind === 'import' ? typeFromImport(libraryOfModule(d.module), d.name) : null;
    }
    if (!ts.isIdentifier(tn.left)) return null;
    const d = resolveName(this.scopes, anchor, tn.left.text);
    return d?.kind === 'import' && (d.name === '*' || d.name === 'default') ? typeFromImport(libraryOfModule(d.module), tn.right.text) : null;
  }

  private contentTypeOf(arg: ts.Expression | undefined, depth: number): RegistryRef['contentType'] {
    if (!arg) return 'prometheus';
    const a = unwrap(arg);
    const access = accessOf(a);
    if (access && PROM_CLIENT.openMetricsContentTypes.has(access.name) && this.valueOf(access.object, depth)?.t === 'registryClass') return 'openmetrics';
    if (ts.isIdentifier(a) && PROM_CLIENT.openMetricsContentTypes.has(a.text)) {
      const d = resolveName(this.scopes, a, a.text);
      if (d?.kind === 'import' && PROM_CLIENT.modules.has(d.module)) return 'openmetrics';
    }
    const v = evaluate(a, this.scopes);
    if (typeof v === 'string') return PROM_CLIENT.openMetricsContentTypes.has(v) ? 'openmetrics' : null;
    return null;
  }

  /** A prom-client definition: `new Counter(config)`, or a project factory's call with the configuration at `configIndex`. */
  private promDefinition(node: ts.NewExpression | ts.CallExpression, kind: MetricKind, constructorName: string, configIndex = 0): MetricDefinition {
    const arg = node.arguments?.[configIndex];
    const config = arg ? objectLiteralOf(arg, this.scopes) : null;
    let configValue: Field | null = null;
    if (!arg) configValue = ABSENT;
    else if (!config) configValue = this.field(arg);
    const fields = config ? this.fieldsOf(config) : null;
    const get = (key: string): Field => (fields ? fields.get(key) ?? fields.get('') ?? ABSENT : { state: 'unknown', expr: null });
    const labelNames = get('labelNames');
    return {
      node,
      library: 'prom-client',
      kind,
      constructorName,
      config,
      configValue,
      name: get('name'),
      help: get('help'),
      unit: ABSENT,
      labelNames,
      labelNameList: this.labelNameList(labelNames),
      registries: this.registriesOf(get('registers')),
      collect: get('collect'),
      enableExemplars: get('enableExemplars'),
    };
  }

  private otelDefinition(node: ts.CallExpression, kind: MetricKind, constructorName: string): MetricDefinition {
    const [nameArg, optionsArg] = node.arguments;
    const options = optionsArg ? objectLiteralOf(optionsArg, this.scopes) : null;
    const fields = options ? this.fieldsOf(options) : null;
    const get = (key: string): Field => (fields ? fields.get(key) ?? fields.get('') ?? ABSENT : optionsArg ? { state: 'unknown', expr: optionsArg } : ABSENT);
    return {
      node,
      library: 'opentelemetry',
      kind,
      constructorName,
      config: options,
      configValue: null,
      name: nameArg ? this.field(nameArg) : ABSENT,
      help: get('description'),
      unit: get('unit'),
      labelNames: ABSENT,
      labelNameList: null,
      registries: null,
      collect: ABSENT,
      enableExemplars: ABSENT,
    };
  }

  private field(expr: ts.Expression): Field {
    const value = evaluate(expr, this.scopes);
    return value === UNKNOWN ? { state: 'unknown', expr } : { state: 'known', value, expr };
  }

  /**
   * The fields of a configuration literal, as JavaScript reads it: a later key wins, and a spread
   * may set any key written before it. Key '' stands for "any key not written" after a spread.
   */
  private fieldsOf(obj: ts.ObjectLiteralExpression): Map<string, Field> {
    const out = new Map<string, Field>();
    for (const p of obj.properties) {
      if (ts.isSpreadAssignment(p)) {
        const unknown: Field = { state: 'unknown', expr: p.expression };
        for (const key of out.keys()) out.set(key, unknown);
        out.set('', unknown);
        continue;
      }
      const key = p.name ? propertyNameText(p.name) : null;
      if (key === null) {
        // A computed key may be any key.
        const unknown: Field = { state: 'unknown', expr: null };
        for (const k of out.keys()) out.set(k, unknown);
        out.set('', unknown);
        continue;
      }
      if (ts.isPropertyAssignment(p)) out.set(key, this.field(p.initializer));
      else if (ts.isShorthandPropertyAssignment(p)) out.set(key, this.field(p.name));
      else out.set(key, { state: 'unknown', expr: null }); // a method or accessor: a function, not a constant
    }
    return out;
  }

  private labelNameList(field: Field): LabelName[] | null {
    if (field.state !== 'known' || !Array.isArray(field.value)) return null;
    let list = unwrap(field.expr);
    if (ts.isIdentifier(list)) {
      const d = resolveName(this.scopes, list, list.text);
      if (d?.kind === 'value') list = unwrap(d.init);
    }
    if (!ts.isArrayLiteralExpression(list)) return null;
    const values = field.value as readonly unknown[];
    return list.elements.map((el, i) => ({ value: values[i] as LabelName['value'], expr: el }));
  }

  /** Where `registers` puts the metric: the default registry unless it lists others. */
  private registriesOf(field: Field): RegistryRef[] | null {
    if (field.state === 'absent') return [DEFAULT_REGISTRY];
    // prom-client falls back to the default registry for a falsy `registers`.
    if (field.state === 'known' && !field.value) return [DEFAULT_REGISTRY];
    const list = field.expr ? unwrap(field.expr) : null;
    if (!list || !ts.isArrayLiteralExpression(list)) return null;
    const out: RegistryRef[] = [];
    for (const el of list.elements) {
      const v = ts.isSpreadElement(el) ? null : this.valueOf(el);
      if (v?.t !== 'registry') return null;
      out.push(v.ref);
    }
    return out;
  }

  private labelsOf(call: ts.CallExpression, spec: LabelArgs, metric: MetricRef): LabelValue[] {
    const args = call.arguments;
    if ('object' in spec) {
      const arg = args[spec.object];
      const obj = arg ? objectLiteralOf(arg, this.scopes) : null;
      return obj ? objectLabels(obj) : [];
    }
    // `labels({ route })` or `labels('GET', route)`, in the definition's label order.
    const single = args.length === 1 ? objectLiteralOf(args[0], this.scopes) : null;
    if (single) return objectLabels(single);
    const names = metric.def ? metric.def.labelNameList?.map((n) => n.value) : metric.labelNames;
    return args.map((value, i) => {
      const name = names?.[i];
      return { name: typeof name === 'string' ? name : null, key: null, value, holder: value };
    });
  }
}

function objectLabels(obj: ts.ObjectLiteralExpression): LabelValue[] {
  const out: LabelValue[] = [];
  for (const p of obj.properties) {
    if (ts.isPropertyAssignment(p)) out.push({ name: propertyNameText(p.name), key: p.name, value: p.initializer, holder: p });
    else if (ts.isShorthandPropertyAssignment(p)) out.push({ name: p.name.text, key: p.name, value: p.name, holder: p });
  }
  return out;
}

/** A metric defined in another module, as this file sees it: no definition node here, its label names kept. */
function importedRef(m: MetricExport): MetricRef {
  return { library: m.library, kind: m.kind, def: null, labelNames: m.labelNames };
}

/** What a file exports of a metric it resolved: the library, kind and constant label names (no nodes). */
export function metricExportOf(metric: MetricRef): MetricExport {
  const names = metric.def ? metric.def.labelNameList?.map((n) => (typeof n.value === 'string' ? n.value : null)) ?? null : metric.labelNames ?? null;
  return { library: metric.library, kind: metric.kind, labelNames: names };
}

/** The members of a holder as another module sees them. */
export function exportedMetricsOf(v: MetricValue | null): ExportedMetrics | null {
  if (v?.t === 'metric') return { t: 'metric', metric: metricExportOf(v.metric) };
  if (v?.t === 'holder') return { t: 'members', members: new Map([...v.members].map(([k, m]) => [k, metricExportOf(m)])) };
  return null;
}

/** `a.b` or `a['b']`: the object and the member name. */
function accessOf(e: ts.Expression): { object: ts.Expression; name: string } | null {
  if (ts.isPropertyAccessExpression(e)) return { object: e.expression, name: e.name.text };
  if (ts.isElementAccessExpression(e) && ts.isStringLiteralLike(e.argumentExpression)) return { object: e.expression, name: e.argumentExpression.text };
  return null;
}

function libraryOfModule(module: string): MetricsLibrary | 'otel-sdk' | null {
  if (PROM_CLIENT.modules.has(module)) return 'prom-client';
  if (OPENTELEMETRY.modules.has(module)) return 'opentelemetry';
  return OPENTELEMETRY.sdkModules.has(module) ? 'otel-sdk' : null;
}

/** What importing `name` from a metrics library gives (`*` / `default`: the module itself). */
function importValue(library: MetricsLibrary | 'otel-sdk' | null, name: string): MetricValue | null {
  if (!library) return null;
  if (name === '*' || name === 'default') return { t: 'module', library };
  switch (library) {
    case 'prom-client': {
      const kind = PROM_CLIENT.classes.get(name);
      if (kind) return { t: 'metricClass', kind, name };
      if (name === PROM_CLIENT.registryClass) return { t: 'registryClass' };
      return name === PROM_CLIENT.defaultRegistry ? { t: 'registry', ref: DEFAULT_REGISTRY } : null;
    }
    case 'opentelemetry':
      return name === OPENTELEMETRY.metricsApi ? { t: 'metricsApi' } : null;
    case 'otel-sdk':
      return name === OPENTELEMETRY.meterProviderClass ? { t: 'meterProviderClass' } : null;
  }
}

/** What a type imported from a metrics library denotes: a metric passed in (no definition here) or a meter. */
function typeFromImport(library: MetricsLibrary | 'otel-sdk' | null, name: string): MetricValue | null {
  if (library === 'prom-client') {
    const kind = PROM_CLIENT.classes.get(name);
    return kind ? { t: 'metric', metric: { library, kind, def: null } } : null;
  }
  if (name === OPENTELEMETRY.meterProviderClass && (library === 'opentelemetry' || library === 'otel-sdk')) return { t: 'meterProvider' };
  if (library === 'opentelemetry') {
    if (name === OPENTELEMETRY.meterType) return { t: 'meter' };
    const kind = OPENTELEMETRY.instrumentTypes.get(name);
    return kind ? { t: 'metric', metric: { library, kind, def: null } } : null;
  }
  return null;
}
