// Prometheus's own metric lint, as `promtool check metrics` runs it (client_golang's promlint:
// lintHelp, lintMetricUnits, lintCounter, lintHistogramSummaryReserved, lintMetricTypeInName,
// lintReservedChars, lintCamelCase, lintUnitAbbreviations), with its problem texts word for word,
// and the lint-clean name each problem points to. Tables as in client_golang v1.14 (Prometheus 2.42).
import type { MetricKind } from './libraries';

/** A metric family as promlint sees it in the exposition text. */
export interface LintedMetric {
  readonly name: string;
  readonly kind: MetricKind;
  readonly hasHelp: boolean;
  readonly labelNames: readonly string[];
}

/** Unit words and the base unit each should be written in. */
const UNITS: ReadonlyMap<string, string> = new Map([
  // Base units.
  ['amperes', 'amperes'],
  ['bytes', 'bytes'],
  ['celsius', 'celsius'],
  ['grams', 'grams'],
  ['joules', 'joules'],
  ['kelvin', 'kelvin'],
  ['meters', 'meters'],
  ['metres', 'metres'],
  ['seconds', 'seconds'],
  ['volts', 'volts'],
  // Not base units.
  ['minutes', 'seconds'],
  ['hours', 'seconds'],
  ['days', 'seconds'],
  ['weeks', 'seconds'],
  ['kelvins', 'kelvin'],
  ['fahrenheit', 'celsius'],
  ['rankine', 'celsius'],
  ['inches', 'meters'],
  ['yards', 'meters'],
  ['miles', 'meters'],
  ['bits', 'bytes'],
  ['calories', 'joules'],
  ['pounds', 'grams'],
  ['ounces', 'grams'],
]);

// promlint's list, typos included (`mibi`): `mebibytes` is not recognised as a unit there either.
const UNIT_PREFIXES = ['pico', 'nano', 'micro', 'milli', 'centi', 'deci', 'deca', 'hecto', 'kilo', 'kibi', 'mega', 'mibi', 'giga', 'gibi', 'tera', 'tebi', 'peta', 'pebi'];

/** Abbreviated units promlint discourages, with the base unit each stands for (ours: promlint names none). */
const UNIT_ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['s', 'seconds'],
  ['ms', 'seconds'],
  ['us', 'seconds'],
  ['ns', 'seconds'],
  ['sec', 'seconds'],
  ['b', 'bytes'],
  ['kb', 'bytes'],
  ['mb', 'bytes'],
  ['gb', 'bytes'],
  ['tb', 'bytes'],
  ['pb', 'bytes'],
  // `m` is the SI symbol of the metre (a minute would be `min`).
  ['m', 'meters'],
  ['h', 'seconds'],
  ['d', 'seconds'],
]);

const TYPE_WORDS = ['counter', 'gauge', 'summary', 'histogram'];
const CAMEL_CASE = /[a-z][A-Z]/;

export const PROBLEMS = {
  noHelp: 'no help text',
  baseUnit: (base: string, unit: string) => `use base unit "${base}" instead of "${unit}"`,
  counterTotal: 'counter metrics should have "_total" suffix',
  nonCounterTotal: 'non-counter metrics should not have "_total" suffix',
  bucket: 'non-histogram metrics should not have "_bucket" suffix',
  count: 'non-histogram and non-summary metrics should not have "_count" suffix',
  sum: 'non-histogram and non-summary metrics should not have "_sum" suffix',
  leLabel: 'non-histogram metrics should not have "le" label',
  quantileLabel: 'non-summary metrics should not have "quantile" label',
  typeInName: (type: string) => `metric name should not include type '${type}'`,
  colon: "metric names should not contain ':'",
  camelName: "metric names should be written in 'snake_case' not 'camelCase'",
  camelLabel: "label names should be written in 'snake_case' not 'camelCase'",
  abbreviation: 'metric names should not contain abbreviated units',
} as const;

/** A unit word of the name and its base unit (`kilobytes` → bytes), the first found. */
function metricUnit(name: string): { unit: string; base: string } | null {
  const words = name.split('_');
  for (const [unit, base] of UNITS) {
    for (const prefix of [...UNIT_PREFIXES, '']) {
      if (words.includes(prefix + unit)) return { unit: prefix + unit, base };
    }
  }
  return null;
}

/** `_word_` inside or `_word` at the end of a name, as promlint matches words. */
function hasWord(lowerName: string, word: string): boolean {
  return lowerName.includes(`_${word}_`) || lowerName.endsWith(`_${word}`);
}

/** The problems promlint reports for the metric's name (help, units, suffixes, type, ':', case). */
export function nameProblems(m: LintedMetric): string[] {
  const out: string[] = [];
  const { name, kind } = m;
  if (!m.hasHelp) out.push(PROBLEMS.noHelp);
  const unit = metricUnit(name);
  if (unit && unit.unit !== unit.base) out.push(PROBLEMS.baseUnit(unit.base, unit.unit));
  const total = name.endsWith('_total');
  if (kind === 'counter' && !total) out.push(PROBLEMS.counterTotal);
  if (kind !== 'counter' && total) out.push(PROBLEMS.nonCounterTotal);
  if (kind !== 'histogram' && name.endsWith('_bucket')) out.push(PROBLEMS.bucket);
  if (kind !== 'histogram' && kind !== 'summary' && name.endsWith('_count')) out.push(PROBLEMS.count);
  if (kind !== 'histogram' && kind !== 'summary' && name.endsWith('_sum')) out.push(PROBLEMS.sum);
  const lower = name.toLowerCase();
  for (const type of TYPE_WORDS) if (hasWord(lower, type)) out.push(PROBLEMS.typeInName(type));
  if (name.includes(':')) out.push(PROBLEMS.colon);
  if (CAMEL_CASE.test(name)) out.push(PROBLEMS.camelName);
  for (const abbreviation of UNIT_ABBREVIATIONS.keys()) if (hasWord(lower, abbreviation)) out.push(PROBLEMS.abbreviation);
  return out;
}

/** The problems promlint reports for one label name of the metric. */
export function labelProblems(kind: MetricKind, label: string): string[] {
  const out: string[] = [];
  if (kind !== 'histogram' && label === 'le') out.push(PROBLEMS.leLabel);
  if (kind !== 'summary' && label === 'quantile') out.push(PROBLEMS.quantileLabel);
  if (CAMEL_CASE.test(label)) out.push(PROBLEMS.camelLabel);
  return out;
}

/** `userId` → `user_id`, as the camelCase lint wants (only names it flags are changed). */
export function snakeCase(name: string): string {
  return CAMEL_CASE.test(name) ? name.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase() : name;
}

export interface CleanName {
  readonly name: string;
  /** Set when a unit changed scale (`milliseconds` → `seconds`): the values must be converted too. */
  readonly rescaled: { readonly from: string; readonly to: string } | null;
}

/**
 * The name with every name problem fixed: ':' and camelCase to snake_case, type words dropped,
 * units in their base unit spelled out, suffixes only where the type makes them, `_total` on counters.
 */
export function lintCleanName(name: string, kind: MetricKind): CleanName {
  let rescaled: CleanName['rescaled'] = null;
  const words = snakeCase(name.replace(/:/g, '_')).split('_');
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const lower = word.toLowerCase();
    // promlint matches type words and abbreviations only after an underscore.
    if (i > 0 && TYPE_WORDS.includes(lower)) continue;
    const abbreviated = i > 0 ? UNIT_ABBREVIATIONS.get(lower) : undefined;
    const unit = abbreviated ? { unit: lower, base: abbreviated } : unitOf(word);
    if (unit && unit.unit !== unit.base) {
      if (!isSameScale(unit.unit, unit.base)) rescaled ??= { from: unit.unit, to: unit.base };
      if (out[out.length - 1] !== unit.base) out.push(unit.base);
      continue;
    }
    out.push(word);
  }
  const reserved = (w: string) =>
    (w === 'total' && kind !== 'counter') || (w === 'bucket' && kind !== 'histogram') || ((w === 'count' || w === 'sum') && kind !== 'histogram' && kind !== 'summary') || (kind === 'counter' && (w === 'count' || w === 'sum'));
  while (out.length > 1 && reserved(out[out.length - 1])) out.pop();
  // `_total` as a suffix: a counter named just `total` becomes `total_total`.
  if (kind === 'counter' && (out.length < 2 || out[out.length - 1] !== 'total')) out.push('total');
  return { name: out.join('_'), rescaled };
}

function unitOf(word: string): { unit: string; base: string } | null {
  for (const [unit, base] of UNITS) {
    for (const prefix of [...UNIT_PREFIXES, '']) if (word === prefix + unit) return { unit: word, base };
  }
  return null;
}

/** Only a spelling changes (`s` → seconds, `kelvins` → kelvin), not the scale of the values. */
function isSameScale(unit: string, base: string): boolean {
  return unit === 's' || unit === 'sec' || unit === 'b' || unit === 'm' || unit === 'kelvins' || UNITS.get(unit) === unit || unit === base;
}
