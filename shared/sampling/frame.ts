import type { StratumPopulation } from './allocate';
import { compareKeys } from './key-order';

/**
 * A sampling frame. The draw and everything around it (hash, stored copy, verify) work on the column form: a frame
 * of a million incidents is then three arrays, not a million objects. The object form is the readable one, for
 * callers holding a handful of incidents.
 */
export interface FrameIncident {
  id: number;
  stratum: string;
}

export interface FrameColumns {
  /** Incident ids, strictly ascending. */
  ids: Float64Array;
  /** The distinct stratum keys, ascending (key-order.ts); every one has at least one incident. */
  strata: readonly string[];
  /** Per id, the index of its stratum in `strata`. */
  stratumOf: Uint32Array;
}

/** What is wrong with a frame in column form, or null; the draw refuses a frame that breaks the invariants above. */
export function frameColumnsProblem(frame: FrameColumns): string | null {
  const { ids, strata, stratumOf } = (frame ?? {}) as Partial<FrameColumns>;
  if (!(ids instanceof Float64Array) || !(stratumOf instanceof Uint32Array) || !Array.isArray(strata)) {
    return 'The frame is not in column form (Float64Array ids, stratum list, Uint32Array stratum indexes)';
  }
  if (ids.length !== stratumOf.length) return `The frame has ${ids.length} ids but ${stratumOf.length} stratum indexes`;
  for (const [s, key] of strata.entries()) {
    if (typeof key !== 'string') return `Stratum ${s + 1} of the frame has no key`;
    if (s > 0 && compareKeys(strata[s - 1]!, key) >= 0) return `The frame's strata are not in ascending key order at "${key}"`;
  }
  const used = new Uint8Array(strata.length);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (!Number.isSafeInteger(id) || id < 0) return `Frame entry ${i + 1} has id ${String(id)}: ids must be whole numbers, 0 or more`;
    if (i > 0 && id <= ids[i - 1]!) {
      return id === ids[i - 1] ? `Incident ${id} appears twice in the frame` : `Frame entry ${i + 1} (id ${id}) is out of ascending id order`;
    }
    const s = stratumOf[i]!;
    if (s >= strata.length) return `Incident ${id} names stratum ${s + 1} of ${strata.length}`;
    used[s] = 1;
  }
  const empty = used.indexOf(0);
  return empty >= 0 ? `Stratum "${strata[empty]}" is listed for the frame but has no incidents` : null;
}

/**
 * The column form of incidents given in any order: ids sorted ascending, strata listed in key order. Refuses, naming
 * the entry, an id that is not a whole number 0 or more, a stratum that is not text, and an incident listed twice.
 */
export function frameFromIncidents(incidents: readonly FrameIncident[]): FrameColumns | string {
  if (!Array.isArray(incidents)) return 'The frame is not a list of incidents';
  const seen = new Set<number>();
  for (const [i, item] of incidents.entries()) {
    if (!Number.isSafeInteger(item?.id) || item.id < 0) {
      return `Frame entry ${i + 1} has id ${String(item?.id)}: ids must be whole numbers, 0 or more`;
    }
    if (typeof item.stratum !== 'string') return `Incident ${item.id} has no stratum`;
    if (seen.has(item.id)) return `Incident ${item.id} appears twice in the frame`;
    seen.add(item.id);
  }
  const byId = [...incidents].sort((a, b) => a.id - b.id);
  const strata = [...new Set(byId.map((f) => f.stratum))].sort(compareKeys);
  const index = new Map(strata.map((s, i) => [s, i]));
  return {
    ids: Float64Array.from(byId, (f) => f.id),
    strata,
    stratumOf: Uint32Array.from(byId, (f) => index.get(f.stratum)!),
  };
}

/** The frame as one object per incident, in id order. */
export function frameIncidents(frame: FrameColumns): FrameIncident[] {
  return Array.from(frame.ids, (id, i) => ({ id, stratum: frame.strata[frame.stratumOf[i]!]! }));
}

/** Each stratum with the number of incidents it holds, in the order of `frame.strata` (key order). */
export function stratumPopulations(frame: FrameColumns): StratumPopulation[] {
  const counts = new Array<number>(frame.strata.length).fill(0);
  for (let i = 0; i < frame.stratumOf.length; i++) counts[frame.stratumOf[i]!]!++;
  return frame.strata.map((key, s) => ({ key, population: counts[s]! }));
}
