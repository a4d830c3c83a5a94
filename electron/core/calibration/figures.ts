import { computeAgreement, type AgreementMetric, type AgreementOptions, type AgreementSummary } from '../../../shared/agreement/summary';
import type { KappaWeights } from '../../../shared/agreement/cohen';
import { pairableUnits, valueCounts, type RatingTable, type RatingValue } from '../../../shared/agreement/table';
import type { Figure, QuestionKind, QuestionStats } from '../../../shared/ipc/calibration';
import { intervalFigure, roundBootstrap } from './interval';

/** What a table of ratings is about, and on which scale. */
export interface QuestionHead {
  key: string;
  kind: QuestionKind;
  number: number | null;
  label: string;
  text: string;
  level: 'nominal' | 'ordinal';
  categories: RatingValue[];
}

/** The same computation as `bwc-dip agreement --input`, with the question's level and full scale. */
export function agreementOf(
  head: QuestionHead,
  table: RatingTable<RatingValue>,
  options: { weights: KappaWeights; metrics?: readonly AgreementMetric[]; bootstrap?: AgreementOptions['bootstrap'] },
): AgreementSummary {
  return computeAgreement(table, {
    level: head.level,
    weights: options.weights,
    categories: head.categories,
    ...(options.metrics ? { metrics: options.metrics } : {}),
    ...(options.bootstrap ? { bootstrap: options.bootstrap } : {}),
  });
}

/** Units with two or more usable answers, and how many of them hold answers that are not all the same. */
export function disagreementCount(table: RatingTable<RatingValue>): { compared: number; disagreements: number } {
  const units = pairableUnits(table).units;
  return { compared: units.length, disagreements: units.filter((u) => valueCounts(u.values).size > 1).length };
}

/** `intervalSeed`: also compute alpha's bootstrap interval, seeded with it (the round id). */
export function questionStats(
  head: QuestionHead,
  table: RatingTable<RatingValue>,
  weights: KappaWeights,
  intervalSeed: number | null = null,
): QuestionStats {
  const summary = agreementOf(head, table, { weights, ...(intervalSeed === null ? {} : { bootstrap: roundBootstrap(intervalSeed) }) });
  const figure = (metric: AgreementMetric): Figure => {
    const s = summary.details[metric]!;
    return {
      value: s.value,
      band: summary.bands[metric] ?? null,
      reason: s.value === null ? s.reason : null,
      units: s.units,
      raters: s.raters,
      excludedUnits: s.excludedUnits,
    };
  };
  return {
    key: head.key,
    kind: head.kind,
    number: head.number,
    label: head.label,
    text: head.text,
    level: head.level,
    units: table.units.length,
    raters: table.raters.length,
    ...disagreementCount(table),
    figures: {
      percent: figure('percent'),
      cohen: figure('cohen'),
      fleiss: figure('fleiss'),
      krippendorff: figure('krippendorff'),
      ac1: figure('ac1'),
    },
    krippendorffInterval:
      intervalSeed === null || summary.krippendorffInterval === undefined ? null : intervalFigure(summary.krippendorffInterval, intervalSeed),
  };
}
