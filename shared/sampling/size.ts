import { z } from 'zod';
import { zForConfidence } from '../stats/normal';
import { roundUp } from './round-up';

/**
 * How big a round's sample is. Four ways a BCU lead can ask for it:
 * - fixed: exactly n incidents;
 * - percent: that share of the frame, rounded up;
 * - confidence: enough to estimate a proportion to ±margin at the confidence level (Cochran, Sampling Techniques,
 *   3rd ed. 1977, eqs 4.2 and 4.3): n0 = z² p(1-p) / E², then the finite population correction
 *   n = n0 / (1 + (n0 - 1) / N); p defaults to 0.5, the worst case;
 * - discovery: zero-failure sampling, enough that if the true failure rate were the tolerable rate, a sample with no
 *   failures would happen with probability at most 1 - confidence: n = ln(1 - CL) / ln(1 - rate).
 * All sizes are rounded up (see roundUp) and capped at the frame: n >= N means the whole frame is reviewed.
 */
const probability = (what: string) =>
  z.number({ error: `${what} must be a number` }).gt(0, `${what} must be above 0`).lt(1, `${what} must be below 1`);

export const sizeSpecSchema = z.discriminatedUnion('method', [
  z.object({
    method: z.literal('fixed'),
    n: z.number().int('n must be a whole number').min(1, 'n must be at least 1'),
  }),
  z.object({
    method: z.literal('percent'),
    percent: z.number().gt(0, 'percent must be above 0').lte(100, 'percent must be at most 100'),
  }),
  z.object({
    method: z.literal('confidence'),
    confidence: probability('confidence'),
    margin: probability('margin'),
    proportion: probability('proportion').optional(),
  }),
  z.object({
    method: z.literal('discovery'),
    confidence: probability('confidence'),
    tolerableRate: probability('tolerableRate'),
  }),
]);

export type SizeSpec = z.infer<typeof sizeSpecSchema>;

export interface SampleSizeInputs {
  /** The validated spec, with proportion filled in (0.5) for the confidence method. */
  spec: SizeSpec;
  /** Frame size N; Infinity for "large/unknown population" previews. */
  population: number;
}

export type SampleSizeResult =
  | {
      ok: true;
      n: number;
      /** Confidence method only: the infinite-population size before the finite population correction. */
      n0?: number;
      /** Confidence method only: the two-sided critical value used. */
      z?: number;
      takeAll: boolean;
      explanation: string;
      inputs: SampleSizeInputs;
    }
  | { ok: false; error: string };

function fmt(x: number, digits: number): string {
  return String(Number(x.toPrecision(digits)));
}

function pct(x: number): string {
  return `${fmt(x * 100, 6)}%`;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

export function computeSampleSize(spec: SizeSpec, population: number): SampleSizeResult {
  const parsed = sizeSpecSchema.safeParse(spec);
  if (!parsed.success) return { ok: false, error: `Invalid sample size: ${describeIssues(parsed.error)}` };
  const N = population;
  if (typeof N !== 'number' || !(N === Infinity || (Number.isSafeInteger(N) && N >= 1))) {
    return { ok: false, error: `Population size ${String(N)} must be a whole number of at least 1` };
  }
  const s = parsed.data;
  const whole = N === Infinity ? 'the population' : `all ${N}`;

  function finish(n: number, explanation: string, filled: SizeSpec, extra: { n0?: number; z?: number } = {}) {
    const inputs = { spec: filled, population: N };
    if (n < N) return { ok: true as const, n, ...extra, takeAll: false, explanation, inputs };
    const all = `${explanation} That is at least the frame size, so ${whole} incidents are reviewed.`;
    return { ok: true as const, n: N, ...extra, takeAll: true, explanation: all, inputs };
  }

  switch (s.method) {
    case 'fixed': {
      if (s.n > N) {
        return { ok: false, error: `Fixed sample size ${s.n} is larger than the frame (${N} incidents)` };
      }
      return finish(s.n, `Fixed sample of ${s.n}.`, s);
    }
    case 'percent': {
      if (N === Infinity) return { ok: false, error: 'A percentage sample needs a finite frame size' };
      const raw = (s.percent / 100) * N;
      const rounded = Math.max(1, roundUp(raw));
      return finish(rounded, `${fmt(s.percent, 6)}% of ${N} = ${fmt(raw, 8)}, rounded up to ${rounded}.`, s);
    }
    case 'confidence': {
      const p = s.proportion ?? 0.5;
      const z = zForConfidence(s.confidence);
      const n0 = (z * z * p * (1 - p)) / (s.margin * s.margin);
      const corrected = N === Infinity ? n0 : n0 / (1 + (n0 - 1) / N);
      const rounded = Math.max(1, roundUp(corrected));
      const terms = `${fmt(z, 7)}²·${fmt(p, 6)}·${fmt(1 - p, 6)}/${fmt(s.margin, 6)}²`;
      let explanation =
        `${pct(s.confidence)} confidence, margin ±${pct(s.margin)}, expected proportion p = ${fmt(p, 6)}: ` +
        `n0 = z²·p(1−p)/E² = ${terms} = ${fmt(n0, 8)}.`;
      explanation +=
        N === Infinity
          ? ` Rounded up: n = ${rounded}.`
          : ` Finite population correction for N = ${N}: n = n0/(1 + (n0 − 1)/N) = ${fmt(corrected, 8)},` +
            ` rounded up to ${rounded}.`;
      return finish(rounded, explanation, { ...s, proportion: p }, { n0, z });
    }
    case 'discovery': {
      const raw = Math.log1p(-s.confidence) / Math.log1p(-s.tolerableRate);
      const rounded = Math.max(1, roundUp(raw));
      const explanation =
        `Discovery (zero-failure) sample at ${pct(s.confidence)} confidence, tolerable rate ${pct(s.tolerableRate)}: ` +
        `n = ln(1 − CL)/ln(1 − rate) = ${fmt(raw, 8)}, rounded up to ${rounded}. If none of the ${rounded} ` +
        `shows the failure, the failure rate is below ${pct(s.tolerableRate)} with ${pct(s.confidence)} confidence.`;
      return finish(rounded, explanation, s);
    }
  }
}
