import {
  allFiniteNumbers,
  definedStatistic,
  undefinedStatistic,
  type RatingTable,
  type RatingValue,
  type Statistic,
} from './table';

export type KappaWeights = 'none' | 'linear' | 'quadratic';

export interface CohenOptions<V> {
  /** 'none' (default) is Cohen (1960); 'linear' and 'quadratic' are Cohen's (1968) weighted kappa. */
  weights?: KappaWeights;
  /**
   * The scale in order, lowest first. With it, a disagreement is measured in steps along the list (a value not in
   * the list makes kappa undefined). Without it, weighted kappa needs numeric values and measures the numeric
   * distance |a − b| (so 1-to-5 ratings behave exactly like positions on the list 1,2,3,4,5).
   */
  categories?: readonly V[];
}

/**
 * Cohen's kappa for exactly two raters, over the units both rated (units either rater skipped are excluded).
 *
 * Computed in disagreement form, κ = 1 − D_o / D_e, with D_o the mean disagreement d(a, b) over the rated pairs and
 * D_e the same mean under independence (each rater's own marginal distribution). With d = 0/1 this is the textbook
 * (p_o − p_e)/(1 − p_e); with d = |i − j| or (i − j)² it is linearly or quadratically weighted kappa, whose
 * agreement weights 1 − |i − j|/(k − 1) and 1 − ((i − j)/(k − 1))² differ from d only by a scale factor that cancels.
 * Undefined when every rating is the same value (D_e = 0).
 */
export function cohenKappa<V extends RatingValue>(table: RatingTable<V>, options: CohenOptions<V> = {}): Statistic {
  const weights = options.weights ?? 'none';
  if (table.raters.length !== 2) {
    return undefinedStatistic(
      `Cohen's kappa needs exactly two raters; this table has ${table.raters.length} ` +
        "(use Fleiss' kappa or Krippendorff's alpha)",
      { units: 0, raters: 0, excludedUnits: table.units.length },
    );
  }
  const pairs: [V, V][] = [];
  table.units.forEach((_, u) => {
    const row = table.values[u] ?? [];
    const a = row[0];
    const b = row[1];
    if (a !== null && a !== undefined && b !== null && b !== undefined) pairs.push([a, b]);
  });
  const basis = {
    units: pairs.length,
    raters: pairs.length > 0 ? 2 : 0,
    excludedUnits: table.units.length - pairs.length,
    pairable: 2 * pairs.length,
  };
  if (pairs.length === 0) return undefinedStatistic('no unit was rated by both raters', basis);

  const position = scalePosition(pairs, weights, options.categories);
  if (typeof position === 'string') return undefinedStatistic(position, basis);

  const first = new Map<number, number>();
  const second = new Map<number, number>();
  let observed = 0;
  for (const [a, b] of pairs) {
    const x = position(a);
    const y = position(b);
    observed += disagreement(x, y, weights);
    first.set(x, (first.get(x) ?? 0) + 1);
    second.set(y, (second.get(y) ?? 0) + 1);
  }
  let expected = 0;
  for (const [x, nx] of first) {
    for (const [y, ny] of second) expected += nx * ny * disagreement(x, y, weights);
  }
  const n = pairs.length;
  // D_e is a sum of non-negative terms, zero exactly when both raters used one and the same value.
  if (expected === 0) {
    return undefinedStatistic(
      'no variation: both raters gave every unit the same value, so chance agreement is total',
      basis,
    );
  }
  return definedStatistic(1 - observed / n / (expected / (n * n)), basis);
}

/** Maps each value to a number whose differences are the disagreement steps; a string explains why it cannot. */
function scalePosition<V extends RatingValue>(
  pairs: readonly [V, V][],
  weights: KappaWeights,
  categories: readonly V[] | undefined,
): ((v: V) => number) | string {
  if (categories !== undefined) {
    const index = new Map<V, number>();
    categories.forEach((c, i) => {
      if (!index.has(c)) index.set(c, i);
    });
    for (const pair of pairs) {
      for (const v of pair) {
        if (!index.has(v)) return `value ${JSON.stringify(v)} is not in the category list`;
      }
    }
    return (v) => index.get(v)!;
  }
  if (weights === 'none') {
    // Unweighted kappa only asks "same or not", so any labels will do.
    const index = new Map<V, number>();
    for (const pair of pairs) for (const v of pair) if (!index.has(v)) index.set(v, index.size);
    return (v) => index.get(v)!;
  }
  if (!allFiniteNumbers(pairs.flat())) {
    return `${weights}-weighted kappa needs an ordered category list or numeric values`;
  }
  return (v) => v as number;
}

function disagreement(x: number, y: number, weights: KappaWeights): number {
  if (weights === 'none') return x === y ? 0 : 1;
  const d = Math.abs(x - y);
  return weights === 'linear' ? d : d * d;
}
