// Which console calls the service logging standards apply to. Console output outside service code
// is for a person (a test, a script, a build, a CLI) or runs in a browser, not in the server
// process: the rules leave it alone. So is console output inside the project's own log helper
// (the logger's sink, such as a facade printing with console outside production), except for what
// it prints (sensitive-log-data asks only isConsoleOutsideServiceCode). Calls of a structured logger
// keep their rules in every file.
import type { LogCall, RuleContext } from '../../rule';

export function isConsoleOutsideService(call: LogCall, ctx: RuleContext): boolean {
  return isConsoleOutsideServiceCode(call, ctx) || (call.library === 'console' && ctx.insideLogHelper(call.node));
}

/** A console call in a file that is not service code (by the file's role alone). */
export function isConsoleOutsideServiceCode(call: LogCall, ctx: RuleContext): boolean {
  return call.library === 'console' && ctx.fileKind !== 'service';
}
