import { useState, type FormEvent } from 'react';
import type { Role } from '../../shared/ipc/app';
import { call } from '../lib/api';

const ROLES: { value: Role; label: string; hint: string }[] = [
  { value: 'reviewer', label: 'Reviewer', hint: 'Supervisor who watches footage and scores incidents' },
  { value: 'lead', label: 'BCU lead', hint: 'Creates audit rounds and exports monthly reports' },
  { value: 'quality', label: 'Quality team', hint: 'Double-scores, compares reviewers, maintains rubrics' },
];

/** First start: who is using this workstation account. Attribution for the audit log, not a password login. */
export function FirstRun({ account, onDone }: { account: string; onDone(): void }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('reviewer');
  const [officers, setOfficers] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) {
      setError('Enter your name.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await call('users.register', {
        displayName: name.trim(),
        role,
        officerIds: officers.split(/[\s,;]+/).filter(Boolean),
      });
      onDone();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="firstrun" id="main">
      <h1 id="screen-title">Welcome to BWC Dip Sampler</h1>
      <p>
        Actions in this tool are recorded in an audit log under the workstation account <strong>{account}</strong>. Tell us
        who you are so reviews and reports carry your name. This identifies you; it is not a password login.
      </p>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="fr-name">Your name and rank</label>
          <input
            id="fr-name"
            autoFocus
            autoComplete="name"
            value={name}
            maxLength={200}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={error && !name.trim() ? true : undefined}
            aria-describedby={error ? 'fr-error' : undefined}
          />
        </div>
        <fieldset className="field">
          <legend>Your role</legend>
          {ROLES.map((r) => (
            <div key={r.value} className="radio">
              <input type="radio" id={`fr-role-${r.value}`} name="role" value={r.value} checked={role === r.value} onChange={() => setRole(r.value)} />
              <label htmlFor={`fr-role-${r.value}`}>
                {r.label} <span className="hint">— {r.hint}</span>
              </label>
            </div>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="fr-officers">Your collar or warrant numbers (optional)</label>
          <p className="hint" id="fr-officers-hint">
            You will never be assigned footage in which you appear as an officer. Separate several with commas.
          </p>
          <input id="fr-officers" value={officers} maxLength={400} onChange={(e) => setOfficers(e.target.value)} aria-describedby="fr-officers-hint" />
        </div>
        {error && (
          <p className="error" role="alert" id="fr-error">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          Continue
        </button>
      </form>
    </main>
  );
}
