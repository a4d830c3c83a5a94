const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(text: string): boolean {
  return MONTH.test(text);
}

/** The `count` consecutive months ending with `last` ('YYYY-MM'), oldest first. */
export function monthsEndingWith(last: string, count: number): string[] {
  const m = MONTH.exec(last);
  if (m === null) throw new RangeError(`monthsEndingWith: "${last}" is not a YYYY-MM month`);
  const index = Number(m[1]) * 12 + (Number(m[2]) - 1);
  const out: string[] = [];
  for (let i = index - count + 1; i <= index; i += 1) {
    out.push(`${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}
