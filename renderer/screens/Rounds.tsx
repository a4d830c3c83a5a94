import { useState } from 'react';
import type { ScreenProps } from '.';
import { call } from '../lib/api';
import { useAsync } from '../lib/useAsync';
import { NewRoundForm } from './rounds/NewRoundForm';
import { RoundView } from './rounds/RoundView';
import { plural, ukDateTime } from './rounds/format';
import './rounds.css';
import { ScrollBox } from './rounds/ScrollBox';

type View = { kind: 'list' } | { kind: 'new' } | { kind: 'round'; id: number };

/** Audit rounds: the list, a new round with a live preview, and each drawn round's statement and progress. */
export function RoundsScreen({ info }: ScreenProps) {
  const [view, setView] = useState<View>({ kind: 'list' });
  const canDraw = info.user?.role === 'lead' || info.user?.role === 'quality';
  return (
    <>
      <h1 id="screen-title">Rounds</h1>
      {view.kind === 'list' && <RoundList canDraw={canDraw} role={info.user?.role ?? 'visitor'} onNew={() => setView({ kind: 'new' })} onOpen={(id) => setView({ kind: 'round', id })} />}
      {view.kind === 'new' && <NewRoundForm onDrawn={(id) => setView({ kind: 'round', id })} onCancel={() => setView({ kind: 'list' })} />}
      {view.kind === 'round' && <RoundView id={view.id} onBack={() => setView({ kind: 'list' })} />}
    </>
  );
}

function RoundList({ canDraw, role, onNew, onOpen }: { canDraw: boolean; role: string; onNew(): void; onOpen(id: number): void }) {
  const rounds = useAsync(() => call('rounds.list', {}), []);
  return (
    <>
      <div className="toolbar">
        {canDraw ? (
          <button type="button" className="primary" onClick={onNew}>
            New round
          </button>
        ) : (
          <p className="hint">Rounds are drawn by BCU leads and the quality team; you are registered as a {role}.</p>
        )}
      </div>
      {rounds.error && (
        <p role="alert" className="error">
          {rounds.error.message}
        </p>
      )}
      {rounds.loading && !rounds.data && <p role="status">Loading rounds…</p>}
      {rounds.data && rounds.data.length === 0 && <p>No audit round has been drawn yet.</p>}
      {rounds.data && rounds.data.length > 0 && (
        <ScrollBox label="Audit rounds, newest first">
          <table className="round-table">
            <caption>Audit rounds, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Round</th>
                <th scope="col">Drawn</th>
                <th scope="col">Sample</th>
                <th scope="col">Seed</th>
                <th scope="col">Reviewers</th>
                <th scope="col">Submitted</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {rounds.data.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <button type="button" className="linkish" onClick={() => onOpen(r.id)}>
                      {r.id}: {r.name}
                    </button>
                  </th>
                  <td>
                    {ukDateTime(r.drawnAt)} by {r.drawnBy}
                  </td>
                  <td>
                    {r.n.toLocaleString('en-GB')} of {plural(r.frameSize, 'incident')}
                  </td>
                  <td>
                    <code>{r.seed}</code>
                  </td>
                  <td>{r.reviewers}</td>
                  <td>
                    {r.submitted} of {r.assigned}
                  </td>
                  <td>{r.status === 'drawn' ? 'Drawn, locked' : 'Closed'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </>
  );
}
