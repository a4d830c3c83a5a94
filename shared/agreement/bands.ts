/**
 * Verbal labels for agreement figures, so a report can say "moderate" next to 0.52. Labels are conventions, not
 * tests: they are printed beside the number, never instead of it.
 */

export type KappaBand = 'poor' | 'slight' | 'fair' | 'moderate' | 'substantial' | 'almost perfect';

/**
 * Landis & Koch (1977), "The measurement of observer agreement for categorical data", Biometrics 33:159–174:
 * < 0 poor, 0–.20 slight, .21–.40 fair, .41–.60 moderate, .61–.80 substantial, .81–1 almost perfect.
 * Their table lists two-decimal ranges; read as continuous cut-points, each upper bound belongs to its own band
 * (0.20 is slight, 0.2001 is fair).
 */
export function landisKochBand(kappa: number): KappaBand {
  if (kappa < 0) return 'poor';
  if (kappa <= 0.2) return 'slight';
  if (kappa <= 0.4) return 'fair';
  if (kappa <= 0.6) return 'moderate';
  if (kappa <= 0.8) return 'substantial';
  return 'almost perfect';
}

export type AlphaBand = 'reliable' | 'tentative' | 'unreliable';

/**
 * Krippendorff's guidance (Content Analysis: An Introduction to Its Methodology, 2nd ed., 2004, ch. 11): rely on
 * variables with α ≥ .800; consider .667 ≤ α < .800 only for tentative conclusions; discard data below .667.
 */
export function alphaBand(alpha: number): AlphaBand {
  if (alpha >= 0.8) return 'reliable';
  if (alpha >= 0.667) return 'tentative';
  return 'unreliable';
}
