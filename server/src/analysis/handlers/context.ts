// What handler discovery needs to know of a file beyond its text: where it sits in its package
// (Next.js routes by file) and which frameworks that package depends on; and a cheap text test
// that keeps files that cannot register handlers from being parsed for it.
import * as path from 'node:path';
import type { ProjectModel } from '../project';
import type { ExtractContext } from './extract';
import { FRAMEWORK_MODULES, frameworksOf } from './frameworks';
import { nextRouteOf, reactRouterRouteOf } from './paths';
import type { FrameworkId } from './types';

export function extractContextFor(project: ProjectModel, file: string): ExtractContext {
  const pkg = project.packageFor(file);
  const frameworks = new Set<FrameworkId>();
  for (const p of [pkg, project.packageFor(project.root)]) if (p) for (const f of frameworksOf(p.dependencies)) frameworks.add(f);
  // Only Next.js and React Router route by file: the relative path is worked out for their packages alone.
  const rel = pkg && (frameworks.has('nextjs') || frameworks.has('react-router')) ? path.relative(pkg.dir, file).split(path.sep).join('/') : null;
  return { packageRelativePath: rel !== null && !rel.startsWith('..') ? rel : null, dependencyFrameworks: frameworks };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** An import or require of a framework module (or one of its types). */
const MENTIONS_FRAMEWORK = new RegExp(String.raw`['"\`](?:${FRAMEWORK_MODULES.map(escape).join('|')})['"\`]`);
/** A call that looks like a registration with a path: `x.get('/`, `.use("/api"`. */
const REGISTRATION_WITH_PATH = /\.(?:get|post|put|patch|delete|del|all|options|head|use|route|register|on)\s*\(\s*['"`]/;

export function mentionsFramework(text: string): boolean {
  return MENTIONS_FRAMEWORK.test(text);
}

/**
 * Whether the file may register handlers: it imports a framework, or its package depends on one and
 * it registers something with a path on an object it imports or receives, or Next.js routes it.
 */
export function mayRegisterHandlers(text: string, context: ExtractContext): boolean {
  if (mentionsFramework(text)) return true;
  if (context.dependencyFrameworks.size === 0) return false;
  if (context.dependencyFrameworks.has('nextjs') && context.packageRelativePath !== null && nextRouteOf(context.packageRelativePath)) return true;
  if (context.dependencyFrameworks.has('react-router') && context.packageRelativePath !== null && reactRouterRouteOf(context.packageRelativePath) !== null) return true;
  return REGISTRATION_WITH_PATH.test(text);
}
