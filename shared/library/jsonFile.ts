import type { z } from 'zod';

/**
 * Reading a JSON file (mapping, sidecar, metadata) against its schema, with errors a person can act on: the file
 * named, then each problem at its field path ("DataPoints.2.Time: ..."). A UTF-8 BOM, which Windows tools add, is
 * accepted.
 */
export type JsonFileResult<T> = { ok: true; value: T } | { ok: false; error: string };

export function parseJsonFile<S extends z.ZodType>(text: string, schema: S, what: string): JsonFileResult<z.output<S>> {
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return { ok: false, error: `${what} is not valid JSON: ${(e as Error).message}` };
  }
  return checkWithSchema(raw, schema, what);
}

export function checkWithSchema<S extends z.ZodType>(raw: unknown, schema: S, what: string): JsonFileResult<z.output<S>> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issues = parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(top level)'}: ${i.message}`);
  return { ok: false, error: `${what}: ${issues.join('; ')}` };
}
