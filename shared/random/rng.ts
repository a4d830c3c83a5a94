/**
 * The one interface every random consumer in the project takes. Implementations are named, versioned and seeded
 * (see mt19937.ts); nothing in shared/ or electron/core may use an unseeded random source, because samples and bootstrap
 * intervals must be re-derivable from a stored seed.
 */
export interface Rng {
  /** Algorithm id, stored with anything drawn from it (e.g. "mt19937"). */
  readonly algorithm: string;
  /** Next 32-bit unsigned integer, 0 <= x < 2^32. */
  nextUint32(): number;
}
