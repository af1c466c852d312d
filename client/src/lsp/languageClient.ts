// Creates the language client: dist/server.js over IPC, for JS/TS documents on disk and untitled,
// with file watchers for sources and the files that change configuration. The client's default
// error handler restarts a crashed server (up to 4 times in 3 minutes), so the editor never goes
// down with it.
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { CONFIG_FILE_NAME } from '../../../shared/src/settings';
import { configurationMiddleware } from './explicitSettings';

export const CLIENT_ID = 'observabilityLens';
export const CLIENT_NAME = 'Observability Lens';

const LANGUAGES = ['typescript', 'javascript', 'typescriptreact', 'javascriptreact'];
/** Source files the server analyses, plus the files whose change re-validates everything. */
export const WATCHED_GLOBS = [
  `**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}`,
  // Node scripts without an extension (express-generator's `bin/www`).
  '**/bin/*',
  '**/package.json',
  `**/${CONFIG_FILE_NAME}`,
  '**/.gitignore',
  // What decides how imports resolve and which packages a repository has.
  '**/{tsconfig,jsconfig}*.json',
  '**/{pnpm-workspace.yaml,.npmrc,lerna.json,nx.json,project.json}',
  // A shell script a package script runs names folders of scripts (their role).
  '**/*.sh',
];

export function createLanguageClient(context: vscode.ExtensionContext, outputChannel: vscode.OutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const watchers = WATCHED_GLOBS.map((glob) => vscode.workspace.createFileSystemWatcher(glob));
  context.subscriptions.push(...watchers);
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGES.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    synchronize: { fileEvents: watchers },
    outputChannel,
    middleware: { workspace: { configuration: configurationMiddleware } },
  };
  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
}
