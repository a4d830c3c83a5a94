import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCoordinates, parseMotorolaSidecar } from '../../../shared/library/sidecar';
import { parseVtt } from '../../../shared/library/vtt';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/data/${name}`, import.meta.url), 'utf8');
const sampleJson = fixture('motorola-style-sidecar.json');
const sampleVtt = fixture('motorola-style-sidecar.vtt');
const dir = mkdtempSync(join(tmpdir(), 'bwc-sidecar-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parseMotorolaSidecar on the samples', () => {
  it('reads identity, times, bookmarks and the GPS track', () => {
    expect(parseMotorolaSidecar(sampleJson, sampleVtt)).toEqual({
      ok: true,
      sidecar: {
        deviceSerial: 'VB400-0042117',
        officer: 'PC 2211CE',
        officerId: '2211CE',
        startUtc: '2026-10-12T18:04:51.000Z',
        endUtc: '2026-10-12T18:21:07.000Z',
        bookmarks: [{ t: '2026-10-12T18:09:30.000Z', label: 'child present' }],
        gps: [
          { t: '2026-10-12T18:04:51.000Z', lat: 51.54512, lon: -0.05543 },
          { t: '2026-10-12T18:04:52.000Z', lat: 51.545131, lon: -0.055418 },
        ],
        references: [],
      },
      problems: [],
    });
  });

  it('works without the VTT', () => {
    const r = parseMotorolaSidecar(sampleJson);
    expect(r).toMatchObject({ ok: true, sidecar: { gps: [] }, problems: [] });
  });
});

describe('parseMotorolaSidecar on malformed input', () => {
  const json = JSON.parse(sampleJson) as Record<string, unknown>;
  const withJson = (over: Record<string, unknown>) => JSON.stringify({ ...json, ...over });

  it('names the JSON field that is wrong', () => {
    expect(parseMotorolaSidecar(withJson({ StartTime: '12/10/2026 18:04' }))).toEqual({
      ok: false,
      problems: [{ file: 'json', line: null, message: 'sidecar JSON: StartTime: "12/10/2026 18:04" is not an ISO 8601 date-time with Z or an offset' }],
    });
    const noSerial = parseMotorolaSidecar(withJson({ DeviceSerial: undefined, DataPoints: [{ Time: 'x', Event: 'Bookmark' }] }));
    expect(noSerial.ok).toBe(false);
    expect(noSerial.problems[0]!.message).toContain('DeviceSerial');
    expect(noSerial.problems[0]!.message).toContain('DataPoints.0.Time');
  });

  it('refuses text that is not JSON and a clip that ends before it starts', () => {
    expect(parseMotorolaSidecar('{"DeviceSerial": ')).toMatchObject({ ok: false, problems: [{ file: 'json', message: expect.stringMatching(/^sidecar JSON is not valid JSON/) }] });
    expect(parseMotorolaSidecar(withJson({ EndTime: '2026-10-12T18:00:00Z' }))).toMatchObject({
      ok: false, problems: [{ message: 'EndTime 2026-10-12T18:00:00.000Z is before StartTime 2026-10-12T18:04:51.000Z' }],
    });
  });

  it('reports a bookmark outside the clip and reads references', () => {
    const r = parseMotorolaSidecar(withJson({
      DataPoints: [{ Time: '2026-10-12T19:00:00+01:00', Event: 'bookmark' }, { Time: '2026-10-12T20:00:00Z', Event: 'Bookmark', Label: 'late' }],
      References: ['cad 4517/24oct26', 'unknown'],
    }));
    expect(r).toMatchObject({
      ok: true,
      sidecar: { bookmarks: [{ t: '2026-10-12T18:00:00.000Z', label: null }, { t: '2026-10-12T20:00:00.000Z', label: 'late' }], references: ['CAD 4517/24OCT26', 'unknown'] },
    });
    expect(r.problems.map((p) => p.message)).toEqual([
      'bookmark at 2026-10-12T18:00:00.000Z is outside the clip (2026-10-12T18:04:51.000Z to 2026-10-12T18:21:07.000Z)',
      'bookmark at 2026-10-12T20:00:00.000Z is outside the clip (2026-10-12T18:04:51.000Z to 2026-10-12T18:21:07.000Z)',
      'References: "unknown" is not a CAD or CRIS reference; kept as written',
    ]);
  });

  it('keeps readable cues and reports bad ones with their VTT line', () => {
    const vtt = [
      'WEBVTT', '',
      '00:00:00.000 --> 00:00:01.000', '{"gpsCoordinates":"N51.5 W0.05","officer":"PC 2211CE"}', '',
      '00:00:01.000 --> 00:00:02.000', '{"gpsCoordinates":"N51.5 W0.05", officer}', '',
      '00:00:02.000 --> 00:00:03.000', '{"gpsCoordinates":"somewhere","officer":"PC 2211CE"}', '',
      '00:00:03.000 --> 00:00:04.000', '{"gpsCoordinates":"N95.0 E0.1","officer":"PC 9999CE"}', '',
      '00:00:0x.000 --> 00:00:05.000', '{}', '',
    ].join('\r\n');
    const path = join(dir, 'clip.vtt');
    writeFileSync(path, vtt);
    const r = parseMotorolaSidecar(sampleJson, readFileSync(path, 'utf8'));
    expect(r).toMatchObject({ ok: true, sidecar: { gps: [{ t: '2026-10-12T18:04:51.000Z', lat: 51.5, lon: -0.05 }] } });
    expect(r.problems).toEqual([
      { file: 'vtt', line: 15, message: 'cue timing "00:00:0x.000 --> 00:00:05.000" is not "HH:MM:SS.mmm --> HH:MM:SS.mmm"' },
      { file: 'vtt', line: 7, message: expect.stringMatching(/^cue text is not valid JSON: /) },
      { file: 'vtt', line: 10, message: 'gpsCoordinates "somewhere" is not "N51.5 W0.05" or "51.5,-0.05"' },
      { file: 'vtt', line: 13, message: 'cue officer "PC 9999CE" differs from the sidecar\'s officer "PC 2211CE"' },
      { file: 'vtt', line: 13, message: 'gpsCoordinates "N95.0 E0.1" is off the globe' },
    ]);
  });

  it('refuses a VTT without its header but keeps the JSON', () => {
    const r = parseMotorolaSidecar(sampleJson, sampleVtt.replace('WEBVTT', 'WEBVT'));
    expect(r).toMatchObject({ ok: true, sidecar: { gps: [] }, problems: [{ file: 'vtt', line: 1, message: 'not a WebVTT file: the first line must be "WEBVTT"' }] });
  });
});

describe('parseVtt', () => {
  it('reads identifiers, hour-less timestamps, settings and multi-line payloads; skips NOTE blocks', () => {
    const r = parseVtt('\ufeffWEBVTT - sidecar\nKind: metadata\n\nNOTE a comment\nspanning lines\n\ncue-1\n01:02.500 --> 01:03.000 align:start\n{"a":\n1}\n\n\n');
    expect(r).toEqual({
      cues: [{ line: 8, id: 'cue-1', startSec: 62.5, endSec: 63, text: '{"a":\n1}', textLine: 9 }],
      problems: [],
    });
  });

  it('reports blocks without timing and cues that end before they start', () => {
    const r = parseVtt('WEBVTT\n\njust text\n\n00:00:05.000 --> 00:00:04.000\nx\n');
    expect(r.cues).toEqual([]);
    expect(r.problems).toEqual([
      { line: 3, message: 'expected a cue timing line "HH:MM:SS.mmm --> HH:MM:SS.mmm", found "just text"' },
      { line: 5, message: 'cue ends (4 s) before or when it starts (5 s)' },
    ]);
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.string(), (s) => Array.isArray(parseVtt(`WEBVTT\n\n${s}`).cues)), { numRuns: 1000 });
  });
});

describe('parseCoordinates', () => {
  it('reads hemisphere letters and signed decimals', () => {
    expect(parseCoordinates('N51.545120 W0.055430')).toEqual({ lat: 51.54512, lon: -0.05543 });
    expect(parseCoordinates('s33.9 e151.2')).toEqual({ lat: -33.9, lon: 151.2 });
    expect(parseCoordinates('51.5, -0.05')).toEqual({ lat: 51.5, lon: -0.05 });
    expect(parseCoordinates('-0.05 51.5x')).toBe('gpsCoordinates "-0.05 51.5x" is not "N51.5 W0.05" or "51.5,-0.05"');
  });
});
