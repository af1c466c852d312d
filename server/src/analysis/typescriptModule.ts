// TypeScript, imported here once for the whole engine. The bundler turns each `import ts from
// 'typescript'` of a module into its own copy of TypeScript's 2,000-odd exports (esbuild's CommonJS
// interop): eighty modules made a quarter of a second of the server's and the CLI's start-up.
// Every engine module imports `ts` from here instead (a lint rule says so).
import ts from 'typescript';

export default ts;
