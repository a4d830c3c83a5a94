import type { Database } from 'better-sqlite3';
import type { Saved } from '../../../shared/ipc/reviews';
import type { ReviewAnswers } from '../../../shared/rubric/answers';
import type { Rubric } from '../../../shared/rubric/schema';
import { checkSubmittable } from '../../../shared/rubric/validate';
import { appendAudit } from '../audit/log';
import { UserError } from '../errors';
import { getRubric } from '../rubrics/catalogue';
import { requireAssignment, requireOpen } from './assignments';
import type { ReviewInput } from './draft';
import { requireFit } from './fit';
import { clipIdsOf } from './incidentFacts';
import { findReview, insertHistory, insertReview, markSubmitted, type ReviewKey } from './reviewsRepo';

/** Refuses answers that cannot be submitted, listing every missing answer in one message. */
export function requireSubmittable(rubric: Rubric, answers: ReviewAnswers, what: string): void {
  const problems = checkSubmittable(rubric, answers);
  if (problems.length > 0) throw new UserError('bad-input', `${what} cannot be submitted: ${problems.map((p) => p.message).join('; ')}`);
}

/**
 * Stores a submission: the review becomes locked at revision 1, its first history row is written, and the event is
 * logged (collection). Runs inside the caller's transaction, so a typed submit and a CSV import record the same
 * things. `detail` adds where it came from (e.g. the import file).
 */
export function commitSubmission(
  db: Database,
  actor: string,
  key: ReviewKey,
  rubric: Rubric,
  answers: ReviewAnswers,
  now: Date,
  detail: Record<string, unknown> = {},
): number {
  const at = now.toISOString();
  const existing = findReview(db, key);
  if (existing?.status === 'submitted') {
    throw new UserError('locked', `the review of incident ${key.incidentId} by ${key.reviewerId} is already submitted; amend it, giving a reason`);
  }
  let reviewId: number;
  if (existing) {
    reviewId = existing.id;
    markSubmitted(db, reviewId, answers, at);
  } else {
    reviewId = insertReview(db, key, { rubricId: rubric.id, rubricVersion: rubric.version, status: 'submitted', answers, at });
  }
  insertHistory(db, reviewId, { revision: 1, kind: 'submitted', answers, reason: null, actor, at });
  appendAudit(
    db,
    actor,
    {
      action: 'collection',
      objectType: 'review',
      objectId: reviewId,
      detail: {
        event: 'submitted',
        roundId: key.roundId,
        incidentId: key.incidentId,
        reviewerId: key.reviewerId,
        rubricId: rubric.id,
        rubricVersion: rubric.version,
        revision: 1,
        escalation: answers.escalation.flag,
        ...detail,
      },
    },
    now,
  );
  return reviewId;
}

/** Submit from the workspace: every applicable item answered (checkSubmittable), then locked. */
export function submitReview(db: Database, resourcesDir: string, actor: string, input: ReviewInput, now: Date = new Date()): Saved {
  const round = requireAssignment(db, input.roundId, input.incidentId, actor);
  requireOpen(round);
  const rubric = getRubric(resourcesDir, round.rubricId, round.rubricVersion);
  requireFit(rubric, input.answers, clipIdsOf(db, input.incidentId));
  requireSubmittable(rubric, input.answers, `the review of incident ${input.incidentId}`);
  const key = { roundId: input.roundId, incidentId: input.incidentId, reviewerId: actor };
  db.transaction(() => commitSubmission(db, actor, key, rubric, input.answers, now, { source: 'app' }))();
  return { status: 'submitted', revision: 1, savedAt: now.toISOString() };
}
