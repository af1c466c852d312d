// What the tail benchmark times, bundled as the product bundles it (see bench/bundle.ts).
export { chunksOf, FileLines, LogPipeline, LogStore, RecordParser, compileQuery } from '../../server/src/logs';
