import type { Rubric } from '../rubric/schema';
import { type CountedReview, itemOutcome, overallOutcome } from './outcome';
import type { StratumSize, WeightedEstimate, WeightedFigures } from './types';

/**
 * Estimates for the whole frame when strata were not sampled in proportion to their size.
 *
 * Each counted incident in stratum h carries the weight w = N_h / m_h, where N_h is the stratum's frame size and m_h
 * the number of its incidents counted in the figures. m_h rather than the drawn n_h: reviews not yet submitted
 * would otherwise shrink the stratum's share; this assumes missing reviews are like the submitted ones of the same
 * stratum. Because each rate has its own denominator (n/a, not visible and out of scope drop out item by item), the
 * estimate is the ratio estimator
 *
 *     R = Σ w·[numerator] / Σ w·[denominator]          (e.g. compliance: Σ w·yes / Σ w·(yes + partly + no))
 *
 * which reduces to the plain proportion when all weights are equal.
 *
 * No interval is attached to R. A Wilson interval needs whole counts and a linearised variance for a stratified
 * ratio is unreliable at the few-dozen sizes of a monthly round, so the report shows R beside the unweighted Wilson
 * interval and says so. Kish's design effect n·Σw² / (Σw)² (L. Kish, Survey Sampling, 1965) goes with it: an
 * interval allowing for the weights would be roughly √deff times as wide.
 */

/** Weight per stratum key; a stratum absent from the allocation (or with no frame) has no weight. */
export function stratumWeights(allocation: readonly StratumSize[], counted: readonly CountedReview[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const c of counted) m.set(c.review.stratum, (m.get(c.review.stratum) ?? 0) + 1);
  const weights = new Map<string, number>();
  for (const s of allocation) {
    const mh = m.get(s.key) ?? 0;
    if (s.population > 0 && mh > 0) weights.set(s.key, s.population / mh);
  }
  return weights;
}

interface Unit {
  w: number;
  inNumerator: boolean;
}

function estimate(units: readonly Unit[]): WeightedEstimate | null {
  if (units.length === 0) return null;
  let sw = 0;
  let sw2 = 0;
  let num = 0;
  for (const u of units) {
    sw += u.w;
    sw2 += u.w * u.w;
    if (u.inNumerator) num += u.w;
  }
  return { point: num / sw, designEffect: (units.length * sw2) / (sw * sw), n: units.length };
}

export function weightedFigures(
  rubric: Rubric,
  counted: readonly CountedReview[],
  weights: ReadonlyMap<string, number>,
): WeightedFigures {
  const weighed = counted.flatMap((c) => {
    const w = weights.get(c.review.stratum);
    return w === undefined ? [] : [{ c, w }];
  });
  const items = rubric.items.map((item) => {
    const scored: { w: number; outcome: string }[] = [];
    for (const { c, w } of weighed) {
      const outcome = itemOutcome(c, item.id);
      if (outcome === 'yes' || outcome === 'partly' || outcome === 'no') scored.push({ w, outcome });
    }
    return {
      itemId: item.id,
      compliance: estimate(scored.map((u) => ({ w: u.w, inNumerator: u.outcome === 'yes' }))),
      yesOrPartly: estimate(scored.map((u) => ({ w: u.w, inNumerator: u.outcome !== 'no' }))),
    };
  });
  const answered = weighed.flatMap(({ c, w }) => {
    const outcome = overallOutcome(c);
    return outcome === 'unanswered' || outcome === 'notComparable' ? [] : [{ w, outcome }];
  });
  const overall = (rubric.answerScales[rubric.overall.scale] ?? []).map((o) => ({
    value: o.value,
    share: estimate(answered.map((u) => ({ w: u.w, inNumerator: u.outcome === o.value }))),
  }));
  return { items, overall };
}
