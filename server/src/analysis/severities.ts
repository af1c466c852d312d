// Rule severities after settings: rule defaults, overridden per rule; `off` removes the rule.
import { isRuleId } from '../../../shared/src/rules';
import type { RuleSeverities, RuleSeveritySettings } from './types';
import { RULES } from './rules';

export function resolveSeverities(settings: RuleSeveritySettings | undefined | null): RuleSeverities {
  const out: RuleSeverities = {};
  for (const rule of RULES) out[rule.meta.id] = rule.meta.defaultSeverity;
  for (const [id, value] of Object.entries(settings ?? {})) {
    if (!isRuleId(id)) continue;
    if (value === 'off') delete out[id];
    else if (value === 'error' || value === 'warning' || value === 'info' || value === 'hint') out[id] = value;
  }
  return out;
}
