/**
 * Clip lengths as exports write them ("00:27:42", "1:02:03", "00:06:37.5") to seconds. Two-part text ("06:37") is
 * refused: it could be minutes:seconds or hours:minutes, and guessing would be wrong by a factor of 60.
 */
export type DurationResult = { ok: true; seconds: number } | { ok: false; error: string };

const HMS = /^(\d+):(\d{2}):(\d{2})(?:[.,](\d{1,3}))?$/;

export function parseDuration(text: string): DurationResult {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: 'empty duration' };
  const m = HMS.exec(trimmed);
  if (!m) return { ok: false, error: `"${trimmed}" is not a duration in the form HH:MM:SS` };
  const [h, min, s] = [+m[1]!, +m[2]!, +m[3]!];
  if (min > 59) return { ok: false, error: `"${trimmed}": minutes ${min} is not 0–59` };
  if (s > 59) return { ok: false, error: `"${trimmed}": seconds ${s} is not 0–59` };
  const fraction = m[4] ? Number(m[4].padEnd(3, '0')) / 1000 : 0;
  return { ok: true, seconds: h * 3600 + min * 60 + s + fraction };
}
