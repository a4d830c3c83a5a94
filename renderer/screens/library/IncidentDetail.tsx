import { call } from '../../lib/api';
import { useAsync } from '../../lib/useAsync';

const ukDateTime = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString('en-GB', { timeZone: 'Europe/London', dateStyle: 'medium', timeStyle: 'medium' }) : 'unknown';
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** One incident with every clip and what its headers and the export said. */
export function IncidentDetailPanel({ id }: { id: number | null }) {
  const detail = useAsync(() => (id === null ? Promise.resolve(null) : call('incidents.get', { id })), [id]);
  const d = detail.data;
  return (
    <section className="panel incident-detail" aria-labelledby="detail-title" aria-live="polite">
      <h2 id="detail-title">{d ? `Incident ${d.reference ?? `#${d.id}`}` : 'Incident'}</h2>
      {id === null && <p className="hint">Choose an incident in the table to see its clips.</p>}
      {detail.error && <p className="error" role="alert">{detail.error.message}</p>}
      {d && (
        <>
          <dl>
            <dt>Started</dt>
            <dd>{ukDateTime(d.startedAt)}</dd>
            <dt>BCU / team</dt>
            <dd>
              {d.bcu ?? '—'} / {d.team ?? '—'}
            </dd>
            <dt>Officers</dt>
            <dd>{d.officers.join(', ') || '—'}</dd>
            <dt>Categories</dt>
            <dd>{d.categories.join('; ') || '—'}</dd>
            <dt>Flags</dt>
            <dd>{d.flags.join(', ') || 'none'}</dd>
            <dt>References</dt>
            <dd>{d.references.join(', ') || 'none'}</dd>
            <dt>Grouped by</dt>
            <dd>{d.manual ? 'a person (merge/split)' : d.source}</dd>
          </dl>
          <h3>Clips ({d.clips.length})</h3>
          <ul className="clip-list">
            {d.clips.map((c) => (
              <li key={c.id}>
                <strong>{c.officer ?? 'Unknown officer'}</strong> · {c.serial ?? c.make ?? 'camera unknown'} · {ukDateTime(c.recordedAt)}
                <br />
                <span className="hint">
                  {c.relPath} · {c.durationSec !== null ? `${Math.round(c.durationSec)} s` : 'duration unknown'} ·{' '}
                  {c.width && c.height ? `${c.width}×${c.height}` : 'size unknown'} · {c.videoCodec ?? '?'}/{c.audioCodec ?? '?'} · {mb(c.size)}
                </span>
                {c.status === 'missing' && <p className="error">File missing since the last index (scores are kept).</p>}
                {!c.playable && c.status !== 'missing' && <p className="error">Cannot play in the app: {c.unplayableReason}</p>}
              </li>
            ))}
          </ul>
          {d.evidence.length > 0 && (
            <>
              <h3>Export rows ({d.evidence.length})</h3>
              <ul className="clip-list">
                {d.evidence.map((e) => (
                  <li key={e.evidenceId}>
                    {e.evidenceId}: {e.title ?? 'untitled'}
                    {e.timeFlag && (
                      <p className="error">
                        Recorded time fell in the {e.timeFlag === 'ambiguous' ? 'repeated hour when the clocks went back' : 'skipped hour when the clocks went forward'}; check the time.
                      </p>
                    )}
                    <br />
                    <span className="hint">
                      {e.source}, line {e.line}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
