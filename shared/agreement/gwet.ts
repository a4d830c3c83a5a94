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
import { meanPairAgreement } from './percent';

export interface Ac1Options<V> {
  /**
   * Every category of the scale. AC1's chance agreement depends on the number of categories q, so a scale whose
   * top box nobody used should be named in full; by default q is the number of distinct values observed.
   */
  categories?: readonly V[];
}

/**
 * Gwet's AC1 for any number of raters with missing ratings, as defined in Gwet (2008), "Computing inter-rater
 * reliability and its variance in the presence of high agreement", Br J Math Stat Psychol 61:29–48, and in the
 * Handbook of Inter-Rater Reliability (4th ed., 2014) — the form implemented by Gwet's own irrCAC package
 * (gwet.ac1.raw):
 *
 *   p_a = (1/n′) Σ_{i: r_i ≥ 2} Σ_k r_ik (r_ik − 1) / (r_i (r_i − 1))   over the n′ units with two or more ratings
 *   π_k = (1/n) Σ_{i: r_i ≥ 1} r_ik / r_i                              over the n units with at least one rating
 *   p_e = Σ_k π_k (1 − π_k) / (q − 1),   AC1 = (p_a − p_e) / (1 − p_e)
 *
 * So a unit rated once adds nothing to p_a but does inform the category prevalences π_k. p_e ≤ 1/q (reached when
 * all categories are equally common) and shrinks as one answer dominates, which is why AC1 stays stable where kappa
 * collapses (the "kappa paradox").
 */
export function gwetAc1<V extends RatingValue>(table: RatingTable<V>, options: Ac1Options<V> = {}): Statistic {
  const p = pairableUnits(table);
  const basis = basisOf(p);
  if (p.units.length === 0) return undefinedStatistic(noPairsReason(table), basis);

  const rated: V[][] = [];
  table.units.forEach((_, u) => {
    const row = table.values[u] ?? [];
    const values = table.raters.map((_, k) => row[k]).filter((v): v is V => v !== null && v !== undefined);
    if (values.length > 0) rated.push(values);
  });

  const categories = new Set<V>(options.categories ?? rated.flat());
  for (const values of rated) {
    for (const v of values) {
      if (!categories.has(v)) {
        return undefinedStatistic(`value ${JSON.stringify(v)} is not in the category list`, basis);
      }
    }
  }
  const q = categories.size;
  if (q < 2) {
    return undefinedStatistic(
      'only one category in use: AC1 needs the number of categories on the scale (pass the full category list)',
      basis,
    );
  }

  const pa = meanPairAgreement(p.units.map((u) => u.values));

  const prevalence = new Map<V, number>();
  for (const values of rated) {
    for (const [v, n] of valueCounts(values)) prevalence.set(v, (prevalence.get(v) ?? 0) + n / values.length);
  }
  let spread = 0;
  for (const total of prevalence.values()) {
    const pi = total / rated.length;
    spread += pi * (1 - pi);
  }
  const pe = spread / (q - 1);
  return definedStatistic((pa - pe) / (1 - pe), basis);
}
