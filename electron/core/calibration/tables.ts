import type { RatingTable, RatingValue } from '../../../shared/agreement/table';
import type { QuestionHead } from './figures';
import { usableAnswers, type CalibrationData } from './gather';
import { calibrationQuestions, type CalibrationQuestion } from './questions';

/**
 * Units are the calibration incidents with at least one usable submitted review; raters are the reviewers who gave
 * one. An incident only one reviewer has submitted so far stays in the table (counted), and every statistic
 * excludes it and says so (excludedUnits).
 */
function frame(data: CalibrationData): { incidents: CalibrationData['incidents']; raters: string[] } {
  const incidents = data.incidents.filter((i) => usableAnswers(i).length > 0);
  const raters = [...new Set(incidents.flatMap((i) => usableAnswers(i).map((a) => a.reviewerId)))].sort();
  return { incidents, raters };
}

function row(incident: CalibrationData['incidents'][number], raters: readonly string[], q: CalibrationQuestion): (RatingValue | null)[] {
  const byReviewer = new Map(usableAnswers(incident).map((a) => [a.reviewerId, a.answers]));
  return raters.map((r) => {
    const answers = byReviewer.get(r);
    return answers === undefined ? null : q.rate(answers);
  });
}

/** One question: incidents × reviewers. */
export function questionTable(data: CalibrationData, q: CalibrationQuestion): RatingTable<RatingValue> {
  const { incidents, raters } = frame(data);
  return { units: incidents.map((i) => String(i.incidentId)), raters, values: incidents.map((i) => row(i, raters, q)) };
}

/**
 * Every item pooled: one unit per incident and item, so the figure answers "across the rubric, how alike do they
 * score?". Pooling suits items sharing one scale, as items 1–17 do.
 */
export function pooledTable(data: CalibrationData, items: readonly CalibrationQuestion[]): RatingTable<RatingValue> {
  const { incidents, raters } = frame(data);
  const units: string[] = [];
  const values: (RatingValue | null)[][] = [];
  for (const incident of incidents) {
    for (const q of items) {
      units.push(`${incident.incidentId}/${q.key}`);
      values.push(row(incident, raters, q));
    }
  }
  return { units, raters, values };
}

export interface QuestionTable {
  head: QuestionHead;
  table: RatingTable<RatingValue>;
}

export interface RoundTables {
  scope: QuestionTable;
  items: QuestionTable[];
  overall: QuestionTable;
  allItems: QuestionTable;
}

/** Every table calibration reports on for a round, in the order of the review form. */
export function roundTables(data: CalibrationData): RoundTables {
  const q = calibrationQuestions(data.rubric);
  const categories = [...new Set(q.items.flatMap((i) => i.categories))].sort((a, b) => Number(a) - Number(b));
  return {
    scope: { head: q.scope, table: questionTable(data, q.scope) },
    items: q.items.map((item) => ({ head: item, table: questionTable(data, item) })),
    overall: { head: q.overall, table: questionTable(data, q.overall) },
    allItems: {
      head: { key: 'items', kind: 'items', number: null, label: 'All items', text: 'Every item pooled (one unit per incident and item)', level: 'ordinal', categories },
      table: pooledTable(data, q.items),
    },
  };
}
