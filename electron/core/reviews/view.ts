import type { Database } from 'better-sqlite3';
import type { OtherReview, ReviewStatus, ReviewView, Revision } from '../../../shared/ipc/reviews';
import { emptyAnswers } from '../../../shared/rubric/answers';
import type { Rubric } from '../../../shared/rubric/schema';
import { UserError } from '../errors';
import { getRubric } from '../rubrics/catalogue';
import { getUser } from '../users/users';
import { assigneesOf, assignmentsOf, requireAssignment } from './assignments';
import { othersAnswersVisible } from './blind';
import { describeChanges } from './changes';
import { clipsOf, findIncident } from './incidentFacts';
import { historyOf, reviewsOfIncident } from './reviewsRepo';

function revisions(db: Database, rubric: Rubric, reviewId: number): Revision[] {
  const rows = historyOf(db, reviewId);
  return rows.map((h, i) => ({ ...h, changes: i === 0 ? [] : describeChanges(rubric, rows[i - 1]!.answers, h.answers) }));
}

/**
 * Everything the workspace shows for one assigned incident. The blind rule is enforced here, in the core, not in
 * the window: another reviewer's answers are simply not sent until every scorer of the incident has submitted.
 */
export function openReview(db: Database, resourcesDir: string, actor: string, key: { roundId: number; incidentId: number }): ReviewView {
  const round = requireAssignment(db, key.roundId, key.incidentId, actor);
  const rubric = getRubric(resourcesDir, round.rubricId, round.rubricVersion);
  const incident = findIncident(db, key.incidentId);
  if (!incident) throw new UserError('not-found', `incident ${key.incidentId} no longer exists in the library`);

  const all = reviewsOfIncident(db, key.roundId, key.incidentId);
  const mine = all.find((r) => r.reviewerId === actor) ?? null;

  const scorers = new Map<string, ReviewStatus>();
  for (const id of assigneesOf(db, key.roundId, key.incidentId)) scorers.set(id, 'not_started');
  for (const r of all) scorers.set(r.reviewerId, r.status);
  const visible = othersAnswersVisible(scorers);
  const others: OtherReview[] = [...scorers]
    .filter(([id]) => id !== actor)
    .map(([id, status]) => ({
      reviewerId: id,
      displayName: getUser(db, id)?.displayName ?? id,
      status,
      answers: visible ? (all.find((r) => r.reviewerId === id)?.answers ?? null) : null,
    }));

  const order = assignmentsOf(db, actor).filter((a) => a.roundId === key.roundId);
  const index = order.findIndex((a) => a.incidentId === key.incidentId);

  return {
    round: { id: round.id, name: round.name, rubricId: round.rubricId, rubricVersion: round.rubricVersion },
    incident,
    clips: clipsOf(db, key.incidentId),
    review: {
      status: mine?.status ?? 'not_started',
      answers: mine?.answers ?? emptyAnswers(rubric),
      revision: mine?.revision ?? 0,
      updatedAt: mine?.updatedAt ?? null,
      submittedAt: mine?.submittedAt ?? null,
    },
    history: mine ? revisions(db, rubric, mine.id) : [],
    calibration: { blind: others.length > 0 && !visible, others },
    position: {
      index,
      total: order.length,
      previousIncidentId: index > 0 ? order[index - 1]!.incidentId : null,
      nextIncidentId: index >= 0 && index < order.length - 1 ? order[index + 1]!.incidentId : null,
    },
  };
}
