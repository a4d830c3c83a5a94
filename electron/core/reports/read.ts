import type { Database } from 'better-sqlite3';
import type { RoundRow } from '../rounds/roundsRepo';

/**
 * The rows a report reads from the rounds (003), reviews (004) and library (002) tables, and nothing else: the rest
 * of reports/ never names a column, so a schema change touches this file only.
 */

/** The rounds row is the rounds table family's own type. */
export type { RoundRow };

/** A sampled incident of a round with the library facts a report prints. */
export interface SampledRow {
  round_id: number;
  incident_id: number;
  draw_order: number;
  stratum: string;
  reference: string | null;
  bcu: string | null;
  team: string | null;
  officers: string;
  started_at: string | null;
}

export interface ReviewRow {
  id: number;
  round_id: number;
  incident_id: number;
  reviewer_id: string;
  rubric_id: string;
  rubric_version: number;
  answers: string;
  submitted_at: string;
}

const SAMPLED = `SELECT ri.round_id, ri.incident_id, ri.draw_order, ri.stratum,
    i.reference, i.bcu, i.team, i.officers, i.started_at
  FROM round_incidents ri JOIN incidents i ON i.id = ri.incident_id`;

export function readRound(db: Database, roundId: number): RoundRow | undefined {
  return db.prepare('SELECT * FROM rounds WHERE id = ?').get(roundId) as RoundRow | undefined;
}

export function readRounds(db: Database, roundIds: readonly number[]): RoundRow[] {
  const stmt = db.prepare('SELECT * FROM rounds WHERE id = ?');
  return [...roundIds].sort((a, b) => a - b).flatMap((id) => {
    const row = stmt.get(id) as RoundRow | undefined;
    return row === undefined ? [] : [row];
  });
}

export function sampledOfRound(db: Database, roundId: number): SampledRow[] {
  return db.prepare(`${SAMPLED} WHERE ri.round_id = ? ORDER BY ri.draw_order, ri.incident_id`).all(roundId) as SampledRow[];
}

/**
 * Sampled incidents of a BCU that started in [startUtc, endUtc). Stored times are Date#toISOString text, so the
 * text comparison is a time comparison and walks the (bcu, started_at) index.
 */
export function sampledOfBcu(db: Database, bcu: string, startUtc: string, endUtc: string): SampledRow[] {
  return db
    .prepare(
      `${SAMPLED} WHERE i.bcu = ? AND i.started_at >= ? AND i.started_at < ?
       ORDER BY ri.round_id, ri.draw_order, ri.incident_id`,
    )
    .all(bcu, startUtc, endUtc) as SampledRow[];
}

/** Submitted reviews only: a draft may still change, and a figure must rest on answers a reviewer stands by. */
export function submittedReviews(db: Database, roundId: number): ReviewRow[] {
  return db
    .prepare(
      `SELECT id, round_id, incident_id, reviewer_id, rubric_id, rubric_version, answers, submitted_at
       FROM reviews WHERE round_id = ? AND status = 'submitted' AND submitted_at IS NOT NULL
       ORDER BY incident_id, submitted_at, reviewer_id`,
    )
    .all(roundId) as ReviewRow[];
}

/** Every BCU the library knows, in a stable order. */
export function knownBcus(db: Database): string[] {
  return (db.prepare('SELECT DISTINCT bcu FROM incidents WHERE bcu IS NOT NULL ORDER BY bcu').all() as { bcu: string }[]).map(
    (r) => r.bcu,
  );
}

export interface RoundListRow {
  id: number;
  name: string;
  status: string;
  drawn_at: string;
  submitted: number;
}

export function listRounds(db: Database): RoundListRow[] {
  return db
    .prepare(
      `SELECT r.id, r.name, r.status, r.drawn_at,
         (SELECT count(*) FROM reviews v WHERE v.round_id = r.id AND v.status = 'submitted') AS submitted
       FROM rounds r ORDER BY r.drawn_at DESC, r.id DESC`,
    )
    .all() as RoundListRow[];
}

/** Start times and BCUs of every sampled incident, for the month pickers. */
export function sampledStarts(db: Database): { round_id: number; bcu: string | null; started_at: string | null }[] {
  return db
    .prepare(
      `SELECT ri.round_id, i.bcu, i.started_at FROM round_incidents ri JOIN incidents i ON i.id = ri.incident_id`,
    )
    .all() as { round_id: number; bcu: string | null; started_at: string | null }[];
}
