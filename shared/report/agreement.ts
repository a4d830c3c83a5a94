import { computeAgreement, type AgreementMetric } from '../agreement/summary';
import type { MeasurementLevel, RatingTable, RatingValue } from '../agreement/table';
import { OVERALL_ANSWERS } from '../rubric/codes';
import type { Rubric } from '../rubric/schema';
import type { AgreementFigure, AgreementRow, CalibrationGroup, ReportAgreement } from './types';
import type { VersionMatch } from './versions';

const METRICS: readonly AgreementMetric[] = ['percent', 'krippendorff', 'ac1'];

/**
 * The overall judgement is ordered (inadequate < requires improvement < good), so alpha reads it as ordinal and a
 * one-step disagreement costs less than a two-step one. Krippendorff's ordinal level works on numbers: the codes
 * are given their rank.
 */
const OVERALL_RANK = new Map<string, number>(
  [...OVERALL_ANSWERS].reverse().map((code, i) => [code, i + 1]),
);

interface Rating {
  unit: string;
  rater: string;
  value: RatingValue;
}

function table(ratings: readonly Rating[]): RatingTable<RatingValue> {
  const units = [...new Set(ratings.map((r) => r.unit))];
  const raters = [...new Set(ratings.map((r) => r.rater))].sort();
  const u = new Map(units.map((id, i) => [id, i]));
  const k = new Map(raters.map((id, i) => [id, i]));
  const values = units.map(() => new Array<RatingValue | null>(raters.length).fill(null));
  for (const r of ratings) values[u.get(r.unit)!]![k.get(r.rater)!] = r.value;
  return { units, raters, values };
}

function row(
  key: string,
  label: string,
  number: number | null,
  level: Extract<MeasurementLevel, 'nominal' | 'ordinal'>,
  ratings: readonly Rating[],
  categories: readonly RatingValue[],
): AgreementRow {
  const t = table(ratings);
  const summary = computeAgreement(t, { metrics: METRICS, level, categories });
  const figure = (metric: AgreementMetric): AgreementFigure => {
    const detail = summary.details[metric];
    return {
      value: detail?.value ?? null,
      band: summary.bands[metric] ?? null,
      reason: summary.reasons[metric] ?? null,
      units: detail?.units ?? 0,
      raters: detail?.raters ?? 0,
    };
  };
  return {
    key,
    label,
    number,
    level,
    units: t.units.length,
    raters: t.raters.length,
    percent: figure('percent'),
    alpha: figure('krippendorff'),
    ac1: figure('ac1'),
  };
}

/**
 * How alike reviewers scored the incidents they double-scored: percent agreement, Krippendorff's alpha and Gwet's
 * AC1 per item, for the overall judgement, and for every item pooled (unit = incident × item). Alpha is the
 * headline because it takes any number of reviewers and missing answers, which a month of calibration pairs from
 * several reviewers always has; AC1 sits beside it because one answer often dominates an item (the "kappa
 * paradox"). Items are nominal: "not applicable" and "not visible" are answers a reviewer chose, so disagreeing
 * about them counts, but they sit on no order with yes/partly/no. An item answer counts only where the review's
 * rubric version asks the same question and the reviewer found the incident in scope.
 */
export function reportAgreement(
  rubric: Rubric,
  groups: readonly CalibrationGroup[],
  matchOf: (rubricVersion: number) => VersionMatch,
): ReportAgreement {
  const perItem = new Map<string, Rating[]>(rubric.items.map((item) => [item.id, []]));
  const pooled: Rating[] = [];
  const overall: Rating[] = [];
  const reviewers = new Set<string>();
  for (const group of groups) {
    for (const review of group.reviews) {
      reviewers.add(review.reviewerId);
      const match = matchOf(review.rubricVersion);
      const unit = String(group.incidentId);
      if (review.answers.scope !== 'no') {
        for (const item of rubric.items) {
          const answer = review.answers.items[item.id]?.answer ?? null;
          if (answer === null || !match.itemIds.has(item.id)) continue;
          perItem.get(item.id)!.push({ unit, rater: review.reviewerId, value: answer });
          pooled.push({ unit: `${unit}:${item.id}`, rater: review.reviewerId, value: answer });
        }
      }
      const judgement = review.answers.overall.answer;
      if (judgement !== null && match.overall) overall.push({ unit, rater: review.reviewerId, value: OVERALL_RANK.get(judgement)! });
    }
  }
  const itemScale = (scale: string): string[] => (rubric.answerScales[scale] ?? []).map((o) => o.value);
  const allCodes = [...new Set(rubric.items.flatMap((item) => itemScale(item.scale)))];
  const overallCodes = itemScale(rubric.overall.scale).flatMap((code) => {
    const rank = OVERALL_RANK.get(code);
    return rank === undefined ? [] : [rank];
  });
  return {
    incidents: groups.length,
    reviewers: reviewers.size,
    items: rubric.items.map((item) =>
      row(item.id, `Item ${item.number}`, item.number, 'nominal', perItem.get(item.id)!, itemScale(item.scale)),
    ),
    overall: row(rubric.overall.id, 'Overall judgement', null, 'ordinal', overall, overallCodes),
    pooled: row('items', 'All items pooled', null, 'nominal', pooled, allCodes),
  };
}
