import type { Database } from 'better-sqlite3';
import { parseCsv } from '../../../shared/csv/parse';
import { normaliseReference } from '../../../shared/library/reference';
import { emptyAnswers, type ReviewAnswers } from '../../../shared/rubric/answers';
import type { Rubric } from '../../../shared/rubric/schema';
import { checkSubmittable } from '../../../shared/rubric/validate';
import { UserError } from '../errors';
import { getRubric } from '../rubrics/catalogue';
import { requireOpen, requireRound } from './assignments';
import { findIncidentsByKey, roundIncidents, type RoundIncident } from './incidentFacts';
import { findReview } from './reviewsRepo';
import { applyRow, SCORE_HEADER } from './scoreRows';
import { commitSubmission } from './submit';

export interface ScoreProblem {
  line: number;
  message: string;
}

export interface ScoresImportResult {
  roundId: number;
  file: string;
  dryRun: boolean;
  rows: number;
  /** Reviews the file holds (one per incident and reviewer). */
  reviews: number;
  /** Reviews written: 0 on a dry run or when any row is bad. */
  imported: number;
  /** Assignments created for reviewers the round had not assigned to an incident. */
  assignmentsAdded: number;
  errors: ScoreProblem[];
}

interface Group {
  line: number;
  incident: RoundIncident;
  reviewerId: string;
  answers: ReviewAnswers;
  lines: Map<string, number>;
}

/** Same text whether typed "cad 4517/24oct26" or as the library writes it. */
function referenceKey(text: string): string {
  return (normaliseReference(text) ?? text.trim()).toUpperCase();
}

function incidentResolver(db: Database, roundId: number, roundName: string) {
  const incidents = roundIncidents(db, roundId);
  const byId = new Map(incidents.map((i) => [String(i.id), i]));
  const byRef = new Map<string, RoundIncident[]>();
  for (const i of incidents) {
    for (const ref of i.references) {
      const key = referenceKey(ref);
      byRef.set(key, [...(byRef.get(key) ?? []), i]);
    }
  }
  return (cell: string): RoundIncident | string => {
    const text = cell.trim();
    if (text === '') return 'incident is empty';
    const found = new Set<RoundIncident>([...(byRef.get(referenceKey(text)) ?? [])]);
    const viaId = /^\d+$/.test(text) ? byId.get(String(Number(text))) : undefined;
    if (viaId) found.add(viaId);
    if (found.size === 1) return [...found][0]!;
    if (found.size > 1) return `incident '${text}' matches incidents ${[...found].map((i) => i.id).join(', ')} of round ${roundId}; use the incident id`;
    const elsewhere = findIncidentsByKey(db, text, referenceKey(text));
    return elsewhere.length > 0
      ? `incident '${text}' (id ${elsewhere.join(', ')}) is not in round ${roundId} (${roundName})`
      : `incident '${text}' is not in the library (give its id or CAD/CRIS reference)`;
  };
}

/**
 * `bwc-dip scores import`: submitted reviews from a spreadsheet, all or nothing. Every bad row is reported with its
 * line, and nothing is written unless every row is good. Imported reviews go through the same commit as a review
 * submitted in the app (history row, collection event), so the audit log cannot tell a typed score from an imported
 * one except by the `source` it records.
 */
export function importScores(
  db: Database,
  resourcesDir: string,
  actor: string,
  input: { roundId: number; file: string; text: string; dryRun: boolean },
  now: Date = new Date(),
): ScoresImportResult {
  const round = requireRound(db, input.roundId);
  requireOpen(round);
  const rubric: Rubric = getRubric(resourcesDir, round.rubricId, round.rubricVersion);
  const errors: ScoreProblem[] = [];
  const result = (imported: number, groups: number, rows: number, added = 0): ScoresImportResult => ({
    roundId: round.id,
    file: input.file,
    dryRun: input.dryRun,
    rows,
    reviews: groups,
    imported,
    assignmentsAdded: added,
    errors: errors.sort((a, b) => a.line - b.line),
  });

  const csv = parseCsv(input.text);
  errors.push(...csv.errors);
  const [head, ...body] = csv.rows;
  if (!head) {
    errors.push({ line: 1, message: `the file is empty; expected the header ${SCORE_HEADER.join(',')}` });
    return result(0, 0, 0);
  }
  const header = head.fields.map((f) => f.trim().toLowerCase());
  if (header.join(',') !== SCORE_HEADER.join(',')) {
    errors.push({ line: head.line, message: `the header must be ${SCORE_HEADER.join(',')} (found ${head.fields.join(',')})` });
    return result(0, 0, body.length);
  }

  const resolve = incidentResolver(db, round.id, round.name);
  const userExists = db.prepare('SELECT 1 FROM users WHERE id = ?');
  const groups = new Map<string, Group>();
  for (const row of body) {
    if (row.fields.length !== SCORE_HEADER.length) {
      errors.push({ line: row.line, message: `expected ${SCORE_HEADER.length} fields (${SCORE_HEADER.join(',')}), found ${row.fields.length}` });
      continue;
    }
    const [incidentCell, reviewerCell, item, answer, notes] = row.fields as [string, string, string, string, string];
    const problems: string[] = [];
    const incident = resolve(incidentCell);
    if (typeof incident === 'string') problems.push(incident);
    const reviewerId = reviewerCell.trim();
    if (reviewerId === '') problems.push('reviewer is empty');
    else if (!userExists.get(reviewerId)) problems.push(`reviewer '${reviewerId}' is not a known user (add them with bwc-dip users add)`);
    if (problems.length > 0 || typeof incident === 'string') {
      // Still check the answer itself, so one pass over the file reports everything wrong with the row.
      const rowProblem = applyRow(rubric, emptyAnswers(rubric), { item, answer, notes });
      if (rowProblem) problems.push(rowProblem);
      errors.push({ line: row.line, message: problems.join('; ') });
      continue;
    }
    const key = `${incident.id}\u0000${reviewerId}`;
    let group = groups.get(key);
    if (!group) {
      group = { line: row.line, incident, reviewerId, answers: emptyAnswers(rubric), lines: new Map() };
      groups.set(key, group);
    }
    const itemKey = item.trim().toLowerCase();
    const earlier = group.lines.get(itemKey);
    if (earlier !== undefined) {
      errors.push({ line: row.line, message: `incident ${incidentCell.trim()}, reviewer ${reviewerId}, item ${item.trim()} is already given on line ${earlier}` });
      continue;
    }
    const rowProblem = applyRow(rubric, group.answers, { item, answer, notes });
    if (rowProblem) {
      errors.push({ line: row.line, message: rowProblem });
      continue;
    }
    group.lines.set(itemKey, row.line);
  }

  for (const g of groups.values()) {
    const who = `incident ${g.incident.label}, reviewer ${g.reviewerId}`;
    const existing = findReview(db, { roundId: round.id, incidentId: g.incident.id, reviewerId: g.reviewerId });
    if (existing) {
      errors.push({
        line: g.line,
        message: `${who}: already has ${existing.status === 'submitted' ? 'a submitted review' : 'a draft review in the app'}; nothing is overwritten`,
      });
    }
    const missing = checkSubmittable(rubric, g.answers);
    if (missing.length > 0) errors.push({ line: g.line, message: `${who}: ${missing.map((p) => p.message).join('; ')}` });
  }

  if (errors.length > 0 || input.dryRun) return result(0, groups.size, body.length);

  const added = db.transaction(() => {
    let assignmentsAdded = 0;
    const assign = db.prepare('INSERT OR IGNORE INTO assignments (round_id, incident_id, reviewer_id, calibration) VALUES (?, ?, ?, 0)');
    for (const g of groups.values()) {
      const assignmentAdded = assign.run(round.id, g.incident.id, g.reviewerId).changes > 0;
      if (assignmentAdded) assignmentsAdded++;
      commitSubmission(db, actor, { roundId: round.id, incidentId: g.incident.id, reviewerId: g.reviewerId }, rubric, g.answers, now, {
        source: 'import',
        file: input.file,
        line: g.line,
        assignmentAdded,
      });
    }
    return assignmentsAdded;
  })();
  return result(groups.size, groups.size, body.length, added);
}

/** Reads the file for an import, refusing what cannot be a scores CSV before any parsing. */
export function scoresFileText(bytes: Buffer, file: string): string {
  if (bytes.length > 50 * 1024 * 1024) throw new UserError('bad-input', `${file} is larger than 50 MB; split it`);
  const text = bytes.toString('utf8');
  if (text.includes('\uFFFD')) throw new UserError('bad-input', `${file} is not UTF-8 text (save it from the spreadsheet as "CSV UTF-8")`);
  return text;
}
