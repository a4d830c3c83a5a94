import type { Rng } from '../random/rng';
import { uniformBelow } from '../random/uniform';

/**
 * k items drawn uniformly without replacement, in draw order, by a partial Fisher–Yates shuffle (Durstenfeld's
 * in-place form, Knuth TAOCP vol. 2, Algorithm 3.4.2P) on a copy: step i swaps position i with a uniform position in
 * [i, length). Every ordered k-subset is equally likely. The result depends on the order of `items`, so callers
 * must pass them in the frame's stable order.
 */
export function selectWithoutReplacement<T>(items: readonly T[], k: number, rng: Rng): T[] {
  if (!Number.isInteger(k) || k < 0 || k > items.length) {
    throw new RangeError(`selectWithoutReplacement: k = ${String(k)} must be a whole number in 0..${items.length}`);
  }
  const pool = items.slice();
  for (let i = 0; i < k; i++) {
    const j = i + uniformBelow(rng, pool.length - i);
    const picked = pool[j]!;
    pool[j] = pool[i]!;
    pool[i] = picked;
  }
  return pool.slice(0, k);
}
