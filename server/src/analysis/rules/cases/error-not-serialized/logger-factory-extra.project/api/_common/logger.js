const write = (level, stream, scope, msg, extra) => {
  const tail = extra === undefined ? '' : ` ${typeof extra === 'string' ? extra : JSON.stringify(extra)}`;
  stream.write(`${new Date().toISOString()} ${level} [${scope}] ${msg}${tail}\n`);
};

// A logger scoped to a route name.
export const createLogger = (scope) => ({
  debug: (msg, extra) => write('debug', process.stdout, scope, msg, extra),
  info: (msg, extra) => write('info', process.stdout, scope, msg, extra),
  warn: (msg, extra) => write('warn', process.stderr, scope, msg, extra),
  error: (msg, extra) => write('error', process.stderr, scope, msg, extra),
});
