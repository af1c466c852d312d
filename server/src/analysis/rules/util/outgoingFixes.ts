// The fixes of outgoing-call-without-context: the request id added where each client carries it
// (context/libraries.ts, OutgoingClient.carrier): an options object's `headers` (fetch, undici,
// node-fetch, axios, got, node:http(s), amqplib), a chained `.set(header, id)` (superagent), each
// kafkajs message's `headers`, the job's data (BullMQ: `requestId`, what the worker sees as
// `job.data`; job options have no free-form field), the command input's `MessageAttributes`
// (SQS, SNS). The id is `String(req.id)`, printed by TypeScript's printer; the header name is the
// `requestIdHeader` setting written as an escaped string literal. Never safe: it changes what is sent.
import ts from '../../typescriptModule';
import type { OutgoingCall } from '../../context/outgoing';
import { propertyOf } from '../../context/imports';
import { printNode } from '../../printCode';
import type { FixProposal, RuleContext } from '../../rule';
import { unwrap } from '../../scopes';
import type { TextEdit } from '../../types';
import { headerLiteral } from './contextFixes';
import { stringLiteral } from './literals';

/** The job-data field BullMQ jobs carry the id in (a worker reads `job.data.requestId`). */
export const JOB_DATA_FIELD = 'requestId';

/** `String(req.id)`, printed. */
function idExpression(request: ts.Identifier): string {
  const f = ts.factory;
  return printNode(f.createCallExpression(f.createIdentifier('String'), undefined, [f.createPropertyAccessExpression(f.createIdentifier(request.text), 'id')]));
}

/** Adds `entry` (source of one property) first in an object literal. */
function addToObject(ctx: RuleContext, obj: ts.ObjectLiteralExpression, entry: string): TextEdit {
  const space = ctx.codeStyle().bracketSpacing ? ' ' : '';
  if (obj.properties.length === 0) return { start: obj.getStart(ctx.sourceFile), end: obj.end, newText: `{${space}${entry}${space}}` };
  const at = obj.properties[0].getStart(ctx.sourceFile);
  return { start: at, end: at, newText: `${entry}, ` };
}

/** Adds `entry` to the object under `key` (`headers`), or `key: { entry }` when there is none; null when `key` holds something else. */
function addNested(ctx: RuleContext, obj: ts.ObjectLiteralExpression, key: string, entry: string): TextEdit | null {
  const space = ctx.codeStyle().bracketSpacing ? ' ' : '';
  const p = propertyOf(obj, key);
  if (!p) return addToObject(ctx, obj, `${key}: {${space}${entry}${space}}`);
  if (!ts.isPropertyAssignment(p)) return null;
  const inner = unwrap(p.initializer);
  return ts.isObjectLiteralExpression(inner) ? addToObject(ctx, inner, entry) : null;
}

/**
 * A new options argument `{ headers: { entry } }` inserted at argument `index` (after the ones before
 * it); arguments missing in between are passed as `undefined` (`axios.post(url)` has no data: `axios.post(url, undefined, { headers })`).
 */
function insertOptions(ctx: RuleContext, call: OutgoingCall, index: number, entry: string): TextEdit | null {
  const space = ctx.codeStyle().bracketSpacing ? ' ' : '';
  const args = call.node.arguments ?? [];
  if (index === 0 || args.length === 0 || args.some(ts.isSpreadElement)) return null;
  const options = `{${space}headers: {${space}${entry}${space}}${space}}`;
  const before = args[Math.min(index, args.length) - 1];
  const skipped = ', undefined'.repeat(Math.max(0, index - args.length));
  return { start: before.end, end: before.end, newText: `${skipped}, ${options}` };
}

/** node:http(s) `request`/`get`: into the options object, else a new one after the URL (`get(url, options, cb)`). */
function httpEdit(ctx: RuleContext, call: OutgoingCall, entry: string): TextEdit | null {
  const args = call.node.arguments ?? [];
  if (call.optionsIndex !== null) {
    const obj = unwrap(args[call.optionsIndex]);
    return ts.isObjectLiteralExpression(obj) ? addNested(ctx, obj, 'headers', entry) : null;
  }
  const url = args[0] && unwrap(args[0]);
  if (!url || !(ts.isStringLiteralLike(url) || ts.isTemplateExpression(url) || ts.isNewExpression(url))) return null;
  return insertOptions(ctx, call, 1, entry);
}

export function addRequestIdFix(call: OutgoingCall, request: ts.Identifier, ctx: RuleContext): FixProposal[] {
  const header = headerLiteral(ctx);
  const id = idExpression(request);
  const entry = `${header}: ${id}`;
  const args = call.node.arguments ?? [];
  const options = call.optionsIndex === null ? undefined : args[call.optionsIndex];
  const obj = options && unwrap(options);
  const literal = obj && ts.isObjectLiteralExpression(obj) ? obj : null;
  let edits: TextEdit[] = [];
  let title = `Send the request id in ${ctx.requestIdHeader}`;
  switch (call.carrier) {
    case 'headers': {
      const edit = call.label.endsWith('http.request')
        ? httpEdit(ctx, call, entry)
        : literal
          ? addNested(ctx, literal, 'headers', entry)
          : !options && call.optionsIndex !== null
            ? insertOptions(ctx, call, call.optionsIndex, entry)
            : null;
      if (edit) edits = [edit];
      break;
    }
    case 'set': {
      // `.set(header, id)` chained right on the request the client made.
      const set = `.set(${header}, ${id})`;
      edits = [{ start: call.node.end, end: call.node.end, newText: set }];
      break;
    }
    case 'messages': {
      const messages = literal && propertyOf(literal, 'messages');
      const list = messages && ts.isPropertyAssignment(messages) ? unwrap(messages.initializer) : null;
      if (!list || !ts.isArrayLiteralExpression(list) || list.elements.length === 0) return [];
      for (const m of list.elements) {
        const message = unwrap(m as ts.Expression);
        const edit = ts.isObjectLiteralExpression(message) ? addNested(ctx, message, 'headers', entry) : null;
        if (!edit) return [];
        edits.push(edit);
      }
      title = `Send the request id in each message's ${ctx.requestIdHeader} header`;
      break;
    }
    case 'data':
      if (literal) edits = [addToObject(ctx, literal, `${JOB_DATA_FIELD}: ${id}`)];
      title = `Pass the request id in the job's data (${JOB_DATA_FIELD})`;
      break;
    case 'attributes': {
      if (!literal) return [];
      const quote = ctx.codeStyle();
      const space = quote.bracketSpacing ? ' ' : '';
      const attribute = `${header}: {${space}DataType: ${stringLiteral('String', quote)}, StringValue: ${id}${space}}`;
      const edit = addNested(ctx, literal, 'MessageAttributes', attribute);
      if (edit) edits = [edit];
      title = `Send the request id in the ${ctx.requestIdHeader} message attribute`;
      break;
    }
  }
  return edits.length ? [{ title, edits, safe: false }] : [];
}
