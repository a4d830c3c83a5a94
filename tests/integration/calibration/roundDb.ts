import type { Database } from 'better-sqlite3';
import type { ReviewAnswers } from '../../../shared/rubric/answers';

/**
 * Writes a drawn round with calibration assignments and reviews straight into the tables of migrations 002–004, as
 * the rounds and reviews features leave them, so calibration is tested on a real SQLite file without driving those
 * features.
 */
export function addUser(db: Database, id: string, displayName: string, role: 'reviewer' | 'lead' | 'quality'): void {
  db.prepare("INSERT INTO users (id, display_name, role, officer_ids, created_at) VALUES (?, ?, ?, '[]', ?)").run(
    id,
    displayName,
    role,
    '2026-10-01T08:00:00.000Z',
  );
}

export function addIncident(db: Database, reference: string | null): number {
  const at = '2026-10-02T09:00:00.000Z';
  const r = db
    .prepare(
      `INSERT INTO incidents (reference, refs, source, bcu, started_at, created_at, updated_at)
       VALUES (?, ?, ?, 'Central East', ?, ?, ?)`,
    )
    .run(reference, JSON.stringify(reference ? [reference] : []), reference ? 'reference' : 'single', at, at, at);
  return Number(r.lastInsertRowid);
}

export function addRound(db: Database, name: string, opts: { rubricVersion?: number; drawnAt?: string } = {}): number {
  const r = db
    .prepare(
      `INSERT INTO rounds (name, filters, frame_size, frame_hash, size_spec, size_result, n, allocation, proportional,
         algorithm_id, algorithm_version, prng, seed, calibration, rubric_id, rubric_version, drawn_by, drawn_at)
       VALUES (?, '{}', 100, 'hash', '{"kind":"fixed","n":10}', '{}', 10, '{}', 1, 'stratified-draw', 1, 'mt19937',
         '12345', '{"fraction":0.2}', 'child-focus', ?, 'lead.a', ?)`,
    )
    .run(name, opts.rubricVersion ?? 1, opts.drawnAt ?? '2026-10-01T08:00:00.000Z');
  return Number(r.lastInsertRowid);
}

/** Puts an incident in the round (next in draw order) and assigns it to the reviewers. */
export function assign(db: Database, roundId: number, incidentId: number, reviewers: string[], calibration: boolean): void {
  const { next } = db.prepare('SELECT count(*) AS next FROM round_incidents WHERE round_id = ?').get(roundId) as { next: number };
  db.prepare("INSERT INTO round_incidents (round_id, incident_id, draw_order, stratum, weight) VALUES (?, ?, ?, 'all', 1)").run(
    roundId,
    incidentId,
    next + 1,
  );
  for (const reviewer of reviewers) {
    db.prepare('INSERT INTO assignments (round_id, incident_id, reviewer_id, calibration) VALUES (?, ?, ?, ?)').run(
      roundId,
      incidentId,
      reviewer,
      calibration ? 1 : 0,
    );
  }
}

export function addReview(
  db: Database,
  key: { roundId: number; incidentId: number; reviewerId: string },
  answers: ReviewAnswers,
  status: 'draft' | 'submitted' = 'submitted',
): void {
  const at = '2026-10-20T10:00:00.000Z';
  db.prepare(
    `INSERT INTO reviews (round_id, incident_id, reviewer_id, rubric_id, rubric_version, status, answers, revision,
       created_at, updated_at, submitted_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
  ).run(
    key.roundId,
    key.incidentId,
    key.reviewerId,
    answers.rubricId,
    answers.rubricVersion,
    status,
    JSON.stringify(answers),
    at,
    at,
    status === 'submitted' ? at : null,
  );
}
