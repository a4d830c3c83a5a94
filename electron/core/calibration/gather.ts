import type { Database } from 'better-sqlite3';
import type { ExcludedReview } from '../../../shared/ipc/calibration';
import { parseAnswers, type ReviewAnswers } from '../../../shared/rubric/answers';
import type { Rubric } from '../../../shared/rubric/schema';
import { requireRound, type RoundFacts } from '../reviews/assignments';
import { incidentSummaries } from '../reviews/incidentFacts';
import { getRubric } from '../rubrics/catalogue';

export interface ScorerState {
  reviewerId: string;
  status: 'not_started' | 'draft' | 'submitted';
  submittedAt: string | null;
  /** Set only for a submitted review whose answers are usable (readable, made with the round's rubric). */
  answers: ReviewAnswers | null;
}

export interface CalibrationIncident {
  incidentId: number;
  reference: string | null;
  startedAt: string | null;
  /** Everyone assigned, plus anyone holding a review without an assignment, in id order. */
  scorers: ScorerState[];
}

export interface CalibrationData {
  round: RoundFacts;
  rubric: Rubric;
  /** In draw order. */
  incidents: CalibrationIncident[];
  displayNames: ReadonlyMap<string, string>;
  /** Submitted reviews left out of the figures, with the reason. */
  excluded: ExcludedReview[];
}

interface ReviewRow {
  incident_id: number;
  reviewer_id: string;
  status: 'draft' | 'submitted';
  answers: string;
  submitted_at: string | null;
}

/**
 * Everything calibration reads about one round: its calibration incidents (those the round assigned with
 * calibration = 1), who scores each, and the answers of every submitted review. Drafts are never read: a figure
 * must rest on answers the reviewer stands by, and a draft may still change.
 */
export function gatherCalibration(db: Database, resourcesDir: string, roundId: number): CalibrationData {
  const round = requireRound(db, roundId);
  const rubric = getRubric(resourcesDir, round.rubricId, round.rubricVersion);
  const ids = (
    db
      .prepare(
        `SELECT a.incident_id AS id FROM assignments a
         LEFT JOIN round_incidents ri ON ri.round_id = a.round_id AND ri.incident_id = a.incident_id
         WHERE a.round_id = ? AND a.calibration = 1
         GROUP BY a.incident_id ORDER BY min(ri.draw_order), a.incident_id`,
      )
      .all(roundId) as { id: number }[]
  ).map((r) => r.id);
  const wanted = new Set(ids);

  const assignees = new Map<number, Set<string>>(ids.map((id) => [id, new Set<string>()]));
  const assignmentRows = db.prepare('SELECT incident_id, reviewer_id FROM assignments WHERE round_id = ?').all(roundId) as {
    incident_id: number;
    reviewer_id: string;
  }[];
  for (const a of assignmentRows) assignees.get(a.incident_id)?.add(a.reviewer_id);

  const reviews = new Map<string, ReviewRow>();
  const reviewRows = db
    .prepare('SELECT incident_id, reviewer_id, status, answers, submitted_at FROM reviews WHERE round_id = ?')
    .all(roundId) as ReviewRow[];
  for (const r of reviewRows) {
    if (!wanted.has(r.incident_id)) continue;
    reviews.set(`${r.incident_id}:${r.reviewer_id}`, r);
    assignees.get(r.incident_id)!.add(r.reviewer_id);
  }

  const excluded: ExcludedReview[] = [];
  const facts = incidentSummaries(db, ids);
  const incidents = ids.map((incidentId): CalibrationIncident => {
    const scorers = [...assignees.get(incidentId)!].sort().map((reviewerId): ScorerState => {
      const row = reviews.get(`${incidentId}:${reviewerId}`);
      if (row === undefined) return { reviewerId, status: 'not_started', submittedAt: null, answers: null };
      if (row.status !== 'submitted') return { reviewerId, status: 'draft', submittedAt: null, answers: null };
      const read = readAnswers(row.answers, rubric);
      if (typeof read === 'string') excluded.push({ incidentId, reviewerId, reason: read });
      return { reviewerId, status: 'submitted', submittedAt: row.submitted_at, answers: typeof read === 'string' ? null : read };
    });
    const f = facts.get(incidentId);
    return { incidentId, reference: f?.reference ?? null, startedAt: f?.startedAt ?? null, scorers };
  });

  const names = db.prepare('SELECT id, display_name FROM users').all() as { id: string; display_name: string }[];
  return { round, rubric, incidents, displayNames: new Map(names.map((u) => [u.id, u.display_name])), excluded };
}

/** The answers, or why they cannot be counted. */
function readAnswers(json: string, rubric: Rubric): ReviewAnswers | string {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return 'stored answers are not JSON';
  }
  const parsed = parseAnswers(data, 'stored answers');
  if (!parsed.ok) return parsed.error;
  const a = parsed.answers;
  // Scores made with other questions cannot be set against this rubric's items.
  if (a.rubricId !== rubric.id || a.rubricVersion !== rubric.version) {
    return `made with rubric ${a.rubricId} v${a.rubricVersion}, not the round's ${rubric.id} v${rubric.version}`;
  }
  return a;
}

/** Submitted, usable answers of an incident, in scorer order. */
export function usableAnswers(incident: CalibrationIncident): { reviewerId: string; answers: ReviewAnswers }[] {
  return incident.scorers.flatMap((s) => (s.answers === null ? [] : [{ reviewerId: s.reviewerId, answers: s.answers }]));
}
