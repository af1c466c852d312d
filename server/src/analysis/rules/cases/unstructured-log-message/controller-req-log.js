// @case library=pino-http path=src/controllers/users.js
// Handlers registered in another file (routes/users.js: `router.get('/:id', controller.show)`), with
// untyped parameters: one that answers through its second parameter takes the request first, and
// pino-http's `req.log` is a logger there.
const { findUser } = require('../services/users');

async function show(req, res) {
  req.log.info(`showing user ${req.params.id}`);
  //           ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  res.status(200).json(await findUser(req.params.id));
}

const remove = async (req, res, next) => {
  try {
    req.log.warn(`removing user ${req.params.id}`);
    //           ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
    res.sendStatus(204);
  } catch (err) {
    next(err);
  }
};

// Not answering through a response: nothing says the first parameter is a request.
function audit(job, done) {
  job.log.info(`audited ${job.id}`);
  done();
}

// The response handed on, not answered through here: not known either.
function delegate(req, res) {
  req.log.info(`delegating ${req.params.id}`);
  return show(req, res);
}

module.exports = { show, remove, audit, delegate };
