// @case library=pino-http path=src/routes/orders.ts type=module
import express from 'express';
import axios from 'axios';
import got from 'got';
import http from 'node:http';
import * as https from 'node:https';

const router = express.Router();
const api = axios.create({ baseURL: 'http://billing' });
api.interceptors.request.use((config) => config);
const plain = axios.create({ baseURL: 'http://stock' });

router.post('/orders', async (req, res) => {
  await fetch('http://billing/charge');
//      ~~~~~ [outgoing-call-without-context] This fetch call in a request handler does not pass the request id (x-request-id) or trace context on: the next service's logs of this request cannot be tied to this one's.
  await fetch('http://billing/charge', { method: 'POST' });
//      ~~~~~ [outgoing-call-without-context] This fetch call in a request handler does not pass the request id (x-request-id) or trace context on: the next service's logs of this request cannot be tied to this one's.
  await fetch('http://billing/charge', { method: 'POST', headers: { 'content-type': 'application/json' } });
//      ~~~~~ [outgoing-call-without-context] This fetch call in a request handler does not pass the request id (x-request-id) or trace context on: the next service's logs of this request cannot be tied to this one's.
  await fetch('http://billing/charge', { headers: { 'x-request-id': String(req.id) } });
  await axios.get('http://stock/items');
//      ~~~~~~~~~ [outgoing-call-without-context] This axios call in a request handler does not pass the request id (x-request-id) or trace context on: the next service's logs of this request cannot be tied to this one's.
  await axios.post('http://stock/reserve', { sku: 'a' });
//      ~~~~~~~~~~ [outgoing-call-without-context] This axios call in a request handler does not pass the request id (x-request-id) or trace context on: the next service's logs of this request cannot be tied to this one's.
  await axios.post('http://stock/ping');
//      ~~~~~~~~~~ [outgoing-call-without-context] This axios call in a request handler does not pass the request id (x-request-id) or trace context on: the next service's logs of this request cannot be tied to this one's.
  await api.get('/invoices');
  await plain.get('/levels');
//      ~~~~~~~~~ [outgoing-call-without-context] This axios call in a request handler does not pass the request id (x-request-id) or trace context on: the next service's logs of this request cannot be tied to this one's.
  await got('http://audit/log');
//      ~~~ [outgoing-call-without-context] This got call in a request handler does not pass the request id (x-request-id) or trace context on: the next service's logs of this request cannot be tied to this one's.
  await got({ url: 'http://audit/log', method: 'POST' });
//      ~~~ [outgoing-call-without-context] This got call in a request handler does not pass the request id (x-request-id) or trace context on: the next service's logs of this request cannot be tied to this one's.
  await got({ url: 'http://audit/log', headers: { 'x-request-id': String(req.id) } });
  http.get('http://legacy/ping', () => undefined);
//~~~~~~~~ [outgoing-call-without-context] This http.request call in a request handler does not pass the request id (x-request-id) or trace context on: the next service's logs of this request cannot be tied to this one's.
  http.request({ host: 'legacy', path: '/orders', method: 'POST' }).end();
//~~~~~~~~~~~~ [outgoing-call-without-context] This http.request call in a request handler does not pass the request id (x-request-id) or trace context on: the next service's logs of this request cannot be tied to this one's.
  https.get(new URL('https://legacy/ping'), { headers: { accept: 'text/plain' } }, () => undefined);
//~~~~~~~~~ [outgoing-call-without-context] This https.request call in a request handler does not pass the request id (x-request-id) or trace context on: the next service's logs of this request cannot be tied to this one's.
  const options = { headers: { 'x-request-id': String(req.id) } };
  await fetch('http://billing/refund', options);
  res.json({});
});

// Start-up: not on a request path.
fetch('http://config/flags').catch(() => undefined);

export default router;
