export { default as ConsoleLog } from './ConsoleLog.js';
