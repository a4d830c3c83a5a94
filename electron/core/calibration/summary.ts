import type { KappaWeights } from '../../../shared/agreement/cohen';
import type { CalibrationSummary, QuestionStats } from '../../../shared/ipc/calibration';
import { reviewerDeviations } from './deviation';
import { questionStats } from './figures';
import { usableAnswers, type CalibrationData } from './gather';
import { roundTables } from './tables';

/**
 * Most disagreement first: lowest Krippendorff's alpha (chance-corrected, and defined for any number of reviewers and
 * missing answers), then lowest percent agreement, then item number. An undefined alpha goes last: either too few
 * double-scored answers to say anything, or every answer the same.
 */
export function rankByDisagreement(items: readonly QuestionStats[]): QuestionStats[] {
  const key = (s: QuestionStats) => s.figures.krippendorff.value;
  return [...items].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (x !== y) {
      if (x === null) return 1;
      if (y === null) return -1;
      return x - y;
    }
    const p = (a.figures.percent.value ?? 2) - (b.figures.percent.value ?? 2);
    return p !== 0 ? p : (a.number ?? 0) - (b.number ?? 0);
  });
}

export function calibrationSummary(data: CalibrationData, weights: KappaWeights): CalibrationSummary {
  const tables = roundTables(data);
  const stats = (t: (typeof tables)['scope']) => questionStats(t.head, t.table, weights);
  // The headline figures carry a bootstrap interval; per item it would cost 17 × 1,000 alphas for a ranked list.
  const headline = (t: (typeof tables)['scope']) => questionStats(t.head, t.table, weights, data.round.id);
  return {
    round: { id: data.round.id, name: data.round.name, status: data.round.status, rubricId: data.rubric.id, rubricVersion: data.rubric.version },
    weights,
    incidents: {
      calibration: data.incidents.length,
      doubleScored: data.incidents.filter((i) => usableAnswers(i).length >= 2).length,
    },
    reviewers: tables.scope.table.raters.length,
    items: rankByDisagreement(tables.items.map(stats)),
    scope: headline(tables.scope),
    overall: headline(tables.overall),
    allItems: headline(tables.allItems),
    deviation: reviewerDeviations(data, tables),
    excludedReviews: data.excluded,
  };
}
