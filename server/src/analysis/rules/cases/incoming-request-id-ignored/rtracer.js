// @case library=cls-rtracer path=src/app.js
const express = require('express');
const rTracer = require('cls-rtracer');

const app = express();
app.use(rTracer.expressMiddleware());
//      ~~~~~~~~~~~~~~~~~~~~~~~~~ [incoming-request-id-ignored] cls-rtracer makes a new id for every request unless useHeader is true: the x-request-id a caller sent is ignored.
app.use(rTracer.expressMiddleware({ echoHeader: true }));
//      ~~~~~~~~~~~~~~~~~~~~~~~~~ [incoming-request-id-ignored] cls-rtracer makes a new id for every request unless useHeader is true: the x-request-id a caller sent is ignored.
app.use(rTracer.expressMiddleware({ useHeader: false, echoHeader: true }));
//      ~~~~~~~~~~~~~~~~~~~~~~~~~ [incoming-request-id-ignored] cls-rtracer makes a new id for every request unless useHeader is true: the x-request-id a caller sent is ignored.
app.use(rTracer.expressMiddleware({ useHeader: true }));

module.exports = app;
