// The analysis engine's public data types. The engine imports neither `vscode` nor LSP types:
// the language server, the CLI and the unit tests all run it bare on (path, text) pairs.
import type { RuleId, Severity, SeveritySetting } from '../../../shared/src/rules';

/**
 * A replacement of text[start, end) (UTF-16 offsets) by newText: in the analysed file, or in `file`
 * when it is set (an absolute path: a fix that also edits the project's metrics module). An edit
 * with `file` naming a file that does not exist creates it: start = end = 0 and newText its content.
 */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
  /** Absolute path of the file edited, when it is not the analysed file. */
  file?: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /**
   * Safe fixes never change what is logged beyond its form and always leave code that parses;
   * only these are applied by fix-all (`source.fixAll.observability-lens`) and `obs-lens check --fix`.
   * A fix with an edit in another file (TextEdit.file) is never safe: fix-all rewrites one file at
   * a time, so such a fix is offered (quick fix, SARIF) for a person to apply.
   */
  safe: boolean;
  /** `suppress` fixes insert an obs-lens-disable comment; they are offered but never applied by fix-all. */
  kind: 'fix' | 'suppress';
}

export interface Finding {
  rule: RuleId;
  message: string;
  severity: Severity;
  /** UTF-16 offsets into the analysed text. */
  start: number;
  end: number;
  /** 0-based line and UTF-16 column, as LSP counts them. The CLI adds 1. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Best fix first. Suppression fixes are not among them: suppressionFixesOf() makes those on request. */
  fixes: Fix[];
}

/** A log call the analyser recognised in source, kept so the log panel can map a record back to its code. */
export interface SourceLogCall {
  line: number;
  column: number;
  library: LoggerLibrary | 'console';
  method: string;
  /** The constant message (template literal parts joined with `*` where dynamic), or null. */
  template: string | null;
  /** Keys of the fields object passed with the call and of `.child()` bindings, where known. */
  fieldKeys: string[];
}

export interface FileAnalysis {
  path: string;
  findings: Finding[];
  logCalls: SourceLogCall[];
  /** Set when the file was not analysed: why, in words for the user. */
  skipped?: string;
  /** Set (with `skipped`) when the analysis ran out of its time budget: the file may be analysed another time. */
  stopped?: { elapsedMs: number; budgetMs: number };
  /**
   * Units of work the analysis did (nodes visited, parent steps, message parts): grows linearly with
   * the file. Read by tests and benchmarks; absent for files not parsed.
   */
  steps?: number;
  /** Syntax errors the parser recovered from (the file is still analysed where it can be). */
  parseErrors: number;
  /**
   * Rules that threw on this file (a bug of ours): the file keeps the other rules' findings, and
   * the CLI and the server's log say which rule failed so it is reported, never passed over.
   */
  ruleErrors?: Array<{ rule: RuleId; message: string }>;
  /** What the result depends on besides the file's text and the settings; absent when nothing (the file was not parsed). */
  inputs?: AnalysisInputs;
}

/**
 * What a result depends on besides its text and settings. A cached result is reused only while the
 * facts and every module followed are unchanged: editing the logger module re-checks its importers.
 */
export interface AnalysisInputs {
  /** Digest of the file's package facts (library, module style, logger module). */
  facts: string;
  /** Imports followed: `file\0specifier` → the module it resolved to ('' for none); module path → summary digest. */
  modules: Record<string, string>;
  /**
   * What the project's tests were asked about this file's messages (assertedByTests.ts): each
   * message's constant runs and whether a test's text held them. The result stands while every
   * answer does: editing a test file re-checks only the files whose messages it asserts, or stops asserting.
   */
  testedMessages?: TestedMessage[];
}

export interface TestedMessage {
  runs: string[];
  asserted: boolean;
}

/**
 * `custom`: a project's own logger type with no library behind it in its module (Documenso's job
 * runner hands handlers `io.logger: { info(...args: unknown[]): void; ... }`): its calls take the
 * message first, and no fix is written for them (what it does with its arguments is not known).
 */
export type LoggerLibrary = 'pino' | 'winston' | 'bunyan' | 'log4js' | 'nestjs' | 'custom';

/** Rule severities after settings are applied; a rule missing here is off. */
export type RuleSeverities = Partial<Record<RuleId, Severity>>;
export type RuleSeveritySettings = Partial<Record<RuleId, SeveritySetting>>;
