// Code actions: each diagnostic's fixes as quick fixes (safe fix first and preferred, then other
// fixes, then the suppressions), and one fix-all source action applying every safe fix, which
// `editor.codeActionsOnSave: { "source.fixAll.observability-lens": "explicit" }` runs on save.
// Offsets are converted on the text that was analysed, and only while the document still has
// that version; otherwise the current text is analysed again and the finding matched by range.
// A fix that also edits other files (the project's metrics module, a new one) is a WorkspaceEdit
// with documentChanges: a CreateFile for a file it makes, then a TextDocumentEdit per file.
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type Range,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND } from '../../../shared/src/rules';
import { applySafeFixes, editsOtherFiles, FixChecker, type FixedFile, suppressionFixesOf } from '../analysis/index';
import type { Finding, Fix, TextEdit } from '../analysis/types';
import type { StoredAnalysis } from './analysisStore';
import { readDiagnosticData } from './diagnostics';
import { pathToUri } from './uris';

export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND];

export interface CodeActionDeps {
  /** The open document's current text and version. */
  document(uri: string): { text: string; version: number } | undefined;
  /** The stored analysis of the document, if any. */
  stored(uri: string): StoredAnalysis | undefined;
  /** Analyses the document's current text now, without publishing. */
  analyseNow(uri: string): Promise<StoredAnalysis | null>;
  /** Another file's current text (its open document's, else the disk's); undefined when it does not exist. */
  readText?(absPath: string): string | undefined;
  /** What the client's workspace edits can hold; without documentChanges and `create`, fixes touching other files are not offered. */
  workspaceEdit?: { documentChanges: boolean; createFiles: boolean };
}

/** Whether a client's `only` filter asks for actions of `kind` (a kind matches its parents). */
function wants(only: string[] | undefined, kind: string): boolean {
  if (!only) return kind === CodeActionKind.QuickFix;
  return only.some((o) => kind === o || kind.startsWith(o + '.'));
}

export async function provideCodeActions(params: CodeActionParams, deps: CodeActionDeps): Promise<CodeAction[]> {
  const uri = params.textDocument.uri;
  const doc = deps.document(uri);
  if (!doc) return [];
  const only = params.context.only;
  const actions: CodeAction[] = [];
  if (wants(only, CodeActionKind.QuickFix)) {
    const ours = params.context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    if (ours.length > 0) actions.push(...(await quickFixes(uri, doc, ours, deps)));
  }
  if (wants(only, FIX_ALL_KIND)) {
    const fixAll = await fixAllAction(uri, doc, deps);
    if (fixAll) actions.push(fixAll);
  }
  return actions;
}

async function currentAnalysis(uri: string, doc: { version: number }, deps: CodeActionDeps): Promise<StoredAnalysis | null> {
  const stored = deps.stored(uri);
  if (stored && stored.version === doc.version) return stored;
  return deps.analyseNow(uri);
}

function sameRange(a: Range, f: Finding): boolean {
  return a.start.line === f.line && a.start.character === f.column && a.end.line === f.endLine && a.end.character === f.endColumn;
}

function findingFor(diagnostic: Diagnostic, entry: StoredAnalysis, fresh: boolean): Finding | undefined {
  const data = readDiagnosticData(diagnostic);
  if (!fresh && data && data.version === entry.version) {
    const f = entry.analysis.findings[data.index];
    if (f && f.rule === diagnostic.code) return f;
  }
  return entry.analysis.findings.find((f) => f.rule === diagnostic.code && sameRange(diagnostic.range, f));
}

/** Safe fixes first, then the other fixes, then suppressions (kept in the engine's order within each). */
function orderFixes(fixes: readonly Fix[]): Fix[] {
  const rank = (f: Fix) => (f.kind === 'suppress' ? 2 : f.safe ? 0 : 1);
  return fixes.map((f, i) => ({ f, i })).sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i).map((x) => x.f);
}

function toLspEdits(doc: TextDocument, edits: readonly TextEdit[]): LspTextEdit[] {
  return edits.map((e) => ({ range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, newText: e.newText }));
}

async function quickFixes(uri: string, doc: { version: number }, diagnostics: Diagnostic[], deps: CodeActionDeps): Promise<CodeAction[]> {
  const entry = await currentAnalysis(uri, doc, deps);
  if (!entry || entry.analysis.skipped) return [];
  const fresh = entry !== deps.stored(uri);
  const textDoc = TextDocument.create(uri, 'typescript', entry.version ?? 0, entry.text);
  const fixActions: CodeAction[] = [];
  const suppressions: CodeAction[] = [];
  const seenSuppressions = new Set<string>();
  const suppressionFixes = suppressionFixesOf(entry.path, entry.text);
  // Only fixes that leave code that parses are offered (checked here, on request, not during analysis).
  const checker = new FixChecker(entry.path, entry.text, deps.readText);
  for (const diagnostic of diagnostics) {
    const finding = findingFor(diagnostic, entry, fresh);
    if (!finding) continue;
    let preferredGiven = false;
    for (const fix of orderFixes([...finding.fixes, ...suppressionFixes(finding)])) {
      // Several findings on one line offer the same comment; it is checked and listed once.
      const suppressionKey = fix.kind === 'suppress' ? `${fix.title}\0${JSON.stringify(fix.edits)}` : '';
      if (suppressionKey && seenSuppressions.has(suppressionKey)) continue;
      const files = checker.checked(fix);
      if (!files) continue;
      const edit = editsOtherFiles(fix.edits) ? multiFileEdit(uri, entry, files, deps) : { changes: { [uri]: toLspEdits(textDoc, fix.edits) } };
      if (!edit) continue;
      const action: CodeAction = {
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit,
      };
      if (suppressionKey) {
        seenSuppressions.add(suppressionKey);
        suppressions.push(action);
        continue;
      }
      if (fix.safe && !preferredGiven) {
        action.isPreferred = true;
        preferredGiven = true;
      }
      fixActions.push(action);
    }
  }
  return [...fixActions, ...suppressions];
}

/**
 * A fix over several files as documentChanges: the analysed document at the version analysed, other
 * open documents at their version, closed files unversioned, a new file created first (and never
 * over an existing one). Each file's change is one minimal edit (from its text before and after).
 * Undefined when the client cannot apply it.
 */
function multiFileEdit(uri: string, entry: StoredAnalysis, files: readonly FixedFile[], deps: CodeActionDeps): WorkspaceEdit | undefined {
  const can = deps.workspaceEdit ?? { documentChanges: true, createFiles: true };
  if (!can.documentChanges || (!can.createFiles && files.some((f) => f.before === null))) return undefined;
  const documentChanges: NonNullable<WorkspaceEdit['documentChanges']> = [];
  for (const f of files) {
    const fileUri = f.file === entry.path ? uri : pathToUri(f.file);
    const version = f.file === entry.path ? (entry.version ?? null) : (deps.document(fileUri)?.version ?? null);
    if (f.before === null) documentChanges.push({ kind: 'create', uri: fileUri, options: { overwrite: false, ignoreIfExists: false } });
    const doc = TextDocument.create(fileUri, 'typescript', 0, f.before ?? '');
    documentChanges.push({ textDocument: { uri: fileUri, version }, edits: [minimalEdit(doc, f.before ?? '', f.after)] });
  }
  return { documentChanges };
}

/** One edit covering only the changed middle of the text, so the cursor and folding survive. */
export function minimalEdit(doc: TextDocument, before: string, after: string): LspTextEdit {
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let suffix = 0;
  while (suffix < max - start && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  // Never split a surrogate pair or a CRLF between the edit and the kept text.
  while (start > 0 && splitsPair(before, start)) start--;
  while (suffix > 0 && splitsPair(before, before.length - suffix)) suffix--;
  return {
    range: { start: doc.positionAt(start), end: doc.positionAt(before.length - suffix) },
    newText: after.slice(start, after.length - suffix),
  };
}

function splitsPair(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return (code >= 0xdc00 && code <= 0xdfff) || (text[i] === '\n' && text[i - 1] === '\r');
}

async function fixAllAction(uri: string, doc: { version: number }, deps: CodeActionDeps): Promise<CodeAction | undefined> {
  const entry = await currentAnalysis(uri, doc, deps);
  if (!entry || entry.analysis.skipped) return undefined;
  if (!entry.analysis.findings.some((f) => f.fixes.some((x) => x.kind === 'fix' && x.safe))) return undefined;
  const { text, fixed } = applySafeFixes(entry.path, entry.text, entry.project, entry.options);
  if (fixed === 0 || text === entry.text) return undefined;
  const textDoc = TextDocument.create(uri, 'typescript', entry.version ?? 0, entry.text);
  return {
    title: 'Fix all safe Observability Lens problems',
    kind: FIX_ALL_KIND,
    edit: { documentChanges: [{ textDocument: { uri, version: entry.version }, edits: [minimalEdit(textDoc, entry.text, text)] }] },
  };
}
