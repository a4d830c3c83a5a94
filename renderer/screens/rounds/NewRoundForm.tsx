import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { STRATUM_FIELDS, type FieldProblem, type RoundOptions, type RoundPreview, type SizeMethod, type StratumField } from '../../../shared/ipc/rounds';
import { call } from '../../lib/api';
import { useAsync } from '../../lib/useAsync';
import { controlOf, initialForm, toCreate, toDesign, type RoundForm } from './model';
import { PreviewPanel } from './PreviewPanel';

const METHODS: { value: SizeMethod; label: string; hint: string }[] = [
  { value: 'fixed', label: 'Fixed number', hint: 'exactly n incidents' },
  { value: 'percent', label: 'Percentage of the frame', hint: 'rounded up' },
  { value: 'confidence', label: 'Confidence level and margin', hint: 'to estimate a proportion, with finite population correction' },
  { value: 'discovery', label: 'Discovery (zero failures)', hint: 'enough to find at least one failure if they run at the tolerable rate' },
];

const STRATUM_LABELS: Record<StratumField, string> = {
  team: 'Team',
  shift: 'Shift (day 07–15, late 15–23, night 23–07, UK time)',
  category: 'Category (first listed)',
  officer: 'Officer (first listed)',
};

const PREVIEW_DELAY_MS = 200;

/** The live preview of the design: asked again ~200 ms after the last change; the newest answer wins. */
function useLivePreview(design: string): { preview: RoundPreview | null; error: string | null; busy: boolean } {
  const [state, setState] = useState<{ preview: RoundPreview | null; error: string | null; busy: boolean }>({ preview: null, error: null, busy: true });
  const latest = useRef(0);
  useEffect(() => {
    const ticket = ++latest.current;
    setState((s) => ({ ...s, busy: true }));
    const timer = setTimeout(() => {
      call('rounds.preview', JSON.parse(design)).then(
        (preview) => ticket === latest.current && setState({ preview, error: null, busy: false }),
        (e: Error) => ticket === latest.current && setState({ preview: null, error: e.message, busy: false }),
      );
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [design]);
  return state;
}

function toggle<T>(list: readonly T[], value: T, on: boolean): T[] {
  return on ? [...list, value] : list.filter((v) => v !== value);
}

export function NewRoundForm({ onDrawn, onCancel }: { onDrawn(id: number): void; onCancel(): void }) {
  const options = useAsync(() => call('rounds.options', {}), []);
  const [form, setForm] = useState<RoundForm>(() => initialForm());
  const [nameError, setNameError] = useState<string | null>(null);
  const [drawError, setDrawError] = useState<string | null>(null);
  const [drawing, setDrawing] = useState(false);
  const design = useMemo(() => JSON.stringify(toDesign(form)), [form]);
  const live = useLivePreview(design);
  const set = <K extends keyof RoundForm>(key: K, value: RoundForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  const problems: FieldProblem[] = [...(nameError ? [{ field: 'name', message: nameError }] : []), ...(live.preview?.problems ?? [])];
  const errorsFor = (control: string) => problems.filter((p) => controlOf(p.field, form) === control);
  const invalid = (control: string) => (errorsFor(control).length > 0 ? { 'aria-invalid': true, 'aria-describedby': `${control}-error` } : {});
  const describedBy = (control: string) => (errorsFor(control).length > 0 ? { 'aria-describedby': `${control}-error` } : {});
  const fieldError = (control: string) => {
    const mine = errorsFor(control);
    return mine.length === 0 ? null : (
      <p className="error" id={`${control}-error`}>
        {mine.map((p) => p.message).join(' ')}
      </p>
    );
  };

  async function draw(e: FormEvent) {
    e.preventDefault();
    setDrawError(null);
    if (form.name.trim() === '') {
      setNameError('Round name: enter a name, e.g. "Central East — October 2026".');
      document.getElementById('round-name')?.focus();
      return;
    }
    setNameError(null);
    setDrawing(true);
    try {
      const detail = await call('rounds.create', toCreate(form));
      onDrawn(detail.statement.id);
    } catch (err) {
      setDrawError((err as Error).message);
    } finally {
      setDrawing(false);
    }
  }

  const opts: RoundOptions | undefined = options.data;
  return (
    <form className="round-form" onSubmit={draw} noValidate aria-labelledby="new-round-title">
      <h2 id="new-round-title">New round</h2>
      {options.error && <p role="alert" className="error">{options.error.message}</p>}
      <div className="round-form-grid">
        <div>
          <div className="field">
            <label htmlFor="round-name">Round name</label>
            <input id="round-name" type="text" value={form.name} onChange={(e) => set('name', e.target.value)} {...invalid('round-name')} />
            {fieldError('round-name')}
          </div>

          <fieldset className="field" id="round-scope" {...describedBy('round-scope')}>
            <legend>Which incidents (the frame)</legend>
            <div className="field">
              <label htmlFor="round-bcu">BCU</label>
              <select id="round-bcu" value={form.bcu} onChange={(e) => set('bcu', e.target.value)}>
                <option value="">Any BCU</option>
                {opts?.bcus.map((b) => (
                  <option key={b} value={b}>
                    {b}
                  </option>
                ))}
              </select>
            </div>
            <fieldset className="field">
              <legend>Period (UK local dates)</legend>
              {(['month', 'dates', 'all'] as const).map((p) => (
                <div className="radio" key={p}>
                  <input type="radio" id={`round-period-${p}`} name="round-period" checked={form.period === p} onChange={() => set('period', p)} />
                  <label htmlFor={`round-period-${p}`}>{p === 'month' ? 'A month' : p === 'dates' ? 'From and to dates' : 'Any date'}</label>
                </div>
              ))}
              {form.period === 'month' && (
                <div className="field">
                  <label htmlFor="round-month">Month</label>
                  <input id="round-month" type="month" value={form.month} onChange={(e) => set('month', e.target.value)} {...invalid('round-month')} />
                  {fieldError('round-month')}
                </div>
              )}
              {form.period === 'dates' && (
                <div className="round-dates">
                  <div className="field">
                    <label htmlFor="round-from">From</label>
                    <input id="round-from" type="date" value={form.from} onChange={(e) => set('from', e.target.value)} {...invalid('round-from')} />
                    {fieldError('round-from')}
                  </div>
                  <div className="field">
                    <label htmlFor="round-to">To (inclusive)</label>
                    <input id="round-to" type="date" value={form.to} onChange={(e) => set('to', e.target.value)} {...invalid('round-to')} />
                    {fieldError('round-to')}
                  </div>
                </div>
              )}
            </fieldset>
            <Checklist
              legend="Categories (any of)"
              idPrefix="round-category"
              values={opts?.categories ?? []}
              chosen={form.categories}
              empty="The library has no categories yet."
              onChange={(v, on) => set('categories', toggle(form.categories, v, on))}
            />
            <Checklist
              legend="Flags (any of)"
              idPrefix="round-flag"
              values={opts?.flags ?? []}
              chosen={form.flags}
              empty="The library has no flags yet."
              onChange={(v, on) => set('flags', toggle(form.flags, v, on))}
            />
            <div className="radio">
              <input type="checkbox" id="round-include-sampled" checked={form.includeSampled} onChange={(e) => set('includeSampled', e.target.checked)} />
              <label htmlFor="round-include-sampled">Include incidents already sampled in earlier rounds</label>
            </div>
            {fieldError('round-scope')}
          </fieldset>

          <fieldset className="field" id="round-size" {...describedBy('round-size')}>
            <legend>Sample size</legend>
            {METHODS.map((m) => (
              <div className="radio" key={m.value}>
                <input
                  type="radio"
                  id={`round-method-${m.value}`}
                  name="round-method"
                  checked={form.method === m.value}
                  onChange={() => set('method', m.value)}
                  aria-describedby={`round-method-${m.value}-hint`}
                />
                <label htmlFor={`round-method-${m.value}`}>{m.label}</label>
                <span className="hint" id={`round-method-${m.value}-hint`}>
                  — {m.hint}
                </span>
              </div>
            ))}
            <div className="round-inputs">
              {form.method === 'fixed' && <NumberField id="round-n" label="Number of incidents (n)" value={form.n} onChange={(v) => set('n', v)} invalid={invalid} error={fieldError} />}
              {form.method === 'percent' && <NumberField id="round-percent" label="Percentage of the frame (%)" value={form.percent} onChange={(v) => set('percent', v)} invalid={invalid} error={fieldError} />}
              {(form.method === 'confidence' || form.method === 'discovery') && (
                <NumberField id="round-confidence" label="Confidence level (%)" value={form.confidence} onChange={(v) => set('confidence', v)} invalid={invalid} error={fieldError} />
              )}
              {form.method === 'confidence' && (
                <>
                  <NumberField id="round-margin" label="Margin of error (± %)" value={form.margin} onChange={(v) => set('margin', v)} invalid={invalid} error={fieldError} />
                  <NumberField
                    id="round-proportion"
                    label="Expected proportion (%, optional; 50 if empty)"
                    value={form.proportion}
                    onChange={(v) => set('proportion', v)}
                    invalid={invalid}
                    error={fieldError}
                  />
                </>
              )}
              {form.method === 'discovery' && (
                <NumberField id="round-tolerable" label="Tolerable failure rate (%)" value={form.tolerable} onChange={(v) => set('tolerable', v)} invalid={invalid} error={fieldError} />
              )}
            </div>
            {fieldError('round-size')}
          </fieldset>

          <fieldset className="field" id="round-strata" {...describedBy('round-strata')}>
            <legend>Strata (proportional allocation, largest remainders)</legend>
            {STRATUM_FIELDS.map((s) => (
              <div className="radio" key={s}>
                <input
                  type="checkbox"
                  id={`round-stratum-${s}`}
                  checked={form.strata.includes(s)}
                  onChange={(e) => set('strata', toggle(form.strata, s, e.target.checked))}
                />
                <label htmlFor={`round-stratum-${s}`}>{STRATUM_LABELS[s]}</label>
              </div>
            ))}
            <NumberField id="round-min" label="Minimum per stratum" value={form.minPerStratum} onChange={(v) => set('minPerStratum', v)} invalid={invalid} error={fieldError} />
            {fieldError('round-strata')}
          </fieldset>

          <fieldset className="field">
            <legend>Randomness and reviewers</legend>
            <div className="field">
              <label htmlFor="round-seed">Seed (optional)</label>
              <input id="round-seed" type="text" value={form.seed} onChange={(e) => set('seed', e.target.value)} aria-describedby="round-seed-hint" {...invalid('round-seed')} />
              <p className="hint" id="round-seed-hint">
                Leave empty for a fresh seed from the computer's cryptographic source; it is shown in the statement after the draw. Re-use a
                seed to reproduce a draw.
              </p>
              {fieldError('round-seed')}
            </div>
            <fieldset className="field" id="round-reviewers" {...describedBy('round-reviewers')}>
              <legend>Reviewers</legend>
              {opts && opts.users.length === 0 && <p className="hint">Nobody is registered yet.</p>}
              {opts?.users.map((u) => (
                <div className="radio" key={u.id}>
                  <input
                    type="checkbox"
                    id={`round-reviewer-${u.id}`}
                    checked={form.reviewers.includes(u.id)}
                    onChange={(e) => set('reviewers', toggle(form.reviewers, u.id, e.target.checked))}
                  />
                  <label htmlFor={`round-reviewer-${u.id}`}>
                    {u.displayName} ({u.id}, {u.role})
                  </label>
                </div>
              ))}
              {fieldError('round-reviewers')}
            </fieldset>
            <NumberField
              id="round-calibration"
              label="Calibration: share double-scored blind (%)"
              value={form.calibration}
              onChange={(v) => set('calibration', v)}
              invalid={invalid}
              error={fieldError}
            />
          </fieldset>
        </div>

        <PreviewPanel live={live} problems={problems} />
      </div>
      {drawError && (
        <p role="alert" className="error">
          Could not draw the round: {drawError}
        </p>
      )}
      <div className="toolbar">
        <button type="submit" className="primary" disabled={drawing}>
          {drawing ? 'Drawing…' : 'Draw and lock the round'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function NumberField(props: {
  id: string;
  label: string;
  value: string;
  onChange(v: string): void;
  invalid(control: string): object;
  error(control: string): ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input id={props.id} type="text" inputMode="decimal" value={props.value} onChange={(e) => props.onChange(e.target.value)} {...props.invalid(props.id)} />
      {props.error(props.id)}
    </div>
  );
}

function Checklist(props: {
  legend: string;
  idPrefix: string;
  values: readonly string[];
  chosen: readonly string[];
  empty: string;
  onChange(value: string, on: boolean): void;
}) {
  return (
    <fieldset className="field checklist">
      <legend>{props.legend}</legend>
      {props.values.length === 0 && <p className="hint">{props.empty}</p>}
      {props.values.map((v, i) => (
        <div className="radio" key={v}>
          <input type="checkbox" id={`${props.idPrefix}-${i}`} checked={props.chosen.includes(v)} onChange={(e) => props.onChange(v, e.target.checked)} />
          <label htmlFor={`${props.idPrefix}-${i}`}>{v}</label>
        </div>
      ))}
    </fieldset>
  );
}
