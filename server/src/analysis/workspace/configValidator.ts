// The compiled validator of obs-lens.config.json's schema. This file compiles it on first use; the
// bundles do not run it: scripts/build.mjs puts in its place the same validator compiled ahead of
// time (ajv standalone code from the same schema and the same ajv options, configAjv.ts).
import type { ValidateFunction } from 'ajv';
import { CONFIG_SCHEMA } from '../../../../shared/src/configSchema';
import { newConfigAjv } from './configAjv';

let compiled: ValidateFunction | undefined;

export function configValidator(): ValidateFunction {
  compiled ??= newConfigAjv().compile(CONFIG_SCHEMA);
  return compiled;
}
