// @case library=pino path=src/commands/alteration.ts
// Logto's `logto db alteration`: the command lives in a module the server imports for another
// export, so the file is service code, yet the yargs command's handler and the file's own functions
// only that handler calls run in the operator's terminal: quiet. What the server calls is checked.
import pino from 'pino';
import type { CommandModule } from 'yargs';

const log = pino();

const deploy = async (name: string) => {
  log.info(`Run alteration ${name} succeeded`);
};

const revert = async (names: string[]) => {
  log.info(`Found ${names.length} alterations to revert`);
  for (const name of names) await deploy(name);
};

const shared = (name: string) => {
  log.info({ name }, 'Checked alteration');
};

export const getAvailableAlterations = async (names: string[]) => {
  names.forEach(shared);
  log.info({ namesCount: names.length }, 'Found alterations');
  return names;
};

const alteration: CommandModule<unknown, { action: string; target?: string }> = {
  command: ['alteration <action> [target]', 'alt'],
  describe: 'Perform database alteration',
  handler: async ({ action, target }) => {
    log.info(`Running ${action} to ${target ?? 'latest'}`);
    if (action === 'deploy') await deploy(target ?? 'next');
    else await revert([target ?? 'last']);
    shared(action);
  },
};

export default alteration;
