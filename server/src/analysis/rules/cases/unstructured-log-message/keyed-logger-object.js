// @case library=winston path=src/utils/config/services.js rules=unstructured-log-message
// Homepage: `createLogger(label)` keeps one winston child per label in a module's object (`loggers[label]
// = winstonLogger.child({ label })`, the winston logger made by the module's `init()`) and returns
// `loggers[label]`: what it returns is a winston logger. Its own format fills `%s` with util.format
// (`info.message = utilFormat(info.message, ...info[Symbol.for("splat")])`), as format.splat() does,
// and appends the arguments no placeholder takes to the text, as format.splat() does not; an object
// literal is the meta winston takes (what the format makes of it is the format's to fix).
import createLogger from "../logger";

const logger = createLogger("services");

export function parseService(entryName, e) {
  logger.warn(`Error parsing service "${entryName}" from config.`);
            //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  logger.error("Error getting services from Docker server '%s': %s", entryName, e);
             //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is filled in from its format arguments (%s, %d...); log a constant message and put the values in fields.
  logger.debug("fsSize:", JSON.stringify(e));
             //~~~~~~~~~ [unstructured-log-message] Log message has values appended: the project's winston format runs util.format over the message and its arguments, which adds those no placeholder takes to the text; log a constant message and put the values in the meta object.
  logger.info("Parsed services", { entryName });
  // A value that may be the meta object (a name holding one, a request's body) is winston's to take.
  const meta = { entryName };
  logger.info("Parsed", meta);
  logger.debug("Parsed from", e.body);
}
