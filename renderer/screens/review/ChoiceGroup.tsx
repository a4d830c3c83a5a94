export interface Choice<T extends string> {
  value: T | null;
  label: string;
  help?: string;
}

interface Props<T extends string> {
  /** Unique in the page: radio names and ids derive from it. */
  name: string;
  legend: string;
  /** Show the legend to screen readers only, where a visible heading already says it. */
  legendHidden?: boolean;
  choices: Choice<T>[];
  value: T | null;
  onChange(value: T | null): void;
  invalid?: boolean;
  describedBy?: string;
  disabled?: boolean;
}

/** A labelled radio group in its own fieldset: arrow keys move between answers, as in any native radio group. */
export function ChoiceGroup<T extends string>({ name, legend, legendHidden, choices, value, onChange, invalid, describedBy, disabled }: Props<T>) {
  return (
    <fieldset className="choices" aria-invalid={invalid || undefined} aria-describedby={describedBy}>
      <legend className={legendHidden ? 'sr-only' : undefined}>{legend}</legend>
      {choices.map((c) => {
        const id = `${name}-${c.value ?? 'none'}`;
        return (
          <div className="radio" key={id}>
            <input type="radio" id={id} name={name} checked={value === c.value} disabled={disabled} onChange={() => onChange(c.value)} />
            <label htmlFor={id} title={c.help}>
              {c.label}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}
