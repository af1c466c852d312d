// Modules that put values on the global object (`global.WIKI = WIKI`, `globalThis.log = pino()`) or
// on another module's exports (`yapi.commons = commons`), as old CommonJS servers share their logger:
// the text tests the module noter, the summary and the value resolver agree on before any tree is
// read, and the one reading of a module's top-level assignments they all use after.
import ts from './typescriptModule';
import { unwrap } from './scopes';

/** A statement that may put something on the global object. */
export const ASSIGNS_GLOBAL = /\b(?:global|globalThis)\.[A-Za-z_$][\w$]*\s*=[^=]/;

export interface GlobalAssignments {
  /** `global.X = value` (or `globalThis.X`): each in statement order. */
  readonly onGlobal: ReadonlyArray<{ readonly name: string; readonly value: ts.Expression }>;
  /** The names put on the global object (those of onGlobal). */
  readonly names: ReadonlySet<string>;
  /** `X.m = value` with `X` a plain name (`WIKI.logger = createLogger()`): each in statement order. */
  readonly onNames: ReadonlyArray<{ readonly object: ts.Identifier; readonly member: string; readonly value: ts.Expression }>;
}

export const NO_GLOBALS: GlobalAssignments = { onGlobal: [], names: new Set(), onNames: [] };

/** A module's top-level assignments to the global object and to members of plain names; none unless its text may assign a global. */
export function globalAssignments(sf: ts.SourceFile): GlobalAssignments {
  if (!ASSIGNS_GLOBAL.test(sf.text)) return NO_GLOBALS;
  const onGlobal: Array<{ name: string; value: ts.Expression }> = [];
  const onNames: Array<{ object: ts.Identifier; member: string; value: ts.Expression }> = [];
  for (const a of topLevelMemberAssignments(sf)) {
    if (isGlobalObject(a.object)) onGlobal.push({ name: a.member, value: a.value });
    else onNames.push(a);
  }
  return { onGlobal, names: new Set(onGlobal.map((a) => a.name)), onNames };
}

function isGlobalObject(id: ts.Identifier): boolean {
  return id.text === 'global' || id.text === 'globalThis';
}

/** Every top-level statement `X.m = value` with `X` a plain name, in statement order. */
function topLevelMemberAssignments(sf: ts.SourceFile): Array<{ object: ts.Identifier; member: string; value: ts.Expression }> {
  const out: Array<{ object: ts.Identifier; member: string; value: ts.Expression }> = [];
  for (const st of sf.statements) {
    if (!ts.isExpressionStatement(st) || !ts.isBinaryExpression(st.expression) || st.expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
    const { left, right } = st.expression;
    if (!ts.isPropertyAccessExpression(left)) continue;
    const object = unwrap(left.expression);
    if (ts.isIdentifier(object)) out.push({ object, member: left.name.text, value: right });
  }
  return out;
}

/**
 * A top-level statement (at a line's start) that may set a member of a name (`yapi.commons =
 * commons`): where a registry module's members may be set by another module. Not `module.exports`,
 * `exports`, `this`, `global`, `process` or `window`, whose members are other things.
 */
export const ASSIGNS_MODULE_MEMBER = /^(?!(?:module|exports|this|global|globalThis|process|window)\.)[A-Za-z_$][\w$]*\.[A-Za-z_$][\w$]*\s*=\s*[A-Za-z_$]/m;

/** `X.m = value` at the top level of a module whose text may set one (ASSIGNS_MODULE_MEMBER), each in statement order. */
export function memberAssignments(sf: ts.SourceFile): ReadonlyArray<{ readonly object: ts.Identifier; readonly member: string; readonly value: ts.Expression }> {
  return ASSIGNS_MODULE_MEMBER.test(sf.text) ? topLevelMemberAssignments(sf).filter((a) => !isGlobalObject(a.object)) : [];
}
