import { useEffect, useRef, useState } from 'react';
import type { RoundDetail, RoundStatement, RoundVerification, SizeRequest } from '../../../shared/ipc/rounds';
import { call } from '../../lib/api';
import { useAsync } from '../../lib/useAsync';
import { AllocationTable } from './AllocationTable';
import { listOrAny, percent, plural, ukDateTime } from './format';
import { ScrollBox } from './ScrollBox';

function sizeMethod(r: SizeRequest): string {
  switch (r.method) {
    case 'fixed':
      return `Fixed number: n = ${r.n}`;
    case 'percent':
      return `Percentage of the frame: ${r.percent}%`;
    case 'confidence':
      return `Confidence ${percent(r.confidence ?? 0)}, margin ±${percent(r.margin ?? 0)}, expected proportion ${percent(r.proportion ?? 0.5)}`;
    case 'discovery':
      return `Discovery sampling: confidence ${percent(r.confidence ?? 0)}, tolerable failure rate ${percent(r.tolerableRate ?? 0)}`;
  }
}

function StatementList({ s }: { s: RoundStatement }) {
  const f = s.filters;
  const rows: [string, React.ReactNode][] = [
    ['Status', s.status === 'drawn' ? 'Drawn and locked (drawing again makes a new round)' : 'Closed'],
    ['Drawn by', `${s.drawnBy}, ${ukDateTime(s.drawnAt)} (UK time; stored as ${s.drawnAt})`],
    ['BCU', f.bcu ?? 'any'],
    ['Dates (UK local, inclusive)', f.from || f.to ? `${f.from ?? 'open'} to ${f.to ?? 'open'}` : 'any'],
    ['Categories (any of)', listOrAny(f.categories)],
    ['Flags (any of)', listOrAny(f.flags)],
    ['Teams', listOrAny(f.teams)],
    ['Officers', listOrAny(f.officers)],
    ['Incidents sampled in earlier rounds', f.includePreviouslySampled ? 'included' : 'excluded'],
    ['Frame size', plural(s.frameSize, 'incident')],
    ['Frame hash (SHA-256 of the sorted incident ids, one per line)', <code className="hash">{s.frameHash}</code>],
    ['Size method and inputs', sizeMethod(s.size.request)],
    ['Sample size', `n = ${s.size.outcome.n}${s.size.outcome.takeAll ? ' — the whole frame is reviewed' : ''}`],
    ['Why this size', s.size.outcome.explanation],
    ['Strata', s.strata.length === 0 ? 'none (one stratum, "all")' : s.strata.join(' | ')],
    ['Minimum per stratum', String(s.minPerStratum)],
    ['Allocation', s.proportional ? 'proportional to stratum size' : 'not proportional: estimates are weighted by N_h/n_h'],
    ['Algorithm', `${s.algorithm.id} version ${s.algorithm.version}, PRNG ${s.algorithm.prng}`],
    ['Seed', <><code>{s.seed}</code>{s.seedGenerated ? ' (generated from the cryptographic source; none was given)' : ' (given)'}</>],
    ['Calibration', `${plural(s.calibration.incidents, 'incident')} double-scored blind${s.calibration.fraction !== null ? ` (${percent(s.calibration.fraction)} asked)` : ''}`],
    ['Rubric', `${s.rubric.id} version ${s.rubric.version}`],
    ['Reviewers', s.reviewers.length === 0 ? 'none assigned' : s.reviewers.map((r) => (r.officerIds.length ? `${r.id} (officer ${r.officerIds.join(', ')})` : r.id)).join('; ')],
    ['Assignment method', s.assignmentMethod],
    ['Re-derive it', <code>{s.verifyCommand}</code>],
  ];
  return (
    <dl className="round-statement">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function VerifyPanel({ id }: { id: number }) {
  const [result, setResult] = useState<RoundVerification | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function verify() {
    setBusy(true);
    setError(null);
    try {
      setResult(await call('rounds.verify', { id }));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="panel">
      <button type="button" onClick={verify} disabled={busy}>
        {busy ? 'Verifying…' : "Verify against today's library"}
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div role="status" aria-live="polite">
        {result && (
          <>
            <p>
              <strong>{result.identical ? 'Identical.' : 'Differs.'}</strong>
            </p>
            <ul>
              {result.findings.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}

function AssignmentTable({ d }: { d: RoundDetail }) {
  return (
    <ScrollBox label="Sample in draw order, with who reviews each incident">
      <table className="round-table">
        <caption>Sample in draw order, with who reviews each incident</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              Draw
            </th>
            <th scope="col">Incident</th>
            <th scope="col">Started (UK)</th>
            <th scope="col">Stratum</th>
            <th scope="col">Reviewers</th>
            <th scope="col">Calibration</th>
          </tr>
        </thead>
        <tbody>
          {d.incidents.map((i) => (
            <tr key={i.incidentId}>
              <td className="num">{i.drawOrder}</td>
              <th scope="row">{i.reference ?? `Incident ${i.incidentId}`}</th>
              <td>{ukDateTime(i.startedAt)}</td>
              <td>{i.stratum}</td>
              <td>{i.reviewers.length === 0 ? 'not assigned' : i.reviewers.join(', ')}</td>
              <td>{i.calibration ? 'Yes, double-scored' : 'No'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

function ProgressTable({ d }: { d: RoundDetail }) {
  if (d.progress.length === 0) return <p>No reviewers were assigned to this round.</p>;
  return (
    <ScrollBox label="Progress per reviewer">
      <table className="round-table">
        <caption>Progress per reviewer</caption>
        <thead>
          <tr>
            <th scope="col">Reviewer</th>
            <th scope="col" className="num">
              Assigned
            </th>
            <th scope="col" className="num">
              Of which calibration
            </th>
            <th scope="col" className="num">
              Not started
            </th>
            <th scope="col" className="num">
              Draft
            </th>
            <th scope="col" className="num">
              Submitted
            </th>
          </tr>
        </thead>
        <tbody>
          {d.progress.map((p) => (
            <tr key={p.reviewerId}>
              <th scope="row">{p.displayName ? `${p.displayName} (${p.reviewerId})` : p.reviewerId}</th>
              <td className="num">{p.assigned}</td>
              <td className="num">{p.calibration}</td>
              <td className="num">{p.notStarted}</td>
              <td className="num">{p.draft}</td>
              <td className="num">{p.submitted}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

/** A drawn round: its statement (everything an auditor needs), allocation, assignments and progress. */
export function RoundView({ id, onBack }: { id: number; onBack(): void }) {
  const round = useAsync(() => call('rounds.get', { id }), [id]);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (round.data) heading.current?.focus();
  }, [round.data]);
  if (round.error) {
    return (
      <>
        <p role="alert" className="error">
          {round.error.message}
        </p>
        <button type="button" onClick={onBack}>
          Back to the rounds
        </button>
      </>
    );
  }
  if (!round.data) return <p role="status">Loading round {id}…</p>;
  const d = round.data;
  const s = d.statement;
  return (
    <article className="round-view" aria-labelledby="round-view-title">
      <button type="button" onClick={onBack}>
        Back to the rounds
      </button>
      <h2 id="round-view-title" tabIndex={-1} ref={heading}>
        Round {s.id}: {s.name}
      </h2>
      <p>
        {plural(s.size.outcome.n, 'incident')} drawn from a frame of {plural(s.frameSize, 'incident')} with seed <code>{s.seed}</code>. Anyone
        can re-derive this sample with <code>{s.verifyCommand}</code>.
      </p>
      <h3>Statement</h3>
      <StatementList s={s} />
      <VerifyPanel id={s.id} />
      <h3>Allocation</h3>
      <AllocationTable caption={`Allocation over ${plural(s.allocation.length, 'stratum', 'strata')}`} rows={s.allocation} />
      <h3>Progress</h3>
      <ProgressTable d={d} />
      <h3>Assignment</h3>
      <AssignmentTable d={d} />
    </article>
  );
}
