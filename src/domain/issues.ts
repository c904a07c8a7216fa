/**
 * Zod issues as `path: message` pairs. Apart from errors.ts, whose reason and
 * API error schemas only the sync code needs: the store checks what the UI
 * hands it with this from the first screen on.
 */
import type { Issue } from './errors.ts';

/** Flatten zod issues into `path: message` pairs a person can act on. */
export function toIssues(error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> }, prefix = ''): Issue[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter((part) => part !== '').join('.'),
    message: issue.message,
  }));
}
