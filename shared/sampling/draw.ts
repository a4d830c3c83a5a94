import { createMt19937, MT19937_ALGORITHM } from '../random/mt19937';
import { parseSeed } from '../random/seed';
import { allocateProportional, type StratumAllocation } from './allocate';
import { compareKeys } from './key-order';
import { selectWithoutReplacement } from './select';
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

export interface FrameIncident {
  id: number;
  stratum: string;
}

export interface DrawInput {
  frame: readonly FrameIncident[];
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

function groupFrame(frame: readonly FrameIncident[]): Map<string, number[]> | string {
  if (!Array.isArray(frame) || frame.length === 0) return 'The frame is empty: no incidents match the round filters';
  const seen = new Set<number>();
  const byStratum = new Map<string, number[]>();
  for (const [i, item] of frame.entries()) {
    if (!Number.isSafeInteger(item?.id) || item.id < 0) {
      return `Frame entry ${i + 1} has id ${String(item?.id)}: ids must be whole numbers, 0 or more`;
    }
    if (typeof item.stratum !== 'string') return `Incident ${item.id} has no stratum`;
    if (seen.has(item.id)) return `Incident ${item.id} appears twice in the frame`;
    seen.add(item.id);
    const ids = byStratum.get(item.stratum);
    if (ids) ids.push(item.id);
    else byStratum.set(item.stratum, [item.id]);
  }
  for (const ids of byStratum.values()) ids.sort((a, b) => a - b);
  return byStratum;
}

export function drawStratifiedSample(input: DrawInput): DrawResult {
  const seed = parseSeed(input.seed);
  if (!seed.ok) return { ok: false, error: seed.error };
  const byStratum = groupFrame(input.frame);
  if (typeof byStratum === 'string') return { ok: false, error: byStratum };
  const frameSize = input.frame.length;

  const sizeResult = computeSampleSize(input.size, frameSize);
  if (!sizeResult.ok) return { ok: false, error: sizeResult.error };

  const strata = [...byStratum.entries()]
    .sort(([a], [b]) => compareKeys(a, b))
    .map(([key, ids]) => ({ key, population: ids.length }));
  const allocated = allocateProportional(strata, sizeResult.n, input.minPerStratum ?? 0);
  if (!allocated.ok) return { ok: false, error: allocated.error };

  const rng = createMt19937(seed.words);
  const ids: number[] = [];
  for (const stratum of allocated.allocation) {
    for (const id of selectWithoutReplacement(byStratum.get(stratum.key)!, stratum.sample, rng)) ids.push(id);
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
