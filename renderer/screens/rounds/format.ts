/** Words and numbers as the Rounds screen shows them. */
export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** UK local date and time of a stored UTC instant, as a supervisor reads a clock. */
export function ukDateTime(iso: string | null): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString('en-GB', { timeZone: 'Europe/London', dateStyle: 'medium', timeStyle: 'short' });
}

export function percent(fraction: number): string {
  return `${Number((fraction * 100).toPrecision(6))}%`;
}

/** A design weight N_h/n_h to four decimals, or a dash for a stratum with nothing sampled. */
export function weight(w: number | null): string {
  return w === null ? '—' : String(Number(w.toFixed(4)));
}

export const listOrAny = (values: readonly string[], any = 'any') => (values.length === 0 ? any : values.join(', '));
