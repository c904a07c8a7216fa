import type { Issue } from '../domain/errors.ts';

/** Bad input from the UI; `issues` name each field with a message. Nothing was written. */
export class InvalidInputError extends Error {
  readonly issues: Issue[];
  constructor(issues: Issue[]) {
    super(`Invalid input: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`);
    this.name = 'InvalidInputError';
    this.issues = issues;
  }
}
