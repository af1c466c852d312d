// The JSON schema of obs-lens.config.json, built from the rule ids, severities and defaults the code
// uses, so it cannot drift from them. It serves three readers: the editor (package.json
// `contributes.jsonValidation` points at schemas/obs-lens.config.schema.json, which the build writes
// from this object and a unit test compares with it), and the CLI and the language server, which
// validate with ajv against this same object (server/src/analysis/workspace/configSchemaCheck.ts).
//
// `errorMessage` is VS Code's JSON schema extension: the editor shows it for a value of the wrong
// type, and the CLI and server put the same words in their messages ("tail.otlpPort must be a port
// number from 0 to 65535 ..., not 70000"). An object's schema says it in `typeErrorMessage` (ours,
// which the editor ignores): VS Code would show an object's `errorMessage` for its unknown keys too,
// in place of "Property console-loging is not allowed". Beyond its type, `loggerModule` is checked in code to be
// a module specifier (server/src/analysis/moduleSpecifier.ts): fixes write it into imports.
import { RULE_IDS, SEVERITY_SETTINGS, ruleDocsUrl } from './rules';
import { CONFIG_FILE_NAME, DEFAULT_SETTINGS } from './settings';

/** Where the editor finds the schema, relative to the extension's root (package.json points here). */
export const CONFIG_SCHEMA_PATH = 'schemas/obs-lens.config.schema.json';

/** Keywords of VS Code's JSON schema dialect (and our typeErrorMessage) the schema uses; ajv is told they are annotations. */
export const EDITOR_SCHEMA_KEYWORDS = ['errorMessage', 'markdownDescription', 'enumDescriptions', 'typeErrorMessage'] as const;

/** HTTP header names (RFC 9110 tokens). */
const HEADER_NAME = "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$";

const SEVERITY_DESCRIPTIONS: Record<(typeof SEVERITY_SETTINGS)[number], string> = {
  error: 'Report as an error',
  warning: 'Report as a warning',
  info: 'Report as information',
  hint: 'Show as a hint (faded, no Problems entry)',
  off: 'Turn the rule off',
};

const stringArray = (errorMessage: string, description: string, markdown = false) => ({
  type: 'array',
  items: { type: 'string' },
  default: [],
  [markdown ? 'markdownDescription' : 'description']: description,
  errorMessage,
});

function ruleProperties(): Record<string, object> {
  const properties: Record<string, object> = {};
  for (const id of RULE_IDS) {
    properties[id] = {
      enum: [...SEVERITY_SETTINGS],
      enumDescriptions: SEVERITY_SETTINGS.map((s) => SEVERITY_DESCRIPTIONS[s]),
      markdownDescription: `Severity of [\`${id}\`](${ruleDocsUrl(id)}), or \`off\`.`,
    };
  }
  return properties;
}

const tail = DEFAULT_SETTINGS.tail;

export const CONFIG_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: CONFIG_FILE_NAME,
  description: 'Observability Lens configuration. The nearest obs-lens.config.json at or above a file (up to the repository root) applies to it, in the editor and in the obs-lens CLI alike.',
  type: 'object',
  typeErrorMessage: 'must be a JSON object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string', description: 'The JSON schema of this file (editors use it; Observability Lens ignores it).' },
    $comment: { type: 'string', description: 'A comment (ignored).' },
    enable: { type: 'boolean', default: DEFAULT_SETTINGS.enable, description: 'Analyse JavaScript and TypeScript files for logging problems.', errorMessage: 'must be true or false' },
    rules: {
      type: 'object',
      default: {},
      markdownDescription: 'Severity per rule (`error`, `warning`, `info`, `hint` or `off`). Rules not listed use their default.',
      typeErrorMessage: `must be an object mapping rule ids to ${SEVERITY_SETTINGS.join(' | ')}`,
      additionalProperties: false,
      properties: ruleProperties(),
    },
    loggerModule: {
      type: ['string', 'null'],
      default: DEFAULT_SETTINGS.loggerModule,
      markdownDescription: 'The project logger module as imported from service code, e.g. `./src/logger` (relative to this file\'s folder) or `@acme/logger`. Detected when unset.',
      errorMessage: 'must be a module specifier such as "./src/logger" or "@acme/logger", or null',
    },
    requestIdHeader: {
      type: 'string',
      pattern: HEADER_NAME,
      default: DEFAULT_SETTINGS.requestIdHeader,
      description: 'HTTP header that carries the request ID (case-insensitive).',
      errorMessage: 'must be an HTTP header name such as "x-request-id"',
    },
    ignore: stringArray('must be an array of globs (gitignore syntax)', 'Globs (gitignore syntax, relative to this file\'s folder) of files never analysed. `.gitignore` and `node_modules` are always respected.', true),
    tail: {
      type: 'object',
      default: {},
      description: 'Log sources of the Logs panel and of `obs-lens tail`.',
      typeErrorMessage: 'must be an object',
      additionalProperties: false,
      properties: {
        files: stringArray('must be an array of strings', 'Log files or globs (relative to the workspace folder) to follow.'),
        command: {
          type: ['array', 'null'],
          items: { type: 'string' },
          minItems: 1,
          default: tail.command,
          markdownDescription: 'A command whose output is tailed, as an argv array (run without a shell), e.g. `["npm", "run", "dev"]`. Runs only in a trusted workspace.',
          errorMessage: 'must be null or a non-empty array of strings (argv, run without a shell)',
        },
        otlpPort: { type: 'integer', minimum: 0, maximum: 65535, default: tail.otlpPort, markdownDescription: 'Port of the OTLP/HTTP logs receiver on 127.0.0.1 (`0` turns it off).', errorMessage: 'must be a port number from 0 to 65535 (0 turns the receiver off)' },
        maxRecords: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER, default: tail.maxRecords, description: 'Maximum number of log records kept (oldest are dropped first).', errorMessage: 'must be a positive whole number' },
        maxBytes: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER, default: tail.maxBytes, description: 'Maximum memory in bytes kept for log records.', errorMessage: 'must be a positive whole number' },
        requestIdFields: stringArray('must be an array of strings', 'Extra field paths that carry a request ID (e.g. `ctx.reqId`), tried before the built-in ones.', true),
        formats: { type: 'array', default: [], markdownDescription: 'User-defined log line formats, in the shape of the built-in format descriptions. `detect.pattern` uses RE2 syntax (no backreferences or lookaround).', errorMessage: 'must be an array of format descriptions' },
        loadExisting: { type: 'integer', minimum: 0, maximum: 1_000_000, default: tail.loadExisting, markdownDescription: 'A configured file that already holds lines is followed from its end; the panel offers to load this many of its last lines. `0` turns the offer off.', errorMessage: 'must be a number of lines from 0 to 1000000 (0: no offer)' },
      },
    },
  },
} as const;

/** The schema file's text, as the build writes it and the unit test expects it. */
export function configSchemaText(): string {
  return `${JSON.stringify(CONFIG_SCHEMA, null, 2)}\n`;
}
