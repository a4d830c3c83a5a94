import type { Database } from 'better-sqlite3';
import type { QueueRound, ReviewStatus, StatusCounts } from '../../../shared/ipc/reviews';
import { assignmentsOf, findRound } from './assignments';
import { incidentSummaries } from './incidentFacts';

/** One reviewer's own reviews, keyed "round:incident", as status and last change. */
function myReviews(db: Database, reviewerId: string): Map<string, { status: ReviewStatus; updatedAt: string }> {
  const rows = db.prepare('SELECT round_id, incident_id, status, updated_at FROM reviews WHERE reviewer_id = ?').all(reviewerId) as {
    round_id: number;
    incident_id: number;
    status: 'draft' | 'submitted';
    updated_at: string;
  }[];
  return new Map(rows.map((r) => [`${r.round_id}:${r.incident_id}`, { status: r.status, updatedAt: r.updated_at }]));
}

export function countStatuses(statuses: readonly ReviewStatus[]): StatusCounts {
  const counts = { notStarted: 0, draft: 0, submitted: 0, total: statuses.length };
  for (const s of statuses) {
    if (s === 'not_started') counts.notStarted++;
    else if (s === 'draft') counts.draft++;
    else counts.submitted++;
  }
  return counts;
}

/** "My reviews": every incident assigned to the reviewer, per round (newest first), in draw order, with status. */
export function buildQueue(db: Database, reviewerId: string): QueueRound[] {
  const assignments = assignmentsOf(db, reviewerId);
  const mine = myReviews(db, reviewerId);
  const summaries = incidentSummaries(db, [...new Set(assignments.map((a) => a.incidentId))]);
  const rounds = new Map<number, QueueRound>();
  for (const a of assignments) {
    let round = rounds.get(a.roundId);
    if (!round) {
      const facts = findRound(db, a.roundId)!;
      round = {
        roundId: facts.id,
        name: facts.name,
        drawnAt: facts.drawnAt,
        rubricId: facts.rubricId,
        rubricVersion: facts.rubricVersion,
        counts: countStatuses([]),
        incidents: [],
      };
      rounds.set(a.roundId, round);
    }
    const review = mine.get(`${a.roundId}:${a.incidentId}`);
    const summary = summaries.get(a.incidentId);
    round.incidents.push({
      incidentId: a.incidentId,
      reference: summary?.reference ?? null,
      startedAt: summary?.startedAt ?? null,
      bcu: summary?.bcu ?? null,
      clipCount: summary?.clipCount ?? 0,
      calibration: a.calibration,
      status: review?.status ?? 'not_started',
      updatedAt: review?.updatedAt ?? null,
    });
  }
  for (const round of rounds.values()) round.counts = countStatuses(round.incidents.map((i) => i.status));
  return [...rounds.values()];
}
