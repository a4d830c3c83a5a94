import type { Database } from 'better-sqlite3';
import type { Saved } from '../../../shared/ipc/reviews';
import { appendAudit } from '../audit/log';
import { UserError } from '../errors';
import { getRubric } from '../rubrics/catalogue';
import { requireAssignment, requireOpen } from './assignments';
import { describeChanges } from './changes';
import type { ReviewInput } from './draft';
import { requireFit } from './fit';
import { clipIdsOf } from './incidentFacts';
import { findReview, insertHistory, storeAmendment } from './reviewsRepo';
import { requireSubmittable } from './submit';

/**
 * Changing a submitted review: allowed, but never silently. It needs a reason, keeps every earlier revision in
 * review_history, and is logged as an alteration (DPA s.62) with the reason and what changed.
 */
export function amendReview(
  db: Database,
  resourcesDir: string,
  actor: string,
  input: ReviewInput & { reason: string },
  now: Date = new Date(),
): Saved {
  const reason = input.reason.trim();
  if (reason === '') throw new UserError('bad-input', 'reason: an amendment needs a reason');
  const round = requireAssignment(db, input.roundId, input.incidentId, actor);
  requireOpen(round);
  const rubric = getRubric(resourcesDir, round.rubricId, round.rubricVersion);
  requireFit(rubric, input.answers, clipIdsOf(db, input.incidentId));
  requireSubmittable(rubric, input.answers, `the amended review of incident ${input.incidentId}`);
  const at = now.toISOString();
  return db.transaction((): Saved => {
    const existing = findReview(db, { roundId: input.roundId, incidentId: input.incidentId, reviewerId: actor });
    if (!existing || existing.status !== 'submitted') {
      throw new UserError('conflict', `your review of incident ${input.incidentId} is not submitted yet; change the draft instead`);
    }
    const changes = describeChanges(rubric, existing.answers, input.answers);
    if (changes.length === 0) throw new UserError('bad-input', 'the amendment changes nothing');
    const revision = existing.revision + 1;
    storeAmendment(db, existing.id, input.answers, revision, at);
    insertHistory(db, existing.id, { revision, kind: 'amended', answers: input.answers, reason, actor, at });
    appendAudit(
      db,
      actor,
      {
        action: 'alteration',
        objectType: 'review',
        objectId: existing.id,
        detail: { roundId: input.roundId, incidentId: input.incidentId, revision, changes },
        reason,
      },
      now,
    );
    return { status: 'submitted', revision, savedAt: at };
  })();
}
