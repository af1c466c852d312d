// Facts of workspace files for the linker, each file parsed and extracted at most once, when it
// is first asked for (an entry file, or a module an import leads to).
import ts from '../typescriptModule';
import { DEFAULT_MAX_FILE_BYTES } from '../limits';
import { parseSource } from '../parse';
import type { ProjectModel } from '../project';
import { DECLARES, recordDeclarations, ScopeMap } from '../scopes';
import { extractContextFor } from './context';
import { extractFacts, isCandidate } from './extract';
import { isTypeOnly } from '../scopes';
import type { FileFacts } from './types';
import type { ParsedServiceFile } from '../rule';

export interface FactsSource {
  facts(file: string): FileFacts | null;
}

const FIRST_NODE = ts.SyntaxKind.FirstNode;

/** A file parsed for handler discovery: one walk sets parents, builds the scope model and collects the candidates. */
export function parseForHandlers(file: string, text: string): { sf: ts.SourceFile; scopes: ScopeMap; candidates: ts.Node[] } {
  const sf = parseSource(file, text);
  const scopes = new ScopeMap();
  const candidates: ts.Node[] = [];
  const stack: ts.Node[] = [sf];
  let parent: ts.Node = sf;
  const pushChild = (child: ts.Node) => {
    (child as { parent: ts.Node }).parent = parent;
    if (child.kind >= FIRST_NODE) stack.push(child);
  };
  while (stack.length) {
    const node = stack.pop()!;
    parent = node;
    if (isTypeOnly(node.kind)) continue;
    ts.forEachChild(node, pushChild);
    if (DECLARES[node.kind]) recordDeclarations(scopes, node);
    if (isCandidate(node)) candidates.push(node);
  }
  return { sf, scopes, candidates };
}

export function factsOfText(project: ProjectModel, file: string, text: string): FileFacts {
  const { sf, scopes, candidates } = parseForHandlers(file, text);
  return extractFacts(file, sf, scopes, extractContextFor(project, file), { linking: true }, candidates).facts;
}

export class WorkspaceFacts implements FactsSource {
  private readonly cache = new Map<string, FileFacts | null>();

  constructor(
    private readonly project: ProjectModel,
    private readonly maxFileBytes = DEFAULT_MAX_FILE_BYTES,
    /** The tree of a file when the caller has one or keeps what it parses (the service phase): else the file is parsed here for its facts alone. */
    private readonly treeOf?: (file: string, text: string) => ParsedServiceFile | null,
  ) {}

  facts(file: string): FileFacts | null {
    const cached = this.cache.get(file);
    if (cached !== undefined) return cached;
    let facts: FileFacts | null = null;
    const text = this.project.readFile(file);
    if (text !== undefined && text.length <= this.maxFileBytes) {
      try {
        const tree = this.treeOf?.(file, text);
        facts = tree ? extractFacts(file, tree.sourceFile, tree.scopes, extractContextFor(this.project, file), { linking: true }, tree.candidates).facts : factsOfText(this.project, file, text);
      } catch {
        facts = null; // a file that nests too deeply to walk registers nothing we can know
      }
    }
    this.cache.set(file, facts);
    return facts;
  }
}
