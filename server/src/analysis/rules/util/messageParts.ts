// Splits a message built from dynamic values (template literal or `+` concatenation) into its
// constant text and its values (structuredMessage.ts then names the values and words the message).
import ts from '../../typescriptModule';
import { unwrap } from '../../scopes';
import { workMeter } from '../../workMeter';

export type Part = { kind: 'text'; text: string } | { kind: 'value'; expr: ts.Expression };

/**
 * The last `+` chain split, and its parts: several rules ask about the same message of a call in a
 * row, and a generated chain holds 20,000 terms. Node identity keys it (a new analysis has new nodes).
 */
let lastChain: { expr: ts.Expression; parts: readonly Part[] | null } | null = null;

/** The parts of a template literal or a `+` chain; null when the expression is neither. Shared: do not change it. */
export function messageParts(expr: ts.Expression): readonly Part[] | null {
  const e = unwrap(expr);
  if (ts.isTemplateExpression(e)) return templateParts(e);
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    if (lastChain?.expr !== e) lastChain = { expr: e, parts: chainParts(e) };
    return lastChain.parts;
  }
  return null;
}

function chainParts(e: ts.BinaryExpression): Part[] | null {
  // The left spine, iteratively: generated code chains thousands of `+`.
  const spine: ts.BinaryExpression[] = [];
  let cur: ts.Expression = e;
  while (ts.isBinaryExpression(cur) && cur.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    spine.push(cur);
    cur = unwrap(cur.left);
  }
  spine.reverse();
  workMeter().step(spine.length);
  // `+` runs left to right: until a string joins in, it adds numbers (`a + b + ' items'` logs the sum).
  let parts: Part[] | null = null;
  if (isText(cur)) pushParts((parts = []), cur);
  let pending: ts.Expression = cur;
  for (const node of spine) {
    if (!parts && !isText(node.right)) {
      pending = node;
      continue;
    }
    if (!parts) parts = [{ kind: 'value', expr: pending }];
    pushParts(parts, node.right);
  }
  return parts;
}

function isText(e: ts.Expression): boolean {
  const u = unwrap(e);
  return ts.isStringLiteralLike(u) || ts.isTemplateExpression(u);
}

function pushParts(parts: Part[], e: ts.Expression): void {
  const u = unwrap(e);
  if (ts.isStringLiteralLike(u)) parts.push({ kind: 'text', text: u.text });
  else if (ts.isTemplateExpression(u)) pushTemplateParts(parts, u);
  else parts.push({ kind: 'value', expr: e });
}

function templateParts(t: ts.TemplateExpression): Part[] {
  const parts: Part[] = [];
  pushTemplateParts(parts, t);
  return parts;
}

function pushTemplateParts(parts: Part[], t: ts.TemplateExpression): void {
  parts.push({ kind: 'text', text: t.head.text });
  for (const span of t.templateSpans) {
    parts.push({ kind: 'value', expr: span.expression });
    parts.push({ kind: 'text', text: span.literal.text });
  }
}
