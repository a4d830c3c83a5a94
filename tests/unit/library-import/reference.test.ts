import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { parseCsv } from '../../../shared/csv/parse';
import { normaliseReference, parseReferences } from '../../../shared/library/reference';

describe('normaliseReference', () => {
  it.each([
    ['CAD 1234/25OCT26', 'CAD 1234/25OCT26'],
    ['cad1234/25oct26', 'CAD 1234/25OCT26'],
    ['CAD-1234-25Oct26', 'CAD 1234/25OCT26'],
    ['CAD_1234 25OCT26', 'CAD 1234/25OCT26'],
    ['1234/5oct26', 'CAD 1234/05OCT26'],
    ['CRIS 4212345/26', 'CRIS 4212345/26'],
    ['cris-4212345 / 26', 'CRIS 4212345/26'],
    ['4212345/26', 'CRIS 4212345/26'],
  ])('%s -> %s', (text, expected) => {
    expect(normaliseReference(text)).toBe(expected);
  });

  it.each(['CAD 1234/31APR26', 'CAD 1234/12OCX26', '123/26', 'CAD', 'CAD 1234/25OCT26 CRIS 4212345/26', ''])(
    'gives null for %j',
    (text) => {
      expect(normaliseReference(text)).toBeNull();
    },
  );

  it('accepts 29 February only in leap years', () => {
    expect(normaliseReference('CAD 1/29FEB28')).toBe('CAD 1/29FEB28');
    expect(normaliseReference('CAD 1/29FEB26')).toBeNull();
  });
});

describe('parseReferences', () => {
  it('splits on ";", "," and spaces, in order, once each', () => {
    expect(parseReferences('CAD 4517/24OCT26; cris 4212345/26, 4517/24oct26 CAD 12/1NOV26')).toEqual({
      references: ['CAD 4517/24OCT26', 'CRIS 4212345/26', 'CAD 12/01NOV26'],
      unrecognised: [],
    });
  });

  it('keeps and reports text that is no reference', () => {
    expect(parseReferences(' see notes ; CAD 4517/24OCT26, op Encompass ')).toEqual({
      references: ['see notes', 'CAD 4517/24OCT26', 'op Encompass'],
      unrecognised: ['see notes', 'op Encompass'],
    });
    expect(parseReferences('CAD 99/31APR26')).toEqual({ references: ['CAD 99/31APR26'], unrecognised: ['CAD 99/31APR26'] });
  });

  it('does not carve references out of longer numbers', () => {
    expect(parseReferences('94212345/26')).toEqual({ references: ['94212345/26'], unrecognised: ['94212345/26'] });
  });

  it('gives nothing for an empty cell', () => {
    expect(parseReferences('  ')).toEqual({ references: [], unrecognised: [] });
  });

  it('normalises every Cases cell of the sample export with nothing left over', () => {
    const csv = parseCsv(readFileSync(new URL('../../fixtures/data/axon-style-export.csv', import.meta.url), 'utf8'));
    const casesAt = csv.rows[0]!.fields.indexOf('Cases');
    const cells = csv.rows.slice(1).map((r) => r.fields[casesAt]!).filter((c) => c !== '');
    expect(cells.length).toBeGreaterThan(10);
    for (const cell of cells) expect(parseReferences(cell)).toEqual({ references: [cell], unrecognised: [] });
  });

  it('is idempotent: normalised output reads back as itself', () => {
    const months = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99999 }), fc.integer({ min: 1, max: 28 }), fc.constantFrom(...months),
        fc.integer({ min: 0, max: 99 }), fc.constantFrom('CAD', 'cad', ''), fc.constantFrom(' ', '-', ''), fc.constantFrom('/', '-'),
        (n, day, mon, yy, prefix, sep1, sep2) => {
          const typed = `${prefix}${prefix ? sep1 : ''}${n}${sep2}${day}${mon.toLowerCase()}${String(yy).padStart(2, '0')}`;
          const once = normaliseReference(typed);
          return once !== null && normaliseReference(once) === once && once.startsWith(`CAD ${n}/`);
        },
      ),
    );
  });

  it('never throws and never loses non-separator text', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = parseReferences(s);
        return r.unrecognised.every((u) => r.references.includes(u) && s.includes(u));
      }),
    );
  });
});
