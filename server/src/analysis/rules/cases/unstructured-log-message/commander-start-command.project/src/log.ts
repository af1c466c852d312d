// The Lounge's server/log.ts: the project's logger, printing with console after a time and a level tag.
const log = {
  error(...args: string[]) {
    console.error(new Date().toISOString(), '[ERROR]', ...args);
  },
  info(...args: string[]) {
    console.log(new Date().toISOString(), '[INFO]', ...args);
  },
};

export default log;
