import { compareKeys } from '../sampling/key-order';
import type { ReviewRecord } from './types';

function instant(iso: string): number {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
}

/**
 * First submitted first, by the instant (not the text: offsets differ). Unreadable times sort last, and ties fall
 * back to the reviewer id so that the same data always gives the same order.
 */
export function compareSubmitted(a: ReviewRecord, b: ReviewRecord): number {
  const ta = instant(a.submittedAt);
  const tb = instant(b.submittedAt);
  if (ta !== tb) return ta < tb ? -1 : 1;
  return compareKeys(a.reviewerId, b.reviewerId) || a.incidentId - b.incidentId;
}
