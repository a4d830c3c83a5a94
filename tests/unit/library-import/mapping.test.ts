import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseCsv } from '../../../shared/csv/parse';
import { AXON_PRESET, checkMapping, parseMappingFile } from '../../../shared/library/mapping';

const minimal = { name: 'Force X', version: 2, columns: { id: 'Ref', officer: 'Officer', recordedOn: 'Start' } };

describe('mapping files', () => {
  it('accepts a minimal file and fills the defaults', () => {
    expect(parseMappingFile(JSON.stringify(minimal))).toEqual({
      ok: true,
      mapping: {
        ...minimal, categorySeparator: ';', tagSeparator: ',', fieldsFromTags: {}, dateFormat: 'dd/mm/yyyy HH:MM',
        timeZone: 'Europe/London', flags: [],
      },
    });
  });

  it('accepts a BOM and header alternatives', () => {
    const r = parseMappingFile('\ufeff' + JSON.stringify({ ...minimal, columns: { ...minimal.columns, officer: ['Recorded By', 'Owner'] } }));
    expect(r).toMatchObject({ ok: true, mapping: { columns: { officer: ['Recorded By', 'Owner'] } } });
  });

  it.each([
    ['a missing required column', { ...minimal, columns: { id: 'Ref', recordedOn: 'Start' } }, 'columns.officer'],
    ['an empty header name', { ...minimal, columns: { ...minimal.columns, title: ' ' } }, 'columns.title: a header name cannot be empty'],
    ['a misspelt key', { ...minimal, colums: {} }, 'Unrecognized key: "colums"'],
    ['an unknown date format', { ...minimal, dateFormat: 'yyyy/dd/mm' }, 'dateFormat'],
    ['another time zone', { ...minimal, timeZone: 'Europe/Paris' }, 'timeZone'],
    ['a fractional version', { ...minimal, version: 1.5 }, 'version'],
    ['a bad regex', { ...minimal, flags: [{ name: 'x', when: { column: 'A', regex: '(' } }] }, 'flags.0.when.regex: is not a valid regular expression'],
    ['two conditions', { ...minimal, flags: [{ name: 'x', when: { column: 'A', contains: 'a', equals: 'b' } }] }, 'flags.0.when: give exactly one of contains, equals or regex'],
    ['a flag name with spaces', { ...minimal, flags: [{ name: 'Child Present', when: { column: 'A', contains: 'a' } }] }, 'flags.0.name'],
  ])('names the field for %s', (_what, value, expected) => {
    const r = parseMappingFile(JSON.stringify(value));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(expected);
  });

  it('reports invalid JSON as such', () => {
    expect(parseMappingFile('{"name": ')).toMatchObject({ ok: false, error: expect.stringMatching(/^mapping file is not valid JSON: /) });
    expect(parseMappingFile('[]')).toMatchObject({ ok: false, error: expect.stringContaining('(top level)') });
  });
});

describe('AXON_PRESET', () => {
  it('is a valid mapping as it stands', () => {
    expect(checkMapping(AXON_PRESET)).toEqual({ ok: true, mapping: AXON_PRESET });
  });

  it('names only headers that the sample export has', () => {
    const csv = parseCsv(readFileSync(new URL('../../fixtures/data/axon-style-export.csv', import.meta.url), 'utf8'));
    const header = new Set(csv.rows[0]!.fields.map((h) => h.trim().toLowerCase()));
    const named = Object.values(AXON_PRESET.columns).flatMap((ref) => (typeof ref === 'string' ? [ref] : (ref as string[])));
    named.push(...AXON_PRESET.flags.map((f) => f.when.column));
    for (const name of named) expect(header, name).toContain(name.toLowerCase());
  });
});
