// Rule severities after settings: rule defaults, overridden per rule; `off` removes the rule.
import { isRuleId, type RuleId } from '../../../shared/src/rules';
import type { RuleSeverities, RuleSeveritySettings } from './types';
import { RULES } from './rules';

export function resolveSeverities(settings: RuleSeveritySettings | undefined | null, only?: readonly RuleId[]): RuleSeverities {
  const out: RuleSeverities = {};
  for (const rule of RULES) out[rule.meta.id] = rule.meta.defaultSeverity;
  for (const [id, value] of Object.entries(settings ?? {})) {
    if (!isRuleId(id)) continue;
    if (value === 'off') delete out[id];
    else if (value === 'error' || value === 'warning' || value === 'info' || value === 'hint') out[id] = value;
  }
  if (!only || only.length === 0) return out;
  // Only the named rules (the CLI's --rule), each at its configured severity, or its default when configured off.
  const selected: RuleSeverities = {};
  for (const id of only) {
    const severity = out[id] ?? RULES.find((r) => r.meta.id === id)?.meta.defaultSeverity;
    if (severity) selected[id] = severity;
  }
  return selected;
}
