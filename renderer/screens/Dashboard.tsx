import { useEffect, useMemo, useState } from 'react';
import type { ScreenProps } from '.';
import type { ReportChoices, ReportScopeInput } from '../../shared/ipc/reports';
import { monthLabel, type ReportDocument } from '../../shared/report/document';
import type { AgreementRow } from '../../shared/report/types';
import { interval, percent, rate, statistic, ukDateTime } from '../../shared/report/format';
import { call } from '../lib/api';
import { useAsync } from '../lib/useAsync';
import { ExportPanel } from './dashboard/ExportPanel';
import { ItemChart } from './dashboard/ItemChart';
import { ItemTable } from './dashboard/ItemTable';
import { TeamsTable } from './dashboard/TeamsTable';
import { TrendTable } from './dashboard/TrendTable';
import './dashboard/dashboard.css';

/** The monthly audit report on screen: the same model, figures and wording as the PDF, with its exports. */
export function DashboardScreen({ info }: ScreenProps) {
  const role = info.user?.role;
  if (role !== 'lead' && role !== 'quality') {
    return (
      <>
        <h1 id="screen-title">Reports</h1>
        <p>
          Monthly audit reports set every reviewer's scores side by side, so they are open to BCU leads and the quality
          team; you are registered as a {role ?? 'visitor'}.
        </p>
      </>
    );
  }
  return <DashboardView />;
}

const ALL_ROUNDS = 'all';

function DashboardView() {
  const choices = useAsync(() => call('reports.choices', {}), []);
  const [bcu, setBcu] = useState('');
  const [month, setMonth] = useState('');
  const [round, setRound] = useState(ALL_ROUNDS);
  const data: ReportChoices | undefined = choices.data;

  const months = data?.bcus.find((b) => b.bcu === bcu)?.months ?? [];
  const rounds = (data?.rounds ?? []).filter((r) => r.bcu === bcu && r.month === month);
  useEffect(() => {
    const first = data?.bcus[0];
    if (bcu === '' && first !== undefined) {
      setBcu(first.bcu);
      setMonth(first.months[0] ?? '');
    }
  }, [data, bcu]);

  const scope = useMemo((): ReportScopeInput | null => {
    if (round !== ALL_ROUNDS) return { kind: 'round', roundId: Number(round) };
    return bcu !== '' && month !== '' ? { kind: 'month', bcu, month } : null;
  }, [bcu, month, round]);

  return (
    <>
      <h1 id="screen-title">Reports</h1>
      {choices.error && (
        <p role="alert" className="error">
          {choices.error.message}
        </p>
      )}
      {choices.loading && !data && <p role="status">Loading BCUs and rounds…</p>}
      {data && data.bcus.length === 0 && <p>No audit round has sampled incidents yet, so there is nothing to report.</p>}
      {data && data.bcus.length > 0 && (
        <div className="toolbar" role="group" aria-label="What to report on">
          <div className="field">
            <label htmlFor="dash-bcu">BCU</label>
            <select
              id="dash-bcu"
              value={bcu}
              onChange={(e) => {
                setBcu(e.target.value);
                setMonth(data.bcus.find((b) => b.bcu === e.target.value)?.months[0] ?? '');
                setRound(ALL_ROUNDS);
              }}
            >
              {data.bcus.map((b) => (
                <option key={b.bcu} value={b.bcu}>
                  {b.bcu}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="dash-month">Month</label>
            <select
              id="dash-month"
              value={month}
              onChange={(e) => {
                setMonth(e.target.value);
                setRound(ALL_ROUNDS);
              }}
            >
              {months.map((m) => (
                <option key={m} value={m}>
                  {monthLabel(m)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="dash-round">Round</label>
            <select id="dash-round" value={round} onChange={(e) => setRound(e.target.value)}>
              <option value={ALL_ROUNDS}>All rounds of the month</option>
              {rounds.map((r) => (
                <option key={r.id} value={String(r.id)}>
                  {r.id}: {r.name} ({r.submitted} submitted)
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
      {scope !== null && <Report scope={scope} />}
    </>
  );
}

function Report({ scope }: { scope: ReportScopeInput }) {
  const key = JSON.stringify(scope);
  const view = useAsync(() => call('reports.view', { scope }), [key]);
  if (view.error) {
    return (
      <p role="alert" className="error">
        {view.error.message}
      </p>
    );
  }
  if (!view.data) return <p role="status">Counting the figures…</p>;
  return <ReportBody doc={view.data} scope={scope} />;
}

/** "Krippendorff's alpha 0.533 (unreliable)", or why it is not defined. */
function alpha(row: AgreementRow): string {
  const f = row.alpha;
  if (f.value === null) return `Krippendorff's alpha not defined (${f.reason ?? 'no pairs'})`;
  return `Krippendorff's alpha ${statistic(f.value)}${f.band === null ? '' : ` (${f.band})`}`;
}

function ReportBody({ doc, scope }: { doc: ReportDocument; scope: ReportScopeInput }) {
  const { model, meta } = doc;
  const s = model.summary;
  const c = model.completion;
  const a = model.agreement;
  return (
    <div className="dash">
      <p className="hint">
        {meta.title} · rubric {model.rubric.id} v{model.rubric.version} · data as at {ukDateTime(meta.asAt)} · report{' '}
        <code>{meta.reportId}</code>
      </p>

      <section aria-labelledby="dash-esc" className={model.escalations.length > 0 ? 'panel dash-escalations' : 'panel'}>
        <h2 id="dash-esc">Safeguarding escalations ({model.escalations.length})</h2>
        {model.escalations.length === 0 ? (
          <p>No reviewer flagged a safeguarding escalation.</p>
        ) : (
          <>
            <p>
              <strong>A child may be at live risk and was not referred.</strong> Each needs a decision by the BCU
              safeguarding lead. Notes are shown only in an export made with notes.
            </p>
            <ul>
              {model.escalations.map((e) => (
                <li key={`${e.incidentId}:${e.reviewerId}`}>
                  <strong>{e.reference}</strong> — flagged by {e.reviewerId}, {ukDateTime(e.submittedAt)}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="dash-headline">
        <h2 id="dash-headline">Headline</h2>
        <ul className="dash-facts">
          <li>
            {s.reviewsSubmitted} submitted reviews; {s.incidentsCounted} incidents counted ({s.inScope} in scope, {s.outOfScope} out of scope)
          </li>
          <li>
            Completion: {c.submitted} of {c.sampled} sampled incidents — {rate(c.rate)} ({interval(c.rate)})
          </li>
          {model.overall.options.map((o) => (
            <li key={o.value}>
              {o.label}: {o.count} — {rate(o.share)} ({interval(o.share)})
            </li>
          ))}
        </ul>
        {model.notes.length > 0 && (
          <details className="dash-notes">
            <summary>Notes on the figures ({model.notes.length})</summary>
            <ul>
              {model.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          </details>
        )}
      </section>

      <section aria-labelledby="dash-items">
        <h2 id="dash-items">Compliance per item</h2>
        <ItemChart items={model.items} />
        <ItemTable model={model} />
      </section>

      <section aria-labelledby="dash-trend">
        <h2 id="dash-trend">Six-month trend</h2>
        <TrendTable model={model} />
      </section>

      <section aria-labelledby="dash-teams">
        <h2 id="dash-teams">Teams</h2>
        <TeamsTable model={model} />
      </section>

      <section aria-labelledby="dash-agreement">
        <h2 id="dash-agreement">Reviewer agreement</h2>
        {a.incidents === 0 ? (
          <p>No incident has two submitted reviews in this period.</p>
        ) : (
          <p>
            {a.incidents} double-scored incidents, {a.reviewers} reviewers. All items pooled ({a.pooled.units} incident × item units):
            agreement {a.pooled.percent.value === null ? '–' : percent(a.pooled.percent.value)}, {alpha(a.pooled)}. Overall judgement:{' '}
            {alpha(a.overall)}. Every item is in the PDF and on the Calibration screen.
          </p>
        )}
      </section>

      <ExportPanel scope={scope} />
    </div>
  );
}
