import type { EventPayload } from '../../../shared/ipc/events';

export type ProgressPhase = EventPayload<'index.progress'>['phase'];
export type ProgressEvent = EventPayload<'index.progress'>;

/** At most five progress events a second: enough for a smooth bar, negligible next to the work. */
const PROGRESS_INTERVAL_MS = 200;

export interface ProgressReporter {
  /** Starts timing a phase (files per second and ETA are per phase). */
  phase(phase: ProgressPhase, message?: string): void;
  /** Reports unless one was sent less than PROGRESS_INTERVAL_MS ago; `force` for phase ends. */
  update(files: number, total: number | null, force?: boolean): void;
}

export function progressReporter(
  runId: number,
  emit: (payload: ProgressEvent) => void,
  clock: () => number = Date.now,
): ProgressReporter {
  let current: ProgressPhase = 'scan';
  let message: string | undefined;
  let phaseStart = clock();
  let lastSent = -Infinity;
  return {
    phase(phase, text) {
      current = phase;
      message = text;
      phaseStart = clock();
      lastSent = -Infinity;
    },
    update(files, total, force = false) {
      const now = clock();
      if (!force && now - lastSent < PROGRESS_INTERVAL_MS) return;
      lastSent = now;
      const elapsedSec = (now - phaseStart) / 1000;
      const filesPerSec = elapsedSec > 0 ? files / elapsedSec : 0;
      const etaSec = total !== null && filesPerSec > 0 ? Math.max(0, (total - files) / filesPerSec) : null;
      emit({ runId, phase: current, files, total, filesPerSec, etaSec, ...(message === undefined ? {} : { message }) });
    },
  };
}
