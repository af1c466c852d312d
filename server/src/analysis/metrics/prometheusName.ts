// The Prometheus name an OpenTelemetry instrument is exported under, as the OpenTelemetry
// specification's Prometheus compatibility section gives it (and the Collector's Prometheus
// exporter writes it): words of the name joined by `_`, the unit spelled out as a suffix unless the
// name already has it (`ms` → `milliseconds`, `By/s` → `bytes_per_second`, `{request}` dropped),
// `_total` on monotonic counters. (The in-process @opentelemetry/exporter-prometheus adds no unit
// suffix; the name is linted as the specification exports it.)
import type { MetricKind } from './libraries';

/** UCUM units as the specification spells them out in Prometheus names. */
const UNIT_WORDS: ReadonlyMap<string, string> = new Map([
  ['d', 'days'],
  ['h', 'hours'],
  ['min', 'minutes'],
  ['s', 'seconds'],
  ['ms', 'milliseconds'],
  ['us', 'microseconds'],
  ['ns', 'nanoseconds'],
  ['By', 'bytes'],
  ['KiBy', 'kibibytes'],
  ['MiBy', 'mebibytes'],
  ['GiBy', 'gibibytes'],
  ['TiBy', 'tibibytes'],
  ['KBy', 'kilobytes'],
  ['MBy', 'megabytes'],
  ['GBy', 'gigabytes'],
  ['TBy', 'terabytes'],
  ['m', 'meters'],
  ['V', 'volts'],
  ['A', 'amperes'],
  ['J', 'joules'],
  ['W', 'watts'],
  ['g', 'grams'],
  ['Cel', 'celsius'],
  ['Hz', 'hertz'],
  ['1', ''],
  ['%', 'percent'],
]);

/** The unit after `/`, singular: `By/s` → bytes_per_second. */
const PER_UNIT_WORDS: ReadonlyMap<string, string> = new Map([
  ['s', 'second'],
  ['m', 'minute'],
  ['h', 'hour'],
  ['d', 'day'],
  ['w', 'week'],
  ['mo', 'month'],
  ['y', 'year'],
]);

const NOT_ALPHANUMERIC = /[^a-zA-Z0-9]+/;

/** A unit part as a name word: spelled out, or as written without `{annotations}` and symbols. */
function unitWord(part: string, table: ReadonlyMap<string, string>): string {
  const trimmed = part.trim();
  if (trimmed === '' || trimmed.includes('{')) return '';
  return table.get(trimmed) ?? trimmed.split(NOT_ALPHANUMERIC).filter(Boolean).join('_');
}

/** The exported Prometheus name of an instrument `name` with `unit` (empty when none) of `kind`. */
export function otelPrometheusName(name: string, kind: MetricKind, unit: string): string {
  const words = name.split(NOT_ALPHANUMERIC).filter(Boolean);
  const [main, per] = unit.split('/', 2);
  const mainWord = unitWord(main ?? '', UNIT_WORDS);
  if (mainWord && !words.includes(mainWord)) words.push(mainWord);
  const perWord = per !== undefined ? unitWord(per, PER_UNIT_WORDS) : '';
  if (perWord && !words.includes(perWord)) words.push('per', perWord);
  if (kind === 'gauge' && unit.trim() === '1' && !words.includes('ratio')) words.push('ratio');
  // Counters are the monotonic sums: exported as Prometheus counters.
  if (kind === 'counter') {
    const rest = words.filter((w) => w !== 'total');
    words.length = 0;
    words.push(...rest, 'total');
  }
  const joined = words.join('_');
  return /^[0-9]/.test(joined) ? `_${joined}` : joined;
}

/** An attribute key as a Prometheus label name: every other character becomes `_`. */
export function otelPrometheusLabel(key: string): string {
  const label = key.replace(/[^a-zA-Z0-9_]/g, '_');
  return /^[0-9]/.test(label) ? `key_${label}` : label;
}
