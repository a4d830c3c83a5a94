import { performance } from 'node:perf_hooks';
import type { Database } from 'better-sqlite3';
import { roundDesignSchema, type AllocationRow, type FieldProblem, type RoundPreview, type SizeOutcome } from '../../../shared/ipc/rounds';
import { allocateProportional, type StratumAllocation } from '../../../shared/sampling/allocate';
import { stratumPopulations } from '../../../shared/sampling/frame';
import { computeSampleSize, type SampleSizeResult, type SizeSpec } from '../../../shared/sampling/size';
import { designParts, schemaProblems } from './design';
import { readFrame } from './frameRepo';
import { frameProblems } from './frameProblems';

/** The statement's view of a size result. */
export function sizeOutcome(r: Extract<SampleSizeResult, { ok: true }>): SizeOutcome {
  return { n: r.n, takeAll: r.takeAll, explanation: r.explanation, n0: r.n0 ?? null, z: r.z ?? null };
}

export function allocationRows(allocation: readonly StratumAllocation[]): AllocationRow[] {
  return allocation.map((a) => ({ stratum: a.key, population: a.population, sample: a.sample, weight: a.weight }));
}

/**
 * What a design would draw, without drawing: frame size, n and why, allocation. Called on every change of the form
 * (debounced), so it reads the frame once and computes the rest in memory; problems come back as data for the form.
 */
export function previewRound(db: Database, raw: unknown): RoundPreview {
  const t0 = performance.now();
  const done = (p: Omit<RoundPreview, 'elapsedMs'>): RoundPreview => ({ ...p, elapsedMs: Math.round((performance.now() - t0) * 10) / 10 });
  const parsed = roundDesignSchema.safeParse(raw);
  if (!parsed.success) return done({ frameSize: null, size: null, allocation: null, proportional: null, problems: schemaProblems(parsed.error) });
  const parts = designParts(parsed.data);
  const problems: FieldProblem[] = [...parts.problems];
  if (!parts.filters) return done({ frameSize: null, size: null, allocation: null, proportional: null, problems });

  const frame = readFrame(db, parts.filters, parts.strata, Number.MAX_SAFE_INTEGER);
  problems.push(...frameProblems(db, parts.filters, parts.strata, frame));
  const frameSize = frame.ids.length;
  if (frameSize === 0 || !parts.size) return done({ frameSize, size: null, allocation: null, proportional: null, problems });

  const sized = sizeFor(parts.size, frameSize);
  if (!sized.ok) {
    problems.push(sized.problem);
    return done({ frameSize, size: null, allocation: null, proportional: null, problems });
  }
  if (parts.minPerStratum === null) {
    return done({ frameSize, size: sizeOutcome(sized.result), allocation: null, proportional: null, problems });
  }
  const allocated = allocateProportional(stratumPopulations(frame), sized.result.n, parts.minPerStratum);
  if (!allocated.ok) {
    problems.push({ field: 'minPerStratum', message: allocated.error });
    return done({ frameSize, size: sizeOutcome(sized.result), allocation: null, proportional: null, problems });
  }
  return done({
    frameSize,
    size: sizeOutcome(sized.result),
    allocation: allocationRows(allocated.allocation),
    proportional: allocated.proportional,
    problems,
  });
}

/** n for a frame, with a failure pinned on the size field that caused it (a fixed n above N is the usual one). */
export function sizeFor(spec: SizeSpec, frameSize: number): { ok: true; result: Extract<SampleSizeResult, { ok: true }> } | { ok: false; problem: FieldProblem } {
  const r = computeSampleSize(spec, frameSize);
  if (r.ok) return { ok: true, result: r };
  const field = spec.method === 'fixed' ? 'size.n' : spec.method === 'percent' ? 'size.percent' : 'size';
  return { ok: false, problem: { field, message: r.error } };
}
