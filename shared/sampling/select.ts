import type { Rng } from '../random/rng';
import { uniformBelow } from '../random/uniform';

/**
 * k items drawn uniformly without replacement, in draw order, by a partial Fisher–Yates shuffle (Durstenfeld's
 * in-place form, Knuth TAOCP vol. 2, Algorithm 3.4.2P) on a copy: step i swaps position i with a uniform position in
 * [i, length). Every ordered k-subset is equally likely. The result depends on the order of `items`, so callers
 * must pass them in the frame's stable order.
 */
export function selectWithoutReplacement<T>(items: readonly T[], k: number, rng: Rng): T[] {
  return selectPositions(items.length, k, rng).map((p) => items[p]!);
}

/**
 * The same shuffle run on the positions 0..length-1, giving the positions picked, in draw order: the items at these
 * positions are exactly what selectWithoutReplacement returns, step for step, for the same generator state. Only
 * the positions a swap has moved are kept (in a map), so drawing k from a stratum of a million costs O(k), not a
 * million-entry copy.
 */
export function selectPositions(length: number, k: number, rng: Rng): number[] {
  if (!Number.isInteger(k) || k < 0 || k > length) {
    throw new RangeError(`selectPositions: k = ${String(k)} must be a whole number in 0..${length}`);
  }
  const moved = new Map<number, number>();
  const at = (p: number) => moved.get(p) ?? p;
  const picked: number[] = [];
  for (let i = 0; i < k; i++) {
    const j = i + uniformBelow(rng, length - i);
    picked.push(at(j));
    // Position i is never read again (later swaps reach only i+1 and beyond), so only j needs its new occupant.
    moved.set(j, at(i));
  }
  return picked;
}
