// The logger a class's log calls write to through `this` when no member of its own holds one that
// the model follows (NocoBase's plugin manager: `this.app.log.debug(...)`, its repository:
// `this.pm.app.log.error(...)`). A console call's fix in that class writes there too, rather than
// importing the process-wide logger beside it. Counted once per class, from the recognised calls.
import ts from './typescriptModule';
import { thisMember } from './classMembers';
import type { LogCall } from './rule';
import { hasModifier } from './scopes';
import type { LoggerLibrary } from './types';

export type ClassLogReceiver = { expression: string; library: LoggerLibrary } | null;

/** A receiver spelt through `this` and plain property names only (`this.app.log`): the same object wherever it is written in the class. */
const THIS_PATH = /^this(?:\.[A-Za-z_$][\w$]*)+$/;

/** Finds, per class, the receiver most of its non-console log calls use through `this`. */
export function classLogReceivers(calls: readonly LogCall[], sf: ts.SourceFile): (at: ts.Node) => ClassLogReceiver {
  let byClass: Map<ts.ClassLikeDeclaration, ClassLogReceiver> | null = null;
  const build = (): Map<ts.ClassLikeDeclaration, ClassLogReceiver> => {
    const counts = new Map<ts.ClassLikeDeclaration, Map<string, { n: number; library: LoggerLibrary }>>();
    for (const call of calls) {
      if (call.library === 'console' || call.library === 'custom') continue;
      const klass = classOfThis(call.node);
      if (!klass) continue;
      const text = call.receiver.getText(sf);
      if (!THIS_PATH.test(text)) continue;
      let perClass = counts.get(klass);
      if (!perClass) counts.set(klass, (perClass = new Map()));
      const seen = perClass.get(text);
      if (seen) seen.n++;
      else perClass.set(text, { n: 1, library: call.library });
    }
    const out = new Map<ts.ClassLikeDeclaration, ClassLogReceiver>();
    for (const [klass, perClass] of counts) {
      let best: [string, { n: number; library: LoggerLibrary }] | null = null;
      for (const entry of perClass) if (!best || entry[1].n > best[1].n) best = entry;
      out.set(klass, best ? { expression: best[0], library: best[1].library } : null);
    }
    return out;
  };
  return (at) => {
    const klass = classOfThis(at, true);
    if (!klass) return null;
    byClass ??= build();
    return byClass.get(klass) ?? null;
  };
}

/**
 * The class whose instance `this` means at `at` (classMembers.ts thisMember): null in a static member
 * or block. `writing`: also null in a constructor or field initialiser, while the instance is being
 * built (`this.app` may not be assigned yet, or `super()` not called).
 */
function classOfThis(at: ts.Node, writing = false): ts.ClassLikeDeclaration | null {
  const owner = thisMember(at);
  const m = owner?.member;
  // In a static member `this` is the class itself (NocoBase's static `findPackage`): no instance's logger there.
  if (!owner || !m || ts.isClassStaticBlockDeclaration(m) || hasModifier(m, ts.SyntaxKind.StaticKeyword)) return null;
  if (writing && (ts.isConstructorDeclaration(m) || ts.isPropertyDeclaration(m))) return null;
  return ts.isMethodDeclaration(m) || ts.isConstructorDeclaration(m) || ts.isGetAccessorDeclaration(m) || ts.isSetAccessorDeclaration(m) || ts.isPropertyDeclaration(m) ? owner.klass : null;
}
