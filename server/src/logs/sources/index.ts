// Log sources: producers of bytes (followed files, command output) or whole lines (OTLP receiver)
// for the log engine. No VS Code dependency: the panel and `obs-lens tail` both use them.
export { FileSource, type FileSourceOptions } from './fileSource';
export { CommandSource, type CommandSourceOptions } from './commandSource';
export { OtlpReceiver, type OtlpReceiverOptions } from './otlpReceiver';
export { exportToLines } from './otlpRecord';
export { isGlob } from './glob';
