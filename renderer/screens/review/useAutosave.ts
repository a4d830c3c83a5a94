import { useCallback, useEffect, useRef, useState } from 'react';
import type { Saved } from '../../../shared/ipc/reviews';
import type { ReviewAnswers } from '../../../shared/rubric/answers';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'error'; message: string };

/**
 * Debounced autosave into the database: a burst of typing becomes one save shortly after it pauses, and continuous
 * typing is still saved at least every `maxWaitMs`, so every change is stored within about a second. Saves run one
 * at a time in order, so an older document can never land after a newer one. A failed save keeps the document
 * pending and is retried with the next change or by `flush`. Leaving the review (unmount) flushes what is pending.
 */
export function useAutosave(save: (answers: ReviewAnswers) => Promise<Saved>, delayMs = 400, maxWaitMs = 800) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const pending = useRef<ReviewAnswers | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** When the oldest unsaved change was made. */
  const pendingSince = useRef<number | null>(null);
  const inflight = useRef<Promise<void> | null>(null);
  const live = useRef(true);
  const set = (s: SaveState) => {
    if (live.current) setState(s);
  };

  const flush = useCallback(async (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    while (inflight.current) await inflight.current;
    const answers = pending.current;
    if (!answers) return;
    pending.current = null;
    pendingSince.current = null;
    set({ kind: 'saving' });
    inflight.current = save(answers).then(
      (r) => set(pending.current ? { kind: 'pending' } : { kind: 'saved', at: r.savedAt }),
      (e: Error) => {
        pending.current ??= answers;
        set({ kind: 'error', message: e.message });
      },
    );
    try {
      await inflight.current;
    } finally {
      inflight.current = null;
    }
  }, [save]);

  const schedule = useCallback(
    (answers: ReviewAnswers) => {
      pending.current = answers;
      const now = Date.now();
      pendingSince.current ??= now;
      set({ kind: 'pending' });
      if (timer.current) clearTimeout(timer.current);
      const wait = Math.max(0, Math.min(delayMs, pendingSince.current + maxWaitMs - now));
      timer.current = setTimeout(() => void flush(), wait);
    },
    [flush, delayMs, maxWaitMs],
  );

  /** Drops what is pending (submit sends the whole document itself) and waits for a save already under way. */
  const settle = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    pending.current = null;
    pendingSince.current = null;
    while (inflight.current) await inflight.current;
  }, []);

  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
      void flush();
    };
  }, [flush]);

  return { state, schedule, flush, settle };
}
