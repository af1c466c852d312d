// The rule registry: every rule file under rules/ (one per id in shared/src/rules.ts), in id order.
import type { Rule } from '../rule';

export const RULES: readonly Rule[] = [];
