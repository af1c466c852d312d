// FindLogCallSiteRequest: which log call wrote this record? When the record names its caller
// (file and 1-based line, as stack traces and pino's `caller` give them) and that file is in the
// workspace, that answer wins; otherwise the message template and field keys are matched against
// the log calls of the latest analyses.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FindLogCallSiteParams, FindLogCallSiteResult, LogCallSite } from '../../../shared/src/protocol';
import { findCallSites } from '../analysis/index';
import type { SourceLogCall } from '../analysis/types';
import type { AnalysisStore } from './analysisStore';
import type { WorkspaceFolders } from './folders';
import { pathToUri, uriToPath } from './uris';

export interface CallSiteDeps {
  store: AnalysisStore;
  folders: WorkspaceFolders;
}

/** The caller file as an absolute path inside a workspace folder, or undefined. */
function resolveCallerFile(callerFile: string, folders: WorkspaceFolders): string | undefined {
  const candidates: string[] = [];
  const fromUri = callerFile.startsWith('file:') ? uriToPath(callerFile) : undefined;
  if (fromUri) candidates.push(fromUri);
  else if (path.isAbsolute(callerFile)) candidates.push(path.resolve(callerFile));
  else for (const f of folders.all()) candidates.push(path.resolve(f.root, callerFile));
  return candidates.find((p) => folders.folderFor(p) !== undefined && fs.existsSync(p));
}

function fromCaller(params: FindLogCallSiteParams, deps: CallSiteDeps): LogCallSite | undefined {
  if (!params.callerFile || typeof params.callerLine !== 'number' || !(params.callerLine >= 1)) return undefined;
  const absPath = resolveCallerFile(params.callerFile, deps.folders);
  if (!absPath) return undefined;
  const line = Math.floor(params.callerLine) - 1;
  const entry = deps.store.getByPath(absPath);
  const call = entry?.analysis.logCalls.find((c) => c.line === line);
  return { uri: entry?.uri ?? pathToUri(absPath), line, character: call?.column ?? 0, template: call?.template ?? '' };
}

export function findLogCallSites(params: FindLogCallSiteParams, deps: CallSiteDeps): FindLogCallSiteResult {
  if (!params || typeof params.message !== 'string') return { sites: [] };
  const caller = fromCaller(params, deps);
  if (caller) return { sites: [caller] };
  const uriByPath = new Map<string, string>();
  const analyses: Array<{ path: string; logCalls: SourceLogCall[] }> = [];
  for (const entry of deps.store.values()) {
    uriByPath.set(entry.path, entry.uri);
    analyses.push({ path: entry.path, logCalls: entry.analysis.logCalls });
  }
  const fields = params.fields && typeof params.fields === 'object' ? params.fields : {};
  const sites = findCallSites(analyses, params.message, fields).map((s) => ({
    uri: uriByPath.get(s.path) ?? pathToUri(s.path),
    line: s.line,
    character: s.column,
    template: s.template,
  }));
  return { sites };
}
