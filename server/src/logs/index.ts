// The log engine's public API, shared by the editor panel (client/src/tail) and `obs-lens tail`.
// No VS Code dependency.
export * from './types';
export { LineSplitter, DEFAULT_MAX_LINE_BYTES, type LineSink, type LineSplitterOptions } from './splitter';
export { BUILTIN_FORMATS, FIELD_NAMES, validateFormats, type FieldName, type FormatDetect, type FormatSpec } from './formats';
export { RecordParser, REQUEST_ID_PATHS, TRACE_ID_PATHS, NO_CONTINUATION, type LineColumns, type RecordParserOptions } from './parser';
export { LogPipeline, type LogPipelineOptions } from './pipeline';
export { chunksOf, FileBlock, FileLines, type FileOrigin } from './fileBlock';
export { LogStore, recordBytes, type LogStoreOptions, type QueryOptions, type RecordDecoder, type RequestSummary } from './store';
export { compileQuery, matches, type CompiledQuery, type QueryError, type QueryNode } from './query';
export { fullJson, fieldValue } from './fields';
export { LEVEL_NAMES, toLevel, toTime, type TimeFormat } from './normalize';
