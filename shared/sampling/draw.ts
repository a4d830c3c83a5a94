import { createMt19937, MT19937_ALGORITHM } from '../random/mt19937';
import { parseSeed, type ParsedSeed } from '../random/seed';
import { allocateProportional, type StratumAllocation } from './allocate';
import { frameColumnsProblem, frameFromIncidents, stratumPopulations, type FrameColumns, type FrameIncident } from './frame';
import { selectPositions } from './select';
import { computeSampleSize, type SampleSizeResult, type SizeSpec } from './size';

/**
 * The stratified draw behind every audit round. An auditor re-derives a sample from what the round stores
 * (frame ids with their strata, size spec, seed, minimum per stratum) by following these steps:
 * 1. Order the frame by incident id ascending and the strata by key ascending (key-order.ts).
 * 2. Size n by computeSampleSize and split it over strata by allocateProportional.
 * 3. Seed ONE MT19937 with init_by_array(parseSeed(seed).words).
 * 4. For each stratum in key order, draw its n_h ids by partial Fisher–Yates (select.ts) over that stratum's ids in
 *    ascending order, each swap index from uniformBelow (uniform.ts), continuing the same generator.
 * 5. The sample is the concatenation, in draw order.
 * Anything that changes the output for the same inputs must ship under a new version.
 */
export const DRAW_ALGORITHM = { id: 'bwc-stratified-fy', version: 1, prng: MT19937_ALGORITHM } as const;

export interface DrawInput {
  frame: readonly FrameIncident[];
  size: SizeSpec;
  seed: string;
  minPerStratum?: number;
}

/** The same inputs with the frame in column form (frame.ts), as the rounds code reads it from the library. */
export interface FrameDrawInput {
  frame: FrameColumns;
  size: SizeSpec;
  seed: string;
  minPerStratum?: number;
}

export type DrawResult =
  | {
      ok: true;
      algorithm: typeof DRAW_ALGORITHM;
      /** The seed as stored and shown (trimmed). */
      seed: string;
      frameSize: number;
      n: number;
      takeAll: boolean;
      sizeResult: Extract<SampleSizeResult, { ok: true }>;
      /** Per stratum, in key order. */
      allocation: StratumAllocation[];
      /** Drawn incident ids, in draw order. */
      ids: number[];
    }
  | { ok: false; error: string };

/** The text whose SHA-256 the round stores as the frame hash: sorted ascending decimal ids, one per line. */
export function frameHashInput(ids: readonly number[]): string {
  return [...ids].sort((a, b) => a - b).join('\n');
}

const EMPTY_FRAME = 'The frame is empty: no incidents match the round filters';

/** Draws from incidents given as objects, in any order. */
export function drawStratifiedSample(input: DrawInput): DrawResult {
  const seed = parseSeed(input.seed);
  if (!seed.ok) return { ok: false, error: seed.error };
  if (!Array.isArray(input.frame) || input.frame.length === 0) return { ok: false, error: EMPTY_FRAME };
  const frame = frameFromIncidents(input.frame);
  if (typeof frame === 'string') return { ok: false, error: frame };
  return drawChecked(frame, input, seed);
}

/** Draws from a frame in column form; the same inputs as objects give the same result. */
export function drawStratifiedFrame(input: FrameDrawInput): DrawResult {
  const seed = parseSeed(input.seed);
  if (!seed.ok) return { ok: false, error: seed.error };
  const problem = frameColumnsProblem(input.frame) ?? (input.frame.ids.length === 0 ? EMPTY_FRAME : null);
  if (problem !== null) return { ok: false, error: problem };
  return drawChecked(input.frame, input, seed);
}

function drawChecked(frame: FrameColumns, input: Omit<FrameDrawInput, 'frame'>, seed: Extract<ParsedSeed, { ok: true }>): DrawResult {
  const frameSize = frame.ids.length;
  const sizeResult = computeSampleSize(input.size, frameSize);
  if (!sizeResult.ok) return { ok: false, error: sizeResult.error };

  const strata = stratumPopulations(frame);
  const allocated = allocateProportional(strata, sizeResult.n, input.minPerStratum ?? 0);
  if (!allocated.ok) return { ok: false, error: allocated.error };

  const start: number[] = [];
  for (let s = 0, at = 0; s < strata.length; at += strata[s]!.population, s++) start.push(at);
  const members = membersByStratum(frame, start);
  const rng = createMt19937(seed.words);
  const ids: number[] = [];
  // The allocation lists the strata in key order, as frame.strata does, so row s is stratum s.
  for (const [s, stratum] of allocated.allocation.entries()) {
    for (const p of selectPositions(stratum.population, stratum.sample, rng)) ids.push(members[start[s]! + p]!);
  }
  return {
    ok: true,
    algorithm: DRAW_ALGORITHM,
    seed: seed.seed,
    frameSize,
    n: sizeResult.n,
    takeAll: sizeResult.takeAll,
    sizeResult,
    allocation: allocated.allocation,
    ids,
  };
}

/** Each stratum's ids in ascending order (step 4), laid end to end from `start[s]`: a counting sort of the frame. */
function membersByStratum(frame: FrameColumns, start: readonly number[]): Float64Array {
  const next = [...start];
  const members = new Float64Array(frame.ids.length);
  for (let i = 0; i < frame.ids.length; i++) members[next[frame.stratumOf[i]!]!++] = frame.ids[i]!;
  return members;
}
