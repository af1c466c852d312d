// Splits a message built from dynamic values (template literal or `+` concatenation) into its
// constant text and its values (structuredMessage.ts then names the values and words the message).
import ts from 'typescript';
import { unwrap } from '../../scopes';

export type Part = { kind: 'text'; text: string } | { kind: 'value'; expr: ts.Expression };

/** The parts of a template literal or a `+` chain; null when the expression is neither. */
export function messageParts(expr: ts.Expression): Part[] | null {
  const e = unwrap(expr);
  if (ts.isTemplateExpression(e)) return templateParts(e);
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    // The left spine, iteratively: generated code chains thousands of `+`.
    const spine: ts.BinaryExpression[] = [];
    let cur: ts.Expression = e;
    while (ts.isBinaryExpression(cur) && cur.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      spine.push(cur);
      cur = unwrap(cur.left);
    }
    spine.reverse();
    // `+` runs left to right: until a string joins in, it adds numbers (`a + b + ' items'` logs the sum).
    let parts: Part[] | null = isText(cur) ? partsOf(cur) : null;
    let pending: ts.Expression = cur;
    for (const node of spine) {
      if (!parts && !isText(node.right)) {
        pending = node;
        continue;
      }
      if (!parts) parts = [{ kind: 'value', expr: pending }];
      parts.push(...partsOf(node.right));
    }
    return parts;
  }
  return null;
}

function isText(e: ts.Expression): boolean {
  const u = unwrap(e);
  return ts.isStringLiteralLike(u) || ts.isTemplateExpression(u);
}

function partsOf(e: ts.Expression): Part[] {
  const u = unwrap(e);
  if (ts.isStringLiteralLike(u)) return [{ kind: 'text', text: u.text }];
  if (ts.isTemplateExpression(u)) return templateParts(u);
  return [{ kind: 'value', expr: e }];
}

function templateParts(t: ts.TemplateExpression): Part[] {
  const parts: Part[] = [{ kind: 'text', text: t.head.text }];
  for (const span of t.templateSpans) {
    parts.push({ kind: 'value', expr: span.expression });
    parts.push({ kind: 'text', text: span.literal.text });
  }
  return parts;
}
