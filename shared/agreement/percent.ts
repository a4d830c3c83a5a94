import {
  basisOf,
  definedStatistic,
  noPairsReason,
  pairableUnits,
  undefinedStatistic,
  valueCounts,
  type RatingTable,
  type RatingValue,
  type Statistic,
} from './table';

/**
 * Percent agreement, defined for any number of raters and missing ratings as the mean, over units with two or more
 * ratings, of (pairs of raters giving the identical value) / (all pairs of raters on that unit). With two raters and
 * no gaps this is the familiar share of units on which they agree. Each unit weighs the same whatever its number of
 * raters; this is the p_a of Gwet (Handbook of Inter-Rater Reliability, 2014) and of irrCAC's pa.coeff.raw.
 * Exact equality only: a 4 against a 5 is a disagreement whatever the level of measurement.
 */
export function percentAgreement<V extends RatingValue>(table: RatingTable<V>): Statistic {
  const p = pairableUnits(table);
  const basis = basisOf(p);
  if (p.units.length === 0) return undefinedStatistic(noPairsReason(table), basis);
  return definedStatistic(meanPairAgreement(p.units.map((u) => u.values)), basis);
}

/** Mean over units of (agreeing pairs / all pairs); every unit must hold at least two values. */
export function meanPairAgreement(units: readonly (readonly RatingValue[])[]): number {
  let sum = 0;
  for (const values of units) {
    const m = values.length;
    let agreeing = 0;
    for (const n of valueCounts(values).values()) agreeing += n * (n - 1);
    sum += agreeing / (m * (m - 1));
  }
  return sum / units.length;
}
