// @case library=bunyan loggerModule=src/logger.js path=src/worker.js
// bunyan keeps an error only as the whole fields argument: `logger.error(err, 'msg')`.
function work(queue) {
  queue.next((err, job) => {
    if (err) {
      console.error('queue failed', err);
    //~~~~~~~~~~~~~ [console-logging] console.error in service code writes unstructured text; use the project's logger, which writes structured records with levels.
      console.error('queue failed', err, queue.name);
    //~~~~~~~~~~~~~ [console-logging] console.error in service code writes unstructured text; use the project's logger, which writes structured records with levels.
      return;
    }
    console.log('100%% of job', job.id);
  //~~~~~~~~~~~ [console-logging] console.log in service code writes unstructured text; use the project's logger, which writes structured records with levels.
  });
}

module.exports = { work };
