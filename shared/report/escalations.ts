import { compareSubmitted } from './submitted-order';
import type { Escalation, ReviewRecord } from './types';

/**
 * Every flagged review, from every reviewer, including second reviews of calibration incidents and reviews left out
 * of the figures: a child possibly at live risk must never drop out of a report because of how it is counted.
 */
export function escalations(reviews: readonly ReviewRecord[]): Escalation[] {
  return reviews
    .filter((r) => r.answers.escalation.flag)
    .sort(compareSubmitted)
    .map((r) => ({
      incidentId: r.incidentId,
      reference: r.reference,
      reviewerId: r.reviewerId,
      submittedAt: r.submittedAt,
      note: r.answers.escalation.note,
    }));
}
