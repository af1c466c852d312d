// @case library=winston path=src/routes.js
// Parse Server's logging: a facade class whose level methods hand `arguments` to an adapter the
// constructor is given (which the model cannot follow), exported from the logger module through
// `Object.defineProperty(module.exports, 'default', { get: getLogger })`. Its level methods are log
// calls by their shape: messages are checked, with no fix (the facade decides the argument order).
import logger from './logger';
import { logger as named } from './logger';
import { Alerts } from './Controllers/LoggerController';

export function handle(req, alerts = new Alerts(null)) {
  logger.error(`Request using master key rejected from '${req.ip}'`);
             //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  named.verbose(`push status ${req.params.id}`);
              //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  named.warn('constant message', { id: req.params.id });
  alerts.error(`not a logger ${req.params.id}`);
}
