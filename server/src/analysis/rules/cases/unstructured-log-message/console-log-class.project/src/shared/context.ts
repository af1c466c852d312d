import ConsoleLog from './ConsoleLog.js';

const unknownConsole = new ConsoleLog('unknown');

// Logto's getConsoleLogFromContext: returns the context's ConsoleLog or a fallback; its written return type says what it is.
export const getConsoleLogFromContext = (context: object): ConsoleLog => {
  if ('console' in context && context.console instanceof ConsoleLog) {
    return context.console;
  }
  return unknownConsole;
};
