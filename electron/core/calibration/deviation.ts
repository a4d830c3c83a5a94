import type { RatingTable, RatingValue } from '../../../shared/agreement/table';
import type { DeviationFigure, Direction, ReviewerDeviation } from '../../../shared/ipc/calibration';
import { usableAnswers, type CalibrationData } from './gather';
import type { RoundTables } from './tables';

/**
 * Below a tenth of a step, "harsher" would overstate it: on a three-step scale that is fewer than one answer in ten
 * a step apart, which one differing answer in a small calibration set already produces.
 */
export const IN_LINE_STEPS = 0.1;

export function direction(difference: number): Direction {
  if (Math.abs(difference) < IN_LINE_STEPS) return 'in line';
  return difference < 0 ? 'harsher' : 'more lenient';
}

/**
 * A reviewer's mean score minus the mean of the other reviewers' scores on the same units (each unit's others
 * averaged first, so a unit scored by three counts once). Only units where the reviewer and at least one other gave
 * a usable answer count; n says how many. Negative: the reviewer scores lower than colleagues (harsher on the
 * practice seen); positive: more lenient.
 */
export function deviationFigure(tables: readonly RatingTable<RatingValue>[], reviewerId: string): DeviationFigure {
  let n = 0;
  let own = 0;
  let others = 0;
  for (const table of tables) {
    const k = table.raters.indexOf(reviewerId);
    if (k === -1) continue;
    for (const row of table.values) {
      const mine = row[k];
      if (typeof mine !== 'number') continue;
      const rest = row.filter((v, j): v is number => j !== k && typeof v === 'number');
      if (rest.length === 0) continue;
      n++;
      own += mine;
      others += rest.reduce((a, b) => a + b, 0) / rest.length;
    }
  }
  if (n === 0) return { n: 0, reviewerMean: null, othersMean: null, difference: null, direction: null };
  const difference = (own - others) / n;
  return { n, reviewerMean: own / n, othersMean: others / n, difference, direction: direction(difference) };
}

/** Every reviewer with a usable calibration review, in id order. */
export function reviewerDeviations(data: CalibrationData, tables: RoundTables): ReviewerDeviation[] {
  const reviewers = [...new Set(data.incidents.flatMap((i) => usableAnswers(i).map((a) => a.reviewerId)))].sort();
  return reviewers.map((reviewerId) => ({
    reviewerId,
    displayName: data.displayNames.get(reviewerId) ?? reviewerId,
    incidents: data.incidents.filter((i) => {
      const who = usableAnswers(i).map((a) => a.reviewerId);
      return who.length >= 2 && who.includes(reviewerId);
    }).length,
    items: deviationFigure(
      tables.items.map((t) => t.table),
      reviewerId,
    ),
    overall: deviationFigure([tables.overall.table], reviewerId),
  }));
}
