/**
 * A seed is a string a person can read out, write in a report and type back in. Two forms:
 * - a decimal integer 0..2^53-1 in canonical form ("42", not "042"): words [low 32 bits, high 32 bits];
 * - any other text of 1..128 printable characters (after trimming): its UTF-8 bytes packed little-endian into
 *   32-bit words (the last word zero-padded), followed by the byte count.
 * Both feed MT19937 init_by_array. The mapping is part of the draw algorithm: changing it changes every sample.
 * Non-canonical digit strings ("007") deliberately fall into the text form, so the string shown to the user is
 * always exactly what determines the sample.
 */
export type ParsedSeed = { ok: true; seed: string; words: number[] } | { ok: false; error: string };

export const MAX_SEED_CHARACTERS = 128;

const TWO_POW_32 = 0x1_0000_0000;
const CANONICAL_DECIMAL = /^(0|[1-9][0-9]*)$/;

function isControl(codePoint: number): boolean {
  // Unicode general category Cc: C0 controls, DEL and C1 controls.
  return codePoint <= 0x1f || (codePoint >= 0x7f && codePoint <= 0x9f);
}

/** UTF-8 per RFC 3629; the caller has already rejected lone surrogates. */
function utf8Bytes(codePoints: readonly number[]): number[] {
  const bytes: number[] = [];
  for (const cp of codePoints) {
    if (cp < 0x80) {
      bytes.push(cp);
    } else if (cp < 0x800) {
      bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
      bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    } else {
      bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    }
  }
  return bytes;
}

function packLittleEndian(bytes: readonly number[]): number[] {
  const words: number[] = [];
  for (let i = 0; i < bytes.length; i += 4) {
    let word = 0;
    for (let b = 3; b >= 0; b--) word = (word << 8) | (bytes[i + b] ?? 0);
    words.push(word >>> 0);
  }
  return words;
}

export function parseSeed(text: string): ParsedSeed {
  if (typeof text !== 'string') return { ok: false, error: 'Seed must be text' };
  const seed = text.trim();
  if (seed.length === 0) return { ok: false, error: 'Seed is empty: enter a number or some text' };

  if (CANONICAL_DECIMAL.test(seed)) {
    const value = Number(seed);
    if (Number.isSafeInteger(value)) {
      return { ok: true, seed, words: [value % TWO_POW_32, Math.floor(value / TWO_POW_32)] };
    }
  }

  const codePoints: number[] = [];
  for (let i = 0; i < seed.length; i++) {
    const cp = seed.codePointAt(i)!;
    const position = codePoints.length + 1;
    if (cp >= 0xd800 && cp <= 0xdfff) {
      return { ok: false, error: `Seed has a broken character (unpaired surrogate) at position ${position}` };
    }
    if (isControl(cp)) {
      const hex = cp.toString(16).toUpperCase().padStart(4, '0');
      return { ok: false, error: `Seed has a control character (U+${hex}) at position ${position}` };
    }
    if (cp > 0xffff) i++;
    codePoints.push(cp);
  }
  if (codePoints.length > MAX_SEED_CHARACTERS) {
    return { ok: false, error: `Seed is too long: ${codePoints.length} characters, at most ${MAX_SEED_CHARACTERS}` };
  }
  const bytes = utf8Bytes(codePoints);
  return { ok: true, seed, words: [...packLittleEndian(bytes), bytes.length] };
}

/**
 * Turns two uniformly random 32-bit words (from the caller's crypto source; shared/ stays pure) into a fresh decimal
 * seed. 21 bits of the high word and all of the low word give a uniform integer in 0..2^53-1, every value of which
 * parseSeed reads back as the same two words.
 */
export function seedFromRandomWords(words: readonly [number, number]): string {
  const [low, high] = words;
  for (const [name, w] of [['low', low], ['high', high]] as const) {
    if (!Number.isInteger(w) || w < 0 || w >= TWO_POW_32) {
      throw new RangeError(`seedFromRandomWords: ${name} word ${String(w)} is not an integer in 0..4294967295`);
    }
  }
  return String((high & 0x1fffff) * TWO_POW_32 + low);
}
