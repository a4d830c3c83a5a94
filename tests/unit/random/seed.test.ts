import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Buffer } from 'node:buffer';
import { parseSeed, seedFromRandomWords } from '../../../shared/random/seed';

function words(text: string): number[] {
  const r = parseSeed(text);
  if (!r.ok) throw new Error(r.error);
  return r.words;
}

function error(text: string): string {
  const r = parseSeed(text);
  if (r.ok) throw new Error(`expected ${JSON.stringify(text)} to be rejected`);
  return r.error;
}

/** Independent reference: Node's UTF-8 encoder, bytes packed little-endian, then the byte count. */
function referenceTextWords(text: string): number[] {
  const bytes = Buffer.from(text, 'utf8');
  const padded = Buffer.alloc(Math.ceil(bytes.length / 4) * 4);
  bytes.copy(padded);
  const out: number[] = [];
  for (let i = 0; i < padded.length; i += 4) out.push(padded.readUInt32LE(i));
  return [...out, bytes.length];
}

describe('parseSeed: decimal seeds', () => {
  it('splits a decimal integer into [low 32 bits, high 32 bits]', () => {
    expect(parseSeed('42')).toEqual({ ok: true, seed: '42', words: [42, 0] });
    expect(words('0')).toEqual([0, 0]);
    expect(words('4294967295')).toEqual([0xffffffff, 0]);
    expect(words('4294967296')).toEqual([0, 1]);
    expect(words('123456789012')).toEqual([3197704724, 28]);
    expect(words('9007199254740991')).toEqual([0xffffffff, 0x1fffff]);
  });

  it('trims surrounding whitespace and reports the trimmed seed', () => {
    expect(parseSeed('  42\n')).toEqual({ ok: true, seed: '42', words: [42, 0] });
  });

  it('reads non-canonical or too-large digit strings as text, so the shown seed is what counts', () => {
    // "042" → bytes 30 34 32.
    expect(words('042')).toEqual([0x00323430, 3]);
    expect(words('9007199254740992')).toEqual(referenceTextWords('9007199254740992'));
    expect(words('+42')).toEqual(referenceTextWords('+42'));
  });
});

describe('parseSeed: text seeds', () => {
  it('packs UTF-8 bytes little-endian and appends the byte count', () => {
    expect(words('abc')).toEqual([0x00636261, 3]);
    expect(words('abcd')).toEqual([0x64636261, 4]);
    expect(words('abcde')).toEqual([0x64636261, 0x65, 5]);
    expect(words('bwc-2024')).toEqual([761493346, 875704370, 8]);
  });

  it('encodes 2-, 3- and 4-byte UTF-8 sequences (RFC 3629 table: é = C3 A9, € = E2 82 AC, 😀 = F0 9F 98 80)', () => {
    expect(words('é')).toEqual([0xa9c3, 2]);
    expect(words('€')).toEqual([0xac82e2, 3]);
    expect(words('😀')).toEqual([0x80989ff0, 4]);
  });

  it('agrees with an independent UTF-8 encoder on arbitrary printable text', () => {
    const printable = fc
      .string({ unit: 'binary', minLength: 1, maxLength: 40 })
      .filter((s) => s.trim().length > 0 && !/[\u0000-\u001f\u007f-\u009f]/.test(s));
    fc.assert(
      fc.property(printable, (s) => {
        const r = parseSeed(s);
        expect(r.ok).toBe(true);
        if (r.ok && r.seed !== String(Number(r.seed))) expect(r.words).toEqual(referenceTextWords(s.trim()));
      }),
      { numRuns: 300 },
    );
  });

  it('counts length in characters, not UTF-16 units or bytes', () => {
    expect(parseSeed('😀'.repeat(128)).ok).toBe(true);
    expect(error('x'.repeat(129))).toMatch(/too long: 129 characters, at most 128/);
  });

  it('rejects empty, control characters and broken text with a clear error', () => {
    expect(error('')).toMatch(/empty/);
    expect(error(' \t\n ')).toMatch(/empty/);
    expect(error('a\tb')).toMatch(/control character \(U\+0009\) at position 2/);
    expect(error('a\u0000')).toMatch(/U\+0000/);
    expect(error('x\u0085y')).toMatch(/U\+0085/);
    expect(error('ab\ud800')).toMatch(/unpaired surrogate\) at position 3/);
    expect(error(42 as unknown as string)).toMatch(/text/);
  });
});

describe('seedFromRandomWords', () => {
  it('maps the extreme words to 0 and 2^53 - 1', () => {
    expect(seedFromRandomWords([0, 0])).toBe('0');
    expect(seedFromRandomWords([0xffffffff, 0xffffffff])).toBe('9007199254740991');
    expect(seedFromRandomWords([7, 1])).toBe('4294967303');
  });

  it('produces a canonical decimal seed that parses back to the low word and 21 high bits', () => {
    fc.assert(
      fc.property(fc.nat({ max: 0xffffffff }), fc.nat({ max: 0xffffffff }), (low, high) => {
        const seed = seedFromRandomWords([low, high]);
        expect(seed).toMatch(/^(0|[1-9][0-9]*)$/);
        expect(Number(seed)).toBeLessThan(2 ** 53);
        expect(parseSeed(seed)).toEqual({ ok: true, seed, words: [low, high & 0x1fffff] });
      }),
    );
  });

  it('rejects words that are not 32-bit unsigned integers', () => {
    expect(() => seedFromRandomWords([-1, 0])).toThrow(/low word -1/);
    expect(() => seedFromRandomWords([0, 2 ** 32])).toThrow(/high word/);
    expect(() => seedFromRandomWords([0.5, 0])).toThrow(RangeError);
  });
});
