const pinoHttp = require('pino-http');
const httpLogger = pinoHttp({ genReqId: (req) => req.headers['x-request-id'] });
module.exports = { httpLogger };
