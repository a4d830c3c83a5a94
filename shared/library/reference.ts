import { daysInMonth } from '../time/civil';

/**
 * CAD and CRIS references, normalised so that one call is one string wherever it was typed.
 *
 * Shapes (Metropolitan Police usage; the sample export writes "CAD 4517/24OCT26"):
 * - CAD (computer-aided dispatch): a call number of up to 5 digits, then the day the call was opened as DDMMMYY.
 *   Read with or without the "CAD" prefix, any case, with a space, hyphen, underscore or nothing after the prefix and
 *   "/", "-" or a space before the date: "cad1234/25oct26", "CAD-1234-25Oct26", "1234/5OCT26". Written
 *   "CAD 1234/25OCT26" (day padded to two digits, month upper case). The call number keeps its digits as typed:
 *   "0123" and "123" may be different systems' renderings and are not merged.
 * - CRIS (crime report): a 7-digit number then "/" and a two-digit year, with or without the "CRIS" prefix:
 *   "4212345/26" is written "CRIS 4212345/26".
 * A cell may hold several, separated by ";", "," or spaces. Text between references that is neither (after dropping
 * separators) is kept as-is, trimmed, and reported, so nothing typed is lost.
 */
export interface ReferenceParse {
  /** Normalised references, then unrecognised text, in the order they appear, each once. */
  references: string[];
  /** The pieces of text that were not a CAD or CRIS reference (also present in references). */
  unrecognised: string[];
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

// The look-arounds stop a reference being carved out of a longer run of digits or letters.
const REFERENCE = new RegExp(
  String.raw`(?<![A-Za-z0-9])(?:` +
    String.raw`(?:CAD[\s_-]*)?(?<cad>\d{1,5})(?:\s*[/-]\s*|\s+)(?<day>\d{1,2})(?<mon>[A-Za-z]{3})(?<yy>\d{2})` +
    String.raw`|(?:CRIS[\s_-]*)?(?<cris>\d{7})\s*/\s*(?<crisYy>\d{2})` +
    String.raw`)(?![A-Za-z0-9])`,
  'gi',
);

export function parseReferences(cell: string): ReferenceParse {
  const references: string[] = [];
  const unrecognised: string[] = [];
  const keepUnrecognised = (gap: string) => {
    for (const piece of gap.split(/[;,]/)) {
      const trimmed = piece.trim();
      if (trimmed === '') continue;
      references.push(trimmed);
      unrecognised.push(trimmed);
    }
  };
  let last = 0;
  for (const m of cell.matchAll(REFERENCE)) {
    keepUnrecognised(cell.slice(last, m.index));
    const normalised = normaliseMatch(m.groups ?? {});
    if (normalised) references.push(normalised);
    else keepUnrecognised(m[0]);
    last = m.index + m[0].length;
  }
  keepUnrecognised(cell.slice(last));
  return { references: [...new Set(references)], unrecognised: [...new Set(unrecognised)] };
}

/** One reference to its normal form, or null when the text is not exactly one CAD or CRIS reference. */
export function normaliseReference(text: string): string | null {
  const parsed = parseReferences(text);
  return parsed.unrecognised.length === 0 && parsed.references.length === 1 ? parsed.references[0]! : null;
}

function normaliseMatch(g: Record<string, string | undefined>): string | null {
  if (g.cris !== undefined) return `CRIS ${g.cris}/${g.crisYy}`;
  const month = MONTHS.indexOf((g.mon ?? '').toUpperCase()) + 1;
  const day = Number(g.day);
  // A date that is not on the calendar (31APR26, 12OCX26) means this is not a CAD reference after all.
  if (month === 0 || day < 1 || day > daysInMonth(2000 + Number(g.yy), month)) return null;
  return `CAD ${g.cad}/${String(day).padStart(2, '0')}${MONTHS[month - 1]}${g.yy}`;
}
