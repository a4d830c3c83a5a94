import { describe, expect, it } from 'vitest';
import { progressReporter, type ProgressEvent } from '../../../electron/core/library/progress';

describe('progressReporter', () => {
  it('sends at most one event per 200 ms unless forced, with rate and ETA for the phase', () => {
    let now = 1_000;
    const sent: ProgressEvent[] = [];
    const p = progressReporter(7, (e) => sent.push(e), () => now);
    p.phase('scan');
    now += 100;
    p.update(10, 100);
    now += 50;
    p.update(15, 100);
    now += 149;
    p.update(20, 100);
    now += 1;
    p.update(40, 100);
    expect(sent.map((e) => e.files)).toEqual([10, 40]);
    // 40 files in 0.3 s of the phase: 133.3 files/s, 60 left: 0.45 s.
    expect(sent[1]!.filesPerSec).toBeCloseTo(40 / 0.3, 6);
    expect(sent[1]!.etaSec).toBeCloseTo(60 / (40 / 0.3), 6);
    p.update(41, 100, true);
    expect(sent).toHaveLength(3);
    expect(sent[2]).toMatchObject({ runId: 7, phase: 'scan', files: 41, total: 100 });
  });

  it('has no ETA without a total, and restarts timing at each phase', () => {
    let now = 0;
    const sent: ProgressEvent[] = [];
    const p = progressReporter(1, (e) => sent.push(e), () => now);
    p.phase('hash', 'hashing');
    now = 2000;
    p.update(10, null);
    expect(sent[0]).toMatchObject({ phase: 'hash', etaSec: null, filesPerSec: 5, message: 'hashing' });
    p.phase('done');
    p.update(10, 10);
    expect(sent[1]).toMatchObject({ phase: 'done', filesPerSec: 0, etaSec: null });
  });
});
