import type { Rng } from '../random/rng';
import { alphaBand, landisKochBand, type AlphaBand, type KappaBand } from './bands';
import { bootstrapAlpha, type AlphaInterval } from './bootstrap';
import { cohenKappa, type KappaWeights } from './cohen';
import { fleissKappa } from './fleiss';
import { gwetAc1 } from './gwet';
import { krippendorffAlpha } from './krippendorff';
import { percentAgreement } from './percent';
import type { MeasurementLevel, RatingTable, RatingValue, Statistic } from './table';

export type AgreementMetric = 'percent' | 'cohen' | 'fleiss' | 'krippendorff' | 'ac1';

export const AGREEMENT_METRICS: readonly AgreementMetric[] = ['percent', 'cohen', 'fleiss', 'krippendorff', 'ac1'];

export interface AgreementOptions {
  /** Which statistics to compute; all of them by default. */
  metrics?: readonly AgreementMetric[];
  /** Level of measurement for Krippendorff's alpha (default nominal). */
  level?: MeasurementLevel;
  /** Weighting for Cohen's kappa (default none). */
  weights?: KappaWeights;
  /** The scale in order: positions for weighted kappa, and the category count for AC1. */
  categories?: readonly RatingValue[];
  /** Percentile bootstrap interval for alpha; only computed when asked, since it costs `iterations` alphas. */
  bootstrap?: { iterations: number; rng: Rng };
}

export type AgreementBand = KappaBand | AlphaBand;

/**
 * What `bwc-dip agreement --json` prints. Each requested metric appears as a number (or null, with its reason in
 * `reasons`); `bands` labels it (Landis & Koch for the kappa family and AC1, Krippendorff's cut-offs for alpha, none
 * for percent agreement); `details` carries the full Statistic with the units and raters behind each figure.
 * `units` and `raters` count the whole table, including units no statistic could use.
 */
export interface AgreementSummary {
  units: number;
  raters: number;
  level: MeasurementLevel;
  weights: KappaWeights;
  percent?: number | null;
  cohen?: number | null;
  fleiss?: number | null;
  krippendorff?: number | null;
  ac1?: number | null;
  bands: Partial<Record<AgreementMetric, AgreementBand | null>>;
  reasons: Partial<Record<AgreementMetric, string>>;
  details: Partial<Record<AgreementMetric, Statistic>>;
  krippendorffInterval?: AlphaInterval;
}

export function computeAgreement(
  table: RatingTable<RatingValue>,
  options: AgreementOptions = {},
): AgreementSummary {
  const level = options.level ?? 'nominal';
  const weights = options.weights ?? 'none';
  const requested = AGREEMENT_METRICS.filter((m) => (options.metrics ?? AGREEMENT_METRICS).includes(m));
  const summary: AgreementSummary = {
    units: table.units.length,
    raters: table.raters.length,
    level,
    weights,
    bands: {},
    reasons: {},
    details: {},
  };
  const categories = options.categories === undefined ? {} : { categories: options.categories };
  for (const metric of requested) {
    const statistic = compute(metric);
    summary[metric] = statistic.value;
    summary.details[metric] = statistic;
    summary.bands[metric] = statistic.value === null ? null : band(metric, statistic.value);
    if (statistic.value === null) summary.reasons[metric] = statistic.reason;
  }
  if (options.bootstrap !== undefined && requested.includes('krippendorff')) {
    summary.krippendorffInterval = bootstrapAlpha(table, level, options.bootstrap.iterations, options.bootstrap.rng);
  }
  return summary;

  function compute(metric: AgreementMetric): Statistic {
    switch (metric) {
      case 'percent':
        return percentAgreement(table);
      case 'cohen':
        return cohenKappa(table, { weights, ...categories });
      case 'fleiss':
        return fleissKappa(table);
      case 'krippendorff':
        return krippendorffAlpha(table, level);
      case 'ac1':
        return gwetAc1(table, categories);
    }
  }
}

/** AC1 is read on the Landis & Koch scale too, one of the benchmark scales Gwet's handbook applies to it. */
function band(metric: AgreementMetric, value: number): AgreementBand | null {
  switch (metric) {
    case 'percent':
      return null;
    case 'krippendorff':
      return alphaBand(value);
    case 'cohen':
    case 'fleiss':
    case 'ac1':
      return landisKochBand(value);
  }
}
