import type { AllocationRow, RoundStatement } from '../../../shared/report/document';
import { UserError } from '../errors';
import type { RoundRow } from './read';

/**
 * A round's stored statement in the words of the method section. The JSON columns are the sampling step's to
 * shape, so they are read for what any shape says (objects as "label: value", lists joined) rather than against one
 * fixed layout; only the allocation is read field by field, because the weights are computed from it.
 */

function parseStored(row: RoundRow, column: keyof RoundRow): unknown {
  const text = row[column];
  if (typeof text !== 'string') return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Plain text columns (a seed, a PRNG name) are shown as they are.
    return text;
  }
}

/** Any stored value as one line a person can read. */
export function describe(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map(describe).join(', ');
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return entries.length === 0 ? 'none' : entries.map(([k, v]) => `${k}: ${describe(v)}`).join('; ');
  }
  return String(value);
}

function count(value: unknown): number | null {
  return Number.isSafeInteger(value) && (value as number) >= 0 ? (value as number) : null;
}

/** The allocation, whichever of the usual field names the sampling step used (key/stratum, population/N, sample/n). */
export function readAllocation(row: RoundRow): AllocationRow[] {
  const value = parseStored(row, 'allocation');
  const fail = (why: string): never => {
    throw new UserError('bad-input', `round ${row.id} (${row.name}): its stored allocation ${why}, so its strata cannot be weighted`);
  };
  if (!Array.isArray(value)) return fail('is not a list');
  return value.map((entry: unknown, i): AllocationRow => {
    if (entry === null || typeof entry !== 'object') return fail(`entry ${i + 1} is not an object`);
    const e = entry as Record<string, unknown>;
    const key = e.key ?? e.stratum;
    const population = count(e.population ?? e.N);
    const sample = count(e.sample ?? e.n);
    if (typeof key !== 'string') return fail(`entry ${i + 1} has no stratum key`);
    if (population === null || sample === null) return fail(`entry ${i + 1} (${key}) has no whole-number population and sample`);
    const weight = typeof e.weight === 'number' && Number.isFinite(e.weight) ? e.weight : sample > 0 ? population / sample : null;
    return { key, population, sample, weight };
  });
}

function filtersOf(row: RoundRow): { label: string; value: string }[] {
  const value = parseStored(row, 'filters');
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined && v !== null);
    if (entries.length > 0) return entries.map(([label, v]) => ({ label, value: describe(v) }));
    return [{ label: 'filters', value: 'none (every incident in the library)' }];
  }
  return [{ label: 'filters', value: describe(value) }];
}

function explanationOf(row: RoundRow): string | null {
  const value = parseStored(row, 'size_result');
  if (value !== null && typeof value === 'object' && typeof (value as { explanation?: unknown }).explanation === 'string') {
    return (value as { explanation: string }).explanation;
  }
  return null;
}

function stringList(row: RoundRow, column: keyof RoundRow): string[] {
  const value = parseStored(row, column);
  return Array.isArray(value) ? value.map(describe) : value === null || value === '' ? [] : [describe(value)];
}

export function roundStatement(row: RoundRow, incidentsInReport: number, incidentsInRound: number): RoundStatement {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    filters: filtersOf(row),
    frameSize: row.frame_size,
    frameHash: row.frame_hash,
    sizeMethod: describe(parseStored(row, 'size_spec')),
    sizeExplanation: explanationOf(row),
    n: row.n,
    strataFields: stringList(row, 'strata_fields'),
    minPerStratum: row.min_per_stratum,
    allocation: readAllocation(row),
    proportional: row.proportional !== 0,
    algorithm: `${row.algorithm_id} v${row.algorithm_version} (PRNG: ${describe(parseStored(row, 'prng'))})`,
    seed: row.seed_source === 'generated' ? `${row.seed} (generated from a cryptographic source)` : row.seed,
    calibration: describe(parseStored(row, 'calibration')),
    rubric: { id: row.rubric_id, version: row.rubric_version },
    drawnBy: row.drawn_by,
    drawnAt: row.drawn_at,
    incidentsInReport,
    incidentsInRound,
  };
}
