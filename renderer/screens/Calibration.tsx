import { useEffect, useState } from 'react';
import type { ScreenProps } from '.';
import { call } from '../lib/api';
import { useAsync } from '../lib/useAsync';
import { CompareIncident } from './calibration/CompareIncident';
import { DeviationTable } from './calibration/DeviationTable';
import { alphaWithInterval, plural } from './calibration/format';
import { QuestionTable } from './calibration/QuestionTable';
import './calibration/calibration.css';

/** Do the reviewers who double-scored the same incidents answer alike, where not, and who scores harder? */
export function CalibrationScreen({ info }: ScreenProps) {
  const role = info.user?.role;
  if (role !== 'quality' && role !== 'lead') {
    return (
      <>
        <h1 id="screen-title">Calibration</h1>
        <p>
          Calibration compares how reviewers scored the incidents they double-scored, and names who scores harsher or
          more leniently. It is open to the quality team and BCU leads; you are registered as a {role ?? 'visitor'}.
        </p>
      </>
    );
  }
  return <CalibrationView />;
}

function CalibrationView() {
  const rounds = useAsync(() => call('calibration.rounds', {}), []);
  const [roundId, setRoundId] = useState<number | null>(null);
  const list = rounds.data?.rounds ?? [];
  useEffect(() => {
    if (roundId === null && list.length > 0) setRoundId(list[0]!.id);
  }, [list, roundId]);

  return (
    <>
      <h1 id="screen-title">Calibration</h1>
      {rounds.error && <p role="alert" className="error">{rounds.error.message}</p>}
      {rounds.loading && !rounds.data && <p role="status">Loading rounds…</p>}
      {rounds.data && list.length === 0 && <p>No audit round has been drawn yet, so there is nothing to calibrate.</p>}
      {list.length > 0 && (
        <div className="toolbar">
          <div className="field">
            <label htmlFor="cal-round">Round</label>
            <select id="cal-round" value={roundId ?? ''} onChange={(e) => setRoundId(Number(e.target.value))}>
              {list.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name} — {plural(r.calibrationIncidents, 'calibration incident')}, {r.doubleScored} double-scored
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
      {roundId !== null && <RoundCalibration roundId={roundId} />}
    </>
  );
}

function RoundCalibration({ roundId }: { roundId: number }) {
  const summary = useAsync(() => call('calibration.summary', { roundId }), [roundId]);
  const compare = useAsync(() => call('calibration.compare', { roundId }), [roundId]);
  const [onlyDiffering, setOnlyDiffering] = useState(true);
  if (summary.error || compare.error) {
    return (
      <p role="alert" className="error">
        {(summary.error ?? compare.error)!.message}
      </p>
    );
  }
  if (!summary.data || !compare.data) return <p role="status">Computing agreement…</p>;
  const s = summary.data;
  if (s.incidents.calibration === 0) {
    return <p>This round has no calibration incidents: none was assigned to two reviewers.</p>;
  }
  return (
    <>
      <p>
        {plural(s.incidents.calibration, 'calibration incident')}, {s.incidents.doubleScored} with two or more submitted
        reviews, {plural(s.reviewers, 'reviewer')}. Answers are ordered yes &gt; partly &gt; no and good &gt; requires
        improvement &gt; inadequate; “not applicable”, “not visible” and items out of scope count as missing. Bands:
        Krippendorff's α of .800 or more is reliable, .667 to .800 tentative, below that unreliable; AC1 on Landis &amp;
        Koch's scale (slight, fair, moderate, substantial, almost perfect).
      </p>
      {s.excludedReviews.length > 0 && (
        <div className="panel" role="note">
          <p>Reviews left out of the figures:</p>
          <ul>
            {s.excludedReviews.map((e) => (
              <li key={`${e.incidentId}:${e.reviewerId}`}>
                Incident {e.incidentId}, {e.reviewerId}: {e.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      <h2>Overall</h2>
      <ul className="cal-intervals">
        {[s.allItems, s.scope, s.overall].map((q) => (
          <li key={q.key}>
            {q.label}: {alphaWithInterval(q)}
          </li>
        ))}
      </ul>
      <div className="cal-scroll">
        <QuestionTable caption="Agreement on the whole rubric, the scope question and the overall judgement" rows={[s.allItems, s.scope, s.overall]} ranked={false} />
      </div>
      <h2>Items, most disagreement first</h2>
      <div className="cal-scroll">
        <QuestionTable caption="Agreement per item, ranked from least to most agreement (lowest α first)" rows={s.items} ranked />
      </div>
      <h2>Reviewers</h2>
      {s.deviation.length === 0 ? (
        <p>No reviewer has submitted a calibration review yet.</p>
      ) : (
        <div className="cal-scroll">
          <DeviationTable rows={s.deviation} />
        </div>
      )}
      <h2>Incident by incident</h2>
      <div className="radio">
        <input type="checkbox" id="cal-only-differing" checked={onlyDiffering} onChange={(e) => setOnlyDiffering(e.target.checked)} />
        <label htmlFor="cal-only-differing">Show only the questions where answers differ</label>
      </div>
      {compare.data.incidents.map((incident) => (
        <CompareIncident key={incident.incidentId} roundId={roundId} incident={incident} onlyDiffering={onlyDiffering} />
      ))}
    </>
  );
}
