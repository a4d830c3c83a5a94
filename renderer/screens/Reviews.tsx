import { useState } from 'react';
import type { ScreenProps } from '.';
import { call } from '../lib/api';
import { useAsync } from '../lib/useAsync';
import { Queue, type OpenTarget } from './review/Queue';
import { Workspace } from './review/Workspace';
import './review/review.css';

/** "My reviews": the queue of assigned incidents, and the workspace where one is watched and scored. */
export function ReviewsScreen(_props: ScreenProps) {
  const [open, setOpen] = useState<OpenTarget | null>(null);
  if (open) return <Workspace target={open} onOpen={setOpen} onBack={() => setOpen(null)} />;
  return <QueueScreen onOpen={setOpen} />;
}

function QueueScreen({ onOpen }: { onOpen(t: OpenTarget): void }) {
  const queue = useAsync(() => call('reviews.queue', {}), []);
  return (
    <>
      <h1 id="screen-title">My reviews</h1>
      {queue.error && (
        <p className="error" role="alert">
          {queue.error.message}
        </p>
      )}
      {queue.loading && !queue.data && <p role="status">Loading your reviews…</p>}
      {queue.data && <Queue rounds={queue.data.rounds} onOpen={onOpen} />}
    </>
  );
}
