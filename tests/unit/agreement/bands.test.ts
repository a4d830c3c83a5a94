import { describe, expect, it } from 'vitest';
import { alphaBand, landisKochBand } from '../../../shared/agreement/bands';

describe('landisKochBand (Landis & Koch 1977, Biometrics 33:159–174)', () => {
  it.each([
    [-0.01, 'poor'],
    [0, 'slight'],
    [0.2, 'slight'],
    [0.21, 'fair'],
    [0.4, 'fair'],
    [0.41, 'moderate'],
    [0.6, 'moderate'],
    [0.61, 'substantial'],
    [0.8, 'substantial'],
    [0.81, 'almost perfect'],
    [1, 'almost perfect'],
  ] as const)('%f is %s', (kappa, band) => {
    expect(landisKochBand(kappa)).toBe(band);
  });

  it('puts values between the printed two-decimal ranges in the upper band', () => {
    expect(landisKochBand(0.205)).toBe('fair');
    expect(landisKochBand(0.8001)).toBe('almost perfect');
  });
});

describe("alphaBand (Krippendorff's .800 / .667 cut-offs)", () => {
  it.each([
    [1, 'reliable'],
    [0.8, 'reliable'],
    [0.7999, 'tentative'],
    [0.667, 'tentative'],
    [0.6669, 'unreliable'],
    [-0.5, 'unreliable'],
  ] as const)('%f is %s', (alpha, band) => {
    expect(alphaBand(alpha)).toBe(band);
  });
});
