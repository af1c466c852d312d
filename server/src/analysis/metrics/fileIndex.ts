// Lookups rules make for each finding (other definitions with the same name, a metric's uses, the
// registry lookups naming it), indexed once per file so that a file with thousands of metrics is
// still checked in linear time.
import type { FileMetrics, MetricDefinition, MetricUse, RegistryLookup } from './model';

export interface MetricIndex {
  /** Definitions by their known name (constant names only), in source order. */
  readonly byName: ReadonlyMap<string, readonly MetricDefinition[]>;
  readonly usesOf: ReadonlyMap<MetricDefinition, readonly MetricUse[]>;
  readonly lookupsByName: ReadonlyMap<string, readonly RegistryLookup[]>;
}

const cache = new WeakMap<FileMetrics, MetricIndex>();

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function indexOf(metrics: FileMetrics): MetricIndex {
  let index = cache.get(metrics);
  if (index) return index;
  const byName = new Map<string, MetricDefinition[]>();
  const usesOf = new Map<MetricDefinition, MetricUse[]>();
  const lookupsByName = new Map<string, RegistryLookup[]>();
  for (const d of metrics.definitions) if (d.name.state === 'known') push(byName, String(d.name.value), d);
  for (const u of metrics.uses) if (u.metric.def) push(usesOf, u.metric.def, u);
  for (const l of metrics.lookups) push(lookupsByName, l.nameArg.text, l);
  index = { byName, usesOf, lookupsByName };
  cache.set(metrics, index);
  return index;
}
