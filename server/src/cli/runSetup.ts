// What the workspace commands share: a message on stderr (escaped: names come from the workspace)
// and the parsing of their arguments, a usage error ending the run with 2.
import { UsageError } from './args';
import { terminalSafe } from './terminal';

/** A message on stderr; file names and messages from the workspace in it are escaped (see terminalSafe). */
export function stderrLine(io: { stderr: NodeJS.WritableStream }, message: string): void {
  io.stderr.write(`obs-lens: ${terminalSafe(message)}\n`);
}

/** The command's arguments, or null after saying on stderr what is wrong with them (exit 2). */
export function parseUsage<T>(io: { stderr: NodeJS.WritableStream }, parse: () => T): T | null {
  try {
    return parse();
  } catch (err) {
    if (err instanceof UsageError) {
      stderrLine(io, err.message);
      return null;
    }
    throw err;
  }
}
