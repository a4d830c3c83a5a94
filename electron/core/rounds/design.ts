import type { z } from 'zod';
import {
  roundDesignSchema, STRATUM_FIELDS, type FieldProblem, type RoundDesign, type RoundFilters, type SizeRequest,
  type StratumField,
} from '../../../shared/ipc/rounds';
import { sizeSpecSchema, type SizeSpec } from '../../../shared/sampling/size';
import { localDateRangeToUtc } from '../../../shared/time/london';
import { canonicalStrata } from './stratumKey';

/**
 * A round design checked field by field: every problem is collected (not just the first) so the form can mark each
 * field, and each message names what it is about, so the CLI can print them as they are.
 */
export interface CheckedFilters {
  /** The filters as stored in the statement: trimmed, de-duplicated and sorted lists, dates as given. */
  stored: RoundFilters;
  /** UTC half-open bounds of the UK local date range; null where that end is open. */
  startUtc: string | null;
  endUtcExclusive: string | null;
}

export interface CheckedDesign {
  filters: CheckedFilters;
  size: SizeSpec;
  strata: StratumField[];
  minPerStratum: number;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

/** Zod issues of an IPC-shaped payload as field problems (the CLI builds payloads itself and can get them wrong). */
export function schemaProblems(error: z.ZodError, prefix = ''): FieldProblem[] {
  return error.issues.map((i) => {
    const field = [prefix, ...i.path.map(String)].filter(Boolean).join('.') || 'input';
    return { field, message: `${field}: ${i.message}` };
  });
}

function cleanList(values: readonly string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter((v) => v !== ''))].sort();
}

function checkFilters(f: RoundFilters, problems: FieldProblem[]): CheckedFilters {
  const blankToUndefined = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim());
  const stored: RoundFilters = {
    bcu: blankToUndefined(f.bcu),
    from: blankToUndefined(f.from),
    to: blankToUndefined(f.to),
    categories: cleanList(f.categories),
    flags: cleanList(f.flags),
    teams: cleanList(f.teams),
    officers: cleanList(f.officers),
    includePreviouslySampled: f.includePreviouslySampled,
  };
  // Each end alone first, so an unreadable date is reported against its own field.
  let startUtc: string | null = null;
  let endUtcExclusive: string | null = null;
  if (stored.from !== undefined) {
    const r = localDateRangeToUtc(stored.from, stored.from);
    if (r.ok) startUtc = r.startUtc;
    else problems.push({ field: 'filters.from', message: `From date: ${r.error}` });
  }
  if (stored.to !== undefined) {
    const r = localDateRangeToUtc(stored.to, stored.to);
    if (r.ok) endUtcExclusive = r.endUtcExclusive;
    else problems.push({ field: 'filters.to', message: `To date: ${r.error}` });
  }
  if (startUtc !== null && endUtcExclusive !== null && stored.from !== undefined && stored.to !== undefined) {
    const r = localDateRangeToUtc(stored.from, stored.to);
    if (!r.ok) problems.push({ field: 'filters.to', message: `To date: the ${r.error}` });
  }
  return { stored, startUtc, endUtcExclusive };
}

const SIZE_FIELDS: Record<SizeRequest['method'], (keyof SizeRequest)[]> = {
  fixed: ['n'],
  percent: ['percent'],
  confidence: ['confidence', 'margin'],
  discovery: ['confidence', 'tolerableRate'],
};

const SIZE_LABELS: Record<string, string> = {
  n: 'Sample size',
  percent: 'Percentage',
  confidence: 'Confidence level',
  margin: 'Margin of error',
  proportion: 'Expected proportion',
  tolerableRate: 'Tolerable rate',
};

function checkSize(request: SizeRequest, problems: FieldProblem[]): SizeSpec | null {
  const missing = SIZE_FIELDS[request.method].filter((k) => request[k] === undefined);
  for (const k of missing) {
    problems.push({ field: `size.${k}`, message: `${SIZE_LABELS[k]} is needed for the ${request.method} method` });
  }
  if (missing.length > 0) return null;
  // Only the chosen method's fields: a form may send the others' values along.
  const candidate =
    request.method === 'fixed'
      ? { method: 'fixed', n: request.n }
      : request.method === 'percent'
        ? { method: 'percent', percent: request.percent }
        : request.method === 'confidence'
          ? { method: 'confidence', confidence: request.confidence, margin: request.margin, ...(request.proportion === undefined ? {} : { proportion: request.proportion }) }
          : { method: 'discovery', confidence: request.confidence, tolerableRate: request.tolerableRate };
  const parsed = sizeSpecSchema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? 'method');
    problems.push({ field: `size.${key}`, message: `${SIZE_LABELS[key] ?? key}: ${issue.message}` });
  }
  return null;
}

function checkStrata(strata: readonly string[], problems: FieldProblem[]): StratumField[] {
  const known: StratumField[] = [];
  const seen = new Set<string>();
  for (const raw of strata) {
    const field = raw.trim().toLowerCase();
    if (!(STRATUM_FIELDS as readonly string[]).includes(field)) {
      problems.push({ field: 'strata', message: `Unknown stratum field '${raw}': use ${STRATUM_FIELDS.join(', ')}` });
    } else if (seen.has(field)) {
      problems.push({ field: 'strata', message: `Stratum field '${field}' is listed twice` });
    } else {
      seen.add(field);
      known.push(field as StratumField);
    }
  }
  return canonicalStrata(known);
}

/** Checks a design as it arrives (over IPC or built by the CLI). */
export function checkDesign(raw: unknown): Checked<CheckedDesign> {
  const parsed = roundDesignSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: schemaProblems(parsed.error) };
  return checkParsedDesign(parsed.data);
}

/** Each part checked on its own, so a preview can count the frame while the size is still being typed. */
export interface DesignParts {
  filters: CheckedFilters | null;
  size: SizeSpec | null;
  strata: StratumField[];
  minPerStratum: number | null;
  problems: FieldProblem[];
}

export function designParts(d: RoundDesign): DesignParts {
  const filterProblems: FieldProblem[] = [];
  const filters = checkFilters(d.filters, filterProblems);
  const problems = [...filterProblems];
  const size = checkSize(d.size, problems);
  const strata = checkStrata(d.strata, problems);
  const minOk = Number.isSafeInteger(d.minPerStratum) && d.minPerStratum >= 0;
  if (!minOk) {
    problems.push({ field: 'minPerStratum', message: `Minimum per stratum must be a whole number, 0 or more (got ${d.minPerStratum})` });
  }
  return { filters: filterProblems.length === 0 ? filters : null, size, strata, minPerStratum: minOk ? d.minPerStratum : null, problems };
}

export function checkParsedDesign(d: RoundDesign): Checked<CheckedDesign> {
  const parts = designParts(d);
  if (parts.problems.length > 0 || !parts.filters || !parts.size || parts.minPerStratum === null) {
    return { ok: false, problems: parts.problems };
  }
  return { ok: true, value: { filters: parts.filters, size: parts.size, strata: parts.strata, minPerStratum: parts.minPerStratum } };
}
