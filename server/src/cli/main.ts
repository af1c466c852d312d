// The `obs-lens` command: dispatches to `check` (analysis), `inventory` (services and their
// handlers) and `tail` (log tailing).
import { version as PACKAGE_VERSION } from '../../../package.json';
import { ENGINE_VERSION } from '../analysis/version';
import { runCheck } from './check';
import { runExplain } from './explain';
import { runInventory } from './inventory';
import { startIfAnalysisWorker } from '../analysis/parallel/worker';

const USAGE = `Usage: obs-lens <command> [options]

Commands:
  check [paths...]      Check the logging of Node services (obs-lens check --help)
  explain <file>        Show what obs-lens knows about a file and why (obs-lens explain --help)
  inventory [paths...]  List services: loggers, entry points, HTTP handlers (obs-lens inventory --help)
  tail [sources...]     Follow and query logs (obs-lens tail --help)

Options:
  -h, --help            Show this help
  -v, --version         Show the version`;

type TailCommand = (
  argv: string[],
  io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream; stdin: NodeJS.ReadableStream },
) => Promise<number>;

/** The tail command lives in its own module; a build without it still checks. */
function loadTail(): TailCommand | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('./tail') as { runTailCommand?: TailCommand }).runTailCommand;
  } catch {
    return undefined;
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, cwd: process.cwd(), env: process.env };
  switch (command) {
    case 'check':
      return runCheck(rest, io, PACKAGE_VERSION);
    case 'explain':
      return runExplain(rest, io);
    case 'inventory':
      return runInventory(rest, io);
    case 'tail': {
      const tail = loadTail();
      if (!tail) {
        io.stderr.write('obs-lens: tail is not available in this build\n');
        return 2;
      }
      return tail(rest, io);
    }
    case '--version':
    case '-v':
      io.stdout.write(`obs-lens ${PACKAGE_VERSION} (engine ${ENGINE_VERSION})\n`);
      return 0;
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      io.stdout.write(USAGE + '\n');
      return 0;
    default:
      io.stderr.write(`obs-lens: unknown command ${JSON.stringify(command)}\n\n${USAGE}\n`);
      return 2;
  }
}

// dist/cli.js is also the script of its analysis workers (analysis/parallel/pool.ts).
if (!startIfAnalysisWorker()) runMain();

function runMain(): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      // A bug, not bad input: say so plainly, with the stack for the report.
      process.stderr.write(`obs-lens: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
