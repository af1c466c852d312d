// @case library=pino path=src/utils/collector.js rules=unstructured-log-message,console-logging
// A console-backed helper printing its message first and the caller's further arguments after it,
// as console itself does (`log(text, ...args) { console.log(text, ...args) }`, AnythingLLM's
// CollectorApi.log with a tag of its own before the text): the caller's message is the one checked.
class CollectorApi {
  log(text, ...args) {
    console.log(`\x1b[36m[CollectorApi]\x1b[0m ${text}`, ...args);
  //~~~~~~~~~~~ [console-logging] console.log in service code writes unstructured text; use the project's logger, which writes structured records with levels.
  }
}

function log(text, ...args) {
  console.log(text, ...args);
//~~~~~~~~~~~ [console-logging] console.log in service code writes unstructured text; use the project's logger, which writes structured records with levels.
}

// A level or tag first (`log(level, ...args)`): the caller's message is among the rest.
function logAt(level, ...args) {
  console.log(level, ...args);
//~~~~~~~~~~~ [console-logging] console.log in service code writes unstructured text; use the project's logger, which writes structured records with levels.
}

function stamp(...msg) {
  console.info(new Date().toISOString(), ...msg);
//~~~~~~~~~~~~ [console-logging] console.info in service code writes unstructured text; use the project's logger, which writes structured records with levels.
}

exports.upload = (name, count) => {
  const collector = new CollectorApi();
  collector.log(`Document ${name} uploaded`);
              //~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  collector.log('Document uploaded', { name });
  log(`Found ${count} orphaned files`);
    //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  log('orphaned files', count);
  logAt('info', 'connected to ' + name);
              //~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built by string concatenation; log a constant message and put the values in fields.
  stamp('uploaded ' + name);
      //~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built by string concatenation; log a constant message and put the values in fields.
};
