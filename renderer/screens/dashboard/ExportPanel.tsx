import { useState } from 'react';
import type { ExportKindInput, ReportScopeInput } from '../../../shared/ipc/reports';
import type { Output } from '../../../shared/ipc/contract';
import { DEFAULT_MARKING } from '../../../shared/report/document';
import { call } from '../../lib/api';

const KINDS: { kind: ExportKindInput; label: string }[] = [
  { kind: 'pdf', label: 'Export PDF' },
  { kind: 'answers-csv', label: 'Export answers CSV' },
  { kind: 'summary-csv', label: 'Export summary CSV' },
];

/**
 * Exports go to the exports folder beside the database (the app never writes where the window says), and each is
 * logged as a disclosure with its recipient, so the recipient is required before any button does anything.
 */
export function ExportPanel({ scope }: { scope: ReportScopeInput }) {
  const [recipient, setRecipient] = useState('');
  const [includeNotes, setIncludeNotes] = useState(false);
  const [marking, setMarking] = useState(DEFAULT_MARKING);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState<ExportKindInput | null>(null);
  const [done, setDone] = useState<{ result: Output<'reports.export'>; to: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run(kind: ExportKindInput): Promise<void> {
    setDone(null);
    setError(null);
    if (recipient.trim() === '') {
      setMissing(true);
      document.getElementById('dash-recipient')?.focus();
      return;
    }
    setMissing(false);
    setBusy(kind);
    try {
      const to = recipient.trim();
      const result = await call('reports.export', { scope, kinds: [kind], recipient: to, includeNotes, marking: marking.trim() || DEFAULT_MARKING });
      setDone({ result, to });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="panel dash-export" aria-labelledby="dash-export-title">
      <h2 id="dash-export-title">Export</h2>
      <p className="hint">
        Every export is recorded in the audit log as a disclosure, with the recipient and the file's SHA-256. Files are
        written to the exports folder beside the database.
      </p>
      <div className="toolbar">
        <div className="field">
          <label htmlFor="dash-recipient">Recipient (required)</label>
          <input
            id="dash-recipient"
            type="text"
            value={recipient}
            required
            aria-required="true"
            aria-invalid={missing}
            aria-describedby={missing ? 'dash-recipient-error' : undefined}
            maxLength={200}
            size={32}
            onChange={(e) => setRecipient(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="dash-marking">Protective marking</label>
          <input id="dash-marking" type="text" value={marking} maxLength={60} size={22} onChange={(e) => setMarking(e.target.value)} />
        </div>
        <div className="field dash-check">
          <input id="dash-notes" type="checkbox" checked={includeNotes} onChange={(e) => setIncludeNotes(e.target.checked)} />
          <label htmlFor="dash-notes">Include reviewers' free-text notes</label>
        </div>
      </div>
      {missing && (
        <p id="dash-recipient-error" className="error">
          Say who the export is for (a person, role or board) before exporting.
        </p>
      )}
      <div className="toolbar">
        {KINDS.map((k) => (
          <button key={k.kind} type="button" className={k.kind === 'pdf' ? 'primary' : undefined} disabled={busy !== null} onClick={() => void run(k.kind)}>
            {busy === k.kind ? 'Exporting…' : k.label}
          </button>
        ))}
      </div>
      <div role="status" aria-live="polite">
        {done !== null &&
          done.result.files.map((f) => (
            <p key={f.file} className="dash-written">
              Written: <code>{f.file}</code> ({f.bytes.toLocaleString('en-GB')} bytes, SHA-256 <code>{f.sha256.slice(0, 16)}…</code>), recorded as a
              disclosure to {done.to}.
            </p>
          ))}
      </div>
      {error !== null && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
