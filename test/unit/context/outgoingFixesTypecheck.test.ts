// The request id added to every client outgoing-call-without-context knows, each fix applied on its
// own and all together, leaves code that type-checks against the clients' real types: node:http and
// node:https (options' headers), undici's request and fetch (options' headers, against undici-types,
// undici's own published types, which the fixture's `undici` resolves to: undici itself is not
// installed), superagent (`.set`), kafkajs (each message's headers), amqplib (publish/sendToQueue
// options' headers), BullMQ (the job's data), and SQS's SendMessageCommand and SNS's PublishCommand
// (the input's MessageAttributes: absent, empty, holding others).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ts from 'typescript';
import { oneFileService, typeProblems, writeEachFixAndAll } from '../../support/typecheckFixed';
import { analyzeFile, applyEdits } from '../../../server/src/analysis';

const SERVICE = `import express from 'express';
import pinoHttp from 'pino-http';
import http from 'node:http';
import * as https from 'node:https';
import { request, fetch as undiciFetch } from 'undici';
import superagent from 'superagent';
import { Kafka } from 'kafkajs';
import amqp from 'amqplib';
import { Queue } from 'bullmq';
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
import { SNSClient, PublishCommand } from '@aws-sdk/client-sns';

const kafka = new Kafka({ brokers: ['kafka:9092'] });
const producer = kafka.producer();
const connection = await amqp.connect('amqp://rabbit');
const channel = await connection.createChannel();
const emails = new Queue('emails');
const sqs = new SQSClient({ region: 'eu-west-1' });
const sns = new SNSClient({ region: 'eu-west-1' });

const app = express();
app.use(pinoHttp());

app.post('/orders', async (req, res) => {
  http.get('http://legacy/ping', () => undefined);
  http.request({ host: 'legacy', path: '/orders', method: 'POST' }).end();
  https.get(new URL('https://legacy/ping'), { headers: { accept: 'text/plain' } }, () => undefined);
  const prices = await request('http://prices/list', { method: 'GET' });
  await request('http://prices/ping');
  await undiciFetch('http://audit/log', { method: 'POST', body: JSON.stringify({ event: 'order' }) });
  const stock = await superagent.get('http://stock/items').query({ page: 1 });
  await producer.send({ topic: 'orders', messages: [{ value: 'created' }, { key: 'a', value: 'x', headers: { source: 'api' } }] });
  channel.publish('orders', 'created', Buffer.from('{}'));
  channel.sendToQueue('audit', Buffer.from('{}'), { persistent: true });
  await emails.add('welcome', { userId: 1 });
  await sqs.send(new SendMessageCommand({ QueueUrl: 'https://sqs.eu-west-1.amazonaws.com/1/orders', MessageBody: JSON.stringify(req.body) }));
  await sqs.send(new SendMessageCommand({ QueueUrl: 'https://sqs.eu-west-1.amazonaws.com/1/audit', MessageBody: '{}', MessageAttributes: {} }));
  await sns.send(new PublishCommand({ TopicArn: 'arn:aws:sns:eu-west-1:1:orders', Message: '{}', MessageAttributes: { source: { DataType: 'String', StringValue: 'api' } } }));
  res.json({ stock: stock.body, prices: await prices.body.json() });
});

export default app;
`;

describe('outgoing-call-without-context: quick-fixes type-check against each client', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-lens-outgoing-fixes-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('each fix applied alone, and all together, leave code the compiler accepts', () => {
    const { file, model } = oneFileService(dir, 'svc', { express: '^4', pino: '^9', 'pino-http': '^10', undici: '^6', superagent: '^10', kafkajs: '^2', amqplib: '^0.10', bullmq: '^5', '@aws-sdk/client-sqs': '^3', '@aws-sdk/client-sns': '^3' }, SERVICE);
    const result = analyzeFile(file, SERVICE, model, { severities: { 'outgoing-call-without-context': 'warning' } });
    const lines = result.findings.map((f) => f.line + 1);
    assert.deepEqual(lines, [25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38], 'one finding per call');
    for (const finding of result.findings) {
      assert.equal(finding.fixes.length, 1, `line ${finding.line + 1} has a fix`);
      assert.equal(finding.fixes[0].safe, false, 'sending the id to another service is never safe');
    }
    const { fixed, every } = writeEachFixAndAll(SERVICE, result.findings, dir, 'app.ts', applyEdits);
    assert.match(every, /\.get\('http:\/\/stock\/items'\)\.set\('x-request-id', String\(req\.id\)\)\.query/);
    assert.match(every, /MessageAttributes: \{ 'x-request-id': \{ DataType: 'String', StringValue: String\(req\.id\) \} \}, QueueUrl/);
    assert.deepEqual(typeProblems(fixed, dir, { module: ts.ModuleKind.ESNext }, { undici: 'undici-types' }), [], 'fixed files type-check');
    assert.deepEqual(analyzeFile(file, every, model, { severities: { 'outgoing-call-without-context': 'warning' } }).findings, [], 'nothing left to report');
  });
});
