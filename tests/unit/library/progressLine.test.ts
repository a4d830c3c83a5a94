import { describe, expect, it } from 'vitest';
import { idList, progressLine } from '../../../electron/cli/commands/indexCmd';

describe('the CLI progress line', () => {
  it('draws a bar, counts, rate and time left when the total is known', () => {
    expect(progressLine({ runId: 1, phase: 'scan', files: 2500, total: 10000, filesPerSec: 3210.4, etaSec: 2.3 })).toBe(
      'scan   [######..................] 2,500/10,000 · 3,210 files/s · 3 s left',
    );
  });

  it('shows counts and rate only while the total is unknown', () => {
    expect(progressLine({ runId: 1, phase: 'import', files: 24, total: null, filesPerSec: 0, etaSec: null })).toBe('import 24 files · 0 files/s');
  });
});

describe('idList', () => {
  it('reads whole positive ids and names a bad one', () => {
    expect(idList(['3', ' 12 '], 'ids')).toEqual([3, 12]);
    expect(() => idList(['3', '0'], 'ids')).toThrow(/ids must be whole numbers above 0, got '0'/);
    expect(() => idList(['1.5'], 'ids')).toThrow(/got '1.5'/);
  });
});
