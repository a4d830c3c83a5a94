import type { Database } from 'better-sqlite3';
import type { Saved } from '../../../shared/ipc/reviews';
import type { ReviewAnswers } from '../../../shared/rubric/answers';
import { appendAudit } from '../audit/log';
import { UserError } from '../errors';
import { getRubric } from '../rubrics/catalogue';
import { requireAssignment, requireOpen } from './assignments';
import { requireFit } from './fit';
import { clipIdsOf } from './incidentFacts';
import { findReview, insertReview, updateDraftAnswers } from './reviewsRepo';

export interface ReviewInput {
  roundId: number;
  incidentId: number;
  answers: ReviewAnswers;
}

/**
 * Autosave: the form sends the whole answers document within a second of every change, and this stores it. The
 * database, not the window, is where work survives a crash or a flat battery. Starting a review is recorded once
 * (collection); the saves after it are working notes until submitted, so they are not each logged.
 */
export function saveDraft(db: Database, resourcesDir: string, actor: string, input: ReviewInput, now: Date = new Date()): Saved {
  const round = requireAssignment(db, input.roundId, input.incidentId, actor);
  requireOpen(round);
  const rubric = getRubric(resourcesDir, round.rubricId, round.rubricVersion);
  requireFit(rubric, input.answers, clipIdsOf(db, input.incidentId));
  const at = now.toISOString();
  const key = { roundId: input.roundId, incidentId: input.incidentId, reviewerId: actor };
  return db.transaction((): Saved => {
    const existing = findReview(db, key);
    if (existing?.status === 'submitted') {
      throw new UserError('locked', `your review of incident ${input.incidentId} is submitted and locked; amend it, giving a reason`);
    }
    if (existing) {
      updateDraftAnswers(db, existing.id, input.answers, at);
    } else {
      const reviewId = insertReview(db, key, { rubricId: rubric.id, rubricVersion: rubric.version, status: 'draft', answers: input.answers, at });
      appendAudit(
        db,
        actor,
        {
          action: 'collection',
          objectType: 'review',
          objectId: reviewId,
          detail: { event: 'draft started', roundId: input.roundId, incidentId: input.incidentId, rubricId: rubric.id, rubricVersion: rubric.version },
        },
        now,
      );
    }
    return { status: 'draft', revision: 1, savedAt: at };
  })();
}
