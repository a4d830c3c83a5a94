import type { FieldProblem, RoundPreview } from '../../../shared/ipc/rounds';
import { AllocationTable } from './AllocationTable';
import { plural } from './format';

/** What the design would draw, kept current as the form changes; problems are listed in words, never by colour. */
export function PreviewPanel({ live, problems }: { live: { preview: RoundPreview | null; error: string | null; busy: boolean }; problems: FieldProblem[] }) {
  const p = live.preview;
  return (
    <section className="panel round-preview" aria-labelledby="round-preview-title">
      <h3 id="round-preview-title">Preview</h3>
      {problems.length > 0 && (
        <div role="alert" className="round-problems">
          <p className="error">Problem{problems.length === 1 ? '' : 's'} to fix before drawing:</p>
          <ul>
            {problems.map((x) => (
              <li key={`${x.field}:${x.message}`}>{x.message}</li>
            ))}
          </ul>
        </div>
      )}
      {live.error && (
        <p role="alert" className="error">
          The preview failed: {live.error}
        </p>
      )}
      <div role="status" aria-live="polite" aria-busy={live.busy}>
        {!p && !live.error && <p>Working out the frame…</p>}
        {p && (
          <>
            <p className="round-figure">
              Frame: <strong>{p.frameSize === null ? 'not known until the dates are right' : plural(p.frameSize, 'incident')}</strong>
            </p>
            {p.size && (
              <>
                <p className="round-figure">
                  Sample size: <strong>n = {p.size.n.toLocaleString('en-GB')}</strong>
                  {p.size.takeAll ? ' (the whole frame)' : ''}
                </p>
                <p className="round-why">{p.size.explanation}</p>
              </>
            )}
          </>
        )}
      </div>
      {p?.allocation && (
        <AllocationTable
          caption={`Allocation over ${plural(p.allocation.length, 'stratum', 'strata')}${p.proportional ? ' (proportional)' : ' (not proportional: estimates are weighted)'}`}
          rows={p.allocation}
        />
      )}
      {p && <p className="hint">Preview computed in {p.elapsedMs} ms.</p>}
    </section>
  );
}
