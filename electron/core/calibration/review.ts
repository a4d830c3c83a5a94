import type { Database } from 'better-sqlite3';
import type { CalibrationReview } from '../../../shared/ipc/calibration';
import type { ReviewStatus } from '../../../shared/ipc/reviews';
import { appendAudit } from '../audit/log';
import { UserError } from '../errors';
import { assigneesOf, requireAssignment } from '../reviews/assignments';
import { othersAnswersVisible } from '../reviews/blind';
import { clipsOf, findIncident } from '../reviews/incidentFacts';
import { reviewsOfIncident } from '../reviews/reviewsRepo';
import { getRubric } from '../rubrics/catalogue';
import { getUser } from '../users/users';
import { requireCalibrationRole } from './access';

export interface CalibrationReviewKey {
  roundId: number;
  incidentId: number;
  reviewerId: string;
}

/**
 * One reviewer's submitted answers to a calibration incident, for the quality team or a lead to read beside the
 * comparison. Read-only: the only write is the audit 'consultation' row (DPA 2018 s.62: who read whose judgement of
 * which footage, and when). The blind rule holds here as in the workspace: until every scorer of the incident has
 * submitted, nobody's answers are shown, so a lead who is also scoring cannot peek through this door either.
 */
export function openCalibrationReview(
  db: Database,
  resourcesDir: string,
  actor: string,
  key: CalibrationReviewKey,
  now: Date = new Date(),
): CalibrationReview {
  requireCalibrationRole(db, actor);
  const round = requireAssignment(db, key.roundId, key.incidentId, key.reviewerId);
  const calibration = db
    .prepare('SELECT 1 FROM assignments WHERE round_id = ? AND incident_id = ? AND calibration = 1')
    .get(key.roundId, key.incidentId);
  if (!calibration) {
    throw new UserError('forbidden', `incident ${key.incidentId} is not a calibration incident of round ${round.id} (${round.name}); its review is read in Reviews`);
  }

  const all = reviewsOfIncident(db, key.roundId, key.incidentId);
  const scorers = new Map<string, ReviewStatus>();
  for (const id of assigneesOf(db, key.roundId, key.incidentId)) scorers.set(id, 'not_started');
  for (const r of all) scorers.set(r.reviewerId, r.status);
  if (!othersAnswersVisible(scorers)) {
    const waiting = [...scorers].filter(([, status]) => status !== 'submitted').map(([id]) => getUser(db, id)?.displayName ?? id);
    throw new UserError(
      'forbidden',
      `incident ${key.incidentId} is still scored blind: ${waiting.join(', ')} ${waiting.length === 1 ? 'has' : 'have'} not submitted, so no review of it can be opened yet`,
    );
  }
  // Every scorer has submitted, so the review exists and is submitted.
  const review = all.find((r) => r.reviewerId === key.reviewerId)!;
  const incident = findIncident(db, key.incidentId);
  if (!incident) throw new UserError('not-found', `incident ${key.incidentId} no longer exists in the library`);
  const rubric = getRubric(resourcesDir, review.rubricId, review.rubricVersion);

  db.transaction(() => {
    appendAudit(
      db,
      actor,
      {
        action: 'consultation',
        objectType: 'review',
        objectId: review.id,
        detail: { purpose: 'calibration', roundId: key.roundId, incidentId: key.incidentId, reviewerId: key.reviewerId, revision: review.revision },
      },
      now,
    );
  })();

  return {
    round: { id: round.id, name: round.name },
    incident,
    clips: clipsOf(db, key.incidentId),
    reviewer: { id: key.reviewerId, displayName: getUser(db, key.reviewerId)?.displayName ?? key.reviewerId },
    rubric,
    review: { id: review.id, revision: review.revision, submittedAt: review.submittedAt, answers: review.answers },
  };
}
