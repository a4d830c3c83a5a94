import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRubric, type Rubric } from '../../../shared/rubric/schema';

const V1_PATH = new URL('../../../resources/rubrics/child-focus.v1.json', import.meta.url);
const v1Text = readFileSync(V1_PATH, 'utf8');

type Fields = Record<string, unknown>;
interface EditableRubric {
  version: unknown;
  scope: Fields;
  overall: Fields;
  items: Fields[];
  answerScales: Record<string, Fields[]>;
}

/** A fresh, mutable copy of the v1 file's data for breaking one field at a time. */
function v1Data(): EditableRubric {
  return JSON.parse(v1Text) as EditableRubric;
}

function at(list: Fields[] | undefined, i: number): Fields {
  const entry = list?.[i];
  if (entry === undefined) throw new Error(`no entry ${i}`);
  return entry;
}

function errorOf(data: unknown, name = 'child-focus.v1.json'): string {
  const r = parseRubric(JSON.stringify(data), name);
  if (r.ok) throw new Error('expected the rubric to be refused');
  return r.error;
}

function parsedV1(): Rubric {
  const r = parseRubric(v1Text, 'child-focus.v1.json');
  if (!r.ok) throw new Error(r.error);
  return r.rubric;
}

describe('the child-focus v1 rubric file', () => {
  it('parses, with the scope question, camera context, items 1-17, overall 18 and escalation', () => {
    const rubric = parsedV1();
    expect(rubric.id).toBe('child-focus');
    expect(rubric.version).toBe(1);
    expect(rubric.source).toMatch(/Child R/);
    expect(rubric.scope.id).toBe('scope');
    expect(rubric.scope.text).toMatch(/children present/);
    expect(rubric.context.map((q) => q.id)).toEqual(['camera-on']);
    expect(rubric.items).toHaveLength(17);
    expect(rubric.items.map((i) => i.id)).toEqual(Array.from({ length: 17 }, (_, i) => String(i + 1)));
    expect(rubric.items.map((i) => i.number)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    expect(rubric.items.every((i) => i.scale === 'compliance' && i.help.length > 20 && i.finding.length > 0)).toBe(true);
    expect(rubric.items[3]?.text).toBe('Child spoken to away from the suspect and other adults where safe');
    expect(rubric.items[15]?.text).toMatch(/Operation Encompass/);
    expect(rubric.overall).toMatchObject({ id: '18', scale: 'overall', learningNoteRequired: true });
    expect(rubric.escalation.noteRequired).toBe(true);
    expect(rubric.answerScales.compliance?.map((o) => o.value)).toEqual(['yes', 'partly', 'no', 'na', 'not_visible']);
    expect(rubric.answerScales.compliance?.[4]?.label).toBe('Not visible on footage');
    expect(rubric.answerScales.overall?.map((o) => o.label)).toEqual(['Good', 'Requires improvement', 'Inadequate']);
  });

  it('accepts a file saved with a byte-order mark', () => {
    expect(parseRubric(`\uFEFF${v1Text}`, 'bom.json').ok).toBe(true);
  });
});

describe('parseRubric refuses malformed files, naming the file and field', () => {
  it('a missing item text', () => {
    const data = v1Data();
    delete at(data.items, 3).text;
    expect(errorOf(data)).toContain('child-focus.v1.json: items[3].text: Required');
  });

  it('a blank item text', () => {
    const data = v1Data();
    at(data.items, 0).text = '   ';
    expect(errorOf(data)).toContain('items[0].text: Must not be empty');
  });

  it('a duplicate item id', () => {
    const data = v1Data();
    at(data.items, 4).id = '4';
    expect(errorOf(data)).toContain('items[4].id: Duplicate id "4" (already used by items.3)');
  });

  it('an item id clashing with the overall question', () => {
    const data = v1Data();
    at(data.items, 16).id = '18';
    expect(errorOf(data)).toMatch(/overall\.id: Duplicate id "18"/);
  });

  it('a duplicate item number', () => {
    const data = v1Data();
    at(data.items, 5).number = 5;
    expect(errorOf(data)).toContain('items[5].number: Duplicate number 5');
  });

  it('an unknown scale', () => {
    const data = v1Data();
    at(data.items, 2).scale = 'likert';
    expect(errorOf(data)).toContain('items[2].scale: Unknown scale "likert" (answerScales defines: compliance, overall)');
  });

  it('an item pointing at the overall-judgement scale', () => {
    const data = v1Data();
    at(data.items, 0).scale = 'overall';
    expect(errorOf(data)).toMatch(/items\[0\]\.scale: Scale "overall" offers "good", "requires_improvement", "inadequate", which an item cannot take/);
  });

  it('a scale value the report cannot count', () => {
    const data = v1Data();
    at(data.answerScales.compliance, 1).value = 'maybe';
    expect(errorOf(data)).toContain('answerScales.compliance[1].value:');
  });

  it('a version given as text', () => {
    const data = v1Data();
    data.version = '1';
    expect(errorOf(data)).toMatch(/child-focus\.v1\.json: version: .*expected number/);
  });

  it('a misspelt key', () => {
    const data = v1Data();
    data.overall.learningNoteRequried = true;
    expect(errorOf(data)).toMatch(/overall: Unrecognized key: "learningNoteRequried"/);
  });

  it('text that is not JSON, and a non-string', () => {
    const r = parseRubric('{"id": "x",', 'broken.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^broken\.json: \(top level\): Not valid JSON/);
    const s = parseRubric(42 as unknown as string, 'n.json');
    expect(s.ok).toBe(false);
  });

  it('lists every problem with its own path', () => {
    const data = v1Data();
    delete at(data.items, 0).finding;
    delete data.scope.help;
    const r = parseRubric(JSON.stringify(data), 'two.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path).sort()).toEqual(['items[0].finding', 'scope.help']);
  });
});

describe('parseRubric is general: a force can add its own rubric as data', () => {
  it('accepts another id and version, a different number of items and a scale of its own', () => {
    const own = {
      id: 'vulnerable-adult',
      version: 3,
      title: 'Adult at risk focus',
      source: 'Force learning review 2024/7',
      scope: { id: 'present', text: 'Was an adult at risk present?', help: '' },
      context: [],
      answerScales: {
        yes_no: [
          { value: 'yes', label: 'Done' },
          { value: 'no', label: 'Not done' },
          { value: 'not_visible', label: 'Cannot tell' },
        ],
        judgement: [
          { value: 'good', label: 'Good' },
          { value: 'inadequate', label: 'Poor' },
        ],
      },
      items: [
        { id: 'a', number: 1, text: 'Adult seen alone', finding: 'not seen alone', help: 'h', scale: 'yes_no' },
        { id: 'b', number: 2, text: 'Capacity considered', finding: 'capacity', help: 'h', scale: 'yes_no' },
      ],
      overall: { id: 'overall', text: 'Overall', scale: 'judgement' },
      escalation: { text: 'Live risk', noteRequired: false },
    };
    const r = parseRubric(JSON.stringify(own), 'vulnerable-adult.v3.json');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.rubric.items.map((i) => i.id)).toEqual(['a', 'b']);
  });
});
