// Generates a realistic Node service workspace for the analysis benchmarks: an Express/pino app with
// N route, service and repository files (~150 lines each) holding a mix of good and bad logging.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface GeneratedWorkspace {
  root: string;
  files: number;
  bytes: number;
}

const KINDS = ['routes', 'services', 'repositories', 'jobs'] as const;

function routeFile(i: number): string {
  return `import { Router, Request, Response, NextFunction } from 'express';
import { logger } from '../logger';
import { Service${i} } from '../services/service${i}';

const log = logger.child({ module: 'route${i}' });
export const router${i} = Router();

interface Payload${i} {
  id: string;
  name: string;
  password: string;
  amount: number;
}

router${i}.get('/items${i}/:id', async (req: Request, res: Response, next: NextFunction) => {
  const started = Date.now();
  try {
    const item = await Service${i}.find(req.params.id);
    if (!item) {
      log.warn({ id: req.params.id }, 'item not found');
      return res.status(404).json({ error: 'not found' });
    }
    log.info(\`fetched item \${req.params.id} in \${Date.now() - started}ms\`);
    res.json(item);
  } catch (err) {
    log.error(\`failed to fetch item: \${(err as Error).message}\`);
    next(err);
  }
});

router${i}.post('/items${i}', async (req: Request, res: Response) => {
  const body = req.body as Payload${i};
  console.log('creating item', body.id);
  log.info('created', { id: body.id });
  const saved = await Service${i}.save(body);
  log.info({ id: saved.id, amount: body.amount }, 'item created');
  res.status(201).json(saved);
});

router${i}.delete('/items${i}/:id', async (req: Request, res: Response) => {
  await Service${i}.remove(req.params.id);
  log.info({ id: req.params.id }, 'item removed');
  res.status(204).end();
});

export function describe${i}(items: Array<{ id: string; total: number }>): string {
  const lines: string[] = [];
  for (const item of items) {
    const label = \`\${item.id}: \${item.total.toFixed(2)}\`;
    lines.push(label);
  }
  return lines.join('\\n');
}
${filler(i, 70)}`;
}

function serviceFile(i: number): string {
  return `import { logger } from '../logger';
import { Repository${i} } from '../repositories/repository${i}';

export class Service${i} {
  private static readonly logger = logger.child({ service: 'service${i}' });

  static async find(id: string) {
    const metrics = { info: (_: string) => undefined };
    metrics.info('lookup');
    const row = await Repository${i}.get(id);
    this.logger.debug({ id, found: Boolean(row) }, 'lookup finished');
    return row;
  }

  static async save(input: { id: string; name: string; password: string; amount: number }) {
    this.logger.info({ input }, 'saving');
    try {
      return await Repository${i}.put(input);
    } catch (error) {
      this.logger.error('save failed ' + String(error));
      throw error;
    }
  }

  static async remove(id: string) {
    this.logger.info('removing item ' + id);
    await Repository${i}.delete(id);
  }
}
${filler(i, 100)}`;
}

function repositoryFile(i: number): string {
  return `const store${i} = new Map<string, { id: string; name: string; amount: number }>();

export const Repository${i} = {
  async get(id: string) {
    return store${i}.get(id) ?? null;
  },
  async put(row: { id: string; name: string; amount: number }) {
    store${i}.set(row.id, row);
    return row;
  },
  async delete(id: string) {
    store${i}.delete(id);
  },
};
${filler(i, 120)}`;
}

function jobFile(i: number): string {
  return `const pino = require('pino');
const log = pino({ name: 'job${i}' });

async function run${i}(batch) {
  log.info({ size: batch.length }, 'batch started');
  for (const entry of batch) {
    if (!entry.ok) {
      log.warn('entry %s is not ok', entry.id);
    }
  }
  log.info(\`batch of \${batch.length} done\`);
}

module.exports = { run${i} };
${jsFiller(i, 120)}`;
}

/** The same business logic in plain JavaScript (CommonJS job files). */
function jsFiller(i: number, lines: number): string {
  return filler(i, lines)
    .replace(/^export function/gm, 'function')
    .replace(/\(values: number\[\], factor: number\): number/g, '(values, factor)');
}

/** Plain business logic without logging: most lines of a real service look like this. */
function filler(i: number, lines: number): string {
  const out: string[] = [];
  let n = 0;
  while (out.length < lines) {
    out.push(`export function compute${i}_${n}(values: number[], factor: number): number {`);
    out.push(`  let total = 0;`);
    out.push(`  for (const value of values) {`);
    out.push(`    total += value > ${n} ? value * factor : value / (factor + ${n + 1});`);
    out.push(`  }`);
    out.push(`  const rounded = Math.round(total * 100) / 100;`);
    out.push(`  return rounded > 0 ? rounded : -rounded;`);
    out.push(`}`);
    out.push('');
    n++;
  }
  return out.join('\n') + '\n';
}

export function generateWorkspace(root: string, serviceFiles: number): GeneratedWorkspace {
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(path.join(root, 'src'), { recursive: true });
  fs.writeFileSync(
    path.join(root, 'package.json'),
    JSON.stringify({ name: 'bench-service', version: '1.0.0', dependencies: { express: '^4', pino: '^9' } }, null, 2),
  );
  fs.writeFileSync(path.join(root, 'src', 'logger.ts'), `import pino from 'pino';\nexport const logger = pino({ level: 'info' });\n`);
  let files = 1;
  let bytes = 0;
  for (const kind of KINDS) fs.mkdirSync(path.join(root, 'src', kind), { recursive: true });
  for (let i = 0; i < serviceFiles; i++) {
    const kind = KINDS[i % KINDS.length];
    const [name, text] =
      kind === 'routes'
        ? [`route${i}.ts`, routeFile(i)]
        : kind === 'services'
          ? [`service${i}.ts`, serviceFile(i)]
          : kind === 'repositories'
            ? [`repository${i}.ts`, repositoryFile(i)]
            : [`job${i}.js`, jobFile(i)];
    fs.writeFileSync(path.join(root, 'src', kind, name), text);
    bytes += text.length;
    files++;
  }
  return { root, files, bytes };
}

/** A single 2,000-line service file, for the re-analysis-on-edit benchmark. */
export function largeServiceFile(lines: number): string {
  const head = routeFile(0) + serviceFile(1).replace(/^import .*$/gm, '');
  const parts = [head];
  let count = head.split('\n').length;
  let k = 2;
  while (count < lines) {
    const more = filler(k++, 60);
    parts.push(more);
    count += more.split('\n').length;
  }
  return parts.join('\n');
}

/** One log call whose message concatenates `terms` terms, `'a' + x0 + 'b' + x1 + ...`, as code generators write. */
export function longConcatenationFile(terms: number): string {
  const parts = Array.from({ length: terms }, (_, i) => (i % 2 === 0 ? `'${String.fromCharCode(97 + ((i >> 1) % 26))}'` : `x${i >> 1}`));
  return `import { logger } from './logger';\n\nexport function report(): void {\n  logger.info(${parts.join(' + ')});\n}\n`;
}

/** Ordinary service code (see largeServiceFile) cut at a function's end near `bytes` long. */
export function serviceFileOfSize(bytes: number): string {
  const text = largeServiceFile(Math.ceil(bytes / 20));
  return text.slice(0, text.lastIndexOf('\n}\n', bytes) + 3);
}
