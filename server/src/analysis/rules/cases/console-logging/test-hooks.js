// @case library=winston path=lib/notifications.js
// A function named for the test suite only tests call (Nightscout's `resetStateForTests`, Outline's
// `monkeyPatchSequelizeErrorsForTests`): its console output is the test run's. Any other function's is reported.
module.exports = function init(notifications) {
  notifications.resetStateForTests = function resetStateForTests() {
    console.info('resetting notifications state for tests');
  };
  notifications.getAlarmForTests = (level) => {
    console.info('got alarm for tests: ', level);
  };
  notifications.reset = function reset() {
    console.info('resetting notifications state');
  //~~~~~~~~~~~~ [console-logging] console.info in service code writes unstructured text; use the project's logger, which writes structured records with levels.
  };
};
