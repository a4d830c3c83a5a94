import { describe, expect, it } from 'vitest';
import { transactionSizer } from '../../../electron/core/library/transactionSizer';

describe('transactionSizer', () => {
  it('sizes the next transaction to the target time from the last full one, within bounds', () => {
    const s = transactionSizer(1000, 200, 20_000, 6);
    expect(s.size).toBe(1000);
    s.took(1000, 2); // fast: three times as many fit 6 ms
    expect(s.size).toBe(3000);
    s.took(3000, 12); // slow: half
    expect(s.size).toBe(1500);
    s.took(1500, 0.01); // a clock too coarse to tell: counted as 1 ms, and capped
    expect(s.size).toBe(9000);
    s.took(9000, 0.5);
    expect(s.size).toBe(20_000);
    s.took(20_000, 10_000); // a stall (a checkpoint): never below the floor
    expect(s.size).toBe(200);
  });

  it('learns nothing from a short last transaction', () => {
    const s = transactionSizer(1000, 200, 20_000, 6);
    s.took(10, 50);
    expect(s.size).toBe(1000);
  });
});
