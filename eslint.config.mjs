// ESLint flat config. Its one job today: keep the engines free of the editor. The analysis engine
// (server/src/analysis) and the log engine (server/src/logs) run bare in the CLI, the benchmarks
// and the tests, so they must import neither `vscode` nor the language-server packages.
import tsParser from '@typescript-eslint/parser';

const EDITOR_PACKAGES = ['vscode', 'vscode-languageserver', 'vscode-languageserver-*', 'vscode-languageclient', 'vscode-languageclient/*', 'vscode-jsonrpc', 'vscode-jsonrpc/*'];

export default [
  {
    // Rule fixture cases are inputs for the engine (some deliberately broken), not project code.
    ignores: ['**/node_modules/**', 'dist/**', 'bench/.work/**', 'test/.tmp/**', 'server/src/analysis/rules/cases/**'],
  },
  {
    files: ['server/src/analysis/**/*.ts', 'server/src/logs/**/*.ts'],
    languageOptions: { parser: tsParser, parserOptions: { sourceType: 'module' } },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: EDITOR_PACKAGES,
              message: 'The analysis and log engines run without an editor: no vscode or language-server imports here (server/src/lsp and client/src own those).',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          // Type-only imports (`import type * as ts`) cost nothing at run time and stay allowed.
          selector: "ImportDeclaration[source.value='typescript'][importKind!='type'] > ImportDefaultSpecifier, ImportDeclaration[source.value='typescript'][importKind!='type'] > ImportNamespaceSpecifier",
          message: "Import ts from analysis/typescriptModule.ts: each value import of 'typescript' costs the bundle a copy of its exports at start-up.",
        },
      ],
    },
  },
  {
    // The one module that imports TypeScript's default export, for every other engine module.
    files: ['server/src/analysis/typescriptModule.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
];
