// Language server entry: creates the parts (server/src/lsp/*) and wires LSP handlers to them.
// Every handler is guarded: an exception is logged to the output channel, never fatal.
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CoverageSummaryRequest, FindLogCallSiteRequest } from '../../shared/src/protocol';
import { version as PACKAGE_VERSION } from '../../package.json';
import { ENGINE_VERSION } from './analysis/version';
import { DEFAULT_TIME_BUDGET_MS, timeBudgetFrom } from './analysis/limits';
import { ResultCache } from './analysis/workspace/cache';
import { AnalysisStore } from './lsp/analysisStore';
import { findLogCallSites } from './lsp/callSites';
import { CODE_ACTION_KINDS, provideCodeActions } from './lsp/codeActions';
import { toCoverageResult } from './lsp/coverageSummary';
import { WorkspaceFolders } from './lsp/folders';
import { handlerHover } from './lsp/handlerHover';
import { guarded, installProcessGuards, runLogged, type Logger } from './lsp/guard';
import { ProjectRegistry } from './lsp/projects';
import { Revalidator } from './lsp/revalidate';
import { DebouncedScheduler } from './lsp/scheduler';
import { createServerLog } from './lsp/serverLog';
import { ServiceFindings } from './lsp/serviceFindings';
import { SettingsStore } from './lsp/settings';
import { StatusReporter } from './lsp/status';
import { documentPath, uriToPath } from './lsp/uris';
import { stripBom, Validator } from './lsp/validator';
import { readRegularFile } from './analysis/regularFile';
import { WorkspaceScanner } from './lsp/workspaceScan';
import { ScanWorkers } from './lsp/parallelScan';
import { concurrencyFromEnv } from './analysis/parallel/concurrency';

/** Typing pauses this long before a document is analysed again. */
const TYPING_DEBOUNCE_MS = 200;

const connection = createConnection(ProposedFeatures.all);
installProcessGuards(connection);
const logger: Logger = { log: (m) => connection.console.log(m), error: (m) => connection.console.error(m) };
const serverLog = createServerLog(connection.console);
const documents = new TextDocuments(TextDocument);

const capabilities = { configuration: false, workspaceFolders: false, progress: false };
const folders = new WorkspaceFolders();
const store = new AnalysisStore();
const cache = new ResultCache();
const settings = new SettingsStore(connection, folders, () => capabilities.configuration);
const openText = (absPath: string) => {
  for (const doc of documents.all()) if (documentPath(doc.uri, doc.languageId) === absPath) return doc.getText();
  return undefined;
};
/** A closed file's text for a fix that edits it (a regular file only); undefined when there is none. */
const diskText = (absPath: string) => {
  try {
    return stripBom(readRegularFile(absPath).bytes.toString('utf8'));
  } catch {
    return undefined;
  }
};
/** What the client's workspace edits can hold (a fix over several files needs documentChanges). */
const clientWorkspaceEdit = { documentChanges: false, createFiles: false };
const projects = new ProjectRegistry(openText);
const status = new StatusReporter(connection, () => store.findingsCount(), () => settings.currentErrors());
const validator = new Validator({
  connection,
  documents,
  folders,
  settings,
  projects,
  store,
  cache,
  status,
  timeBudgetMs: timeBudgetFrom(process.env, DEFAULT_TIME_BUDGET_MS),
  onProjectFactsChanged: () => runLogged(logger, 'facts changed', () => revalidator.afterFactsChanged()),
  serviceFindings: (absPath) => serviceFindings.findingsFor(absPath),
});
const serviceFindings = new ServiceFindings({ folders, settings, projects, store, log: serverLog, republish: (absPath) => validator.republish(absPath) });
const scanner = new WorkspaceScanner({
  connection,
  log: serverLog,
  folders,
  settings,
  projects,
  store,
  validator,
  status,
  progressSupported: () => capabilities.progress,
  onFactsChanged: () => {
    for (const doc of documents.all()) revalidator.validateOpen(doc.uri, 0);
  },
  onScanned: (scanned, trees) => serviceFindings.afterScan(scanned, trees),
  prepareWorkers: (count) => ScanWorkers.prepare({ concurrency: concurrencyFromEnv() }, count),
  startWorkers: (files, onResult) =>
    ScanWorkers.start(
      {
        projects,
        validator,
        concurrency: concurrencyFromEnv(),
        timeBudgetMs: timeBudgetFrom(process.env, DEFAULT_TIME_BUDGET_MS),
        openTexts: () => documents.all().map((doc) => [documentPath(doc.uri, doc.languageId), doc.getText()]),
        onWorkerFailure: (message) => serverLog.error('an analysis worker stopped; its files were analysed here', { error: message }),
      },
      files,
      onResult,
    ),
});
const scheduler = new DebouncedScheduler((key, err) => logger.error(`[validate ${key}] ${String(err)}`));
const revalidator = new Revalidator({ documents, folders, settings, projects, cache, validator, scanner, scheduler, logger });

connection.onInitialize((params): InitializeResult => {
  const client = params.capabilities;
  capabilities.configuration = client.workspace?.configuration === true;
  capabilities.workspaceFolders = client.workspace?.workspaceFolders === true;
  capabilities.progress = client.window?.workDoneProgress === true;
  clientWorkspaceEdit.documentChanges = client.workspace?.workspaceEdit?.documentChanges === true;
  clientWorkspaceEdit.createFiles = client.workspace?.workspaceEdit?.resourceOperations?.includes('create') === true;
  folders.set(params.workspaceFolders, params.rootUri);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: false },
      hoverProvider: true,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'Observability Lens' },
  };
});

connection.onInitialized(
  guarded(logger, 'initialized', undefined, () => {
    serverLog.info('server started', { version: PACKAGE_VERSION, engine: ENGINE_VERSION, node: process.version, pid: process.pid, folders: folders.all().map((f) => f.root) });
    if (capabilities.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(
        guarded(logger, 'workspaceFolders', undefined, async (event) => {
          folders.remove(event.removed);
          folders.add(event.added);
          await revalidator.all();
        }),
      );
    }
    runLogged(logger, 'workspace scan', () => scanner.scanAll());
  }),
);

connection.onDidChangeConfiguration(guarded(logger, 'didChangeConfiguration', undefined, () => revalidator.all()));
connection.onDidChangeWatchedFiles(
  guarded(logger, 'didChangeWatchedFiles', undefined, async (p) => {
    await revalidator.watchedFilesChanged(p.changes);
    for (const change of p.changes) {
      const absPath = uriToPath(change.uri);
      if (absPath && folders.folderFor(absPath)) serviceFindings.afterEdit(absPath);
    }
  }),
);

// TextDocuments fires didChangeContent right after didOpen; the opening one runs without delay.
const justOpened = new Set<string>();
documents.onDidOpen((e) => justOpened.add(e.document.uri));
documents.onDidChangeContent((e) => {
  const delay = justOpened.delete(e.document.uri) ? 0 : TYPING_DEBOUNCE_MS;
  revalidator.validateOpen(e.document.uri, delay);
  const absPath = documentPath(e.document.uri, e.document.languageId);
  if (folders.folderFor(absPath)) serviceFindings.afterEdit(absPath);
});
documents.onDidClose(
  guarded(logger, 'didClose', undefined, async (e) => {
    scheduler.cancel(e.document.uri);
    justOpened.delete(e.document.uri);
    const absPath = uriToPath(e.document.uri);
    // Workspace files keep their (disk) diagnostics when closed, as in ESLint's workspace mode.
    if (absPath && folders.folderFor(absPath)) await validator.validateDisk(absPath);
    else validator.clear(e.document.uri);
  }),
);

connection.onCodeAction(
  guarded(logger, 'codeAction', [], (params) =>
    provideCodeActions(params, {
      document: (uri) => {
        const doc = documents.get(uri);
        return doc ? { text: doc.getText(), version: doc.version } : undefined;
      },
      stored: (uri) => store.get(uri),
      readText: (absPath) => openText(absPath) ?? diskText(absPath),
      workspaceEdit: clientWorkspaceEdit,
      analyseNow: async (uri) => {
        const doc = documents.get(uri);
        if (!doc) return null;
        const absPath = documentPath(uri, doc.languageId);
        const rs = await settings.forResource(uri, absPath);
        const current = documents.get(uri);
        if (!current) return null;
        return validator.analyse({ uri, path: absPath, text: current.getText(), version: current.version }, rs);
      },
    }),
  ),
);

connection.onHover(
  guarded(logger, 'hover', null, async (params) => {
    // From the last service run, once the runs an edit scheduled are done (the same wait as the coverage request).
    await serviceFindings.settled();
    return handlerHover(params, {
      handlersIn: (absPath) => serviceFindings.handlersIn(absPath),
      pathOf: (uri) => {
        const doc = documents.get(uri);
        return doc ? documentPath(uri, doc.languageId) : uriToPath(uri);
      },
      baseOf: (absPath) => folders.folderFor(absPath)?.root,
    });
  }),
);

connection.onRequest(
  FindLogCallSiteRequest,
  guarded(logger, 'findLogCallSite', { sites: [] }, (params) => findLogCallSites(params, { store, folders })),
);

connection.onRequest(
  CoverageSummaryRequest,
  guarded(logger, 'coverageSummary', { services: [] }, async () => {
    await serviceFindings.settled();
    return toCoverageResult(serviceFindings.summary());
  }),
);

documents.listen(connection);
connection.listen();
