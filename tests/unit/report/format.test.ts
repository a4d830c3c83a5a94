import { describe, expect, it } from 'vitest';
import { monthLabel } from '../../../shared/report/document';
import { interval, percent, rate, rateWithInterval, statistic, ukDateTime, weighted } from '../../../shared/report/format';
import { proportion } from '../../../shared/report/proportion';

describe('report number formats', () => {
  it('writes rates to one decimal with the 95% Wilson interval', () => {
    // Newcombe (1998), Statistics in Medicine 17:857-872, Table I, method 3: 81/263 -> 0.2553 to 0.3662.
    const p = proportion(81, 263);
    expect(rate(p)).toBe('30.8%');
    expect(interval(p)).toBe('25.5–36.6%');
    expect(rateWithInterval(p)).toBe('81/263 = 30.8% (95% CI 25.5–36.6%)');
    // Newcombe Table I: 0/20 -> 0 to 0.1611.
    expect(rateWithInterval(proportion(0, 20))).toBe('0/20 = 0.0% (95% CI 0.0–16.1%)');
  });

  it('says when there is nothing to divide, rather than printing 0% or NaN', () => {
    const none = proportion(0, 0);
    expect(rate(none)).toBe('–');
    expect(interval(none)).toBe('–');
    expect(rateWithInterval(none)).toBe('0/0: no figure (nothing scored)');
    expect(weighted(null)).toBe('–');
    expect(statistic(null)).toBe('–');
  });

  it('rounds rates to a tenth of a per cent and agreement to three decimals', () => {
    expect(percent(0.12345)).toBe('12.3%');
    expect(percent(1)).toBe('100.0%');
    expect(weighted({ point: 0.692308, designEffect: 1.443787, n: 4 })).toBe('69.2% (deff 1.44)');
    expect(statistic(0.5333333)).toBe('0.533');
    expect(statistic(-0.142857)).toBe('-0.143');
  });

  it('shows instants in UK local time, BST in summer and GMT in winter', () => {
    expect(ukDateTime('2025-10-25T23:30:00.000Z')).toBe('26/10/2025 00:30 BST');
    expect(ukDateTime('2025-10-26T01:30:00.000Z')).toBe('26/10/2025 01:30 GMT');
    expect(ukDateTime('not a time')).toBe('not a time');
  });

  it('names months', () => {
    expect(monthLabel('2025-10')).toBe('October 2025');
    expect(monthLabel('2025-13')).toBe('2025-13');
  });
});
