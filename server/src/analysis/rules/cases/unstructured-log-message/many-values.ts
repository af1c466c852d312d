// @case library=pino loggerModule=src/logger.ts
// Twenty values still get a rewrite; more is generated code, reported without one.
import { logger } from '../logger';

export function dump(v0: number, v1: number, v2: number, v3: number, v4: number, v5: number, v6: number, v7: number, v8: number, v9: number, v10: number, v11: number, v12: number, v13: number, v14: number, v15: number, v16: number, v17: number, v18: number, v19: number, v20: number) {
  logger.info('k0=' + v0 + 'k1=' + v1 + 'k2=' + v2 + 'k3=' + v3 + 'k4=' + v4 + 'k5=' + v5 + 'k6=' + v6 + 'k7=' + v7 + 'k8=' + v8 + 'k9=' + v9 + 'k10=' + v10 + 'k11=' + v11 + 'k12=' + v12 + 'k13=' + v13 + 'k14=' + v14 + 'k15=' + v15 + 'k16=' + v16 + 'k17=' + v17 + 'k18=' + v18 + 'k19=' + v19);
            //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built by string concatenation; log a constant message and put the values in fields.
  logger.info('k0=' + v0 + 'k1=' + v1 + 'k2=' + v2 + 'k3=' + v3 + 'k4=' + v4 + 'k5=' + v5 + 'k6=' + v6 + 'k7=' + v7 + 'k8=' + v8 + 'k9=' + v9 + 'k10=' + v10 + 'k11=' + v11 + 'k12=' + v12 + 'k13=' + v13 + 'k14=' + v14 + 'k15=' + v15 + 'k16=' + v16 + 'k17=' + v17 + 'k18=' + v18 + 'k19=' + v19 + 'k20=' + v20);
            //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built by string concatenation; log a constant message and put the values in fields.
}
