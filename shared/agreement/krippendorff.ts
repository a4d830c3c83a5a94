import {
  basisOf,
  allFiniteNumbers,
  definedStatistic,
  MEASUREMENT_LEVELS,
  noPairsReason,
  pairableUnits,
  undefinedStatistic,
  valueCounts,
  type MeasurementLevel,
  type RatingTable,
  type RatingValue,
  type Statistic,
} from './table';

/**
 * Krippendorff's alpha by the coincidence-matrix method of Krippendorff (2011), "Computing Krippendorff's
 * Alpha-Reliability" (Annenberg School for Communication, University of Pennsylvania):
 *
 *   o_ck = Σ_u (number of ordered c–k pairs of values in unit u) / (m_u − 1)     (coincidences)
 *   n_c  = Σ_k o_ck,  n = Σ_c n_c                                                (pairable values)
 *   α    = 1 − (n − 1) · Σ_c Σ_k o_ck δ²_ck / Σ_c Σ_k n_c n_k δ²_ck
 *
 * with δ² chosen by the level of measurement: nominal 0/1; ordinal (Σ_{g=c..k} n_g − (n_c + n_k)/2)² over values
 * in rank order; interval (c − k)²; ratio ((c − k)/(c + k))². Any number of raters and missing ratings are allowed;
 * units with fewer than two ratings carry no pairs and are excluded (counted in `excludedUnits`).
 * Ordinal, interval and ratio need numeric values; ratio needs them non-negative.
 */
export function krippendorffAlpha<V extends RatingValue>(table: RatingTable<V>, level: MeasurementLevel): Statistic {
  const p = pairableUnits(table);
  const basis = basisOf(p);
  if (p.units.length === 0) return undefinedStatistic(noPairsReason(table), basis);
  const result = alphaOfUnits(
    p.units.map((u) => u.values),
    level,
  );
  return 'reason' in result ? undefinedStatistic(result.reason, basis) : definedStatistic(result.value, basis);
}

export type AlphaResult = { value: number } | { reason: string };

/**
 * Alpha straight from each unit's list of values, without rater identities (alpha does not use them). Exposed so
 * the bootstrap can recompute alpha on resampled units without rebuilding tables. Units with fewer than two values
 * are ignored.
 */
export function alphaOfUnits(units: readonly (readonly RatingValue[])[], level: MeasurementLevel): AlphaResult {
  if (!MEASUREMENT_LEVELS.includes(level)) {
    return { reason: `unknown level ${JSON.stringify(level)}: use ${MEASUREMENT_LEVELS.join(', ')}` };
  }
  const used = units.filter((u) => u.length >= 2);
  if (used.length === 0) return { reason: 'no unit has ratings from two or more raters' };
  if (level !== 'nominal') {
    for (const u of used) {
      if (!allFiniteNumbers(u)) return { reason: `${level} alpha needs numeric values` };
      if (level === 'ratio' && u.some((v) => (v as number) < 0)) {
        return { reason: 'ratio alpha needs non-negative values (a ratio scale has a true zero)' };
      }
    }
  }

  // Distinct values; numeric order matters for ordinal (ranks), nominal order is irrelevant.
  const distinct = [...new Set(used.flat())];
  if (level !== 'nominal') (distinct as number[]).sort((a, b) => a - b);
  const q = distinct.length;
  if (q < 2) return { reason: 'no variation: every rating is the same value, so expected disagreement is 0' };
  const index = new Map<RatingValue, number>(distinct.map((v, i) => [v, i]));

  const o: number[][] = Array.from({ length: q }, () => new Array<number>(q).fill(0));
  for (const u of used) {
    const m = u.length;
    const counts = [...valueCounts(u)].map(([v, n]) => [index.get(v)!, n] as const);
    for (const [c, nc] of counts) {
      for (const [k, nk] of counts) {
        o[c]![k]! += (c === k ? nc * (nc - 1) : nc * nk) / (m - 1);
      }
    }
  }
  const marginals = o.map((row) => row.reduce((a, b) => a + b, 0));
  const n = marginals.reduce((a, b) => a + b, 0);
  const delta = differenceFunction(level, distinct, marginals);

  let observed = 0;
  let expected = 0;
  for (let c = 0; c < q; c++) {
    for (let k = 0; k < q; k++) {
      if (c === k) continue;
      const d = delta(c, k);
      observed += o[c]![k]! * d;
      expected += marginals[c]! * marginals[k]! * d;
    }
  }
  // Distinct values always differ, so only overflow (huge interval values) can make this fail.
  if (!(expected > 0) || !Number.isFinite(expected)) {
    return { reason: 'expected disagreement could not be computed: values too large to combine; rescale them' };
  }
  return { value: 1 - ((n - 1) * observed) / expected };
}

/** δ²(c, k) for value indexes c ≠ k, per Krippendorff (2011) section B. */
function differenceFunction(
  level: MeasurementLevel,
  values: readonly RatingValue[],
  marginals: readonly number[],
): (c: number, k: number) => number {
  switch (level) {
    case 'nominal':
      return () => 1;
    case 'ordinal': {
      // cumulative[i] = n_0 + … + n_{i−1}, so Σ_{g=c..k} n_g = cumulative[k+1] − cumulative[c] for c ≤ k.
      const cumulative = [0];
      for (const nc of marginals) cumulative.push(cumulative[cumulative.length - 1]! + nc);
      return (c, k) => {
        const lo = Math.min(c, k);
        const hi = Math.max(c, k);
        const d = cumulative[hi + 1]! - cumulative[lo]! - (marginals[lo]! + marginals[hi]!) / 2;
        return d * d;
      };
    }
    case 'interval': {
      const x = values as readonly number[];
      return (c, k) => (x[c]! - x[k]!) ** 2;
    }
    case 'ratio': {
      const x = values as readonly number[];
      // c + k > 0 for distinct non-negative values, so the ratio is always defined.
      return (c, k) => ((x[c]! - x[k]!) / (x[c]! + x[k]!)) ** 2;
    }
  }
}
