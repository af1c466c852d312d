// @case library=pino-http path=src/routes/oauth.ts
// Calls to another company's public API do not read this service's request id (OpenPanel's OAuth
// callbacks): a literal URL, written in place or kept in a const, in a `new Request(url)`, a template
// or parts joined that start with it. A URL from the caller, or a service of one's own, is reported.
import express from 'express';

const router = express.Router();

router.get('/oauth/github/callback', async (req, res) => {
  const emails = new Request('https://api.github.com/user/emails');
  emails.headers.set('Authorization', `Bearer ${String(req.query.token)}`);
  await fetch(emails);
  const slack = ['https://slack.com/api/oauth.v2.access?', `code=${String(req.query.code)}`].join('');
  await fetch(slack);
  const site = encodeURIComponent(String(req.query.site));
  const gsc = `https://www.googleapis.com/webmasters/v3/sites/${site}/searchAnalytics/query`;
  await fetch(gsc, { method: 'POST' });
  await fetch(`http://billing/charge/${site}`, { method: 'POST' });
      //~~~~~ [outgoing-call-without-context] This fetch call in a request handler does not pass the request id (x-request-id) or trace context on: the next service's logs of this request cannot be tied to this one's.
  const hook = String(req.query.hook);
  await fetch(hook, { method: 'POST' });
      //~~~~~ [outgoing-call-without-context] This fetch call in a request handler does not pass the request id (x-request-id) or trace context on: the next service's logs of this request cannot be tied to this one's.
  res.end();
});

export default router;
