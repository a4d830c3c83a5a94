import type { Rng } from './rng';

/**
 * MT19937, the 32-bit Mersenne Twister of Matsumoto & Nishimura, "Mersenne Twister: a 623-dimensionally
 * equidistributed uniform pseudo-random number generator", ACM TOMACS 8(1):3-30, 1998. Chosen because its
 * output for a given seed is fixed by the paper's reference code (mt19937ar.c, 2002 initialisation) and by the C++11
 * standard, so an auditor can re-derive any sample with an independent implementation (Python's `random`,
 * `std::mt19937`). It is not cryptographic; it only has to be reproducible and well distributed.
 */
export const MT19937_ALGORITHM = 'mt19937';

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;

function isUint32(x: unknown): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= 0xffffffff;
}

/** init_genrand: the single-word state initialisation (Knuth's multiplier 1812433253). */
function initGenrand(mt: Uint32Array, seed: number): void {
  mt[0] = seed >>> 0;
  for (let i = 1; i < N; i++) {
    const prev = mt[i - 1]!;
    // Math.imul keeps the product modulo 2^32, as the C code's unsigned arithmetic does.
    mt[i] = (Math.imul(1812433253, prev ^ (prev >>> 30)) + i) >>> 0;
  }
}

/** init_by_array: mixes an arbitrary-length key into the state, so seeds longer than 32 bits matter. */
function initByArray(mt: Uint32Array, key: readonly number[]): void {
  initGenrand(mt, 19650218);
  let i = 1;
  let j = 0;
  for (let k = Math.max(N, key.length); k > 0; k--) {
    const prev = mt[i - 1]!;
    mt[i] = ((mt[i]! ^ Math.imul(prev ^ (prev >>> 30), 1664525)) + key[j]! + j) >>> 0;
    i++;
    j++;
    if (i >= N) {
      mt[0] = mt[N - 1]!;
      i = 1;
    }
    if (j >= key.length) j = 0;
  }
  for (let k = N - 1; k > 0; k--) {
    const prev = mt[i - 1]!;
    mt[i] = ((mt[i]! ^ Math.imul(prev ^ (prev >>> 30), 1566083941)) - i) >>> 0;
    i++;
    if (i >= N) {
      mt[0] = mt[N - 1]!;
      i = 1;
    }
  }
  // Guarantees a non-zero initial state whatever the key.
  mt[0] = 0x80000000;
}

function generatorOver(mt: Uint32Array): Rng {
  let index = N;
  function twist(): void {
    for (let kk = 0; kk < N; kk++) {
      const y = (mt[kk]! & UPPER_MASK) | (mt[(kk + 1) % N]! & LOWER_MASK);
      // Words at kk + M - N were already regenerated in this pass; the reference code reads those new values too.
      mt[kk] = mt[(kk + M) % N]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    index = 0;
  }
  return {
    algorithm: MT19937_ALGORITHM,
    nextUint32(): number {
      if (index >= N) twist();
      let y = mt[index++]!;
      y ^= y >>> 11;
      y ^= (y << 7) & 0x9d2c5680;
      y ^= (y << 15) & 0xefc60000;
      y ^= y >>> 18;
      return y >>> 0;
    },
  };
}

/** Seeds with init_by_array over 1..∞ unsigned 32-bit words (see seed.ts for how a user's seed becomes words). */
export function createMt19937(seedWords: readonly number[]): Rng {
  if (!Array.isArray(seedWords) || seedWords.length === 0) {
    throw new RangeError('mt19937: seedWords must be a non-empty array of 32-bit unsigned integers');
  }
  seedWords.forEach((w, i) => {
    if (!isUint32(w)) {
      throw new RangeError(`mt19937: seedWords[${i}] = ${String(w)} is not an integer in 0..4294967295`);
    }
  });
  const mt = new Uint32Array(N);
  initByArray(mt, seedWords);
  return generatorOver(mt);
}

/** Seeds with init_genrand, the one-word seeding used by `std::mt19937(seed)` (default seed 5489). */
export function createMt19937FromUint32(seed: number): Rng {
  if (!isUint32(seed)) {
    throw new RangeError(`mt19937: seed ${String(seed)} is not an integer in 0..4294967295`);
  }
  const mt = new Uint32Array(N);
  initGenrand(mt, seed);
  return generatorOver(mt);
}
