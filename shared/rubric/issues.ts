import type { z } from 'zod';

/** One validation problem: where (a field path such as `items[3].text`) and what. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** `['items', 3, 'text']` → `items[3].text`; keys that are not plain identifiers are quoted (`items["a b"]`). */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out === '' ? '(top level)' : out;
}

export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

/**
 * Per-parse error map: zod 4 words a missing field as "expected string, received undefined"; people editing a
 * rubric file by hand understand "Required" better. Everything else keeps zod's own message.
 */
export function requiredMessage(issue: { code?: string; input?: unknown }): string | undefined {
  return issue.code === 'invalid_type' && issue.input === undefined ? 'Required' : undefined;
}

/** `child-focus.v1.json: items[3].text: Required; version: Invalid input: expected number, received string` */
export function describeIssues(sourceName: string, issues: readonly FieldIssue[]): string {
  return issues.map((issue) => `${sourceName}: ${issue.path}: ${issue.message}`).join('; ');
}
