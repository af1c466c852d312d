// The result cache (workspace/) keys on this: bump it whenever the same input may give different findings.
export const ENGINE_VERSION = '0.1.0-engine.149';
