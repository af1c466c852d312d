// The ajv instance the config file's schema is compiled with, in one place for the two compilers:
// configValidator.ts at run time (tests, sources), and scripts/build.mjs, which compiles the schema
// ahead of time into the bundles with ajv's standalone code (so no process pays ~60 ms to compile it).
import Ajv from 'ajv';
import { EDITOR_SCHEMA_KEYWORDS } from '../../../../shared/src/configSchema';

export function newConfigAjv(options: { source?: boolean } = {}): Ajv {
  const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, code: { source: options.source ?? false } });
  // VS Code's own keywords (`errorMessage`, ...) are annotations to ajv.
  ajv.addVocabulary([...EDITOR_SCHEMA_KEYWORDS]);
  return ajv;
}
