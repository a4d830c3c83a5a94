import { compareSubmitted } from './submitted-order';
import type { CalibrationGroup, ReviewRecord } from './types';

/**
 * Calibration incidents are scored blind by two or more reviewers. For the figures each incident counts once, or
 * double-scored incidents would weigh twice: the first submitted review is the one counted, because it is the
 * review the round would have had without calibration (the second reviewer is the check on it), and "first" is a
 * rule anyone can re-derive from the stored times. Every review of such an incident is kept for the agreement
 * section.
 */
export function onePerIncident(reviews: readonly ReviewRecord[]): { counted: ReviewRecord[]; calibration: CalibrationGroup[] } {
  const byIncident = new Map<number, ReviewRecord[]>();
  for (const review of reviews) {
    const list = byIncident.get(review.incidentId);
    if (list === undefined) byIncident.set(review.incidentId, [review]);
    else list.push(review);
  }
  const counted: ReviewRecord[] = [];
  const calibration: CalibrationGroup[] = [];
  for (const [incidentId, list] of [...byIncident].sort((a, b) => a[0] - b[0])) {
    const ordered = [...list].sort(compareSubmitted);
    const first = ordered[0];
    if (first === undefined) continue;
    counted.push(first);
    if (ordered.length > 1) calibration.push({ incidentId, reference: first.reference, reviews: ordered });
  }
  return { counted, calibration };
}
