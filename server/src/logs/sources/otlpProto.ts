// The part of the OTLP protobuf schema (opentelemetry-proto: common/v1, resource/v1, logs/v1,
// collector/logs/v1) the logs receiver decodes, as a protobufjs JSON descriptor.
// @opentelemetry/otlp-transformer 0.301 serialises with its own writer and ships no protobufjs root,
// so the descriptor lives here. Field numbers follow the .proto files; names are the camelCase
// names of the OTLP JSON encoding, so decoded protobuf and parsed JSON have the same shape.
// Fields the receiver does not use (entity refs, string-table indexes) are left out: protobuf
// skips unknown fields.
import * as protobuf from 'protobufjs/light';

const descriptor = {
  nested: {
    otlp: {
      nested: {
        AnyValue: {
          oneofs: { value: { oneof: ['stringValue', 'boolValue', 'intValue', 'doubleValue', 'arrayValue', 'kvlistValue', 'bytesValue'] } },
          fields: {
            stringValue: { type: 'string', id: 1 },
            boolValue: { type: 'bool', id: 2 },
            intValue: { type: 'int64', id: 3 },
            doubleValue: { type: 'double', id: 4 },
            arrayValue: { type: 'ArrayValue', id: 5 },
            kvlistValue: { type: 'KeyValueList', id: 6 },
            bytesValue: { type: 'bytes', id: 7 },
          },
        },
        ArrayValue: { fields: { values: { rule: 'repeated', type: 'AnyValue', id: 1 } } },
        KeyValueList: { fields: { values: { rule: 'repeated', type: 'KeyValue', id: 1 } } },
        KeyValue: { fields: { key: { type: 'string', id: 1 }, value: { type: 'AnyValue', id: 2 } } },
        InstrumentationScope: {
          fields: {
            name: { type: 'string', id: 1 },
            version: { type: 'string', id: 2 },
            attributes: { rule: 'repeated', type: 'KeyValue', id: 3 },
            droppedAttributesCount: { type: 'uint32', id: 4 },
          },
        },
        Resource: {
          fields: {
            attributes: { rule: 'repeated', type: 'KeyValue', id: 1 },
            droppedAttributesCount: { type: 'uint32', id: 2 },
          },
        },
        LogRecord: {
          fields: {
            timeUnixNano: { type: 'fixed64', id: 1 },
            observedTimeUnixNano: { type: 'fixed64', id: 11 },
            severityNumber: { type: 'int32', id: 2 },
            severityText: { type: 'string', id: 3 },
            body: { type: 'AnyValue', id: 5 },
            attributes: { rule: 'repeated', type: 'KeyValue', id: 6 },
            droppedAttributesCount: { type: 'uint32', id: 7 },
            flags: { type: 'fixed32', id: 8 },
            traceId: { type: 'bytes', id: 9 },
            spanId: { type: 'bytes', id: 10 },
            eventName: { type: 'string', id: 12 },
          },
        },
        ScopeLogs: {
          fields: {
            scope: { type: 'InstrumentationScope', id: 1 },
            logRecords: { rule: 'repeated', type: 'LogRecord', id: 2 },
            schemaUrl: { type: 'string', id: 3 },
          },
        },
        ResourceLogs: {
          fields: {
            resource: { type: 'Resource', id: 1 },
            scopeLogs: { rule: 'repeated', type: 'ScopeLogs', id: 2 },
            schemaUrl: { type: 'string', id: 3 },
          },
        },
        ExportLogsServiceRequest: { fields: { resourceLogs: { rule: 'repeated', type: 'ResourceLogs', id: 1 } } },
        ExportLogsPartialSuccess: {
          fields: { rejectedLogRecords: { type: 'int64', id: 1 }, errorMessage: { type: 'string', id: 2 } },
        },
        // google.rpc.Status, the body of an OTLP error response (details left out).
        Status: { fields: { code: { type: 'int32', id: 1 }, message: { type: 'string', id: 2 } } },
        ExportLogsServiceResponse: { fields: { partialSuccess: { type: 'ExportLogsPartialSuccess', id: 1 } } },
      },
    },
  },
};

let root: protobuf.Root | null = null;
function types() {
  root ??= protobuf.Root.fromJSON(descriptor);
  return {
    request: root.lookupType('otlp.ExportLogsServiceRequest'),
    response: root.lookupType('otlp.ExportLogsServiceResponse'),
    status: root.lookupType('otlp.Status'),
  };
}

/**
 * Decodes an ExportLogsServiceRequest into the OTLP JSON shape (int64 as strings, trace/span ids
 * as hex, other bytes as base64). Throws on malformed input.
 */
export function decodeExportLogsRequest(body: Uint8Array): unknown {
  const { request } = types();
  const message = request.decode(body);
  const obj = request.toObject(message, { longs: String, bytes: String, defaults: false, arrays: true });
  for (const rl of (obj.resourceLogs ?? []) as Array<{ scopeLogs?: Array<{ logRecords?: Array<Record<string, unknown>> }> }>) {
    for (const sl of rl.scopeLogs ?? []) {
      for (const rec of sl.logRecords ?? []) {
        for (const k of ['traceId', 'spanId']) {
          if (typeof rec[k] === 'string') rec[k] = Buffer.from(rec[k] as string, 'base64').toString('hex');
        }
      }
    }
  }
  return obj;
}

/** An empty ExportLogsServiceResponse: full success. */
export function emptyExportLogsResponse(): Uint8Array {
  const { response } = types();
  return response.encode(response.create({})).finish();
}

/** A google.rpc.Status error body (code 3 = INVALID_ARGUMENT, as OTLP uses for a bad request). */
export function encodeStatus(code: number, message: string): Uint8Array {
  const { status } = types();
  return status.encode(status.create({ code, message })).finish();
}
