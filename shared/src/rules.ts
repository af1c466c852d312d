// Rule ids are part of the public contract: they appear in settings, suppression comments,
// CLI flags, JSON/SARIF output and diagnostic codes. Never rename one; add and deprecate.

export const RULE_IDS = [
  'console-logging',
  'unstructured-log-message',
  'error-not-serialized',
  'log-argument-order',
  'sensitive-log-data',
  'metric-naming',
  'invalid-metric-definition',
  'high-cardinality-label',
  'incoming-request-id-ignored',
  'handler-missing-request-context',
  'outgoing-call-without-context',
  'handler-missing-metrics',
  'missing-request-id-middleware',
  'async-context-lost',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

export function isRuleId(value: unknown): value is RuleId {
  return typeof value === 'string' && (RULE_IDS as readonly string[]).includes(value);
}

/** Severity a finding is reported at; `off` disables the rule. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';
export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'info', 'hint', 'off'];

/** Source string on every diagnostic, and the suffix of the fix-all code action kind. */
export const DIAGNOSTIC_SOURCE = 'observability-lens';
export const FIX_ALL_KIND = 'source.fixAll.observability-lens';

/** Each rule's documentation lives beside its code; diagnostics link to it. */
export const DOCS_BASE_URL = 'https://github.com/observability-lens/observability-lens/blob/main/server/src/analysis/rules/';
export function ruleDocsUrl(rule: RuleId): string {
  return `${DOCS_BASE_URL}${rule}.md`;
}
