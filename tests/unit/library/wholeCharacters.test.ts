import { describe, expect, it } from 'vitest';
import { wholeCharactersEnd } from '../../../electron/core/library/importExports';

const b = (...bytes: number[]) => Buffer.from(bytes);

describe('wholeCharactersEnd (where a slice of a UTF-8 export may be cut)', () => {
  it('keeps a slice that ends on a whole character', () => {
    expect(wholeCharactersEnd(Buffer.from('abc'))).toBe(3);
    expect(wholeCharactersEnd(Buffer.from('café'))).toBe(5);
    expect(wholeCharactersEnd(Buffer.from('€'))).toBe(3);
    expect(wholeCharactersEnd(Buffer.from('a😀'))).toBe(5);
    expect(wholeCharactersEnd(b())).toBe(0);
  });

  it('cuts before a character whose bytes run past the end', () => {
    expect(wholeCharactersEnd(b(0x61, 0xc3))).toBe(1);
    expect(wholeCharactersEnd(b(0x61, 0xe2, 0x82))).toBe(1);
    expect(wholeCharactersEnd(b(0x61, 0xf0, 0x9f, 0x98))).toBe(1);
  });

  it('leaves bytes that are not UTF-8 for the validity check to refuse', () => {
    expect(wholeCharactersEnd(b(0x61, 0x80, 0x80, 0x80, 0x80))).toBe(5);
    expect(wholeCharactersEnd(b(0xe9))).toBe(0);
  });
});
