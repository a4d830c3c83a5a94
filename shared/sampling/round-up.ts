/**
 * Ceiling that forgives floating-point noise: sample-size formulas like 0.07 × 100 give 7.000000000000001, and a
 * plain Math.ceil would demand one more incident than the maths does. Values within max(1e-9, 1e-12·x) above an
 * integer round down to it. The tolerance is far below any genuine fraction these formulas produce from inputs of
 * a few significant digits and frame sizes up to millions, yet far above the few ulps of accumulated rounding.
 */
export function roundUp(x: number): number {
  const tolerance = Math.max(1e-9, Math.abs(x) * 1e-12);
  return Math.ceil(x - tolerance);
}
