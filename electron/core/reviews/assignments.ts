import type { Database } from 'better-sqlite3';
import { UserError } from '../errors';

/** Reads of the rounds engineer's tables (migration 003) that the review workspace needs. */

export interface RoundFacts {
  id: number;
  name: string;
  status: 'drawn' | 'closed';
  rubricId: string;
  rubricVersion: number;
  drawnAt: string;
}

export function findRound(db: Database, roundId: number): RoundFacts | null {
  const r = db
    .prepare('SELECT id, name, status, rubric_id AS rubricId, rubric_version AS rubricVersion, drawn_at AS drawnAt FROM rounds WHERE id = ?')
    .get(roundId) as RoundFacts | undefined;
  return r ?? null;
}

export function requireRound(db: Database, roundId: number): RoundFacts {
  const r = findRound(db, roundId);
  if (!r) throw new UserError('not-found', `round ${roundId} does not exist`);
  return r;
}

/** Who is assigned to score one incident of a round, in id order. */
export function assigneesOf(db: Database, roundId: number, incidentId: number): string[] {
  return (
    db.prepare('SELECT reviewer_id FROM assignments WHERE round_id = ? AND incident_id = ? ORDER BY reviewer_id').all(roundId, incidentId) as {
      reviewer_id: string;
    }[]
  ).map((r) => r.reviewer_id);
}

/** Only the people a round assigns may read or write a review of an incident: the blind rule depends on it. */
export function requireAssignment(db: Database, roundId: number, incidentId: number, reviewerId: string): RoundFacts {
  const round = requireRound(db, roundId);
  const inRound = db.prepare('SELECT 1 FROM round_incidents WHERE round_id = ? AND incident_id = ?').get(roundId, incidentId);
  if (!inRound) throw new UserError('not-found', `incident ${incidentId} is not in round ${roundId} (${round.name})`);
  if (!assigneesOf(db, roundId, incidentId).includes(reviewerId)) {
    throw new UserError('forbidden', `${reviewerId} is not assigned to incident ${incidentId} in round ${roundId} (${round.name})`);
  }
  return round;
}

/** A closed round's figures are final: its reviews can no longer change. */
export function requireOpen(round: RoundFacts): void {
  if (round.status === 'closed') throw new UserError('locked', `round ${round.id} (${round.name}) is closed; its reviews can no longer change`);
}

export interface MyAssignment {
  roundId: number;
  incidentId: number;
  calibration: boolean;
  drawOrder: number;
}

/** One reviewer's assignments, rounds newest first, incidents in draw order (the order the queue walks). */
export function assignmentsOf(db: Database, reviewerId: string): MyAssignment[] {
  const rows = db
    .prepare(
      `SELECT a.round_id AS roundId, a.incident_id AS incidentId, a.calibration AS calibration, ri.draw_order AS drawOrder
       FROM assignments a
       JOIN round_incidents ri ON ri.round_id = a.round_id AND ri.incident_id = a.incident_id
       WHERE a.reviewer_id = ?
       ORDER BY a.round_id DESC, ri.draw_order, a.incident_id`,
    )
    .all(reviewerId) as { roundId: number; incidentId: number; calibration: number; drawOrder: number }[];
  return rows.map((r) => ({ ...r, calibration: r.calibration !== 0 }));
}
