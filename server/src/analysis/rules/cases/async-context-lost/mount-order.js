// @case path=src/app.js
const express = require('express');
const bodyParser = require('body-parser');
const httpContext = require('express-http-context');
const rTracer = require('cls-rtracer');
const { AsyncLocalStorage } = require('node:async_hooks');

const app = express();
app.use(httpContext.middleware);
//      ~~~~~~~~~~~~~~~~~~~~~~ [async-context-lost] The express-http-context middleware is mounted before express.json() (line 10), which calls next from the request stream's events, outside the context it entered: the handlers after it read no context. Mount express.json() first.
app.use(express.json());
app.use(bodyParser.urlencoded({ extended: true }));
app.get('/orders', (req, res) => res.json({ user: httpContext.get('user') }));

// Parsers first, then the context: right.
const admin = express();
admin.use(express.json());
admin.use(rTracer.expressMiddleware());
admin.get('/users', (req, res) => res.json({ id: rTracer.id() }));

// cls-rtracer before body-parser, and a store of the project's own before express-jwt.
const api = express();
api.use(rTracer.expressMiddleware({ useHeader: true }));
//      ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [async-context-lost] The cls-rtracer middleware is mounted before body-parser (line 23), which calls next from the request stream's events, outside the context it entered: the handlers after it read no context. Mount body-parser first.
api.use(bodyParser.json());
const store = new AsyncLocalStorage();
const internal = express();
internal.use((req, res, next) => store.run({ id: req.id }, () => next()));
//           ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [async-context-lost] The context middleware is mounted before express-jwt (line 27), which calls next from the request stream's events, outside the context it entered: the handlers after it read no context. Mount express-jwt first.
internal.use(require('express-jwt').expressjwt({ secret: 's', algorithms: ['HS256'] }));

module.exports = { app, admin, api, internal };
