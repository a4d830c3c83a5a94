import { parseAnswers } from '../rubric/answers';
import { isMonth } from './months';
import type { ReportInput } from './types';

function count(value: unknown): boolean {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

/**
 * The first thing wrong with a report's input, named by where it is, or null. Reviews are re-validated because a
 * report must not quietly drop a corrupt row: it might hold an escalation.
 */
export function checkReportInput(input: ReportInput): string | null {
  if (typeof input.month !== 'string' || !isMonth(input.month)) return `month: "${String(input.month)}" is not a YYYY-MM month`;
  if (!Array.isArray(input.reviews)) return 'reviews: expected a list';
  if (!Array.isArray(input.sampled)) return 'sampled: expected a list';
  if (!Array.isArray(input.allocation)) return 'allocation: expected a list';

  for (const [i, r] of input.reviews.entries()) {
    if (!Number.isSafeInteger(r.incidentId)) return `reviews[${i}].incidentId: expected a whole number`;
    const parsed = parseAnswers(r.answers, `reviews[${i}] (incident ${r.reference}, reviewer ${r.reviewerId}) answers`);
    if (!parsed.ok) return parsed.error;
  }
  for (const [i, s] of input.sampled.entries()) {
    if (!Number.isSafeInteger(s.incidentId)) return `sampled[${i}].incidentId: expected a whole number`;
  }
  const keys = new Set<string>();
  for (const [i, s] of input.allocation.entries()) {
    if (keys.has(s.key)) return `allocation[${i}].key: stratum "${s.key}" is listed twice`;
    keys.add(s.key);
    if (!count(s.population)) return `allocation[${i}].population: expected a whole number >= 0`;
    if (!count(s.sample)) return `allocation[${i}].sample: expected a whole number >= 0`;
  }
  for (const [i, h] of (input.history ?? []).entries()) {
    if (typeof h.month !== 'string' || !isMonth(h.month)) return `history[${i}].month: "${String(h.month)}" is not a YYYY-MM month`;
    for (const [j, item] of h.items.entries()) {
      for (const field of ['yes', 'partly', 'no'] as const) {
        if (!count(item[field])) return `history[${i}].items[${j}].${field}: expected a whole number >= 0`;
      }
    }
  }
  return null;
}
