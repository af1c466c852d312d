// The facts of one file as they are found: owners and functions are numbered once per node, so
// that every use of `router` (or of a plugin's `fastify` parameter) refers to the same owner.
import ts from '../typescriptModule';
import type { FileFacts, FunctionFact, OwnerFact, RequestRule } from './types';

export type FunctionNode = ts.SignatureDeclaration & { parameters: ts.NodeArray<ts.ParameterDeclaration> };

export function isFunctionNode(node: ts.Node): node is FunctionNode {
  return ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node);
}

/** The parameters a caller passes: a leading `this: T` is a type annotation, not one of them. */
export function callerParameters(fn: FunctionNode): readonly ts.ParameterDeclaration[] {
  const first = fn.parameters[0];
  return first && ts.isIdentifier(first.name) && first.name.text === 'this' ? fn.parameters.slice(1) : fn.parameters;
}

export class FactsBuilder {
  readonly facts: FileFacts;
  /** The node of each function fact, by index (request parameters are asked about by node). */
  readonly functionNodes: FunctionNode[] = [];
  private readonly ownerByNode = new Map<ts.Node, number>();
  private readonly functionByNode = new Map<ts.Node, number>();

  /**
   * `positions`: whether facts record lines and columns (the linker reports them; the per-file
   * request-parameter query needs none, and computing them for every function costs).
   */
  constructor(
    file: string,
    readonly sf: ts.SourceFile,
    private readonly positions = true,
  ) {
    this.facts = { file, owners: [], functions: [], routes: [], attaches: [], autoloads: [], exports: new Map(), starExports: [], globalPrefixes: [] };
  }

  /** The owner made at `node` (a creating call, a parameter, a class), made by `make` the first time. */
  ownerAt(node: ts.Node, make: (place: { line: number; column: number }) => OwnerFact): number {
    let id = this.ownerByNode.get(node);
    if (id === undefined) {
      id = this.facts.owners.length;
      this.ownerByNode.set(node, id);
      this.facts.owners.push(make(this.placeOf(node)));
    }
    return id;
  }

  /** The owner already made at `node`, if any. */
  existingOwner(node: ts.Node): number | undefined {
    return this.ownerByNode.get(node);
  }

  functionAt(fn: FunctionNode): number {
    let id = this.functionByNode.get(fn);
    if (id === undefined) {
      id = this.facts.functions.length;
      this.functionByNode.set(fn, id);
      this.functionNodes.push(fn);
      const params = callerParameters(fn).map((p) => (ts.isIdentifier(p.name) ? p.name.text : null));
      this.facts.functions.push({ ...this.placeOf(fn), params, paramOwners: new Map() });
    }
    return id;
  }

  functionFact(id: number): FunctionFact {
    return this.facts.functions[id];
  }

  placeOf(node: ts.Node): { line: number; column: number } {
    if (!this.positions) return { line: 0, column: 0 };
    const name = (node as { name?: ts.Node }).name;
    const at = name && ts.isIdentifier(name) && !ts.isParameter(node) ? name : node;
    const lc = this.sf.getLineAndCharacterOfPosition(at.getStart(this.sf));
    return { line: lc.line, column: lc.character };
  }
}

/** Which parameter of `fn` is the request under `rule`, or null when it takes none there. */
export function requestParamIndex(rule: RequestRule, fn: FunctionFact): number | null {
  let index: number | undefined;
  if (rule === 'first') index = 0;
  else if (rule === 'second') index = 1;
  else if (rule === 'errorAware') index = fn.params.length === 4 ? 1 : 0;
  else index = fn.nestRequestIndex;
  return index !== undefined && index < fn.params.length ? index : null;
}
