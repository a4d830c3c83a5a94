import type { Database } from 'better-sqlite3';
import { parseAnswers, type ReviewAnswers } from '../../../shared/rubric/answers';

/** SQL for the reviews and review_history tables (migration 004): plain functions over one connection. */

export interface ReviewKey {
  roundId: number;
  incidentId: number;
  reviewerId: string;
}

export interface ReviewRow {
  id: number;
  roundId: number;
  incidentId: number;
  reviewerId: string;
  rubricId: string;
  rubricVersion: number;
  status: 'draft' | 'submitted';
  answers: ReviewAnswers;
  revision: number;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
}

interface RawReview {
  id: number;
  round_id: number;
  incident_id: number;
  reviewer_id: string;
  rubric_id: string;
  rubric_version: number;
  status: 'draft' | 'submitted';
  answers: string;
  revision: number;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
}

/** Stored documents were validated before they were written; one that no longer parses was edited by hand. */
export function readStoredAnswers(json: string, where: string): ReviewAnswers {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw new Error(`${where}: stored answers are not JSON`);
  }
  const r = parseAnswers(data, where);
  if (!r.ok) throw new Error(r.error);
  return r.answers;
}

function toRow(r: RawReview): ReviewRow {
  return {
    id: r.id,
    roundId: r.round_id,
    incidentId: r.incident_id,
    reviewerId: r.reviewer_id,
    rubricId: r.rubric_id,
    rubricVersion: r.rubric_version,
    status: r.status,
    answers: readStoredAnswers(r.answers, `review ${r.id}`),
    revision: r.revision,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    submittedAt: r.submitted_at,
  };
}

export function findReview(db: Database, key: ReviewKey): ReviewRow | null {
  const r = db
    .prepare('SELECT * FROM reviews WHERE round_id = ? AND incident_id = ? AND reviewer_id = ?')
    .get(key.roundId, key.incidentId, key.reviewerId) as RawReview | undefined;
  return r ? toRow(r) : null;
}

/** Every review of one incident in a round, whoever wrote it. */
export function reviewsOfIncident(db: Database, roundId: number, incidentId: number): ReviewRow[] {
  return (
    db.prepare('SELECT * FROM reviews WHERE round_id = ? AND incident_id = ? ORDER BY reviewer_id').all(roundId, incidentId) as RawReview[]
  ).map(toRow);
}

export function submittedReviewsOfRound(db: Database, roundId: number): ReviewRow[] {
  return (
    db
      .prepare("SELECT * FROM reviews WHERE round_id = ? AND status = 'submitted' ORDER BY incident_id, reviewer_id")
      .all(roundId) as RawReview[]
  ).map(toRow);
}

export function insertReview(
  db: Database,
  key: ReviewKey,
  v: { rubricId: string; rubricVersion: number; status: 'draft' | 'submitted'; answers: ReviewAnswers; at: string },
): number {
  const r = db
    .prepare(
      `INSERT INTO reviews (round_id, incident_id, reviewer_id, rubric_id, rubric_version, status, answers, revision,
         created_at, updated_at, submitted_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
    )
    .run(
      key.roundId,
      key.incidentId,
      key.reviewerId,
      v.rubricId,
      v.rubricVersion,
      v.status,
      JSON.stringify(v.answers),
      v.at,
      v.at,
      v.status === 'submitted' ? v.at : null,
    );
  return Number(r.lastInsertRowid);
}

export function updateDraftAnswers(db: Database, reviewId: number, answers: ReviewAnswers, at: string): void {
  db.prepare("UPDATE reviews SET answers = ?, updated_at = ? WHERE id = ? AND status = 'draft'").run(JSON.stringify(answers), at, reviewId);
}

export function markSubmitted(db: Database, reviewId: number, answers: ReviewAnswers, at: string): void {
  db.prepare("UPDATE reviews SET status = 'submitted', answers = ?, updated_at = ?, submitted_at = ? WHERE id = ?").run(
    JSON.stringify(answers),
    at,
    at,
    reviewId,
  );
}

export function storeAmendment(db: Database, reviewId: number, answers: ReviewAnswers, revision: number, at: string): void {
  db.prepare('UPDATE reviews SET answers = ?, revision = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(answers), revision, at, reviewId);
}

export interface HistoryRow {
  revision: number;
  kind: 'submitted' | 'amended';
  answers: ReviewAnswers;
  reason: string | null;
  actor: string;
  at: string;
}

export function insertHistory(db: Database, reviewId: number, h: HistoryRow): void {
  db.prepare('INSERT INTO review_history (review_id, revision, kind, answers, reason, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    reviewId,
    h.revision,
    h.kind,
    JSON.stringify(h.answers),
    h.reason,
    h.actor,
    h.at,
  );
}

export function historyOf(db: Database, reviewId: number): HistoryRow[] {
  const rows = db
    .prepare('SELECT revision, kind, answers, reason, actor, at FROM review_history WHERE review_id = ? ORDER BY revision')
    .all(reviewId) as (Omit<HistoryRow, 'answers'> & { answers: string })[];
  return rows.map((r) => ({ ...r, answers: readStoredAnswers(r.answers, `review ${reviewId} revision ${r.revision}`) }));
}
