import { describe, expect, it } from 'vitest';
import { parseRange } from '../../../electron/main/protocols/range';

describe('parseRange (RFC 9110 §14.1.2 forms)', () => {
  const size = 10_000;
  it.each([
    [null, { kind: 'full' }],
    ['', { kind: 'full' }],
    ['bytes=0-499', { kind: 'partial', start: 0, end: 499 }],
    ['bytes=500-999', { kind: 'partial', start: 500, end: 999 }],
    ['bytes=9500-', { kind: 'partial', start: 9500, end: 9999 }],
    ['bytes=-500', { kind: 'partial', start: 9500, end: 9999 }],
    ['bytes=-20000', { kind: 'partial', start: 0, end: 9999 }],
    ['bytes=0-20000', { kind: 'partial', start: 0, end: 9999 }],
    ['bytes=10000-', { kind: 'unsatisfiable' }],
    ['bytes=500-400', { kind: 'unsatisfiable' }],
    ['bytes=-0', { kind: 'unsatisfiable' }],
    ['items=0-5', { kind: 'full' }],
    ['bytes=0-5,10-20', { kind: 'full' }],
    ['bytes=abc', { kind: 'full' }],
  ])('%s', (header, expected) => {
    expect(parseRange(header, size)).toEqual(expected);
  });
  it('treats any range of an empty file as unsatisfiable', () => {
    expect(parseRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
  });
});
