// @case library=winston path=src/server.ts
// The package's files import their logger from src/logger.ts through a tsconfig `paths` alias
// (`@/logger`), a facade the model does not see as a logger; the only module it sees making one is
// the raw winston instance behind an adapter. A fix importing that instance would log around the
// project's own logger: none is offered. The adapter's two spellings of the winston module count as
// one importer, and src/types.ts's type-only import as none (three files against one: the facade).
import { startServer } from './start';

startServer().catch((err) => {
  console.error('could not start', err);
//~~~~~~~~~~~~~ [console-logging] console.error in service code writes unstructured text; use the project's logger, which writes structured records with levels.
});
