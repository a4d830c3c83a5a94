import type { Database } from 'better-sqlite3';
import { toCsv } from '../../../shared/csv/parse';
import { appendAudit } from '../audit/log';
import { getRubric } from '../rubrics/catalogue';
import { requireRound } from './assignments';
import { roundIncidents } from './incidentFacts';
import { submittedReviewsOfRound } from './reviewsRepo';
import { answersToRows, SCORE_HEADER } from './scoreRows';

export interface ScoresExport {
  reviews: number;
  rows: number;
}

/**
 * The submitted reviews of a round in the import format, so `export | import` into another database round-trips
 * exactly. Incidents are written by CAD/CRIS reference, which survives a move between databases, except where a
 * reference is shared or missing, when the id is the only unambiguous name. Drafts are work in progress and stay
 * out. Writing the file is a disclosure: `write` runs inside the transaction that logs it, so a failed write leaves
 * no disclosure on record and a logged one always happened.
 */
export function exportScores(
  db: Database,
  resourcesDir: string,
  actor: string,
  input: { roundId: number; file: string },
  write: (csv: string) => void,
  now: Date = new Date(),
): ScoresExport {
  const round = requireRound(db, input.roundId);
  const rubric = getRubric(resourcesDir, round.rubricId, round.rubricVersion);
  return db.transaction((): ScoresExport => {
    const incidents = roundIncidents(db, round.id);
    const refCount = new Map<string, number>();
    for (const i of incidents) if (i.reference) refCount.set(i.reference, (refCount.get(i.reference) ?? 0) + 1);
    const name = new Map(incidents.map((i) => [i.id, i.reference && refCount.get(i.reference) === 1 ? i.reference : String(i.id)]));
    const order = new Map(incidents.map((i, n) => [i.id, n]));
    const reviews = submittedReviewsOfRound(db, round.id).sort(
      (a, b) => (order.get(a.incidentId) ?? 0) - (order.get(b.incidentId) ?? 0) || (a.reviewerId < b.reviewerId ? -1 : a.reviewerId > b.reviewerId ? 1 : 0),
    );
    const rows: string[][] = [[...SCORE_HEADER]];
    for (const r of reviews) {
      for (const cells of answersToRows(rubric, r.answers)) {
        rows.push([name.get(r.incidentId) ?? String(r.incidentId), r.reviewerId, cells.item, cells.answer, cells.notes]);
      }
    }
    appendAudit(
      db,
      actor,
      { action: 'disclosure', objectType: 'round', objectId: round.id, detail: { what: 'scores CSV', file: input.file, reviews: reviews.length } },
      now,
    );
    write(toCsv(rows));
    return { reviews: reviews.length, rows: rows.length - 1 };
  })();
}
