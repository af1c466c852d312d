// @case library=pino-http path=src/routes/events.ts type=module
import express from 'express';
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
const sqs = new SQSClient({});
const sns = new SNSClient({});

const router = express.Router();
router.post('/events', async (req, res) => {
  await producer.send({ topic: 'orders', messages: [{ value: 'created' }] });
//      ~~~~~~~~~~~~~ [outgoing-call-without-context] This kafkajs send call in a request handler does not pass the request id (x-request-id) or trace context on: the next service's logs of this request cannot be tied to this one's.
  await producer.send({ topic: 'orders', messages: [{ value: 'created', headers: { 'x-request-id': String(req.id) } }] });
  channel.publish('orders', 'created', Buffer.from('{}'));
//~~~~~~~~~~~~~~~ [outgoing-call-without-context] This amqplib call in a request handler does not pass the request id (x-request-id) or trace context on: the next service's logs of this request cannot be tied to this one's.
  channel.sendToQueue('audit', Buffer.from('{}'), { headers: { 'x-request-id': String(req.id) } });
  channel.sendToQueue('audit', Buffer.from('{}'), { persistent: true });
//~~~~~~~~~~~~~~~~~~~ [outgoing-call-without-context] This amqplib call in a request handler does not pass the request id (x-request-id) or trace context on: the next service's logs of this request cannot be tied to this one's.
  await producer.send({ topic: 'audit', messages: [{ key: 'a', value: 'x', headers: { source: 'api' } }, { value: 'y' }] });
//      ~~~~~~~~~~~~~ [outgoing-call-without-context] This kafkajs send call in a request handler does not pass the request id (x-request-id) or trace context on: the next service's logs of this request cannot be tied to this one's.
  await emails.add('welcome', { userId: 1 });
//      ~~~~~~~~~~ [outgoing-call-without-context] This BullMQ add call in a request handler does not pass the request id (x-request-id) or trace context on: the next service's logs of this request cannot be tied to this one's.
  await emails.add('welcome', { userId: 1, requestId: String(req.id) });
  await sqs.send(new SendMessageCommand({ QueueUrl: 'q', MessageBody: '{}' }));
//                   ~~~~~~~~~~~~~~~~~~ [outgoing-call-without-context] This SQS SendMessageCommand call in a request handler does not pass the request id (x-request-id) or trace context on: the next service's logs of this request cannot be tied to this one's.
  await sns.send(new PublishCommand({ TopicArn: 't', Message: '{}', MessageAttributes: { source: { DataType: 'String', StringValue: 'api' } } }));
//                   ~~~~~~~~~~~~~~ [outgoing-call-without-context] This SNS PublishCommand call in a request handler does not pass the request id (x-request-id) or trace context on: the next service's logs of this request cannot be tied to this one's.
  await sns.send(new PublishCommand({ TopicArn: 't', Message: '{}', MessageAttributes: { requestId: { DataType: 'String', StringValue: String(req.id) } } }));
  res.sendStatus(202);
});

export default router;
