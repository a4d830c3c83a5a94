/**
 * How many writes the next transaction should take, learnt from how long full ones took, so that each holds the core
 * about `targetMs`. A commit costs about a millisecond whatever its size and a bigger one writes each shared page fewer
 * times, but the window's requests wait for it; writes cost from ~2 µs (a clip's link) to tens of µs (an incident with
 * its lists), so no fixed count is right for all of them.
 */
export interface TransactionSizer {
  /** Writes (or weight units) the next transaction should hold. */
  readonly size: number;
  /** A transaction of `done` writes took `ms`; only a full one (done >= size) says how many fit. */
  took(done: number, ms: number): void;
}

export const TRANSACTION_MS = 6;

export function transactionSizer(first: number, min: number, max: number, targetMs = TRANSACTION_MS): TransactionSizer {
  let size = first;
  return {
    get size() {
      return size;
    },
    took(done, ms) {
      if (done < size) return;
      size = Math.round(Math.min(max, Math.max(min, (done * targetMs) / Math.max(ms, 1))));
    },
  };
}
