// @case library=pino loggerModule=src/logger.js path=src/relay.js
// Spread arguments have no place in a fields object, and a second error would land under a key
// pino writes as `{}`: reported, no fix.
function relay(args, id) {
  console.log(`relay ${id}`, ...args);
//~~~~~~~~~~~ [console-logging] console.log in service code writes unstructured text; use the project's logger, which writes structured records with levels.
  try {
    run();
  } catch (err) {
    console.error(err, new Error('relay aborted'));
  //~~~~~~~~~~~~~ [console-logging] console.error in service code writes unstructured text; use the project's logger, which writes structured records with levels.
  }
}

module.exports = { relay };
