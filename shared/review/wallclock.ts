/**
 * Where to start another camera so it shows the same moment: the wall-clock instant under the playhead of the
 * current clip, mapped onto the target clip's own timeline. Falls back to the start when either clip's recorded time
 * is unknown (the cameras cannot be lined up), and clamps into the target's length.
 */
export interface TimedClip {
  recordedAt: string | null;
  durationSec: number | null;
}

export function secondForSameMoment(from: TimedClip, fromSecond: number, to: TimedClip): { second: number; aligned: boolean } {
  const a = from.recordedAt ? Date.parse(from.recordedAt) : NaN;
  const b = to.recordedAt ? Date.parse(to.recordedAt) : NaN;
  if (!Number.isFinite(a) || !Number.isFinite(b) || !Number.isFinite(fromSecond)) return { second: 0, aligned: false };
  const raw = (a + fromSecond * 1000 - b) / 1000;
  const max = to.durationSec && to.durationSec > 0 ? to.durationSec : Infinity;
  return { second: Math.min(Math.max(raw, 0), max), aligned: raw >= 0 && raw <= max };
}

/** "04:12" or "1:02:03": how reviewers read footage positions. */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${String(m).padStart(2, '0')}:${ss}`;
}
