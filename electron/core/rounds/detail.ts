import type { Database } from 'better-sqlite3';
import type { ReviewerProgress, RoundDetail, RoundIncident, RoundSummary } from '../../../shared/ipc/rounds';
import { readStatement } from './roundsRepo';

/** A round as the Rounds screen and `sample show` present it: statement, sample with assignments, progress. */

function incidentsOf(db: Database, roundId: number): RoundIncident[] {
  const rows = db
    .prepare(
      `SELECT ri.draw_order AS drawOrder, ri.incident_id AS incidentId, i.reference, i.started_at AS startedAt, i.team,
         ri.stratum, ri.weight
       FROM round_incidents ri JOIN incidents i ON i.id = ri.incident_id
       WHERE ri.round_id = ? ORDER BY ri.draw_order, ri.incident_id`,
    )
    .all(roundId) as Omit<RoundIncident, 'reviewers' | 'calibration'>[];
  const assigned = new Map<number, { reviewers: string[]; calibration: boolean }>();
  const assignmentRows = db
    .prepare('SELECT incident_id, reviewer_id, calibration FROM assignments WHERE round_id = ? ORDER BY incident_id, reviewer_id')
    .all(roundId) as { incident_id: number; reviewer_id: string; calibration: number }[];
  for (const a of assignmentRows) {
    const entry = assigned.get(a.incident_id) ?? { reviewers: [], calibration: false };
    entry.reviewers.push(a.reviewer_id);
    entry.calibration ||= a.calibration !== 0;
    assigned.set(a.incident_id, entry);
  }
  return rows.map((r) => ({ ...r, ...(assigned.get(r.incidentId) ?? { reviewers: [], calibration: false }) }));
}

/** Per reviewer: what they were given, and where their reviews (migration 004) stand. */
function progressOf(db: Database, roundId: number, drawnReviewers: readonly string[]): ReviewerProgress[] {
  const rows = db
    .prepare(
      `SELECT a.reviewer_id AS reviewerId, u.display_name AS displayName, count(*) AS assigned,
         coalesce(sum(a.calibration), 0) AS calibration,
         coalesce(sum(v.status = 'draft'), 0) AS draft,
         coalesce(sum(v.status = 'submitted'), 0) AS submitted
       FROM assignments a
       LEFT JOIN reviews v ON v.round_id = a.round_id AND v.incident_id = a.incident_id AND v.reviewer_id = a.reviewer_id
       LEFT JOIN users u ON u.id = a.reviewer_id
       WHERE a.round_id = ?
       GROUP BY a.reviewer_id ORDER BY a.reviewer_id`,
    )
    .all(roundId) as Omit<ReviewerProgress, 'notStarted'>[];
  const byId = new Map(rows.map((r) => [r.reviewerId, { ...r, notStarted: r.assigned - r.draft - r.submitted }]));
  // A reviewer of the round whose every candidate incident conflicted still belongs in the table, with nothing to do.
  const name = db.prepare('SELECT display_name FROM users WHERE id = ?').pluck();
  for (const id of drawnReviewers) {
    if (!byId.has(id)) {
      byId.set(id, { reviewerId: id, displayName: (name.get(id) as string | undefined) ?? null, assigned: 0, calibration: 0, notStarted: 0, draft: 0, submitted: 0 });
    }
  }
  return [...byId.values()].sort((a, b) => (a.reviewerId < b.reviewerId ? -1 : a.reviewerId > b.reviewerId ? 1 : 0));
}

export function readRound(db: Database, roundId: number): RoundDetail {
  const statement = readStatement(db, roundId);
  return {
    statement,
    incidents: incidentsOf(db, roundId),
    progress: progressOf(db, roundId, statement.reviewers.map((r) => r.id)),
  };
}

export function listRounds(db: Database): RoundSummary[] {
  return db
    .prepare(
      `SELECT r.id, r.name, r.status, r.frame_size AS frameSize, r.n, r.seed, r.drawn_by AS drawnBy, r.drawn_at AS drawnAt,
         (SELECT count(DISTINCT a.reviewer_id) FROM assignments a WHERE a.round_id = r.id) AS reviewers,
         (SELECT count(*) FROM assignments a WHERE a.round_id = r.id) AS assigned,
         (SELECT count(*) FROM reviews v WHERE v.round_id = r.id AND v.status = 'submitted') AS submitted
       FROM rounds r ORDER BY r.id DESC`,
    )
    .all() as RoundSummary[];
}
