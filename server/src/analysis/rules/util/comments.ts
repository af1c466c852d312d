// Fixes rewrite a call's arguments from the first argument's start to the last one's end, so a
// comment before the first argument or after the last survives. A comment between two arguments
// would be dropped: such a fix is still offered, but not as safe.
import ts from '../../typescriptModule';

export function commentsBetweenArguments(args: readonly ts.Expression[], sf: ts.SourceFile): boolean {
  const text = sf.text;
  for (let i = 0; i + 1 < args.length; i++) {
    const between = text.slice(args[i].end, args[i + 1].getStart(sf));
    if (between.includes('//') || between.includes('/*')) return true;
  }
  return false;
}

/** The edit range of a call's arguments: first argument's start to last argument's end. */
export function argumentsRange(args: readonly ts.Expression[], sf: ts.SourceFile): { start: number; end: number } | null {
  if (args.length === 0) return null;
  return { start: args[0].getStart(sf), end: args[args.length - 1].end };
}
