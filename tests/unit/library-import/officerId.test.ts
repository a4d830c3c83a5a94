import { describe, expect, it } from 'vitest';
import { collarNumberOf } from '../../../shared/library/officerId';

describe('collarNumberOf', () => {
  it.each([
    ['PC 2211CE', '2211CE'],
    ['PS 77CE', '77CE'],
    ['PC1234CE', '1234CE'],
    ['pcso 5012ce', '5012CE'],
    ['DC 123456', '123456'],
    [' Insp 12CE ', '12CE'],
  ])('%s -> %s', (label, expected) => {
    expect(collarNumberOf(label)).toBe(expected);
  });

  it.each(['Jo Bloggs', 'PC', '2211CE', 'PC 2211CE (Hackney)', 'PC ABC', ''])('gives null for %j', (label) => {
    expect(collarNumberOf(label)).toBeNull();
  });
});
