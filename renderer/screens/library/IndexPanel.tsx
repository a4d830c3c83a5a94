import { useEffect, useState, type FormEvent } from 'react';
import type { EventPayload } from '../../../shared/ipc/events';
import type { IndexSummary } from '../../../shared/ipc/library';
import { call, onEvent } from '../../lib/api';
import { useAsync } from '../../lib/useAsync';

const lines = (s: string) => s.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

/**
 * Library roots and the index/re-index action. Progress (files, files per second, time left) arrives as events while
 * the core works in its own thread, so the rest of the screen stays usable.
 */
export function IndexPanel({ onIndexed }: { onIndexed(): void }) {
  const roots = useAsync(() => call('library.roots', {}), []);
  const [folders, setFolders] = useState('');
  const [manifests, setManifests] = useState('');
  const [hash, setHash] = useState(false);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<EventPayload<'index.progress'> | null>(null);
  const [summary, setSummary] = useState<IndexSummary | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => onEvent('index.progress', setProgress), []);

  async function run(rootPaths: string[], manifestPaths: string[]) {
    if (rootPaths.length === 0) {
      setError('Enter at least one footage folder.');
      return;
    }
    setBusy(true);
    setError(null);
    setSummary(null);
    try {
      const s = await call('library.index', { roots: rootPaths, manifests: manifestPaths, hash });
      setSummary(s);
      roots.reload();
      onIndexed();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function choose(kind: 'folders' | 'csv') {
    try {
      const picked = await call('dialog.choosePaths', { kind });
      if (picked.length === 0) return;
      const add = (prev: string) => [...lines(prev), ...picked].join('\n');
      if (kind === 'folders') setFolders(add);
      else setManifests(add);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    void run(lines(folders), lines(manifests));
  }

  const known = roots.data ?? [];
  return (
    <section className="panel index-panel" aria-labelledby="index-title">
      <h2 id="index-title">Footage folders</h2>
      {known.length > 0 ? (
        <ul>
          {known.map((r) => (
            <li key={r.id}>
              <code>{r.path}</code> — {r.clips.toLocaleString('en-GB')} clips{r.missing ? `, ${r.missing} missing` : ''}
              {r.lastIndexedAt ? `, indexed ${new Date(r.lastIndexedAt).toLocaleString('en-GB', { timeZone: 'Europe/London' })}` : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p>No footage folders yet.</p>
      )}
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor="ix-folders">Folders to index (one per line)</label>
          <textarea id="ix-folders" value={folders} onChange={(e) => setFolders(e.target.value)} aria-describedby="ix-folders-hint" />
          <button type="button" onClick={() => void choose('folders')}>
            Choose folders…
          </button>
          <p className="hint" id="ix-folders-hint">
            Footage is never copied: the library stores where each clip is and what its headers say.
          </p>
        </div>
        <div className="field">
          <label htmlFor="ix-manifests">Force export CSV files (optional, one per line)</label>
          <textarea id="ix-manifests" value={manifests} onChange={(e) => setManifests(e.target.value)} />
          <button type="button" onClick={() => void choose('csv')}>
            Choose CSV files…
          </button>
        </div>
        <div className="field radio">
          <input id="ix-hash" type="checkbox" checked={hash} onChange={(e) => setHash(e.target.checked)} />
          <label htmlFor="ix-hash">Compute a full SHA-256 of every clip (slower; for evidential integrity)</label>
        </div>
        <button type="submit" className="primary" disabled={busy}>
          Index these folders
        </button>
        <button type="button" disabled={busy || known.length === 0} onClick={() => void run(known.map((r) => r.path), [])}>
          Re-index all folders
        </button>
        {busy && (
          <button type="button" onClick={() => void call('library.cancelIndex', {})}>
            Cancel indexing
          </button>
        )}
      </form>
      {busy && progress && (
        <div className="index-progress">
          <progress max={progress.total ?? undefined} value={progress.files} aria-label="Indexing progress" />{' '}
          <span>
            {progress.phase}: {progress.files.toLocaleString('en-GB')}
            {progress.total ? ` of ${progress.total.toLocaleString('en-GB')}` : ''} files · {Math.round(progress.filesPerSec)} files/s
            {progress.etaSec !== null ? ` · about ${Math.ceil(progress.etaSec)} s left` : ''}
          </span>
        </div>
      )}
      <p role="status" aria-live="polite">
        {busy ? 'Indexing…' : summary ? `${summary.status === 'cancelled' ? 'Indexing cancelled; kept what was done' : 'Indexed'}: ${summary.scanned} files scanned, ${summary.added} added, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.moved} moved, ${summary.missing} missing, ${summary.skipped.length} skipped; ${summary.incidents} incidents (${(summary.durationMs / 1000).toFixed(1)} s).` : ''}
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
