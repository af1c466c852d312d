// The rule registry: one file per rule id (shared/src/rules.ts), in id order.
import type { Rule } from '../rule';
import { rule as asyncContextLost } from './async-context-lost';
import { rule as consoleLogging } from './console-logging';
import { rule as errorNotSerialized } from './error-not-serialized';
import { rule as handlerMissingRequestContext } from './handler-missing-request-context';
import { rule as handlerMissingMetrics } from './handler-missing-metrics';
import { rule as highCardinalityLabel } from './high-cardinality-label';
import { rule as incomingRequestIdIgnored } from './incoming-request-id-ignored';
import { rule as invalidMetricDefinition } from './invalid-metric-definition';
import { rule as logArgumentOrder } from './log-argument-order';
import { rule as metricNaming } from './metric-naming';
import { rule as missingRequestIdMiddleware } from './missing-request-id-middleware';
import { rule as outgoingCallWithoutContext } from './outgoing-call-without-context';
import { rule as sensitiveLogData } from './sensitive-log-data';
import { rule as unstructuredLogMessage } from './unstructured-log-message';

export const RULES: readonly Rule[] = [
  consoleLogging,
  unstructuredLogMessage,
  errorNotSerialized,
  logArgumentOrder,
  sensitiveLogData,
  metricNaming,
  invalidMetricDefinition,
  highCardinalityLabel,
  incomingRequestIdIgnored,
  handlerMissingRequestContext,
  outgoingCallWithoutContext,
  handlerMissingMetrics,
  missingRequestIdMiddleware,
  asyncContextLost,
];

