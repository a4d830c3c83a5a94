import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getRubric, loadRubrics } from '../../../electron/core/rubrics/catalogue';
import { UserError } from '../../../electron/core/errors';

const V1 = join(__dirname, '../../../resources/rubrics/child-focus.v1.json');
const v1 = () => JSON.parse(readFileSync(V1, 'utf8')) as Record<string, unknown> & { items: Record<string, unknown>[] };

/** A resources folder with rubrics/ holding the given files (name → text). */
function resources(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'bwc-rubrics-'));
  mkdirSync(join(dir, 'rubrics'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'rubrics', name), text);
  return dir;
}

function thrown(fn: () => unknown): UserError {
  try {
    fn();
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error('expected a UserError');
}

describe('rubric catalogue', () => {
  it('loads the shipped child-focus v1 rubric from the repository resources', () => {
    const r = getRubric(join(__dirname, '../../../resources'), 'child-focus', 1);
    expect(r.items).toHaveLength(17);
    expect(r.overall.id).toBe('18');
  });

  it('takes a rubric a force adds as a file, without code changes', () => {
    const mine = { ...v1(), id: 'acme-force', version: 3, title: 'Acme child focus' };
    const dir = resources({ 'child-focus.v1.json': readFileSync(V1, 'utf8'), 'acme-force.v3.json': JSON.stringify(mine) });
    const { rubrics, refused } = loadRubrics(dir);
    expect(refused).toEqual([]);
    expect(rubrics.map((r) => `${r.rubric.id}@${r.rubric.version}`)).toEqual(['acme-force@3', 'child-focus@1']);
    expect(getRubric(dir, 'acme-force', 3).title).toBe('Acme child focus');
  });

  it('refuses a malformed file naming the file and the field, and keeps the good ones', () => {
    const broken = v1();
    delete broken.items[3]!.text;
    const dir = resources({ 'child-focus.v1.json': readFileSync(V1, 'utf8'), 'child-focus.v2.json': JSON.stringify({ ...broken, version: 2 }) });
    const { rubrics, refused } = loadRubrics(dir);
    expect(rubrics.map((r) => r.file)).toEqual(['child-focus.v1.json']);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.message).toBe('child-focus.v2.json: items[3].text: Required');
    // Asking for the refused rubric explains why it is not there.
    const e = thrown(() => getRubric(dir, 'child-focus', 2));
    expect(e.code).toBe('not-found');
    expect(e.message).toMatch(/child-focus v2 is not in .*refused: child-focus\.v2\.json: items\[3\]\.text: Required/);
  });

  it('refuses a file that is not JSON, naming the file', () => {
    const { refused } = loadRubrics(resources({ 'bad.json': '{ "id": ' }));
    expect(refused[0]!.message).toMatch(/^bad\.json: \(top level\): Not valid JSON/);
  });

  it('refuses a wrong type naming the field', () => {
    const { refused } = loadRubrics(resources({ 'x.json': JSON.stringify({ ...v1(), version: 'one' }) }));
    expect(refused[0]!.message).toMatch(/^x\.json: version: /);
  });

  it('refuses a second file claiming the same id and version', () => {
    const text = readFileSync(V1, 'utf8');
    const dir = resources({ 'a.json': text, 'b.json': text });
    const { rubrics, refused } = loadRubrics(dir);
    expect(rubrics.map((r) => r.file)).toEqual(['a.json']);
    expect(refused[0]).toEqual({ file: 'b.json', message: 'b.json: id, version: child-focus v1 is already defined by a.json' });
  });

  it('ignores files that are not .json', () => {
    const dir = resources({ 'README.txt': 'notes' });
    copyFileSync(V1, join(dir, 'rubrics', 'child-focus.v1.json'));
    expect(loadRubrics(dir).rubrics).toHaveLength(1);
  });

  it('says which folder is missing', () => {
    const e = thrown(() => loadRubrics(join(tmpdir(), 'no-such-resources-folder')));
    expect(e.code).toBe('io');
    expect(e.message).toMatch(/no-such-resources-folder\/rubrics/);
  });

  it('is not-found for an unknown rubric', () => {
    const e = thrown(() => getRubric(join(__dirname, '../../../resources'), 'child-focus', 9));
    expect(e.code).toBe('not-found');
    expect(e.message).toMatch(/rubric child-focus v9 is not in/);
  });
});
