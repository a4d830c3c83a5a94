import { BOOTSTRAP_CONFIDENCE, type AlphaInterval } from '../../../shared/agreement/bootstrap';
import type { AgreementOptions } from '../../../shared/agreement/summary';
import type { AlphaIntervalFigure } from '../../../shared/ipc/calibration';
import { createMt19937FromUint32 } from '../../../shared/random/mt19937';

/**
 * 1,000 resamples: enough for stable 2.5th/97.5th percentiles on calibration sets of tens of incidents, and quick
 * enough to recompute each time the screen opens.
 */
export const CALIBRATION_BOOTSTRAP_ITERATIONS = 1000;

/**
 * The bootstrap is seeded with the round id, so the screen, the CLI and a re-run months later all print the same
 * interval for a round. Each question gets a fresh generator: its interval does not depend on which other
 * questions were computed before it.
 */
export function roundBootstrap(roundId: number): NonNullable<AgreementOptions['bootstrap']> {
  return { iterations: CALIBRATION_BOOTSTRAP_ITERATIONS, rng: createMt19937FromUint32(roundId) };
}

export function intervalFigure(interval: AlphaInterval, seed: number): AlphaIntervalFigure {
  const common = { iterations: interval.iterations, undefinedDraws: interval.undefinedDraws, seed, rng: interval.rng };
  return interval.lower === null
    ? { ...common, lower: null, upper: null, reason: interval.reason, confidence: BOOTSTRAP_CONFIDENCE }
    : { ...common, lower: interval.lower, upper: interval.upper, reason: null, confidence: interval.confidence };
}
