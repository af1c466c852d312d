// The analysis engine's public API. It imports neither `vscode` nor LSP packages: the language
// server, the CLI, the benchmarks and the unit tests all run it bare.
export { RULES } from './rules';
export { createProjectModel, ProjectModel, classifyFile, explainRole, type ConfiguredLoggerModule, type FileFacts } from './project';
export { findRepositoryRoot } from './model/repositoryRoot';
export { forgetFile, noteFile } from './noteFile';
export { analyzeFile, keepsTree, DEFAULT_MAX_FILE_BYTES, DEFAULT_TIME_BUDGET_MS, type AnalyzeOptions } from './analyze';
export { resolveSeverities } from './severities';
export { applyEdits, createsFile, editsByFile, editsOtherFiles } from './edits';
export { applySafeFixes } from './fixAll';
export { applyFixChecked, fixedFilesChecked, FixChecker, type FixedFile, type ReadText } from './fixValidation';
export { suppressionFixesOf } from './suppressions';
export { findCallSites, type CallSiteMatch } from './callSites';
export { explainFile, type FileExplanation, type LoggerInScope } from './explain';
export { ENGINE_VERSION } from './version';
export { buildInventory, type ServiceInventory, type LoggerSource, type EntryPoint, type InventoryOptions } from './handlers/inventory';
export { RelativeModuleResolver, type ImportResolver } from './handlers/resolver';
export type { Handler, Middleware, FrameworkId } from './handlers/types';
export type * from './types';
export type { FileKind, LogCall, Rule, RuleContext, ProjectFacts } from './rule';
export type { RoleVerdict, ModuleResolver } from './roles';
export { runServicePhase, serviceViews, type ServicePhaseOptions, type ServicePhaseResult } from './services/phase';
export { mergeFindings, fileFindingOf } from './services/mergeFindings';
export { coverageSummaryOf, type ServiceCoverageSummary, type HandlerRef } from './metrics/coverageSummary';
export type { ServiceView, ServiceRuleContext } from './rule';
export { handlerDetailsOf, type HandlerDetails, type ContextSourceNote, type OutgoingCallNote, type ContextPassing, type HandlerPathNotes, type PathLogNote, type PathOutgoingNote } from './services/handlerDetails';
