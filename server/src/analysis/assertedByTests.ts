// Whether a project's tests assert a log call's message (model/assertedTexts.ts): a fix of that call
// (its message rewritten, its fields moved, the call moved to another logger) would fail the test
// that spies on it, so fix-all leaves it for a person: it is offered, marked so, and not applied.
// analyze.ts asks the project's AssertedTextIndex whether one of its texts holds the message's runs.
import ts from './typescriptModule';
import type { LogCall } from './rule';
import { messageParts } from './rules/util/messageParts';
import { unwrap } from './scopes';

/** Said in the title of a fix left unapplied for it. */
export const ASSERTED_BY_TESTS_NOTE = ' (a test of the project asserts this message: check it first)';
/** Said in the title of a console call's fix left unapplied because a test spies on that console method (model/consoleSpies.ts). */
export const CONSOLE_SPIED_NOTE = ' (a test of the project spies on this console method: check it first)';

/** Runs of a message shorter than this (`: `, ` - `) are glue, not words a test would tell apart. */
const MIN_RUN = 3;
/** Runs adding up to less than this (`[CLUSTER] ${reason}`) say too little to tie a test to the message (above assertedTexts' MIN_TEXT, the shortest text kept). */
const MIN_TOTAL = 12;

/**
 * The constant runs of the call's message (trimmed) that a test's text would have to hold, in order;
 * null when they say too little to tie a test to this message.
 */
export function messageRuns(call: LogCall): string[] | null {
  if (!call.messageArg) return null;
  const e = unwrap(call.messageArg);
  const texts = ts.isStringLiteralLike(e) ? [e.text] : (messageParts(e) ?? []).flatMap((p) => (p.kind === 'text' ? [p.text] : []));
  const runs = texts.map((t) => t.trim()).filter((t) => t.length >= MIN_RUN);
  return runs.reduce((n, r) => n + r.length, 0) < MIN_TOTAL ? null : runs;
}
