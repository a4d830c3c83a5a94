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
 * Fleiss' (1971) kappa: nominal agreement among a fixed number m of ratings per unit (the raters themselves may
 * differ from unit to unit). κ = (P̄ − P̄e)/(1 − P̄e) with P_i = Σ_j n_ij(n_ij − 1) / (m(m − 1)), P̄ their mean,
 * p_j = Σ_i n_ij / (N m) and P̄e = Σ_j p_j².
 *
 * Units with fewer than two ratings are excluded like everywhere else; the rest must all have the same m, otherwise
 * the statistic is undefined (Krippendorff's alpha and Gwet's AC1 handle unequal numbers of ratings).
 */
export function fleissKappa<V extends RatingValue>(table: RatingTable<V>): Statistic {
  const p = pairableUnits(table);
  const basis = basisOf(p);
  if (p.units.length === 0) return undefinedStatistic(noPairsReason(table), basis);

  const sizes = p.units.map((u) => u.values.length);
  const m = Math.min(...sizes);
  const mMax = Math.max(...sizes);
  if (m !== mMax) {
    return undefinedStatistic(
      `Fleiss' kappa needs the same number of ratings on every unit; units have between ${m} and ${mMax} ` +
        `(use Krippendorff's alpha or Gwet's AC1)`,
      basis,
    );
  }

  const categoryTotals = new Map<V, number>();
  let sumP = 0;
  for (const unit of p.units) {
    let agreeing = 0;
    for (const [value, n] of valueCounts(unit.values)) {
      agreeing += n * (n - 1);
      categoryTotals.set(value, (categoryTotals.get(value) ?? 0) + n);
    }
    sumP += agreeing / (m * (m - 1));
  }
  if (categoryTotals.size < 2) {
    return undefinedStatistic('no variation: every rating is the same value, so chance agreement is total', basis);
  }
  const total = p.units.length * m;
  let pe = 0;
  for (const n of categoryTotals.values()) pe += (n / total) ** 2;
  const pBar = sumP / p.units.length;
  return definedStatistic((pBar - pe) / (1 - pe), basis);
}
