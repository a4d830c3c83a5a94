import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256 } from '../../../electron/core/reports/dataHash';

describe('the data hash behind a report id', () => {
  it('is the SHA-256 of canonical JSON (FIPS 180-4 test vector "abc")', () => {
    // NIST FIPS 180-4 example: SHA-256("abc").
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: { z: 1, y: undefined } })).toBe('{"a":[true,null,"x"],"b":1,"c":{"z":1}}');
  });

  it('does not depend on the order keys were written in, and is valid JSON of the same value', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(obj));
        expect(JSON.parse(canonicalJson(obj))).toEqual(JSON.parse(JSON.stringify(obj)));
      }),
    );
  });

  it('changes when any value changes', () => {
    expect(sha256(canonicalJson({ reviews: [{ answer: 'yes' }] }))).not.toBe(sha256(canonicalJson({ reviews: [{ answer: 'no' }] })));
  });
});
